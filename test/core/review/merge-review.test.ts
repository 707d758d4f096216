import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../../src/core/knowledge/load-knowledge';
import { findPassage } from '../../../src/core/knowledge/load-bank';
import { mergeReview } from '../../../src/core/review/merge-review';
import { anchorFor } from '../../../src/core/review/passage-anchor';
import { copyKnowledge, makeTempDir, removeTempDirs } from '../../helpers/knowledge-copy';

afterAll(removeTempDirs);

describe('anchors the review file proposes', () => {
  it('pick exactly their own passage, for every passage of the guideline', () => {
    const { guideline } = loadKnowledge();
    for (const passage of guideline.passages) {
      const anchor = anchorFor(guideline, passage);
      expect([passage.id, findPassage(guideline, passage.sectionId, anchor)]).toEqual([
        passage.id,
        { id: passage.id },
      ]);
      expect(passage.text).toContain(anchor);
    }
  });
});

describe('merging a review into the bank', () => {
  it('appends to the entry for the same passage (keeping its comments), adds new ones, and drops what was dropped', () => {
    const dir = copyKnowledge();
    const bankFile = path.join(dir, 'questions/passages-reviewed.yaml');
    writeFileSync(
      bankFile,
      [
        '# kept by the comms team',
        'passages:',
        '  - section: b-approvals',
        '    anchor: "Approvals: Social media tools"',
        '    examples:',
        '      - who ok-s our new insta account # asked twice in March',
        '',
      ].join('\n'),
    );
    const review = path.join(makeTempDir('review'), 'review.yaml');
    writeFileSync(
      review,
      [
        'reviews:',
        '  - questions: ["does pab need to see our yt channel plan", "who ok-s our new insta account"]',
        '    section: b-approvals',
        '    anchor: "social media tools are part of the tool set"', // the same passage, other words
        '    action: keep',
        '  - questions: ["can we post pics of ppl at the bbq"]',
        '    section: appendix-a-disclosure',
        '    anchor: "Government may not freely re-post"',
        '    action: keep',
        '  - questions: ["where do i book a meeting room"]',
        '    section: b-approvals',
        '    anchor: "anything"',
        '    action: drop',
        '',
      ].join('\n'),
    );
    const result = mergeReview(review, loadKnowledge(dir));
    expect(result).toEqual({
      file: bankFile,
      added: 2,
      passages: 2,
      dropped: 1,
      skipped: ['"who ok-s our new insta account": already in the bank (b-approvals/1)'],
    });
    expect(readFileSync(bankFile, 'utf8')).toBe(
      [
        '# kept by the comms team',
        'passages:',
        '  - section: b-approvals',
        '    anchor: "Approvals: Social media tools"',
        '    examples:',
        '      - who ok-s our new insta account # asked twice in March',
        '      - does pab need to see our yt channel plan',
        '  - section: appendix-a-disclosure',
        '    anchor: Government may not freely re-post',
        '    examples:',
        '      - can we post pics of ppl at the bbq',
        '',
      ].join('\n'),
    );
    // The merged file is part of the bank: the next load has the questions under their passages.
    const examples = loadKnowledge(dir).bank.passages.flatMap((g) =>
      g.examples.includes('can we post pics of ppl at the bbq') ? [g.passageId] : [],
    );
    expect(examples).toEqual(['appendix-a-disclosure/4']);
  });
});
