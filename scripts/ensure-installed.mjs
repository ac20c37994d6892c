// Runs before `npm start` and `npm test`: installs the locked dependencies with `npm ci` when they are
// missing or stale, so that a fresh clone needs nothing but `npm start` / `npm test`.
import { existsSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const marker = 'node_modules/.package-lock.json';
const stale = !existsSync(marker) || statSync('package-lock.json').mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  console.log('Installerar beroenden enligt package-lock.json …');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
