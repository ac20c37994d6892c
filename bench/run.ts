/**
 * `npm run bench`: runs every bench/*.bench.ts (or only those named on the command line), each exporting
 * `async function run(): Promise<object>` and optionally `toMarkdown(result): string`, and writes
 * bench/results/<name>.json and <name>.md.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
  .sort();
mkdirSync(join(dir, 'results'), { recursive: true });
let failed = false;
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  console.log(`== ${name}`);
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as {
    run(): Promise<object>;
    toMarkdown?(r: object): string;
  };
  const result = await mod.run();
  writeFileSync(join(dir, 'results', `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  const md = mod.toMarkdown ? mod.toMarkdown(result) : `# ${name}\n\n\`\`\`json\n${JSON.stringify(result, null, 2)}\n\`\`\`\n`;
  writeFileSync(join(dir, 'results', `${name}.md`), md);
  console.log(md);
  if ((result as { ok?: boolean }).ok === false) failed = true;
}
process.exit(failed ? 1 : 0);
