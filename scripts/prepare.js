// `npm install` builds dist/ (the `prepare` script). A production install (npm install --omit=dev) has no
// TypeScript to build with: it keeps a dist/ built before, or stops and says what to run.
const { execSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
let typescript = true;
try {
  require.resolve('typescript', { paths: [root] });
} catch {
  typescript = false;
}
if (typescript) execSync('npm run build', { cwd: root, stdio: 'inherit' });
else if (existsSync(path.join(root, 'dist', 'cli.js')))
  process.stdout.write('guidebot: dev dependencies left out (--omit=dev): using the dist/ built before.\n');
else {
  process.stderr.write(
    'guidebot: dist/ is not built, and building it needs the dev dependencies that --omit=dev leaves out.\n' +
      'Run npm install (without --omit=dev) to build it; npm prune --omit=dev removes them afterwards.\n',
  );
  process.exit(1);
}
