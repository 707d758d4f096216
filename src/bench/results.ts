import type { Analysis } from './analysis';
import type { ColdStart } from './cold-start';
import type { SizeResult } from './measure-size';

export interface Environment {
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  /** True when heap figures follow a full garbage collection (node --expose-gc). */
  gcExposed: boolean;
  evalFile: string;
  questions: number;
}

/** Everything one run measured: printed as a table, or as JSON with --json. */
export interface BenchResult {
  environment: Environment;
  sizes: SizeResult[];
  coldStart?: ColdStart;
  analysis: Analysis;
  totalSeconds: number;
}
