import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Env } from '../../../config';
import { checkIcon } from './check-icons';
import { fillPlaceholders } from './fill-manifest';
import { validateManifest } from './validate-manifest';

const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** Where the manifest lives and where the zip goes. */
interface PackageOptions {
  env: Env;
  manifestDir?: string;
  outFile?: string;
}

/** The manifest or its icons cannot be packaged: every problem found, one per line. */
class TeamsPackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Teams app package not written:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'TeamsPackageError';
  }
}

/**
 * Fills the manifest's placeholders from `env`, validates it offline against its JSON schema, checks the
 * icons, and writes a zip with manifest.json, color.png and outline.png at its root.
 */
export async function packageTeamsApp(
  options: PackageOptions,
): Promise<{ outFile: string; files: string[] }> {
  const manifestDir = options.manifestDir ?? path.join(REPO_ROOT, 'manifests', 'teams');
  const version = (
    JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const text = fillPlaceholders(
    readFileSync(path.join(manifestDir, 'manifest.json'), 'utf8'),
    options.env,
    version,
  );
  let manifest: { version?: string; icons?: { color?: unknown; outline?: unknown } };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new TeamsPackageError([
      `manifest.json is not valid JSON after filling placeholders: ${(error as Error).message}`,
    ]);
  }
  const problems = await validateManifest(manifest);
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(text) };
  for (const kind of ['color', 'outline'] as const) {
    const name = manifest.icons?.[kind];
    if (typeof name !== 'string') continue; // the schema check above already names the missing field
    try {
      const png = readFileSync(path.join(manifestDir, name));
      problems.push(...checkIcon(kind, name, png));
      files[path.basename(name)] = png;
    } catch {
      problems.push(`${name} (icons.${kind}) is missing from ${manifestDir}`);
    }
  }
  if (problems.length) throw new TeamsPackageError(problems);
  const outFile = options.outFile ?? path.join(REPO_ROOT, 'dist', `guidebot-teams-${manifest.version}.zip`);
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, zipSync(files, { level: 9 }));
  return { outFile, files: Object.keys(files) };
}
