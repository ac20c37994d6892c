/**
 * How long other förbund wait while one förbund imports a large SIE file over HTTP. A real HTTP server (loopback,
 * port 0) over the given database; one client streams the file to the import API of förbund A while another
 * client asks for pages of förbund B one after the other, as fast as they are answered. Each page request that
 * was under way while the import ran counts; the worst of them is the wait the issue bounds (< 1 s).
 * Used by the bench (bench/importWait.bench.ts) and the db test (test/importWait.db.test.ts).
 */
import { createReadStream, statSync } from 'node:fs';
import { request } from 'node:http';
import type { Database } from '../../src/db/database.ts';
import { startServer } from '../../src/http/server.ts';
import { createFederation } from '../../src/services/economy/index.ts';
import { seedSmallFederation } from './economy.ts';

export interface ImportWait {
  /** The import's own time over HTTP, and its answer. */
  readonly importSeconds: number;
  readonly importStatus: number;
  readonly importBody: unknown;
  readonly fileMegabytes: number;
  /** Page requests of förbund B answered while the import ran, and their latencies (ms). */
  readonly requests: number;
  readonly worstMs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The same pages with no import running (the machine's own speed), for comparison. */
  readonly quietWorstMs: number;
  readonly quietP50Ms: number;
}

/** The pages of the other förbund that are asked for in turn (dashboard, driftredovisning, key figures API). */
export const otherFederationPaths = ['/f/{f}?ar=2025', '/f/{f}/ar/2025/driftredovisning', '/api/federations/{f}/years/2025/key-figures'];

/** One request on a connection of its own (no keep-alive: nothing is shared between the two clients). */
function send(method: 'GET' | 'POST', url: string, file?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent: false, headers: file ? { 'content-type': 'application/octet-stream' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (file) createReadStream(file, { highWaterMark: 256 * 1024 }).pipe(req);
    else req.end();
  });
}

const quantile = (sorted: readonly number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0);

export async function measureImportWait(db: Database, sieFile: string, opts: { quietRequests?: number } = {}): Promise<ImportWait> {
  const importing = await createFederation(db, { name: 'Förbundet som läser in' }, { id: 'test' });
  const other = await seedSmallFederation(db);
  const server = await startServer({ db }, { port: 0 });
  try {
    const paths = otherFederationPaths.map((p) => server.url + p.replace('{f}', String(other.federationId)));
    const ask = async (i: number): Promise<number> => {
      const t = performance.now();
      const res = await send('GET', paths[i % paths.length]!);
      if (res.status !== 200) throw new Error(`${paths[i % paths.length]} answered ${res.status}`);
      const took = performance.now() - t;
      if (process.env.TRACE_WAIT && took > 300) console.log(`request ${paths[i % paths.length]} took ${took.toFixed(0)} ms, started at ${(t / 1000).toFixed(2)}`);
      return took;
    };
    // The quiet baseline (first requests warm caches; they are not counted).
    for (let i = 0; i < paths.length; i++) await ask(i);
    const quiet: number[] = [];
    for (let i = 0; i < (opts.quietRequests ?? 30); i++) quiet.push(await ask(i));
    quiet.sort((a, b) => a - b);

    let done = false;
    const started = performance.now();
    const upload = (async () => {
      const res = await send('POST', `${server.url}/api/federations/${importing.id}/ledger/imports?fileName=stor.se&organisationNumber=222000-0000`, sieFile);
      let parsed: unknown = res.text;
      try {
        parsed = JSON.parse(res.text);
      } catch {
        // keep the text
      }
      return { status: res.status, body: parsed, seconds: (performance.now() - started) / 1000 };
    })().finally(() => (done = true));
    const during: number[] = [];
    // Give the upload a head start so the first page request meets it under way.
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; !done; i++) during.push(await ask(i));
    const imported = await upload;
    during.sort((a, b) => a - b);
    return {
      importSeconds: imported.seconds,
      importStatus: imported.status,
      importBody: imported.body,
      fileMegabytes: statSync(sieFile).size / 1e6,
      requests: during.length,
      worstMs: during.at(-1) ?? 0,
      p50Ms: quantile(during, 0.5),
      p99Ms: quantile(during, 0.99),
      quietWorstMs: quiet.at(-1) ?? 0,
      quietP50Ms: quantile(quiet, 0.5),
    };
  } finally {
    await server.close();
  }
}
