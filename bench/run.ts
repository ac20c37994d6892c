/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and writes each one's
 * results to bench/results/<name>.json and <name>.md, plus bench/results/summary.md with all of them.
 * A bench module default-exports `async () => BenchResult`.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { cpus, totalmem } from 'node:os';

export interface BenchResult {
  readonly name: string;
  readonly title: string;
  /** Markdown body (tables, goals and whether they were met). */
  readonly markdown: string;
  readonly data: unknown;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.startsWith(o))));
const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}`;
const sections: string[] = [];
for (const f of files.sort()) {
  console.log(`== ${f}`);
  const mod = (await import(join(here, f))) as { default: () => Promise<BenchResult> };
  const r = await mod.default();
  const at = new Date().toISOString();
  writeFileSync(join(resultsDir, `${r.name}.json`), JSON.stringify({ name: r.name, title: r.title, at, machine, data: r.data }, null, 2) + '\n');
  const md = `# ${r.title}\n\n${at} — ${machine}\n\n${r.markdown}\n`;
  writeFileSync(join(resultsDir, `${r.name}.md`), md);
  sections.push(`## ${r.title}\n\n${r.markdown}\n`);
  console.log(md);
}
writeFileSync(join(resultsDir, 'summary.md'), `# Benchmarks\n\n${new Date().toISOString()} — ${machine}\n\n${sections.join('\n')}`);
