import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The repository root (test/helpers -> root). */
export const REPO_ROOT = path.resolve(__dirname, '../..');
export const KNOWLEDGE_DIR = path.join(REPO_ROOT, 'knowledge');

const created: string[] = [];

/** A fresh temporary directory, removed by removeTempDirs(). */
export function makeTempDir(label: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `guidebot-${label}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temporary copy of knowledge/, so a test can break or edit it without touching the real files. */
export function copyKnowledge(): string {
  const dir = makeTempDir('knowledge');
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}

/** Replaces the first occurrence of `from` in a knowledge file; fails loudly when the file no longer has it. */
export function editFile(dir: string, name: string, from: string, to: string): void {
  const file = path.join(dir, name);
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${name} no longer contains ${JSON.stringify(from)}`);
  writeFileSync(file, text.replace(from, to));
}

/** 1-based number of the first line of a file that contains `marker`. */
export function lineOf(dir: string, name: string, marker: string): number {
  const index = readFileSync(path.join(dir, name), 'utf8')
    .split(/\r?\n/)
    .findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`${name} has no line containing ${JSON.stringify(marker)}`);
  return index + 1;
}
