import { readFileSync } from 'node:fs';
import path from 'node:path';

// `npm run package:teams [-- --out file.zip] [--manifest-dir dir]`. The packaging tools are dev dependencies:
// after `npm install --omit=dev` this says which to install rather than failing with "Cannot find module".
const REPO_ROOT = path.resolve(__dirname, '../../../..');
const TOOLS = ['fflate', '@microsoft/app-manifest'];

function missingTools(): string[] {
  return TOOLS.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

function withVersions(names: string[]): string[] {
  const { devDependencies = {} } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  return names.map((name) => (devDependencies[name] ? `${name}@${devDependencies[name]}` : name));
}

async function main(): Promise<number> {
  const missing = missingTools();
  if (missing.length) {
    process.stderr.write(
      `npm run package:teams needs ${missing.join(' and ')}, development tools that npm install --omit=dev ` +
        `leaves out. Install them with:\n  npm install --no-save ${withVersions(missing).join(' ')}\n` +
        'or run npm install without --omit=dev.\n',
    );
    return 1;
  }
  const { packageTeamsApp } = await import('./package-app.js');
  const flag = (name: string) => {
    const at = process.argv.indexOf(name);
    const value = at > 0 ? process.argv[at + 1] : undefined;
    return value ? path.resolve(value) : undefined;
  };
  const outFile = flag('--out');
  const manifestDir = flag('--manifest-dir');
  try {
    const written = await packageTeamsApp({
      env: process.env,
      ...(outFile && { outFile }),
      ...(manifestDir && { manifestDir }),
    });
    process.stdout.write(`wrote ${written.outFile} (${written.files.join(', ')})\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
