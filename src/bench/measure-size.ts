import { statSync } from 'node:fs';
import type lunr from 'lunr';
import { createBot, type ConversationState } from '../core/bot';
import type { KnowledgeBase } from '../core/knowledge/load-knowledge';
import { buildLunrIndex } from '../core/search/build-index';
import { searchPassages } from '../core/search/search';
import { createSearchIndex } from '../core/search/search-index';
import { loadPrivacyKnowledge } from '../core/privacy/privacy-file';
import { withPrivacy } from '../core/privacy/with-privacy';
import { createMemoryStore } from '../core/state/memory-store';
import { modelToJson, trainModel } from '../core/understand/model';
import { passageTexts } from '../core/understand/model-file';
import { TRAIN_DEFAULTS } from '../core/understand/softmax';
import { trainingSet } from '../core/understand/training-set';
import { createUnderstander } from '../core/understand/understand';
import { buildBaselineIndex, baselineQuery, searchBaseline } from './baseline-index';
import { timed } from './clock';
import { sampleLatency, type SamplingPlan } from './latency';
import { heapUsedAfterGc } from './memory';
import { timeIndexLoad, writeIndexFile } from './index-load';
import { median, summarizeNs, type Summary } from './stats';
import { scaleKnowledge } from './synthetic-kb';

export interface SizeResult {
  factor: number;
  passages: number;
  sections: number;
  /** Distinct stems in our index. */
  terms: number;
  /** Median of `builds` index builds (buildLunrIndex), ms. */
  buildMs: number;
  /** Same for the plain-Lunr baseline index. */
  baselineBuildMs: number;
  builds: number;
  /** Size of the index file as the CLI would load it. */
  indexFileBytes: number;
  /** Median of `loads` loads of that file (read, JSON.parse, lunr.Index.load, createSearchIndex), ms. */
  indexLoadMs: number;
  loads: number;
  /** Heap retained by our index, search index and bot; and by the baseline index. */
  heapBytes: number;
  baselineHeapBytes: number;
  /** Model training: time, epochs (fewer above 1x: latency does not depend on them), file size (JSON). */
  trainMs: number;
  trainEpochs: number;
  modelBytes: number;
  /**
   * Latency per question: bot.handle, the same behind the privacy guard (as loadBot serves it), the model's
   * reading alone, searchPassages (Lunr), plain Lunr.
   */
  answer: Summary;
  guarded: Summary;
  understand: Summary;
  search: Summary;
  baseline: Summary;
  warmupRounds: number;
  rounds: number;
  /** Reply kinds for one pass over the questions, to show what the bot did at this size. */
  replies: Record<string, number>;
}

const LATENCY_PLAN: SamplingPlan = {
  warmupCalls: 300,
  warmupBudgetMs: 2000,
  budgetMs: 8000,
  minRounds: 3,
  maxRounds: 100,
};

