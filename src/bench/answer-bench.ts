import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../core/knowledge/load-knowledge';
import { DEFAULT_EVAL_FILE, readEvalFile } from '../eval/run-eval';
import { analyse } from './analysis';
import { measureColdStart } from './cold-start';
import { formatMs } from './format';
import { measureSize, type SizeResult } from './measure-size';
import { GC_EXPOSED } from './memory';
import { formatReport } from './report';
import type { BenchResult } from './results';

const USAGE = `Usage: node --expose-gc dist/bench/answer-bench.js [--json] [--scales 1,10] [--cold-runs 10] [--file F]

  --json        print one JSON object instead of the table
  --scales      knowledge base and bank sizes, as multiples of the real ones (the first is the growth reference)
  --cold-runs   process starts timed for cold start (0 skips it)
  --file        evaluation questions (default test/eval/dev-questions.jsonl)`;

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      scales: { type: 'string', default: '1,10' },
      'cold-runs': { type: 'string', default: '10' },
      file: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const scales = values.scales.split(',').map(Number);
  const coldRuns = Number(values['cold-runs']);
  if (!scales.length || scales.some((n) => !Number.isInteger(n) || n < 1) || !(coldRuns >= 0)) {
    process.stderr.write(`bench: bad arguments\n\n${USAGE}\n`);
    return 2;
  }

  const started = Date.now();
  const evalFile = values.file ?? DEFAULT_EVAL_FILE;
  const questions = readEvalFile(evalFile).map((q) => q.q);
  const kb = loadKnowledge(process.env.GUIDEBOT_KNOWLEDGE_DIR || undefined);
  if (!GC_EXPOSED) progress('no --expose-gc: heap figures are approximate');

  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'guidebot-bench-'));
  const sizes: SizeResult[] = [];
  try {
    for (const factor of scales) {
      progress(`${factor}x: building, loading and timing ${questions.length} questions...`);
      const size = await measureSize(kb, factor, questions, tempDir);
      progress(
        `${factor}x: ${size.passages} passages, answer median ${formatMs(size.answer.medianMs)} ms, p99 ${formatMs(size.answer.p99Ms)} ms`,
      );
      sizes.push(size);
    }
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }

  let coldStart;
  if (coldRuns > 0) {
    progress(`cold start: ${coldRuns} runs of guidebot ask and of bare node...`);
    const question = readEvalFile(evalFile).find((q) => q.expect === 'answer')?.q ?? questions[0] ?? 'hello';
    coldStart = measureColdStart(question, coldRuns);
  }

  const result: BenchResult = {
    environment: {
      node: process.version,
      platform: `${process.platform}/${process.arch}`,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
      gcExposed: GC_EXPOSED,
      evalFile: path.relative(process.cwd(), evalFile) || evalFile,
      questions: questions.length,
    },
    sizes,
    ...(coldStart && { coldStart }),
    analysis: analyse(sizes, coldStart),
    totalSeconds: (Date.now() - started) / 1000,
  };
  process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : formatReport(result)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
