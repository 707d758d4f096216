import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createBot, type ConversationState } from '../core/bot';
import { loadWebWording, WEB_WORDING_FILE } from '../adapters/web/web-wording';
import { GuidebotError, KnowledgeFileError } from '../core/errors';
import { loadKnowledge, type KnowledgeBase } from '../core/knowledge/load-knowledge';
import { freshness } from '../core/privacy/freshness';
import { loadPrivacyKnowledge } from '../core/privacy/privacy-file';
import { buildLunrIndex } from '../core/search/build-index';
import { createSearchIndex } from '../core/search/search-index';
import { createMemoryStore } from '../core/state/memory-store';
import { trainFor } from '../core/understand/model-file';
import { createUnderstander } from '../core/understand/understand';
import { formatEvalReport, readEvalFile, runEval } from './run-eval';
import type { EvalQuestion } from './score';

/** The lowest rates the eval must reach, kept beside the tests (absent in an install without tests). */
const DEFAULT_FLOOR_FILE = path.resolve(__dirname, '../../test/eval/floor.json');

interface KnowledgeCheckOptions {
  knowledgeDir?: string | undefined;
  evalFile: string;
  floorFile?: string;
  now?: Date;
}

/**
 * `guidebot knowledge check`: validates every knowledge file, builds the index in memory (nothing is
 * written) and runs the eval against the floor. For owners to run after an edit; ok is false on any problem.
 */
export async function checkKnowledge(options: KnowledgeCheckOptions): Promise<{ ok: boolean; text: string }> {
  const lines: string[] = [];
  let ok = true;
  const fail = (line: string): void => {
    ok = false;
    lines.push(`FAIL ${line}`);
  };
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledge(options.knowledgeDir);
  } catch (error) {
    if (!(error instanceof KnowledgeFileError)) throw error;
    fail(error.message);
    return { ok, text: lines.join('\n') };
  }
  const { guideline, contacts } = kb;
  lines.push(
    `ok   guidelines.md: ${guideline.sections.length} sections, ${guideline.passages.length} passages`,
    `ok   contacts.yaml: ${contacts.contacts.length} contacts; messages.yaml; dialogs: ${kb.dialogs.length}`,
  );
  try {
    loadPrivacyKnowledge(kb.dir);
    lines.push('ok   privacy.yaml');
  } catch (error) {
    if (!(error instanceof KnowledgeFileError)) throw error;
    fail(error.message);
  }
  try {
    loadWebWording(kb.dir);
    lines.push(`ok   ${WEB_WORDING_FILE}`);
  } catch (error) {
    if (!(error instanceof KnowledgeFileError)) throw error;
    fail(error.message);
  }
  lines.push(freshnessLine(kb, options.now ?? new Date()));
  lines.push(...bankLines(kb, fail));

  const index = createSearchIndex(kb, buildLunrIndex(kb));
  let evalQuestions: EvalQuestion[];
  try {
    evalQuestions = readEvalFile(options.evalFile);
  } catch (error) {
    if (!(error instanceof GuidebotError)) throw error;
    fail(`eval not run: ${error.message}`);
    return { ok, text: lines.join('\n') };
  }
  // Trained in memory: a check writes nothing (it takes a few seconds).
  const understander = createUnderstander(kb, trainFor(kb));
  const bot = createBot({ index, understander, store: createMemoryStore<ConversationState>() });
  const report = await runEval(bot, understander, evalQuestions);
  lines.push(formatEvalReport(report));
  const floorFile = options.floorFile ?? DEFAULT_FLOOR_FILE;
  const floor = readFloor(floorFile, options.evalFile);
  if (!floor) fail(`no floor to check the eval against: ${floorFile} is missing or lists no set`);
  else {
    const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
    if (report.answerRate < floor.answerRate)
      fail(`answers fell below the floor: ${pct(report.answerRate)} < ${pct(floor.answerRate)}`);
    else if (report.fallbackRate < floor.fallbackRate)
      fail(`fallbacks fell below the floor: ${pct(report.fallbackRate)} < ${pct(floor.fallbackRate)}`);
    else
      lines.push(
        `ok   eval at or above the floor (${pct(floor.answerRate)} answers, ${pct(floor.fallbackRate)} fallbacks)`,
      );
  }
  return { ok, text: lines.join('\n') };
}

/** Passages with fewer examples than this are listed: about five is where more examples stop helping. */
export const MIN_EXAMPLES = 5;

/** The question bank: groups whose passage is gone fail the check; passages with few examples are listed. */
function bankLines(kb: KnowledgeBase, fail: (line: string) => void): string[] {
  const { bank, guideline } = kb;
  for (const group of bank.unresolved)
    fail(
      `${group.where}: the examples for ${group.section} "${group.anchor}" point at no passage (${group.reason})`,
    );
  const counts = new Map<string, number>();
  for (const group of bank.passages)
    counts.set(group.passageId, (counts.get(group.passageId) ?? 0) + group.examples.length);
  const examples = [...counts.values()].reduce((a, b) => a + b, 0);
  const lines = [
    `${bank.unresolved.length ? 'FAIL' : 'ok  '} questions/: ${examples} passage examples for ${counts.size} passages, ` +
      `${bank.outOfScope.length} out of scope, ${bank.person.length} asking for a person`,
  ];
  const thin = guideline.passages.filter((p) => (counts.get(p.id) ?? 0) < MIN_EXAMPLES);
  if (thin.length) {
    lines.push(`note ${thin.length} passages have fewer than ${MIN_EXAMPLES} examples:`);
    for (const p of thin)
      lines.push(
        `       ${p.id} (${counts.get(p.id) ?? 0}): "${p.text.slice(0, 70)}${p.text.length > 70 ? '…' : ''}"`,
      );
  }
  return lines;
}

function freshnessLine(kb: KnowledgeBase, now: Date): string {
  const fresh = freshness(kb, now);
  if (fresh.status === 'unknown')
    return 'note guidelines.md has no reviewBy date: answers carry no review notice';
  if (fresh.status === 'stale')
    return `note the review-by date ${fresh.reviewBy} passed ${fresh.daysOverdue} day(s) ago: answers carry the review notice`;
  return `ok   review-by date ${fresh.reviewBy} has not passed`;
}

interface Floor {
  file?: unknown;
  answerRate?: unknown;
  fallbackRate?: unknown;
}

/** The floor kept for this eval file in floor.json, or the first one (the development set's). */
function readFloor(file: string, evalFile: string): { answerRate: number; fallbackRate: number } | undefined {
  if (!existsSync(file)) return undefined;
  const { sets = [] } = JSON.parse(readFileSync(file, 'utf8')) as { sets?: Floor[] };
  const root = path.resolve(path.dirname(file), '../..');
  const floor =
    sets.find(
      (set) => typeof set.file === 'string' && path.resolve(root, set.file) === path.resolve(evalFile),
    ) ?? sets[0];
  if (!floor) return undefined;
  const rate = (x: unknown): number => (typeof x === 'number' ? x : 0);
  return { answerRate: rate(floor.answerRate), fallbackRate: rate(floor.fallbackRate) };
}
