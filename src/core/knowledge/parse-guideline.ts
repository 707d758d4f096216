import { KnowledgeFileError } from '../errors';
import type { Guideline, Passage, Section } from './guideline';
import { frontMatterSchema } from './schema';
import { parseYamlFile } from './yaml-file';

const HEADING = /^(#{1,6})\s+(.*?)\s*$/;
const HEADING_WITH_ID = /^(.*?)\s*\{#([a-z0-9]+(?:-[a-z0-9]+)*)\}$/;
const LIST_ITEM = /^(\s*)[-*]\s+(.*)$/;

/** Parses guidelines.md: YAML front matter, then `## Title {#id}` headings (levels 2-4) and their passages. */
export function parseGuideline(file: string, source: string): Guideline {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const bodyStart = frontMatterEnd(file, lines);
  const meta = parseYamlFile(file, lines.slice(1, bodyStart - 1).join('\n'), frontMatterSchema, 1);

  const sections: Section[] = [];
  const passages: Passage[] = [];
  const ids = new Set<string>();
  let block: { lines: string[]; line: number; indent: number } | undefined;
  const indents = new Map<string, number>();

  const flush = (): void => {
    if (!block) return;
    const section = sections[sections.length - 1];
    if (!section)
      throw new KnowledgeFileError(file, String(block.line), 'text before the first section heading');
    const markdown = block.lines.join(' ').replace(/\s+/g, ' ').trim();
    const siblings = passages.filter((p) => p.sectionId === section.id);
    const id = `${section.id}/${siblings.length + 1}`;
    const indent = block.indent;
    const lead = indent < 0 ? undefined : [...siblings].reverse().find((p) => indents.get(p.id)! < indent);
    indents.set(id, indent);
    passages.push({
      id,
      sectionId: section.id,
      text: toPlainText(markdown),
      markdown,
      line: block.line,
      ...(lead && { leadId: lead.id }),
    });
    block = undefined;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = i + 1;
    const heading = HEADING.exec(raw);
    if (heading) {
      flush();
      sections.push(toSection(file, lineNo, heading[1]!.length, heading[2]!, sections, ids));
      continue;
    }
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      flush();
      block = { lines: [item[2]!], line: lineNo, indent: item[1]!.length };
    } else if (block) {
      block.lines.push(raw.trim());
    } else {
      block = { lines: [raw.trim()], line: lineNo, indent: -1 };
    }
  }
  flush();
  if (sections.length === 0)
    throw new KnowledgeFileError(file, '', 'no sections: add headings like "## Overview {#overview}"');
  return { meta, sections, passages };
}

function frontMatterEnd(file: string, lines: string[]): number {
  if (lines[0]?.trim() !== '---')
    throw new KnowledgeFileError(file, '1', 'must start with YAML front matter between "---" lines');
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (close < 0) throw new KnowledgeFileError(file, '1', 'front matter is not closed with a "---" line');
  return close + 1;
}

function toSection(
  file: string,
  line: number,
  level: number,
  heading: string,
  sections: Section[],
  ids: Set<string>,
): Section {
  const withId = HEADING_WITH_ID.exec(heading);
  if (!withId)
    throw new KnowledgeFileError(
      file,
      String(line),
      `heading "${heading}" needs a stable id, e.g. "${heading} {#some-id}"`,
    );
  if (level < 2 || level > 4)
    throw new KnowledgeFileError(file, String(line), `heading "${heading}" must use ##, ### or ####`);
  const [, title, id] = withId as unknown as [string, string, string];
  if (ids.has(id)) throw new KnowledgeFileError(file, String(line), `section id "${id}" is used twice`);
  ids.add(id);
  const parent = [...sections].reverse().find((s) => s.level < level);
  if (level > 2 && !parent)
    throw new KnowledgeFileError(file, String(line), `heading "${title}" has no parent section`);
  return { id, title, level, path: parent && level > 2 ? [...parent.path, title] : [title], line };
}

/** Removes Markdown emphasis and links, keeping their words. */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(“"])[*_](\S(?:.*?\S)?)[*_](?=$|[\s).,;:!?”"’'-])/g, '$1$2');
}
