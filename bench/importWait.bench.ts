/**
 * `npm run bench importWait`: how long other förbund wait while one förbund imports a large SIE file on the
 * embedded database (issue 13: "a long import yields so that other requests are answered within 1 s").
 * For each file size: a fresh embedded database, a real HTTP server on loopback; one client streams the file to
 * förbund A's import API while another asks for förbund B's dashboard, driftredovisning and key figures one after
 * the other without pause (test/support/importWait.ts). Files are generated with 20 000 accounts (the limit of
 * src/importers/sie/read.ts) and SAMORDNA_BENCH_WAIT_ROWS #TRANS rows (default 40 000, 250 000 and 1 000 000:
 * the last is about 40 MB, near the 50 MB upload limit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { sieLimits } from '../src/importers/sie/read.ts';
import { writeSieFile } from '../src/importers/sie/testing/generate.ts';
import { measureImportWait, otherFederationPaths, type ImportWait } from '../test/support/importWait.ts';
import type { BenchResult } from './run.ts';

process.env.SAMORDNA_LOG = 'off';

export default async function importWaitBench(): Promise<BenchResult> {
  const sizes = (process.env.SAMORDNA_BENCH_WAIT_ROWS || '40000,250000,1000000').split(',').map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'samordna-import-wait-'));
  const runs: (ImportWait & { rows: number; accounts: number; load: number })[] = [];
  try {
    for (const rows of sizes) {
      const file = join(dir, `wait-${rows}.se`);
      await writeSieFile(file, { transactionRows: rows, extraAccounts: sieLimits.accounts - 100 });
      const db = await openEmbedded();
      try {
        await migrate(db);
        const load = loadavg()[0]!;
        const r = await measureImportWait(db, file);
        if (r.importStatus !== 201) throw new Error(`import answered ${r.importStatus}: ${JSON.stringify(r.importBody)}`);
        const body = r.importBody as { transactions: number; accounts: number };
        runs.push({ ...r, rows: body.transactions, accounts: body.accounts, load });
        console.log(`${body.transactions} rows: import ${r.importSeconds.toFixed(1)} s, worst wait ${r.worstMs.toFixed(0)} ms over ${r.requests} requests`);
      } finally {
        await db.close();
        rmSync(file, { force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ms = (x: number) => Math.round(x).toLocaleString('sv-SE');
  const table = [
    '| file | import over HTTP (s) | other förbund\'s requests during it | p50 (ms) | p99 (ms) | worst (ms) | same pages, no import: p50 / worst (ms) | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...runs.map(
      (r) =>
        `| ${r.accounts.toLocaleString('sv-SE')} accounts, ${r.rows.toLocaleString('sv-SE')} #TRANS rows, ${r.fileMegabytes.toFixed(1)} MB | ${r.importSeconds.toFixed(1)} | ${r.requests} | ${ms(r.p50Ms)} | ${ms(r.p99Ms)} | ${ms(r.worstMs)} | ${ms(r.quietP50Ms)} / ${ms(r.quietWorstMs)} | ${r.load.toFixed(1)} |`,
    ),
  ].join('\n');
  const worst = Math.max(...runs.map((r) => r.worstMs));
  const markdown = `Pages asked for: ${otherFederationPaths.map((p) => `\`${p}\``).join(', ')} of another förbund, in turn, each on a new connection.

${table}

Goal: every other request answered within 1 s while the import runs — worst ${ms(worst)} ms: ${worst < 1000 ? 'met' : 'NOT met'}.

Before (commit 551095d, the import in one transaction, measured the same way on this machine): 20 000 accounts and
50 000 rows, 2.8 MB — the one page asked for waited 3 010 ms, the whole import; 250 000 rows, 10 MB — worst wait
16 939 ms. How it works now: docs/ARCHITECTURE.md, "Long imports".`;
  return { name: 'importWait', title: 'Other förbund while one imports a large SIE file (embedded database)', markdown, data: { runs } };
}
