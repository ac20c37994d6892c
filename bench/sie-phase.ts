/**
 * One measured phase of the SIE benchmark, run in its own process so that its peak memory is its own:
 *   node --import tsx bench/sie-phase.ts <baseline|parser|import> <file>
 * Prints one JSON line: rows, seconds, peak RSS and peak heap (MB).
 */
import { createReadStream } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SieParser } from '../src/importers/sie/parser.ts';
import { readSie } from '../src/importers/sie/read.ts';

const [phase, file] = process.argv.slice(2) as [string, string];
let peakHeap = 0;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 20);

async function baseline(): Promise<number> {
  // Read the file and split it into line strings: the practical upper limit for any line-based parser.
  let lines = 0;
  let carry: Buffer | null = null;
  let sink = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      const line = buf.toString('latin1', start, nl);
      sink += line.length;
      lines++;
      start = nl + 1;
    }
    carry = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
  }
  if (sink < 0) console.log(sink);
  return lines;
}

async function parser(): Promise<number> {
  const p = new SieParser('bench.se');
  let rows = 0;
  for await (const batch of readSie(file, p)) {
    for (const r of batch) if (r.type === 'voucher') rows += r.transactions.length;
  }
  if (p.problems.length) throw new Error(p.problems[0]!.message);
  return rows;
}

async function fullImport(): Promise<number> {
  const { openEmbedded } = await import('../src/db/embedded.ts');
  const { migrate } = await import('../src/db/migrate.ts');
  const { importSieFile } = await import('../src/importers/sie/import.ts');
  const dir = mkdtempSync(join(tmpdir(), 'samordna-bench-'));
  const db = await openEmbedded({ dataDir: dir });
  try {
    await migrate(db);
    const started = performance.now();
    const r = await importSieFile(db, { name: 'Benchförbundet' }, { source: file }, { id: 'bench' });
    importSeconds = (performance.now() - started) / 1000;
    return r.transactions;
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

let importSeconds: number | null = null;
const started = performance.now();
const rows = phase === 'baseline' ? await baseline() : phase === 'parser' ? await parser() : await fullImport();
const seconds = importSeconds ?? (performance.now() - started) / 1000;
clearInterval(sampler);
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
console.log(JSON.stringify({ phase, rows, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024, peakHeapMb: peakHeap / 1024 / 1024 }));
