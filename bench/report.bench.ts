/**
 * Documents: time and peak memory to render (1) the demo's 2025 annual report (Samordningsförbundet Västmanland,
 * loaded with `samordna demo`) and (2) a large sample document (40 chapters, 60-row tables: ~100 pages) as DOCX and
 * as PDF. Goal: the annual report in under 5 s per format, building included (judged on CPU time: the machine is
 * shared; the wall clock is reported too). Each rendering runs in a fresh process
 * (bench/report-child.ts): "cold" is the first rendering in the process (loading modules and fonts), "warm" the second.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeSampleDocument } from '../src/core/documents/sample.ts';
import type { Doc } from '../src/core/documents/model.ts';
import { demoSteps } from '../src/cli/demo.ts';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/services/demo/index.ts';
import { annualReportDocument } from '../src/services/reports/documents.ts';

const GOAL_MS = 5000;
const here = dirname(fileURLToPath(import.meta.url));

interface Measure {
  readonly document: string;
  readonly format: 'docx' | 'pdf';
  readonly buildMs: number;
  readonly coldMs: number;
  readonly coldCpuMs: number;
  readonly warmMs: number;
  readonly warmCpuMs: number;
  readonly bytes: number;
  readonly pages: number | null;
  readonly rssBeforeMb: number;
  readonly peakRssMb: number;
}

function measure(name: string, doc: Doc, buildMs: number, dir: string): Measure[] {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return (['docx', 'pdf'] as const).map((format) => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'report-child.ts'), file, format], { encoding: 'utf8', maxBuffer: 2 ** 24 });
    if (r.status !== 0) throw new Error(`report-child ${name} ${format}: ${r.stderr}`);
    const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as Omit<Measure, 'document' | 'format' | 'buildMs'>;
    return { document: name, format, buildMs, ...m };
  });
}

async function demoAnnualReport(): Promise<{ doc: Doc; buildMs: number }> {
  const db = await openEmbedded();
  try {
    await migrate(db);
    await loadDemo(db, demoSteps);
    const fid = (await db.query<{ id: number }>('select id from federation order by id limit 1'))[0]!.id;
    const t0 = performance.now();
    const doc = await annualReportDocument(db, fid, 2025);
    return { doc, buildMs: performance.now() - t0 };
  } finally {
    await db.close();
  }
}

export async function run() {
  const loadAverage = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'samordna-report-bench-'));
  try {
    const annual = await demoAnnualReport();
    const t0 = performance.now();
    const large = largeSampleDocument(40, 60);
    const largeBuildMs = performance.now() - t0;
    const results = [...measure('annual-report-2025', annual.doc, annual.buildMs, dir), ...measure('large-sample', large, largeBuildMs, dir)];
    const annualResults = results.filter((r) => r.document === 'annual-report-2025');
    // The goal is judged on the rendering process's CPU time (plus the build's wall time): on the shared 2-core
    // machine the wall clock mostly measures the other processes; both are in the table.
    const ok = annualResults.every((r) => r.buildMs + r.coldCpuMs < GOAL_MS);
    const okWall = annualResults.every((r) => r.buildMs + r.coldMs < GOAL_MS);
    return { goalMs: GOAL_MS, ok, okWall, loadAverage, results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n);

export function toMarkdown(r: Awaited<ReturnType<typeof run>>): string {
  const rows = r.results.map(
    (m) =>
      `| ${m.document} | ${m.format} | ${m.pages ?? '–'} | ${Math.round(m.bytes / 1024)} | ${round(m.buildMs)} | ${round(m.coldMs)} (${round(m.coldCpuMs)}) | ${round(m.warmMs)} (${round(m.warmCpuMs)}) | ${round(m.peakRssMb)} | ${round(m.peakRssMb - m.rssBeforeMb)} |`,
  );
  return [
    `Rendering the document model (src/core/documents) with the DOCX renderer (docx) and the tagged-PDF renderer (pdfkit). "cold": first rendering in a fresh process (modules, fonts); "warm": the same document again; wall clock, with the process's CPU time in brackets (the machine is shared: load average ${r.loadAverage.map((x) => x.toFixed(1)).join(' / ')} when the bench started). Memory: peak RSS of the rendering process, and its growth during the renderings.`,
    '',
    '| document | format | PDF pages | size (KiB) | build from DB (ms) | cold (ms, CPU) | warm (ms, CPU) | peak RSS (MiB) | RSS growth (MiB) |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `Goal: the demo's annual report built and rendered (cold) in under ${r.goalMs} ms per format — CPU time: ${r.ok ? 'met' : 'NOT met'}; wall clock on this loaded machine: ${r.okWall ? 'met' : 'not met'}.`,
  ].join('\n');
}
