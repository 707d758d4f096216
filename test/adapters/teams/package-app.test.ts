import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkIcon } from '../../../src/adapters/teams/package/check-icons';
import { colorIcon, outlineIcon } from '../../../src/adapters/teams/package/make-icons';
import { decodeRgba, encodeRgbaPng, readPngInfo } from '../../../src/adapters/teams/package/png';
import { makeTempDir, removeTempDirs, REPO_ROOT } from '../../helpers/knowledge-copy';

const MANIFEST_DIR = path.join(REPO_ROOT, 'manifests', 'teams');
const SCRIPT = path.join(REPO_ROOT, 'dist/adapters/teams/package/package-teams.js');
const env = { MicrosoftAppId: '6d2d3a1b-4c5e-4f60-8a7b-9c0d1e2f3a4b' };

/**
 * Runs the built packaging script as `npm run package:teams` does (in a child process: @microsoft/app-manifest
 * loads an ES module that jest's module system cannot). Throws its error output when it fails.
 */
async function packageTeamsApp(options: {
  env: Record<string, string>;
  manifestDir?: string;
  outFile?: string;
  nodeArgs?: string[];
}): Promise<{ outFile: string }> {
  if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} is missing: run "npm run build" first`);
  const outFile = options.outFile ?? path.join(makeTempDir('teams-zip'), 'app.zip');
  const args = [
    ...(options.nodeArgs ?? []),
    SCRIPT,
    '--out',
    outFile,
    ...(options.manifestDir ? ['--manifest-dir', options.manifestDir] : []),
  ];
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(Microsoft|TEAMS_)/.test(name)),
  );
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    env: { ...clean, ...options.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) throw new Error(result.stderr);
  expect(result.stdout).toContain(outFile);
  return { outFile };
}

/** A copy of manifests/teams with `change` applied to the manifest JSON. */
function brokenCopy(change: (manifest: Record<string, unknown>) => void): string {
  const dir = makeTempDir('teams-manifest');
  cpSync(MANIFEST_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(manifest);
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

afterAll(removeTempDirs);

describe('npm run package:teams', () => {
  test('the manifest validates and the zip holds manifest.json and the two icons, flat, ids filled in', async () => {
    const outFile = path.join(makeTempDir('teams-zip'), 'app.zip');

    const result = await packageTeamsApp({ env, outFile });

    expect(result.outFile).toBe(outFile);
    const entries = unzipSync(readFileSync(outFile));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!)) as {
      id: string;
      manifestVersion: string;
      bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: unknown[] }> }>;
    };
    expect(manifest.id).toBe(env.MicrosoftAppId);
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(22);
    expect(manifest.bots[0]?.botId).toBe(env.MicrosoftAppId);
    expect(manifest.bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(manifest.bots[0]?.commandLists[0]?.commands.length).toBeGreaterThan(1);
    expect(readPngInfo(Buffer.from(entries['color.png']!))).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(Buffer.from(entries['outline.png']!))).toMatchObject({ width: 32, height: 32 });
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  test('a manifest that breaks the schema fails with the field named', async () => {
    const dir = brokenCopy(
      (m) => ((m.name as { short: string }).short = 'GuideBot, the social media guidelines helper'),
    );
    await expect(
      packageTeamsApp({ env, manifestDir: dir, outFile: path.join(dir, 'x.zip') }),
    ).rejects.toThrow(/\/name\/short must NOT have more than 30 characters/);
    const noColor = brokenCopy((m) => delete m.accentColor);
    await expect(packageTeamsApp({ env, manifestDir: noColor })).rejects.toThrow(/accentColor/);
  });

  test('a bot id that is not a GUID, or no id at all, is refused naming the field or the variable', async () => {
    await expect(packageTeamsApp({ env: { MicrosoftAppId: 'not-a-guid' } })).rejects.toThrow(
      /\/id must match|\/bots\/0\/botId/,
    );
    await expect(packageTeamsApp({ env: {} })).rejects.toThrow(/MicrosoftAppId/);
  });

  test('icons of the wrong size, or an outline that is not white on transparent, are refused', async () => {
    const dir = brokenCopy(() => undefined);
    writeFileSync(path.join(dir, 'color.png'), outlineIcon());
    await expect(packageTeamsApp({ env, manifestDir: dir })).rejects.toThrow(
      /color\.png is 32x32; .*192x192/,
    );

    const opaque = new Uint8Array(32 * 32 * 4).fill(255);
    expect(checkIcon('outline', 'outline.png', encodeRgbaPng(32, 32, opaque))).toEqual([
      'outline.png has no transparent background',
    ]);
    const blue = new Uint8Array(32 * 32 * 4);
    for (let i = 0; i < 32 * 4; i += 4) blue.set([0, 0x33, 0x66, 255], i);
    expect(checkIcon('outline', 'outline.png', encodeRgbaPng(32, 32, blue))[0]).toMatch(
      /neither white nor transparent/,
    );
  });

  test('the committed icons are the ones make-icons draws, and decode back to what was encoded', () => {
    expect(readFileSync(path.join(MANIFEST_DIR, 'color.png')).equals(colorIcon())).toBe(true);
    expect(readFileSync(path.join(MANIFEST_DIR, 'outline.png')).equals(outlineIcon())).toBe(true);
    const pixels = new Uint8Array(4 * 3 * 4).map((_, i) => (i * 37) % 256);
    expect(Array.from(decodeRgba(encodeRgbaPng(4, 3, pixels)).pixels)).toEqual(Array.from(pixels));
  });

  test('without its dev dependencies (npm install --omit=dev) it says which to install, with their versions', async () => {
    // A preload that makes the two packaging tools unresolvable, as they are after npm install --omit=dev.
    const preload = path.join(makeTempDir('omit-dev'), 'hide-dev-tools.js');
    writeFileSync(
      preload,
      `const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'fflate' || request.startsWith('@microsoft/app-manifest'))
    throw Object.assign(new Error('Cannot find module ' + request), { code: 'MODULE_NOT_FOUND' });
  return resolve.call(this, request, ...rest);
};`,
    );
    await expect(packageTeamsApp({ env, nodeArgs: ['--require', preload] })).rejects.toThrow(
      'npm run package:teams needs fflate and @microsoft/app-manifest, development tools that npm install ' +
        '--omit=dev leaves out. Install them with:\n  npm install --no-save fflate@0.8.3 @microsoft/app-manifest@1.1.2',
    );
  });
});
