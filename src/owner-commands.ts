import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SectionLabels } from './core/analytics/compute-report';
import type { Env } from './config';
import { loadKnowledge, type KnowledgeBase } from './core/knowledge/load-knowledge';
import type { LoadedBot } from './core/load-bot';
import { candidateFinder, type CandidateFinder } from './core/review/candidates';
import { mergeReview } from './core/review/merge-review';
import { questionKey, writeReview } from './core/review/write-review';
import { loadOrTrainModel, modelPathBeside } from './core/understand/model-file';
import { explain, renderExplanation } from './core/understand/explain';
import { createUnderstander } from './core/understand/understand';
import { guardPersonalInformation } from './core/privacy/guard';
import { notPersonalFrom } from './core/privacy/not-personal';
import { loadPrivacyKnowledge } from './core/privacy/privacy-file';
import { cleanText } from './core/search/text';

/** The knowledge and index paths the CLI was given (environment). */
export interface Paths {
  knowledgeDir?: string | undefined;
  indexPath?: string | undefined;
}

/** Section labels and the model's best passages for each question, for the report and the review file. */
export function reportHelpers(
  kb: KnowledgeBase,
  paths: Paths,
): { labels: SectionLabels; candidates: CandidateFinder } {
  const model = loadOrTrainModel(kb, paths.indexPath && modelPathBeside(paths.indexPath)).model;
  return {
    labels: new Map(kb.guideline.sections.map((s) => [s.id, s.path.join(' › ')])),
    candidates: candidateFinder(kb, createUnderstander(kb, model)),
  };
}

/**
 * `guidebot ask --explain`: the model's reading of the (redacted) question, and what the bot replied.
 */
export async function explainQuestion(loaded: LoadedBot, question: string, json: boolean): Promise<string> {
  const kb = loaded.index.kb;
  const allow = notPersonalFrom(loadPrivacyKnowledge(kb.dir), kb);
  const redacted = guardPersonalInformation(cleanText(question), allow).redacted;
  const explanation = explain(kb, loaded.understander, redacted);
  const [first] = await loaded.bot.handle({
    channel: 'console',
    conversation: 'explain',
    user: 'owner',
    text: question,
  });
  const reply = first && {
    kind: first.kind,
    sections: first.citations.map((c) => c.sectionId),
    ...(first.dialog && { dialog: first.dialog.id }),
  };
  if (json) return `${JSON.stringify({ ...explanation, reply })}\n`;
  const said =
    reply &&
    `${reply.kind}${reply.dialog ? ` (${reply.dialog})` : ''}${reply.sections.length ? `, quoting ${reply.sections.join(', ')}` : ''}`;
  return `${renderExplanation(explanation, said)}\n`;
}

/** `guidebot knowledge suggest`: writes the review file; refuses to overwrite one (an owner's edits). */
export async function suggestReview(
  paths: Paths,
  period: { since: Date; until: Date },
  env: Env,
  out: string,
): Promise<string> {
  if (existsSync(out))
    throw new UsageError(`${out} exists: merge or move it first, or name another file with --out`);
  const kb = loadKnowledge(paths.knowledgeDir);
  const helpers = reportHelpers(kb, paths);
  const { readReport } = await import('./core/analytics/report-command.js');
  const { report } = await readReport({ period, env, ...helpers });
  const known = new Set(
    [
      ...kb.bank.passages.flatMap((g) => g.examples),
      ...Object.values(kb.bank.dialogs).flat(),
      ...Object.values(kb.bank.smalltalk).flat(),
      ...kb.bank.person,
      ...kb.bank.outOfScope,
    ].map(questionKey),
  );
  const { text, entries } = writeReview(report, known);
  writeFileSync(out, text);
  return entries
    ? `wrote ${entries} question group(s) to ${out}: set each action to keep or drop, then run "guidebot knowledge merge ${out}"\n`
    : `nothing to review in this period; wrote an empty ${out}\n`;
}

/** `guidebot knowledge merge FILE`: adds the kept questions to the bank. */
export function mergeReviewFile(paths: Paths, file: string): string {
  if (!existsSync(file))
    throw new UsageError(`${file} not found: name the review file that knowledge suggest wrote`);
  const kb = loadKnowledge(paths.knowledgeDir);
  const result = mergeReview(file, kb);
  const lines = [
    result.added
      ? `added ${result.added} question(s) for ${result.passages} passage(s) to ${result.file}`
      : 'added no questions',
    `dropped ${result.dropped} group(s)`,
    ...result.skipped.map((s) => `skipped ${s}`),
  ];
  if (result.added) lines.push('run "npm run build" (or "guidebot index build") so the model learns them');
  return `${lines.join('\n')}\n`;
}

/** A mistake in how a command was called: the CLI prints it with the usage. */
export class UsageError extends Error {}

/** The default review file name: in the current folder, dated. */
export function defaultReviewFile(now: Date): string {
  return path.resolve(`guidebot-review-${now.toISOString().slice(0, 10)}.yaml`);
}
