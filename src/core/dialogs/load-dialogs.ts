import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KnowledgeFileError } from '../errors';
import { formatPath, parseYamlFile, yamlPlace } from '../knowledge/yaml-file';
import { compileDialog } from './compile-dialog';
import { DialogProblem, type PointSources } from './compile-point';
import type { DialogMessages } from './messages-schema';
import { dialogFileSchema } from './schema';
import type { Dialog } from './types';

/**
 * Loads every knowledge/dialogs/*.yaml, validates it (zod, then the graph check) and checks the offers one
 * dialog makes of another. A broken file stops start-up with a KnowledgeFileError naming the file, the
 * line:column and path of the node, and the reason. A knowledge folder without dialogs/ has no dialogs.
 */
export function loadDialogs(dir: string, sources: PointSources, messages: DialogMessages): Dialog[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const loaded: { dialog: Dialog; file: string; source: string; order: number }[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const source = readFileSync(file, 'utf8');
    const parsed = parseYamlFile(file, source, dialogFileSchema);
    const fail = (at: (string | number)[], reason: string): never => {
      throw new KnowledgeFileError(file, yamlPlace(source, at), `${formatPath(at)}: ${reason}`);
    };
    if (parsed.id !== name.replace(/\.ya?ml$/, ''))
      fail(['id'], `"${parsed.id}" must match the file name (${name})`);
    const other = loaded.find((l) => l.dialog.id === parsed.id);
    if (other) fail(['id'], `"${parsed.id}" is also the id of ${other.file}`);
    try {
      loaded.push({ dialog: compileDialog(parsed, sources, messages), file, source, order: parsed.order });
    } catch (error) {
      if (error instanceof DialogProblem) fail(error.at, error.message);
      throw error;
    }
  }
  for (const { dialog, file, source } of loaded)
    for (const outcome of dialog.outcomes.values()) {
      const offer = outcome.offer;
      if (!offer) continue;
      const at = ['outcomes', outcome.id, 'offer'];
      const target = loaded.find((l) => l.dialog.id === offer.dialog)?.dialog;
      const reason = !target
        ? `no dialog has the id "${offer.dialog}"`
        : offer.step && !target.steps.has(offer.step)
          ? `dialog "${offer.dialog}" has no step "${offer.step}"`
          : undefined;
      if (reason) throw new KnowledgeFileError(file, yamlPlace(source, at), `${formatPath(at)}: ${reason}`);
    }
  // Array sort is stable: equal orders keep file name order.
  return loaded.sort((a, b) => a.order - b.order).map((l) => l.dialog);
}