/** Builds, stores, loads and questions a knowledge base `factor` times the guideline's size. */
export async function measureSize(
  base: KnowledgeBase,
  factor: number,
  questions: string[],
  tempDir: string,
): Promise<SizeResult> {
  const kb = scaleKnowledge(base, factor);
  const builds = factor >= 100 ? 3 : 5;

  const heapBefore = heapUsedAfterGc();
  const buildTimes: number[] = [];
  let ours: lunr.Index | undefined;
  for (let i = 0; i < builds; i++) {
    ours = undefined; // let the previous build be collected while the next one runs
    const { ns, value } = timed(() => buildLunrIndex(kb));
    buildTimes.push(ns);
    ours = value;
  }
  const index = createSearchIndex(kb, ours!);
  // Above 1x the model is trained for a few epochs only: what is timed is reading, not accuracy.
  const trainEpochs = factor > 1 ? 3 : TRAIN_DEFAULTS.epochs;
  const trained = timed(() =>
    trainModel(trainingSet(kb), passageTexts(kb), { ...TRAIN_DEFAULTS, epochs: trainEpochs }),
  );
  const modelBytes = Buffer.byteLength(JSON.stringify(modelToJson(trained.value)));
  const understander = createUnderstander(kb, trained.value);
  const store = createMemoryStore<ConversationState>();
  // Every question searched, as a question never asked before is: the server remembers recent ones.
  const bot = createBot({ index, understander, store, recentQuestions: 0 });
  const heapWithOurs = heapUsedAfterGc();

  const baselineTimes: number[] = [];
  let baselineIndex: lunr.Index | undefined;
  for (let i = 0; i < builds; i++) {
    baselineIndex = undefined;
    const { ns, value } = timed(() => buildBaselineIndex(kb));
    baselineTimes.push(ns);
    baselineIndex = value;
  }
  const baseline = baselineIndex!;
  const heapWithBaseline = heapUsedAfterGc();
  // Made after the heap is measured: the guard loads its name tagger, which no index holds.
  const privacy = loadPrivacyKnowledge(process.env.GUIDEBOT_KNOWLEDGE_DIR || undefined);
  const guardedStore = createMemoryStore<ConversationState>();
  const guarded = withPrivacy(
    createBot({ index, understander, store: guardedStore, recentQuestions: 0 }),
    privacy,
    { store: guardedStore, kb, retentionDays: 90, collectionNotice: false },
  );

  const indexFile = writeIndexFile(kb, index, tempDir, `index-x${factor}.json`);
  const loads = factor >= 100 ? 3 : 5;
  const indexLoadMs = timeIndexLoad(kb, indexFile, loads);

  const replies: Record<string, number> = {};
  let conversation = 0;
  for (const question of questions) {
    const [reply] = await bot.handle({
      channel: 'console',
      conversation: `kinds-${conversation++}`,
      user: 'bench',
      text: question,
    });
    const kind = reply?.kind ?? 'none';
    replies[kind] = (replies[kind] ?? 0) + 1;
  }

  let key = '';
  const sampled = await sampleLatency(
    [
      {
        name: 'answer',
        run: (text) => {
          const id = `bench-${conversation++}`;
          key = `console:${id}`;
          return bot.handle({ channel: 'console', conversation: id, user: 'bench', text });
        },
        // Each call opens a conversation; forgetting it keeps the store from growing over the run.
        after: () => store.delete(key),
      },
      {
        name: 'guarded',
        run: (text) => {
          const id = `bench-${conversation++}`;
          key = `console:${id}`;
          return guarded.handle({ channel: 'console', conversation: id, user: 'bench', text });
        },
        after: () => guardedStore.delete(key),
      },
      { name: 'understand', run: (text) => understander.understand(text) },
      { name: 'search', run: (text) => searchPassages(index, text) },
      { name: 'baseline', run: (text) => searchBaseline(baseline, baselineQuery(text)) },
    ],
    questions,
    LATENCY_PLAN,
  );
  const summary = (name: string): Summary => summarizeNs(sampled.durations.get(name) ?? []);

  return {
    factor,
    passages: kb.guideline.passages.length,
    sections: kb.guideline.sections.length,
    terms: Object.keys((index.lunr as unknown as { invertedIndex: object }).invertedIndex).length,
    buildMs: median(buildTimes) / 1e6,
    baselineBuildMs: median(baselineTimes) / 1e6,
    builds,
    indexFileBytes: statSync(indexFile).size,
    indexLoadMs,
    loads,
    heapBytes: heapWithOurs - heapBefore,
    baselineHeapBytes: heapWithBaseline - heapWithOurs,
    trainMs: trained.ns / 1e6,
    trainEpochs,
    modelBytes,
    answer: summary('answer'),
    guarded: summary('guarded'),
    understand: summary('understand'),
    search: summary('search'),
    baseline: summary('baseline'),
    warmupRounds: sampled.warmupRounds,
    rounds: sampled.rounds,
    replies,
  };
}
