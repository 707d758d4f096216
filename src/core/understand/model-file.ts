import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KnowledgeBase } from '../knowledge/load-knowledge';
import { codeHash } from '../memo/code-hash';
import { modelFromJson, modelToJson, trainModel, type IntentModel, type ModelJson } from './model';
import { trainingSet } from './training-set';

/** Where `npm run build` writes the trained model (build output, beside the search index). */
export const DEFAULT_MODEL_PATH = path.resolve(__dirname, '../../../dist/understand-model.json');

/** The code that trains the model and reads text for it: a change to it retrains. */
const MODEL_CODE = ['core/understand', 'core/search'];

/** The model file that goes with an index file: beside it, so a custom index path keeps its own model. */
export function modelPathBeside(indexPath: string): string {
  return path.join(path.dirname(indexPath), 'understand-model.json');
}

interface ModelFile {
  key: string;
  model: ModelJson;
}

export interface LoadedModel {
  model: IntentModel;
  source: 'prebuilt' | 'memory' | 'missing' | 'stale' | 'unreadable';
}

// Bots made in one process over the same knowledge (tests, the eval) share one model.
const trained = new Map<string, IntentModel>();

/** What the model is made from: its code, its examples and the passage texts; the file is stale when it differs. */
export function modelKey(kb: KnowledgeBase): string {
  const set = trainingSet(kb);
  return createHash('sha256')
    .update(codeHash(MODEL_CODE))
    .update(JSON.stringify(set))
    .update(JSON.stringify(passageTexts(kb)))
    .digest('hex');
}

export function passageTexts(kb: KnowledgeBase): string[] {
  return kb.guideline.passages.map((p) => p.text);
}

export function trainFor(kb: KnowledgeBase): IntentModel {
  return trainModel(trainingSet(kb), passageTexts(kb));
}

/**
 * The model for this knowledge: from memory, from the file at `modelPath` (or the build's own) when its key
 * matches, or trained now (and saved for the next start when the folder is writable).
 */
export function loadOrTrainModel(kb: KnowledgeBase, modelPath = DEFAULT_MODEL_PATH): LoadedModel {
  const key = modelKey(kb);
  const known = trained.get(key);
  if (known) return { model: known, source: 'memory' };
  let source: LoadedModel['source'] | undefined;
  for (const file of new Set([modelPath, DEFAULT_MODEL_PATH])) {
    const found = readModel(file, key);
    if (typeof found !== 'string') {
      trained.set(key, found);
      return { model: found, source: 'prebuilt' };
    }
    source ??= found;
  }
  const model = trainFor(kb);
  trained.set(key, model);
  try {
    saveModel(key, model, modelPath);
  } catch {
    // A read-only install still answers with the model trained in memory.
  }
  return { model, source: source ?? 'missing' };
}

/** The model in `file` if it was made with `key`, or why not. */
function readModel(file: string, key: string): IntentModel | 'missing' | 'stale' | 'unreadable' {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as ModelFile;
    return parsed.key === key ? modelFromJson(parsed.model) : 'stale';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
}

/** Trains the model and writes it, atomically; returns the file's size in bytes. */
export function writeModel(kb: KnowledgeBase, modelPath = DEFAULT_MODEL_PATH): number {
  return saveModel(modelKey(kb), trainFor(kb), modelPath);
}

function saveModel(key: string, model: IntentModel, modelPath: string): number {
  const text = JSON.stringify({ key, model: modelToJson(model) } satisfies ModelFile);
  mkdirSync(path.dirname(modelPath), { recursive: true });
  const temporary = `${modelPath}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, modelPath);
  return Buffer.byteLength(text);
}
