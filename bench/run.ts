/**
 * `npm run bench [name …]`: runs every bench/*.bench.ts (or those named), each exporting
 * `async function run(): Promise<object>`, and writes bench/results/<name>.json and <name>.md.
 * A result with a `markdown` string uses it for the .md; otherwise the JSON is shown.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.includes(f.replace(/\.bench\.ts$/, '')))
  .sort();
mkdirSync(join(here, 'results'), { recursive: true });
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  console.log(`▶ ${name}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run(): Promise<object> };
  const started = Date.now();
  const result = await mod.run();
  const record = { name, finishedAt: new Date().toISOString(), node: process.version, totalMs: Date.now() - started, result };
  writeFileSync(join(here, 'results', `${name}.json`), JSON.stringify(record, null, 2) + '\n');
  const md = typeof (result as { markdown?: unknown }).markdown === 'string' ? (result as { markdown: string }).markdown : '```json\n' + JSON.stringify(result, null, 2) + '\n```\n';
  writeFileSync(join(here, 'results', `${name}.md`), `# Bench: ${name}\n\n${record.finishedAt}, Node ${process.version}\n\n${md}`);
  console.log(`  ✓ ${name} (${record.totalMs} ms) → bench/results/${name}.json, .md`);
}
