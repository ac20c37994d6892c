/**
 * The public catalogue under load on the SERVER database: 50 concurrent anonymous clients (case workers
 * without accounts) for 30 s per address (BENCH_DURATION=seconds for a quick run) against the synthetic
 * national data set (80 förbund, 160 public entries with last year's suppressed results). Goal: the
 * catalogue page answers in < 50 ms p99. Zero errors and zero non-2xx answers are required.
 *
 * Uses DATABASE_URL when set (a fresh database in it, dropped afterwards); otherwise starts its own
 * PostgreSQL server from /usr/lib/postgresql/<newest>/bin on loopback in a temporary directory (like .ci/run)
 * and stops it afterwards.
 */
import { measure as measureLoad, type Measure } from './support/load.ts';
import { dropDatabaseWhenIdle, startPostgres } from './support/postgres.ts';
import { machineFacts } from './support/machine.ts';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openServer } from '../src/db/server.ts';
import { migrate } from '../src/db/migrate.ts';
import { startServer } from '../src/http/server.ts';
import { createUser } from '../src/services/auth/users.ts';
import { loadNationalSynthetic } from '../src/services/national/synthetic.ts';

const connections = Number(process.env.BENCH_CONNECTIONS) || 50;
const duration = Number(process.env.BENCH_DURATION) || 30;
const goalP99Ms = 50;



const measure = (url: string, path: string): Promise<Measure> => measureLoad(url, path, { connections, seconds: duration });

export async function run() {
  process.env.SAMORDNA_LOG = 'off';
  // A PostgreSQL server of our own on loopback, only when DATABASE_URL is not given.
  const own = process.env.DATABASE_URL ? null : await startPostgres({ maxConnections: 200 });
  if (!process.env.DATABASE_URL && !own) throw new Error('Ingen PostgreSQL-server: sätt DATABASE_URL eller installera postgresql.');
  const adminUrl = process.env.DATABASE_URL ?? own!.url;
  const name = `samordna_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const db = await openServer(u.toString());
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await migrate(db);
    const t0 = performance.now();
    const loaded = await loadNationalSynthetic(db, { id: 'bench' });
    const seedMs = Math.round(performance.now() - t0);
    // An account exists, so visitors are anonymous (the catalogue is public; nothing else is).
    await createUser(db, { email: 'kansli@bench.se', password: 'bench-lösenord-som-är-långt', national: true }, { id: 'bench' });
    const [{ fid, county }] = (await db.query<{ fid: number; county: string }>("select id as fid, county from federation where synthetic order by name limit 1")) as [{ fid: number; county: string }];
    server = await startServer({ db }, { port: 0 });
    const paths = [
      `/katalog/${fid}`,
      `/katalog/${fid}?q=unga&kommun=${encodeURIComponent('Kommun 1A')}`,
      `/api/katalog/${fid}`,
      `/katalog/lan/${encodeURIComponent(county)}`,
    ];
    // Warm up once (last year's results are computed on first use and cached until the förbund's data changes).
    for (const p of paths) if ((await fetch(server.url + p)).status !== 200) throw new Error(`${p} svarade inte 200`);
    // A trivial address on the same server in the same run: how much of the latency is the machine.
    const trivial = await measure(server.url, '/healthz');
    const results: Measure[] = [];
    for (const p of paths) results.push(await measure(server.url, p));
    const page = results[0]!;
    return {
      ok: [trivial, ...results].every((m) => m.errors === 0 && m.non2xx === 0 && m.timeouts === 0 && m.requests > 0),
      goalMet: page.latencyP99Ms < goalP99Ms,
      goalP99Ms,
      database: `PostgreSQL server (${(await db.query<{ v: string }>("select current_setting('server_version') as v"))[0]!.v}, loopback${own ? ', started by the bench' : ''})`,
      federations: loaded.federations,
      participations: loaded.participations,
      seedMs,
      connections,
      durationSeconds: duration,
      trivial,
      results,
      ...machineFacts(),
    };
  } finally {
    // autocannon's last requests may still be in flight: let them finish before the pool closes.
    await new Promise((r) => setTimeout(r, 1000));
    await server?.close();
    await db.close();
    await dropDatabaseWhenIdle(admin, name);
    own?.stop();
  }
}

export function toMarkdown(r: Awaited<ReturnType<typeof run>>): string {
  return [
    `${r.connections} samtidiga anonyma klienter, ${r.durationSeconds} s per adress, ${r.database}; syntetiska data: ${r.federations} förbund, ${r.participations} deltaganden (inläsning ${r.seedMs} ms).`,
    `Maskinen: ${r.cpus} kärnor, belastning ${r.loadAverage.join(' / ')} (1/5/15 min) när körningen slutade.`,
    `Mål: katalogsidan p99 < ${r.goalP99Ms} ms — ${r.goalMet ? 'uppnått' : 'INTE uppnått'} (${r.results[0]!.latencyP99Ms} ms). Fel: ${r.ok ? 'inga' : 'se tabellen'}.`,
    '',
    '| adress | förfrågningar/s | p50 ms | p99 ms | fel | ej 2xx |',
    '|---|---:|---:|---:|---:|---:|',
    ...[r.trivial, ...r.results].map((m) => `| \`${m.path}\` | ${m.requestsPerSecond} | ${m.latencyP50Ms} | ${m.latencyP99Ms} | ${m.errors} | ${m.non2xx} |`),
    '',
    'Svaren sparas per adress så länge förbundets data är oförändrade (högst 60 s); en förfrågan kostar då en liten fråga mot databasen. `/healthz` (ingen databas) visar vad maskinen själv klarar i samma körning.',
    '',
  ].join('\n');
}
