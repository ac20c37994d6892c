// What the build in dist/ was made from, and whether it still matches src/. Plain JavaScript, so that
// bin/samordna.js, `npm start`'s pre-step and the build itself can use it before anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const srcDir = join(root, 'src');
export const distDir = join(root, 'dist');
export const stateFile = join(distDir, 'build.json');
/** The build's own code is an input too: a change to how it compiles makes the old output stale. */
const buildScripts = ['scripts/build.mjs', 'scripts/buildState.mjs'].map((f) => join(root, f));

/** Tests are not built: they run from source under vitest, and changing one does not make the build stale. */
export const isBuiltSource = (name) => !/\.test\.tsx?$/.test(name);
export const isCompiled = (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/** Every input of the build (sorted), and the newest modification time among them and their folders. */
export function sourceFiles() {
  const files = [];
  let newestMs = 0;
  const walk = (dir) => {
    newestMs = Math.max(newestMs, statSync(dir).mtimeMs);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && isBuiltSource(e.name)) {
        files.push(path);
        newestMs = Math.max(newestMs, statSync(path).mtimeMs);
      }
    }
  };
  walk(srcDir);
  for (const f of buildScripts) newestMs = Math.max(newestMs, statSync(f).mtimeMs);
  files.sort();
  return { files, newestMs };
}

/** SHA-256 over the path and content of every input: what the build records and the staleness test compares. */
export function sourceHash(files = sourceFiles().files) {
  const h = createHash('sha256');
  for (const f of [...files, ...buildScripts]) {
    h.update(relative(root, f).split('\\').join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

export function readState() {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Exact check (hash of every input): 'current', 'missing' or 'stale'. Used before `npm start`/`npm test` and by
 * the test that fails in CI on a stale build.
 */
export function buildStatus() {
  const state = readState();
  if (!state || !existsSync(join(distDir, 'cli', 'main.js'))) return 'missing';
  return state.sourceHash === sourceHash() ? 'current' : 'stale';
}

/**
 * Quick check for every start of `samordna` (some 5 ms): no input is newer than the build saw and none was added
 * or removed (a removed file changes its folder's time). A file swapped for an older copy with its old time kept
 * escapes it; `npm start` and `npm test` use the exact check.
 */
export function buildLooksCurrent() {
  const state = readState();
  if (!state) return false;
  const { files, newestMs } = sourceFiles();
  return newestMs <= state.newestSourceMs && files.length === state.sourceFiles;
}
