// `npm run build` (also run by `npm ci`/`npm install` as `prepare`, and by `npm start`/`npm test` when the build is
// missing or stale): compiles src/ to JavaScript in dist/ with esbuild, file by file, so that `samordna` starts
// without compiling TypeScript. dist/ mirrors src/ one level below the project root, so a path a module reads
// relative to its own file (`new URL('../../demo/…', import.meta.url)`) points at the same place from both; the
// files in src/ that are not code (migrations, stylesheet) are copied beside the modules that read them.
// `node scripts/build.mjs --check` only reports: exit 0 when dist/ matches src/, 1 when it is missing or stale.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildStatus, distDir, isCompiled, root, sourceFiles, sourceHash, srcDir, stateFile } from './buildState.mjs';

if (process.argv.includes('--check')) {
  const status = buildStatus();
  if (status !== 'current') console.error(`Den byggda koden i dist/ ${status === 'missing' ? 'saknas' : 'är äldre än src/'}: kör npm run build.`);
  process.exit(status === 'current' ? 0 : 1);
}

const started = Date.now();
const { files, newestMs } = sourceFiles();
const hash = sourceHash(files);
const out = join(root, `.dist-${process.pid}`);
rmSync(out, { recursive: true, force: true });

// Every import stays an import of its own module (no bundling): a relative `.ts`/`.tsx` specifier is rewritten to
// the `.js` file the build writes, packages are loaded from node_modules as they are.
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const path = args.path.startsWith('.') ? args.path.replace(/\.tsx?$/, '.js') : args.path;
      return { path, external: true };
    });
  },
};

await build({
  entryPoints: files.filter((f) => isCompiled(f)),
  outdir: out,
  outbase: srcDir,
  bundle: true,
  plugins: [keepImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  logLevel: 'warning',
});
for (const f of files.filter((f) => !isCompiled(f))) {
  const to = join(out, relative(srcDir, f));
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(f, to);
}
writeFileSync(join(out, relative(distDir, stateFile)), JSON.stringify({ sourceHash: hash, sourceFiles: files.length, newestSourceMs: newestMs }, null, 2) + '\n');

// Swapped in whole, so that a concurrent start sees either the old build or the new one.
rmSync(distDir, { recursive: true, force: true });
try {
  renameSync(out, distDir);
} catch (e) {
  // Another build finished first: the folder is in place; ours is not needed.
  rmSync(out, { recursive: true, force: true });
  if (buildStatus() === 'missing') throw e;
}
console.log(`Byggt: ${files.length} filer från src/ till dist/ (${Date.now() - started} ms).`);

// The demo database for `npm start`'s first run, made from this build (src/cli/demoImage.ts). Without it the
// first start creates the database itself, only slower, so a failure here is reported and the build stands.
const imageStarted = Date.now();
try {
  const { writeDemoImage } = await import(pathToFileURL(join(distDir, 'cli', 'demoImage.js')).href);
  const { bytes } = await writeDemoImage();
  console.log(`Demodatabasen för första starten: ${(bytes / 1e6).toFixed(0)} MB (${Date.now() - imageStarted} ms).`);
} catch (e) {
  console.warn(`Demodatabasen för första starten kunde inte göras (${e instanceof Error ? e.message : e}); första starten skapar den i stället.`);
}
process.exit(0);
