import type { AnalyticsReport, GapGroup } from '../analytics/compute-report';
import type { Candidate } from './candidates';
import { UNDECIDED } from './review-schema';

const HEADER = `# guidebot knowledge review: questions the bot could not answer well.
# For each entry, set action to one of:
#   keep  add the questions to the question bank as examples of the passage named by section and anchor
#   drop  leave them out (the guideline does not answer them, or they are not worth teaching)
# The proposed passage is the model's best guess; the other candidates are listed in comments. To re-point,
# copy another candidate's section and anchor, or write any section id and a few words copied verbatim
# from the passage. You may also edit or delete the questions (they are already redacted).
# Every entry needs keep or drop before the file can be merged. Then run:
#   guidebot knowledge merge THIS_FILE
#   npm run build        (or: guidebot index build) so the model learns them
`;

/** Normalised form for "is this question already known". */
export function questionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!]+$/, '')
    .trim();
}

/**
 * The review file for a report's unanswered and not-helpful question groups, leaving out questions the
 * bank already holds (merged before) and groups seen twice. Returns the text and how many entries it has.
 */
export function writeReview(
  report: AnalyticsReport,
  known: ReadonlySet<string>,
): { text: string; entries: number } {
  const seen = new Set(known);
  const entries: string[] = [];
  const add = (reason: string, group: GapGroup): void => {
    const questions = group.questions.map((q) => q.text).filter((q) => !seen.has(questionKey(q)));
    const [best, ...others] = group.candidates ?? [];
    if (!questions.length || !best) return;
    for (const q of questions) seen.add(questionKey(q));
    entries.push(
      [
        `  - reason: ${reason}`,
        `    asked: ${group.count}`,
        '    questions:',
        ...questions.map((q) => `      - ${quote(q)}`),
        `    # proposed (score ${best.score.toFixed(2)}): ${comment(best.label)}: "${comment(best.start)}"`,
        `    section: ${best.section}`,
        `    anchor: ${quote(best.anchor)}`,
        ...others.flatMap((c) => otherCandidate(c)),
        `    action: ${UNDECIDED} # keep | drop`,
      ].join('\n'),
    );
  };
  for (const group of report.unanswered) add('unanswered', group);
  for (const group of report.notHelpful) add('not-helpful', group);
  const period = `# Period: ${report.period.since} to ${report.period.until}; ${entries.length} entries.\n`;
  const body = entries.length ? `reviews:\n${entries.join('\n\n')}\n` : 'reviews: []\n';
  return { text: `${HEADER}${period}\n${body}`, entries: entries.length };
}

function otherCandidate(c: Candidate): string[] {
  return [
    `    # or (score ${c.score.toFixed(2)}): ${comment(c.label)}: "${comment(c.start)}"`,
    `    #   section: ${c.section}`,
    `    #   anchor: ${quote(c.anchor)}`,
  ];
}

/** A YAML double-quoted scalar (JSON's escapes are valid YAML). */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** Text on one comment line. */
function comment(text: string): string {
  return text.replace(/\s+/g, ' ');
}
