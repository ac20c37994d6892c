/**
 * `npm run bench [name …]`: runs every bench/*.bench.ts (or those whose file name starts with a given name) and
 * writes each one's results to bench/results/<name>.json and <name>.md, plus bench/results/summary.md.
 *
 * A bench module either exports `async function run(): Promise<object>` (optionally with `toMarkdown(result)`, or
 * a `markdown` string in the result), or default-exports `async () => ({ name, title, markdown, data })`.
 * A result with `ok: false` (a goal missed where the bench treats it as failure) makes the run exit 1.
 * Options after the names (`npm run bench memory -- --minutes 60`) reach the benches as environment variables
 * (`--minutes 60` → BENCH_MINUTES=60). A bench that exports `onlyWhenNamed = true` (a long one) runs only when named.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { cpus, totalmem, loadavg } from 'node:os';

/** What a default-exported bench returns (import it with `import type`: this file runs the benches). */
export interface BenchResult {
  readonly name: string;
  readonly title: string;
  /** Markdown body (tables, goals and whether they were met). */
  readonly markdown: string;
  readonly data: unknown;
}

interface BenchModule {
  run?: () => Promise<object>;
  toMarkdown?: (r: object) => string;
  default?: () => Promise<BenchResult>;
  onlyWhenNamed?: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));
const only: string[] = [];
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i]!;
  const option = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(a);
  if (!option) only.push(a);
  else process.env[`BENCH_${option[1]!.replace(/-/g, '_').toUpperCase()}`] = option[2] ?? process.argv[++i] ?? '';
}
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.startsWith(o))))
  .sort();
const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}`;
let failed = false;

for (const file of files) {
  const fileName = file.replace(/\.bench\.ts$/, '');
  console.log(`== ${fileName}`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
  if (mod.onlyWhenNamed && only.length === 0) {
    console.log(`(${fileName} runs only when named: npm run bench ${fileName})`);
    continue;
  }
  const started = Date.now();
  let name = fileName;
  let title = fileName;
  let markdown: string;
  let data: unknown;
  if (mod.default) {
    const r = await mod.default();
    ({ name, title, markdown, data } = r);
  } else if (mod.run) {
    const r = await mod.run();
    data = r;
    const own = (r as { markdown?: unknown }).markdown;
    markdown = mod.toMarkdown ? mod.toMarkdown(r) : typeof own === 'string' ? own : '```json\n' + JSON.stringify(r, null, 2) + '\n```\n';
    if ((r as { ok?: unknown }).ok === false) failed = true;
  } else {
    throw new Error(`${file}: exports neither run() nor a default function`);
  }
  const at = new Date().toISOString();
  const record = { name, title, at, machine, loadAverage: loadavg(), totalMs: Date.now() - started, data };
  writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify(record, null, 2) + '\n');
  const md = `# ${title}\n\n${at} — ${machine}\n\n${markdown}\n`;
  writeFileSync(join(resultsDir, `${name}.md`), md);
  console.log(md);
}
// The summary holds every bench's latest results, also those not run this time (each .md says when it ran).
const all = readdirSync(resultsDir)
  .filter((f) => f.endsWith('.md') && f !== 'summary.md')
  .sort()
  .map((f) => readFileSync(join(resultsDir, f), 'utf8').replace(/^# /, '## '));
writeFileSync(join(resultsDir, 'summary.md'), `# Benchmarks\n\nLatest results of each bench (\`npm run bench\`).\n\n${all.join('\n')}`);
process.exit(failed ? 1 : 0);
