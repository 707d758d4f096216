import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadBot, type LoadedBot } from '../../src/core/load-bot';

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
