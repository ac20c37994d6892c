/**
 * HTTP load on loopback: 50 concurrent authenticated clients (each its own login session) for 30 s per
 * endpoint (BENCH_DURATION=seconds for a quick run), against an embedded database with a förbund's data.
 * Zero errors and zero non-2xx answers are required. For each endpoint: requests/s, p50/p99 latency, and
 * throughput as a ratio to a trivial endpoint (/healthz) measured on the same server in the same run.
 */
import autocannon from 'autocannon';
import { cpus, loadavg } from 'node:os';
import { openEmbedded } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { startServer } from '../src/http/server.ts';
import { createUser } from '../src/services/auth/users.ts';
import type { Database } from '../src/db/database.ts';
import { readFileSync } from 'node:fs';
import { parseReference } from '../src/importers/reference/parseReference.ts';
import { writeReference } from '../src/importers/reference/importReference.ts';

/** The endpoints under load. {f} is the förbund's id; the data is the reference förbund's 2024–2025. */
export const endpoints: readonly string[] = [
  '/f/{f}?ar=2025',
  '/f/{f}/ar/2025/driftredovisning',
  '/api/federations/{f}/years/2025/key-figures',
  '/api/federations/{f}/years/2025/operating-statement',
  '/api/federations/{f}/audit?limit=100',
];

const trivial = '/healthz';
const connections = Number(process.env.BENCH_CONNECTIONS) || 50;
const duration = Number(process.env.BENCH_DURATION) || 30;
const password = 'bench-lösenord-som-är-långt';

interface Measure {
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
  ratioToTrivial?: number;
}

async function seed(db: Database): Promise<number> {
  const reference = parseReference(readFileSync(new URL('../test/fixtures/vastmanland.import.json', import.meta.url), 'utf8'), 'vastmanland.import.json');
  const fid = await db.transaction(async (tx) => (await writeReference(tx, reference)).federationId, { id: 'bench' });
  // Some history for the audit trail.
  for (let i = 0; i < 200; i++) {
    await db.transaction((tx) => tx.query("update member set sort_order = sort_order + 1 where federation_id = $1", [fid]), { id: 'kansli@bench.se' });
  }
  for (let i = 0; i < connections; i++) {
    await createUser(db, { email: `user${i}@bench.se`, password, federationId: fid, role: 'kansli' }, { id: 'bench' });
  }
  return fid;
}

async function loginCookie(url: string, email: string): Promise<string> {
  const page = await fetch(`${url}/login`);
  const anon = page.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.startsWith('samordna_csrf='))!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
  const res = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: anon },
    body: new URLSearchParams({ email, password, _csrf: csrf }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c!.startsWith('samordna_session='));
  if (res.status !== 303 || !session) throw new Error(`bench login failed for ${email}: ${res.status}`);
  return session;
}

async function measure(url: string, path: string, cookies: readonly string[]): Promise<Measure> {
  let next = 0;
  const r = await autocannon({
    url: url + path,
    connections,
    duration,
    // A request slower than this counts as an error.
    timeout: 30,
    setupClient: (client) => client.setHeaders({ cookie: cookies[next++ % cookies.length]! }),
  });
  return {
    path,
    requestsPerSecond: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
    timeouts: r.timeouts,
  };
}

export async function run() {
  process.env.SAMORDNA_LOG = 'off';
  process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
  const db = await openEmbedded();
  await migrate(db);
  const fid = await seed(db);
  const server = await startServer({ db }, { port: 0 });
  try {
    const cookies: string[] = [];
    for (let i = 0; i < connections; i++) cookies.push(await loginCookie(server.url, `user${i}@bench.se`));
    const base = await measure(server.url, trivial, cookies);
    const results: Measure[] = [];
    for (const e of endpoints) {
      const m = await measure(server.url, e.replace('{f}', String(fid)), cookies);
      results.push({ ...m, ratioToTrivial: Math.round((m.requestsPerSecond / base.requestsPerSecond) * 1000) / 1000 });
    }
    const all = [base, ...results];
    return {
      ok: all.every((m) => m.errors === 0 && m.non2xx === 0 && m.timeouts === 0 && m.requests > 0),
      database: 'embedded (PGlite, in process)',
      connections,
      durationSeconds: duration,
      trivial: base,
      endpoints: results,
      node: process.version,
      cpus: cpus().length,
      // The machine's load when the run ended (1, 5, 15 min): other work on the machine slows every figure.
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      at: new Date().toISOString(),
    };
  } finally {
    await server.close();
    await db.close();
  }
}

export function toMarkdown(r: Awaited<ReturnType<typeof run>>): string {
  const rows = [r.trivial, ...r.endpoints].map(
    (m) => `| \`${m.path}\` | ${m.requestsPerSecond} | ${m.latencyP50Ms} | ${m.latencyP99Ms} | ${m.ratioToTrivial ?? 1} | ${m.errors} | ${m.non2xx} |`,
  );
  return [
    '# HTTP-belastning',
    '',
    `${r.connections} samtidiga inloggade klienter, ${r.durationSeconds} s per adress, ${r.database}, Node ${r.node}, ${r.at}.`,
    `Maskinen: ${r.cpus} kärnor, belastning ${r.loadAverage.join(' / ')} (1/5/15 min) när körningen slutade.`,
    `Resultat: ${r.ok ? 'inga fel' : 'FEL – se tabellen'}.`,
    '',
    '| adress | förfrågningar/s | p50 ms | p99 ms | kvot mot /healthz | fel | ej 2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n');
}
