import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Guideline } from '../../src/core/knowledge/guideline';
import { parseGuideline } from '../../src/core/knowledge/parse-guideline';

// guidelines.md must say everything the published guideline says: the bot can only quote what it holds.
const ROOT = path.resolve(__dirname, '../..');
const SOURCE_FILE = path.join(ROOT, 'knowledge/source/social-media-guidelines.txt');
const GUIDELINE_FILE = path.join(ROOT, 'knowledge/guidelines.md');

const sourceLines = readFileSync(SOURCE_FILE, 'utf8').split(/\r?\n/);
/** The source's first line is its title, repeated as the header of every page. */
const pageHeader = sourceLines.find((line) => line.trim())!.trim();
const markdown = readFileSync(GUIDELINE_FILE, 'utf8');
const guideline = parseGuideline(GUIDELINE_FILE, markdown);

/** Text as both documents are compared: no Markdown, quotes folded, whitespace collapsed. */
function normalise(text: string): string {
  return text
    .replace(/^\s*[-*]\s+/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\\([()])/g, '$1')
    .replace(/\*/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Paragraphs, headings and list items of the source, with sentences cut by a page header joined again. */
function sourceBlocks(): string[] {
  const blocks: string[] = [];
  for (const line of sourceLines) {
    const text = line.trim();
    if (!text || text === pageHeader) continue;
    // A block starting in lower case continues the sentence a page header cut.
    if (/^\p{Ll}/u.test(text) && blocks.length) blocks[blocks.length - 1] += ` ${text}`;
    else blocks.push(text);
  }
  return blocks.map(normalise);
}

const sentences = (block: string): string[] => block.split(/(?<=[.?!])\s+/).filter(Boolean);

/** Section titles and passages of guidelines.md, one per line, as the bot reads them. */
function guidelineText(parsed: Guideline): string {
  return [...parsed.sections.map((s) => s.title), ...parsed.passages.map((p) => p.text)]
    .map(normalise)
    .join('\n');
}

function missingSentences(parsed: Guideline): string[] {
  const text = guidelineText(parsed);
  return sourceBlocks()
    .flatMap(sentences)
    .filter((sentence) => !text.includes(sentence));
}

describe('knowledge/guidelines.md keeps the whole source guideline', () => {
  it('has every sentence, heading and list item of the source, each within one passage or heading', () => {
    expect(sourceBlocks().flatMap(sentences).length).toBeGreaterThan(100);
    expect(missingSentences(guideline)).toEqual([]);
  });

  it('reports a sentence deleted from guidelines.md (the check above can fail)', () => {
    const all = sourceBlocks().flatMap(sentences);
    const deleted = all
      .slice(Math.floor(all.length / 2))
      .find((s) => s.length > 40 && markdown.split(s).length === 2)!;
    const edited = parseGuideline(GUIDELINE_FILE, markdown.replace(deleted, ''));
    const alreadyMissing = new Set(missingSentences(guideline));
    expect(missingSentences(edited).filter((s) => !alreadyMissing.has(s))).toEqual([deleted]);
  });

  it('has the source title as its front matter title', () => {
    expect(guideline.meta.title).toBe(pageHeader);
  });

  it('joins sentences a page header cut in two into one passage', () => {
    const inOnePassage = (phrase: string): number =>
      guideline.passages.filter((p) => normalise(p.text).includes(phrase)).length;
    expect(inOnePassage('you should evaluate the use of social media tools')).toBe(1);

    const cuts = sourceLines.flatMap((line, i) => {
      if (line.trim() !== pageHeader || i === sourceLines.indexOf(line)) return [];
      const before = sourceLines
        .slice(0, i)
        .reverse()
        .find((l) => l.trim())!;
      const after = sourceLines.slice(i + 1).find((l) => l.trim())!;
      if (!/^\p{Ll}/u.test(after.trim())) return [];
      return [
        normalise(`${before.split(/\s+/).slice(-4).join(' ')} ${after.split(/\s+/).slice(0, 4).join(' ')}`),
      ];
    });
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    for (const phrase of cuts) expect([phrase, inOnePassage(phrase)]).toEqual([phrase, 1]);
  });

  it('quotes passages without Markdown syntax', () => {
    const leftovers = guideline.passages.filter((p) => /\*|\]\(|\{#|\\[()]|^#/.test(p.text)).map((p) => p.id);
    expect(leftovers).toEqual([]);
  });
});

describe('knowledge/guidelines.md sections', () => {
  const paths = guideline.sections.map((s) => s.path.join(' › '));

  it('has the parts A-D and Appendix A of the source as top-level sections', () => {
    const parts = sourceLines.map((l) => l.trim()).filter((l) => /^([A-D]\. \S|Appendix [A-Z]$)/.test(l));
    expect(parts).toHaveLength(5);
    const topLevel = guideline.sections.filter((s) => s.level === 2).map((s) => s.title);
    expect(topLevel).toEqual(expect.arrayContaining(parts));
  });

  it('has the subsections of Appendix A', () => {
    expect(paths).toEqual(
      expect.arrayContaining([
        'Appendix A › Privacy',
        'Appendix A › Privacy › Collection',
        'Appendix A › Privacy › Disclosure',
        'Appendix A › Intellectual Property',
        'Appendix A › Records Management',
        'Appendix A › Information Security',
      ]),
    );
  });

  it('gives every section a unique id', () => {
    const ids = guideline.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
