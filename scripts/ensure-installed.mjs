// Runs before `npm start` and `npm test`: installs the locked dependencies with `npm ci` when they are
// missing or stale, and compiles src/ to dist/ when the build is missing or older than the source, so that a
// fresh clone needs nothing but `npm start` / `npm test`.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log('Installerar beroenden enligt package-lock.json …');
  // `npm ci` also builds (the `prepare` script).
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const { buildStatus } = await import('./buildState.mjs');
if (buildStatus() !== 'current') {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
