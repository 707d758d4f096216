import type { GrowthCost } from './analysis';
import { formatBytes, formatCount, formatMs, formatRatio, renderTable, type Row } from './format';
import type { SizeResult } from './measure-size';
import type { BenchResult } from './results';

const GROWTH_LABELS: Record<GrowthCost, string> = {
  answerMedian: 'answer latency, median',
  answerP99: 'answer latency, p99',
  searchMedian: 'searchPassages, median',
  build: 'index build time',
  indexFile: 'index file size',
  indexLoad: 'index load time',
  heap: 'heap retained',
};

/** The human-readable report. */
export function formatReport(result: BenchResult): string {
  const { environment: env, sizes, coldStart, analysis } = result;
  const head = (label: string): Row => [label, ...sizes.map((s) => `${s.factor}x`)];
  const row = (label: string, cell: (s: SizeResult, i: number) => string): Row => [label, ...sizes.map(cell)];
  const vs = analysis.vsBaseline;

  const parts: string[] = [
    `guidebot answer benchmark: node ${env.node}, ${env.platform}, ${env.cpus} CPUs (${env.cpuModel})`,
    `${env.questions} questions from ${env.evalFile}; times in ms; heap ${env.gcExposed ? 'measured after full GC (--expose-gc)' : 'APPROXIMATE (run with node --expose-gc)'}`,
    '',
    renderTable([
      'Answer latency in process, per question (ms)',
      head(''),
      row('passages', (s) => formatCount(s.passages)),
      row('samples per subject', (s) => formatCount(s.answer.samples)),
      row('  (timed passes, after warm-up passes)', (s) => `${s.rounds}, after ${s.warmupRounds}`),
      row('bot.handle median', (s) => formatMs(s.answer.medianMs)),
      row('bot.handle p99', (s) => formatMs(s.answer.p99Ms)),
      row('  behind the privacy guard, median', (s) => formatMs(s.guarded.medianMs)),
      row('  behind the privacy guard, p99', (s) => formatMs(s.guarded.p99Ms)),
      row('model reading (understand) median', (s) => formatMs(s.understand.medianMs)),
      row('model reading (understand) p99', (s) => formatMs(s.understand.p99Ms)),
      row('searchPassages median', (s) => formatMs(s.search.medianMs)),
      row('searchPassages p99', (s) => formatMs(s.search.p99Ms)),
      row('baseline (plain Lunr search) median', (s) => formatMs(s.baseline.medianMs)),
      row('baseline (plain Lunr search) p99', (s) => formatMs(s.baseline.p99Ms)),
      row('bot.handle / baseline, median', (_, i) => formatRatio(vs[i]!.answerMedian)),
      row('bot.handle / baseline, p99', (_, i) => formatRatio(vs[i]!.answerP99)),
      row('searchPassages / baseline, median', (_, i) => formatRatio(vs[i]!.searchMedian)),
      row('searchPassages / baseline, p99', (_, i) => formatRatio(vs[i]!.searchP99)),
      row('replies (answer/fallback/smalltalk)', (s) =>
        ['answer', 'fallback', 'smalltalk'].map((k) => s.replies[k] ?? 0).join('/'),
      ),
    ]),
    '',
    renderTable([
      'Index build, size, load and memory',
      head(''),
      row('sections', (s) => formatCount(s.sections)),
      row('model training (ms)', (s) => `${formatMs(s.trainMs)} (${s.trainEpochs} epochs)`),
      row('model file (JSON)', (s) => formatBytes(s.modelBytes)),
      row('index terms (stems)', (s) => formatCount(s.terms)),
      row('build, median (ms)', (s) => `${formatMs(s.buildMs)} (n=${s.builds})`),
      row('baseline build, median (ms)', (s) => `${formatMs(s.baselineBuildMs)} (n=${s.builds})`),
      row('build / baseline', (_, i) => formatRatio(vs[i]!.build)),
      row('index file (JSON)', (s) => formatBytes(s.indexFileBytes)),
      row('index load from file, median (ms)', (s) => `${formatMs(s.indexLoadMs)} (n=${s.loads})`),
      row('heap retained by index + bot', (s) => formatBytes(s.heapBytes)),
      row('heap retained by baseline index', (s) => formatBytes(s.baselineHeapBytes)),
      row('heap / baseline', (_, i) => formatRatio(vs[i]!.heap)),
      row('cold start, estimated (ms)', (_, i) =>
        formatMs(analysis.estimatedColdStartMs[i]?.ms ?? Number.NaN),
      ),
    ]),
  ];

  if (analysis.growth.length)
    parts.push(
      '',
      renderTable([
        `Growth against ${sizes[0]!.factor}x (cost ratio; linear growth means ratio <= size ratio)`,
        ['', ...analysis.growth.map((g) => `${g.factor}x`)],
        ['size ratio (passages)', ...analysis.growth.map((g) => formatRatio(g.sizeRatio))],
        ...(Object.keys(GROWTH_LABELS) as GrowthCost[]).map((k): Row => [
          GROWTH_LABELS[k],
          ...analysis.growth.map(
            (g) => `${formatRatio(g.costs[k])}${g.superlinear.includes(k) ? ' (!)' : ''}`,
          ),
        ]),
        ['baseline search, median', ...analysis.growth.map((g) => formatRatio(g.baselineMedian))],
        [
          'answer median growth / baseline growth',
          ...analysis.growth.map((g) => formatRatio(g.answerMedianVsBaseline)),
        ],
        ['no worse than linear', ...analysis.growth.map((g) => (g.superlinear.length ? 'NO' : 'yes'))],
      ]),
    );

  if (coldStart)
    parts.push(
      '',
      renderTable([
        `Cold start: process spawn to exit, 1x, prebuilt index (${coldStart.indexBeforeTiming === 'prebuilt' ? 'present' : `was ${coldStart.indexBeforeTiming}, built first`}), n=${coldStart.runs} each`,
        ['', 'median', 'p99', 'min', 'max'],
        [
          `guidebot ask "${coldStart.question.length > 40 ? `${coldStart.question.slice(0, 37)}...` : coldStart.question}"`,
          ...[
            coldStart.guidebot.medianMs,
            coldStart.guidebot.p99Ms,
            coldStart.guidebot.minMs,
            coldStart.guidebot.maxMs,
          ].map(formatMs),
        ],
        [
          'baseline: node -e ""',
          ...[
            coldStart.bareNode.medianMs,
            coldStart.bareNode.p99Ms,
            coldStart.bareNode.minMs,
            coldStart.bareNode.maxMs,
          ].map(formatMs),
        ],
        [
          'guidebot / bare node',
          formatRatio(analysis.coldStartRatio.median),
          formatRatio(analysis.coldStartRatio.p99),
          '',
          '',
        ],
        [
          'added by guidebot (median difference)',
          formatMs(analysis.coldStartRatio.addedMedianMs),
          '',
          '',
          '',
        ],
      ]),
    );

  parts.push(
    '',
    'Targets',
    ...analysis.verdicts.map((v) => `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.name}: ${v.measured}`),
    '',
    'Notes',
    '  baseline: a plain Lunr index (default pipeline: stop words, Porter stemmer; fields text and section title)',
    '    over the same passages, searched with index.search(question words); built and timed in this run.',
    '  Nx: the guideline repeated N times with new section and passage ids; each copied passage gets 3 made-up',
    '    words (seeded), so the vocabulary grows too. Every copy keeps the real words, so each question matches',
    '    N times as many passages: the pessimistic case for search cost.',
    '  latency: each question as a new conversation; subjects take turns pass by pass so machine drift hits all.',
    '  bot.handle: the core turn (targets are judged on it); behind the privacy guard: the same bot wrapped as',
    '    loadBot serves it (its name tagger reads capitalised words the guideline does not use).',
    '  cold start, estimated: measured 1x cold start + (index load Nx - index load 1x), loads timed in process.',
    `  total run time: ${result.totalSeconds.toFixed(1)} s`,
  );
  return parts.join('\n');
}
