import type { ColdStart } from './cold-start';
import type { SizeResult } from './measure-size';
import { ratio } from './stats';

/** Targets from the issue, for this 2-core machine. */
const TARGETS = { answerP99Ms: 1, coldStartMs: 400 } as const;

/** How one size's costs compare with the first (1x) size's. Each ratio is cost(N) / cost(1x). */
export interface Growth {
  factor: number;
  /** passages(N) / passages(1x): growth is linear or better when a cost's ratio is at most this. */
  sizeRatio: number;
  costs: Record<GrowthCost, number>;
  /** Costs whose ratio exceeds sizeRatio. */
  superlinear: GrowthCost[];
  /** The plain-Lunr baseline's median search latency, same ratio: how Lunr itself grows on this data. */
  baselineMedian: number;
  /** costs.answerMedian / baselineMedian: above 1 when our code grows faster than plain Lunr search. */
  answerMedianVsBaseline: number;
}

export type GrowthCost =
  'answerMedian' | 'answerP99' | 'searchMedian' | 'build' | 'indexFile' | 'indexLoad' | 'heap';

/** Our cost over the plain-Lunr baseline's, measured on the same data in the same run. */
interface VsBaseline {
  factor: number;
  answerMedian: number;
  answerP99: number;
  searchMedian: number;
  searchP99: number;
  build: number;
  heap: number;
}

interface Verdict {
  name: string;
  measured: string;
  pass: boolean;
}

export interface Analysis {
  growth: Growth[];
  vsBaseline: VsBaseline[];
  coldStartRatio: { median: number; p99: number; addedMedianMs: number };
  /** 1x cold start plus the extra index load time of a bigger index: an estimate, not a measurement. */
  estimatedColdStartMs: { factor: number; ms: number }[];
  verdicts: Verdict[];
}

const costOf = (s: SizeResult): Record<GrowthCost, number> => ({
  answerMedian: s.answer.medianMs,
  answerP99: s.answer.p99Ms,
  searchMedian: s.search.medianMs,
  build: s.buildMs,
  indexFile: s.indexFileBytes,
  indexLoad: s.indexLoadMs,
  heap: s.heapBytes,
});

export function analyse(sizes: SizeResult[], coldStart: ColdStart | undefined): Analysis {
  const first = sizes[0];
  const growth: Growth[] = [];
  if (first)
    for (const size of sizes.slice(1)) {
      const sizeRatio = ratio(size.passages, first.passages);
      const baseCosts = costOf(first);
      const sizeCosts = costOf(size);
      const costs = Object.fromEntries(
        (Object.keys(sizeCosts) as GrowthCost[]).map((k) => [k, ratio(sizeCosts[k], baseCosts[k])]),
      ) as Record<GrowthCost, number>;
      const superlinear = (Object.keys(costs) as GrowthCost[]).filter((k) => !(costs[k] <= sizeRatio));
      const baselineMedian = ratio(size.baseline.medianMs, first.baseline.medianMs);
      growth.push({
        factor: size.factor,
        sizeRatio,
        costs,
        superlinear,
        baselineMedian,
        answerMedianVsBaseline: ratio(costs.answerMedian, baselineMedian),
      });
    }

  const vsBaseline = sizes.map((s) => ({
    factor: s.factor,
    answerMedian: ratio(s.answer.medianMs, s.baseline.medianMs),
    answerP99: ratio(s.answer.p99Ms, s.baseline.p99Ms),
    searchMedian: ratio(s.search.medianMs, s.baseline.medianMs),
    searchP99: ratio(s.search.p99Ms, s.baseline.p99Ms),
    build: ratio(s.buildMs, s.baselineBuildMs),
    heap: ratio(s.heapBytes, s.baselineHeapBytes),
  }));

  const coldStartRatio = coldStart
    ? {
        median: ratio(coldStart.guidebot.medianMs, coldStart.bareNode.medianMs),
        p99: ratio(coldStart.guidebot.p99Ms, coldStart.bareNode.p99Ms),
        addedMedianMs: coldStart.guidebot.medianMs - coldStart.bareNode.medianMs,
      }
    : { median: Number.NaN, p99: Number.NaN, addedMedianMs: Number.NaN };

  const estimatedColdStartMs =
    coldStart && first
      ? sizes.map((s) => ({
          factor: s.factor,
          ms: coldStart.guidebot.medianMs + (s.indexLoadMs - first.indexLoadMs),
        }))
      : [];

  const verdicts: Verdict[] = [];
  const one = sizes.find((s) => s.factor === 1);
  if (one)
    verdicts.push({
      name: `answer p99 at 1x under ${TARGETS.answerP99Ms} ms`,
      measured: `${one.answer.p99Ms.toFixed(3)} ms`,
      pass: one.answer.p99Ms < TARGETS.answerP99Ms,
    });
  if (coldStart)
    verdicts.push({
      name: `cold start (median) under ${TARGETS.coldStartMs} ms`,
      measured: `${coldStart.guidebot.medianMs.toFixed(0)} ms (p99 ${coldStart.guidebot.p99Ms.toFixed(0)} ms)`,
      pass: coldStart.guidebot.medianMs < TARGETS.coldStartMs,
    });
  for (const g of growth)
    verdicts.push({
      name: `growth no worse than linear at ${g.factor}x (every cost ratio <= ${g.sizeRatio.toFixed(0)})`,
      measured: g.superlinear.length
        ? `superlinear: ${g.superlinear.map((k) => `${k} x${g.costs[k].toFixed(1)}`).join(', ')}` +
          ` (plain Lunr baseline search grew x${g.baselineMedian.toFixed(1)} on the same data)`
        : `largest ratio x${Math.max(...Object.values(g.costs)).toFixed(1)}`,
      pass: g.superlinear.length === 0,
    });

  return { growth, vsBaseline, coldStartRatio, estimatedColdStartMs, verdicts };
}
