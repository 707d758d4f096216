import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sectionReply } from '../../src/core/answer';
import { loadKnowledge } from '../../src/core/knowledge/load-knowledge';
import { loadBot, type LoadedBot } from '../../src/core/load-bot';
import { buildLunrIndex } from '../../src/core/search/build-index';
import { createSearchIndex } from '../../src/core/search/search-index';
import { copyKnowledge, removeTempDirs } from '../helpers/knowledge-copy';

let loaded: LoadedBot;
beforeAll(() => {
  loaded = loadBot({
    indexPath: path.join(mkdtempSync(path.join(tmpdir(), 'guidebot-answers-')), 'index.json'),
  });
});
afterAll(() => removeTempDirs());

const ask = async (text: string, conversation = text) =>
  (await loaded.bot.handle({ channel: 'console', conversation, user: 'u', text }))[0]!;

describe('answers', () => {
  it('quote guideline passages verbatim, each cited with its section and the guideline version', async () => {
    const reply = await ask('can i tweet abt a court case?');
    const passages = loaded.index.kb.guideline.passages.map((p) => p.text);
    expect(reply.kind).toBe('answer');
    expect(reply.passages.length).toBeGreaterThanOrEqual(1);
    expect(reply.passages.length).toBeLessThanOrEqual(3);
    for (const quoted of reply.passages) {
      expect(passages).toContain(quoted.text);
      expect(reply.text).toContain(quoted.text);
      expect(quoted.citation.version).toBe(loaded.index.kb.guideline.meta.version);
      expect(reply.text).toContain(quoted.citation.label);
    }
    expect(reply.text.toLowerCase()).toContain('matters before the courts');
  });

  it('show the contacts named for the cited section', async () => {
    const reply = await ask('are tweets records?');
    expect(reply.kind).toBe('answer');
    expect(reply.citations.map((c) => c.sectionId)).toContain('appendix-a-records-management');
    expect(reply.contacts.map((c) => c.id)).toContain('records-officer');
    expect(reply.text).toContain('Your Records Officer');
  });

  it('fall back with the Citizen Engagement contact when the guideline does not answer', async () => {
    for (const question of [
      'How do I reset my IDIR password?',
      'what is the per diem for meals in Kamloops',
    ]) {
      const reply = await ask(question);
      expect(reply.kind).toBe('fallback');
      expect(reply.passages).toEqual([]);
      expect(reply.text).toContain('citizenengagement@gov.bc.ca');
    }
  });

  it('fall back on everyday office questions that share a word with a passage ("book", "days")', async () => {
    for (const question of ['how do I book a meeting room', 'how many vacation days do I get']) {
      const reply = await ask(question);
      expect(reply.kind).toBe('fallback');
      expect(reply.text).toContain('citizenengagement@gov.bc.ca');
    }
    // A topic word beside the everyday one is answered from the passage that has it.
    const reply = await ask('is a book cover protected by copyright?');
    expect(reply.kind).toBe('answer');
    expect(reply.passages[0]!.citation.sectionId).toBe('appendix-a-intellectual-property');
  });

  it('answer greetings, thanks and help with small talk that says what the bot does', async () => {
    for (const text of ['hi', 'Thanks!', 'help', '']) {
      const reply = await ask(text);
      expect(reply.kind).toBe('smalltalk');
      expect(reply.text.length).toBeGreaterThan(10);
    }
    expect((await ask('help')).text).toContain('citizenengagement@gov.bc.ca');
  });

  it('offer nearby sections on a fallback, and a typed number or label picks one', async () => {
    const vague = [
      'where do i get a parking pass',
      'how do I book a meeting room',
      'what font should we use',
    ];
    const replies = await Promise.all(vague.map((q) => ask(q, `vague-${q}`)));
    // A fallback also offers to forward the question (the consent choices come after the sections).
    const sections = (r: (typeof replies)[number]) => r.choices.filter((c) => c.id.startsWith('section:'));
    const index = replies.findIndex((r) => r.kind === 'fallback' && sections(r).length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const conversation = `vague-${vague[index]}`;
    const offered = sections(replies[index]!);
    const byNumber = await ask('1', conversation);
    expect(byNumber.kind).toBe('answer');
    expect(byNumber.citations[0]!.sectionId).toBe(offered[0]!.id.replace('section:', ''));
    await ask(vague[index]!, conversation);
    const byLabel = await ask(offered[offered.length - 1]!.label.toUpperCase(), conversation);
    expect(byLabel.citations[0]!.sectionId).toBe(offered[offered.length - 1]!.id.replace('section:', ''));
  });
});

describe('a section picked from "did you mean"', () => {
  const passage = (id: string): string => loaded.index.passages.get(id)!.text;
  const texts = (reply: { passages: { text: string }[] }) => reply.passages.map((p) => p.text);

  /** Asks `question`, expects a fallback offering `sectionId`, and clicks that section. */
  async function pick(question: string, sectionId: string) {
    const conversation = `pick-${question}`;
    const fallback = await ask(question, conversation);
    expect(fallback.kind).toBe('fallback');
    expect(fallback.choices.map((c) => c.id)).toContain(`section:${sectionId}`);
    const [reply] = await loaded.bot.handle({
      channel: 'console',
      conversation,
      user: 'u',
      choice: `section:${sectionId}`,
    });
    expect(reply!.kind).toBe('answer');
    return reply!;
  }

  it('quotes the passages of the section that best fit the question asked', async () => {
    // The two tests, with the list they introduce, rather than the section's first passage.
    const tests = await pick(
      'what are the two tests for a tweet about my hockey team',
      'c-being-professional',
    );
    expect(texts(tests)).toEqual([
      passage('c-being-professional/2'),
      passage('c-being-professional/3'),
      passage('c-being-professional/4'),
    ]);
    const photos = await pick('who owns the photos the province posts?', 'appendix-a-intellectual-property');
    // Ownership first ("can be owned and disposed of by the Province"), then the copyright rule.
    expect(texts(photos).slice(0, 2)).toEqual([
      passage('appendix-a-intellectual-property/2'),
      passage('appendix-a-intellectual-property/3'),
    ]);
  });

  it("quotes the section's opening rule when nothing in it fits the question, not a list item", async () => {
    const records = await pick('recrods for tweets?', 'appendix-a-records-management');
    expect(texts(records)).toEqual([passage('appendix-a-records-management/1')]);
    expect(records.text).toContain('government must ensure that all necessary records are being captured');
    expect(records.text).not.toContain('Creating the record');
    expect(records.citations.map((c) => c.sectionId)).toEqual(['appendix-a-records-management']);
  });

  it('opens every section of the guideline with a rule, never with a bare lead-in such as "Key points:"', () => {
    for (const section of loaded.index.kb.guideline.sections) {
      const own = [...loaded.index.passages.values()].filter((p) => p.sectionId === section.id);
      const reply = sectionReply(loaded.index, section.id);
      if (!own.length) {
        expect(reply.passages).toEqual([]);
        continue;
      }
      const first = reply.passages[0]!.text;
      // Only a section that is nothing but a lead-in (Appendix A's "… the following considerations:") opens
      // with one.
      if (own.length > 1) expect(first).not.toMatch(/^[^.]*:$/);
      expect(own.map((p) => p.text)).toContain(first);
    }
    expect(texts(sectionReply(loaded.index, 'appendix-a-records-management'))).toEqual([
      passage('appendix-a-records-management/1'),
    ]);
    // A rule that introduces a list comes with its items.
    expect(texts(sectionReply(loaded.index, 'appendix-a-collection'))).toEqual([
      passage('appendix-a-collection/1'),
      passage('appendix-a-collection/2'),
      passage('appendix-a-collection/5'),
    ]);
  });

  it('skips a lead-in heading: a records section that starts with "Key points:" opens with the transitory rule', () => {
    // The section's first paragraph removed: it starts with "Key points:" and its list.
    const dir = copyKnowledge();
    const file = path.join(dir, 'guidelines.md');
    const guideline = readFileSync(file, 'utf8');
    const edited = guideline.replace(/When information is shared or advice is provided online[^\n]*\n\n/, '');
    expect(edited).not.toBe(guideline);
    writeFileSync(file, edited);
    const kb = loadKnowledge(dir);
    const index = createSearchIndex(kb, buildLunrIndex(kb));
    const reply = sectionReply(index, 'appendix-a-records-management');
    expect(reply.passages.map((p) => p.text)).toHaveLength(1);
    expect(reply.passages[0]!.text).toMatch(/^If online interactions are transitory/);
  });
});
