import { readFileSync } from 'node:fs';
import { Document, LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';
import type { ZodType } from 'zod';
import { KnowledgeFileError } from '../errors';

/** A knowledge file's text; a missing or unreadable file is a KnowledgeFileError ("is missing: <whenMissing>"). */
export function readKnowledgeFile(file: string, whenMissing: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? `is missing: ${whenMissing}` : `cannot be read (${code ?? String(cause)})`;
    throw new KnowledgeFileError(file, '', reason, { cause });
  }
}

/**
 * Parses YAML and validates it with a zod schema. Any problem becomes a KnowledgeFileError naming the file,
 * the line:column and the path of the offending value, so an editor can find it.
 */
export function parseYamlFile<T>(file: string, source: string, schema: ZodType<T>, lineOffset = 0): T {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const at = lineCounter.linePos(syntaxError.pos[0]);
    throw new KnowledgeFileError(
      file,
      `${at.line + lineOffset}:${at.col}`,
      `YAML syntax: ${firstLine(syntaxError.message)}`,
    );
  }
  const result = schema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  // An unknown key has no path of its own: point at the key.
  const located = issue.code === 'unrecognized_keys' && issue.keys[0] ? [...path, issue.keys[0]] : path;
  const where = path.length ? `${formatPath(path)}: ` : '';
  throw new KnowledgeFileError(
    file,
    placeIn(doc, lineCounter, located, lineOffset),
    `${where}${issue.message}`,
  );
}

/** "line:column" of the value at `path` in a YAML source, for errors found after validation. */
export function yamlPlace(source: string, path: (string | number)[], lineOffset = 0): string {
  const lineCounter = new LineCounter();
  return placeIn(parseDocument(source, { lineCounter }), lineCounter, path, lineOffset);
}

function placeIn(
  doc: Document,
  lineCounter: LineCounter,
  path: (string | number)[],
  lineOffset: number,
): string {
  const node = nearestNode(doc, lineCounter, path);
  const at = node === undefined ? undefined : lineCounter.linePos(node);
  return at ? `${at.line + lineOffset}:${at.col}` : '';
}

/**
 * Offset of the deepest node on `path` that exists (a missing key points at its parent). A value on its
 * key's line is pointed at itself; a nested block at its key ("steps.issue" at the "issue:" line).
 */
function nearestNode(doc: Document, lineCounter: LineCounter, path: (string | number)[]): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node: unknown = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    const value = isNode(node) && node.range ? node.range[0] : undefined;
    const key = depth > 0 ? keyNode(doc, path.slice(0, depth)) : undefined;
    if (
      key !== undefined &&
      (value === undefined || lineCounter.linePos(key).line !== lineCounter.linePos(value).line)
    )
      return key;
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Offset of the key of a mapping entry, if `path` ends in one. */
function keyNode(doc: Document, path: (string | number)[]): number | undefined {
  const parent: unknown = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
  return pair && isScalar(pair.key) && pair.key.range ? pair.key.range[0] : undefined;
}

export function formatPath(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
