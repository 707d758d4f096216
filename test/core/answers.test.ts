import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ANSWER_POLICY } from '../../src/core/answer';
import { loadBot, type LoadedBot } from '../../src/core/load-bot';
import { searchPassages } from '../../src/core/search/search';

let loaded: LoadedBot;
beforeAll(() => {
  loaded = loadBot({
    indexPath: path.join(mkdtempSync(path.join(tmpdir(), 'guidebot-answers-')), 'index.json'),
  });
});

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
    const reply = await ask('our ministry account got hacked, who do I call?');
    expect(reply.kind).toBe('answer');
    expect(reply.text).toContain('1-866-660-0811');
    expect(reply.contacts.map((c) => c.id)).toContain('ocio-service-desk');
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

  it('fall back when the question shares only everyday words with the best passage ("book", "days")', async () => {
    for (const question of ['how do I book a meeting room', 'how many vacation days do I get']) {
      // The best passage covers enough of the question and scores well: only its lack of a topic word
      // in common (the IP passage's "books", the Philosophy passage's "day") keeps it from being quoted.
      const [best] = searchPassages(loaded.index, question).hits;
      expect(best!.coverage).toBeGreaterThanOrEqual(ANSWER_POLICY.minCoverage);
      expect(best!.score).toBeGreaterThanOrEqual(ANSWER_POLICY.minScore);
      const reply = await ask(question);
      expect(reply.kind).toBe('fallback');
      expect(reply.text).toContain('citizenengagement@gov.bc.ca');
    }
    // A topic word beside the everyday one is answered from the same passage.
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
    const vague = ['rules for photos', 'what about posters', 'planning stuff'];
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
