/**
 * The demo's 2025 annual report (Västmanland: reference economy, interventions, participants) generated in both
 * formats, on the embedded database: time to load the facts and build the document, and to render DOCX and
 * PDF, with the process's peak memory. Goal: under 5 s for each format end to end.
 */
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/services/demo/index.ts';
import { demoSteps } from '../src/cli/demo.ts';
import { annualReportDocument } from '../src/services/reports/documents.ts';
import { renderDocument, type DocumentFormat } from '../src/exports/documentFile.ts';

const GOAL_MS = 5000;
const RUNS = 3;

export async function run() {
  const db = await openEmbedded();
  try {
    await migrate(db);
    await loadDemo(db, demoSteps);
    const [f] = await db.query<{ id: number }>('select id from federation');
    const rows: { format: DocumentFormat; buildMs: number; renderMs: number; totalMs: number; bytes: number }[] = [];
    let peakRss = process.memoryUsage().rss;
    for (const format of ['docx', 'pdf'] as const) {
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const doc = await annualReportDocument(db, f!.id, 2025);
        const t1 = performance.now();
        const bytes = await renderDocument(doc, format);
        const t2 = performance.now();
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        rows.push({ format, buildMs: Math.round(t1 - t0), renderMs: Math.round(t2 - t1), totalMs: Math.round(t2 - t0), bytes: bytes.length });
      }
    }
    const median = (format: DocumentFormat) => {
      const t = rows.filter((r) => r.format === format).map((r) => r.totalMs).sort((a, b) => a - b);
      return t[Math.floor(t.length / 2)]!;
    };
    const ok = median('docx') < GOAL_MS && median('pdf') < GOAL_MS;
    const markdown = [
      `Årsredovisning 2025 för demoförbundet, ${RUNS} körningar per format (första körningen inkluderar uppvärmning).`,
      '',
      '| format | hämta + bygga (ms) | rendera (ms) | totalt (ms) | storlek (byte) |',
      '|---|---:|---:|---:|---:|',
      ...rows.map((r) => `| ${r.format} | ${r.buildMs} | ${r.renderMs} | ${r.totalMs} | ${r.bytes} |`),
      '',
      `Median totalt: DOCX ${median('docx')} ms, PDF ${median('pdf')} ms (mål < ${GOAL_MS} ms: ${ok ? 'uppfyllt' : 'EJ uppfyllt'}). ` +
        `Högsta minnesanvändning (RSS): ${Math.round(peakRss / 2 ** 20)} MB.`,
    ].join('\n');
    return { ok, goalMs: GOAL_MS, rows, peakRssMb: Math.round(peakRss / 2 ** 20), markdown };
  } finally {
    await db.close();
  }
}
