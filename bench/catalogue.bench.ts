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
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
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

interface Measure {
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
  timeouts: number;
}

/** A PostgreSQL server of our own on loopback (only when DATABASE_URL is not given). */
function startPostgres(): { url: string; stop: () => void } {
  const base = '/usr/lib/postgresql';
  const version = existsSync(base) ? readdirSync(base).sort((a, b) => Number(a) - Number(b)).pop() : undefined;
  if (!version) throw new Error('Ingen PostgreSQL-server: sätt DATABASE_URL eller installera postgresql.');
  const bin = join(base, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'samordna-bench-pg-'));
  const root = process.getuid?.() === 0;
  const asPg = (cmd: string, args: string[]) => execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'ignore' });
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const port = 55000 + Math.floor(Math.random() * 1000);
  asPg(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  asPg(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, '-l', join(dir, 'log'), '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPg(join(bin, 'pg_ctl'), ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function measure(url: string, path: string): Promise<Measure> {
  const r = await autocannon({ url: url + path, connections, duration, timeout: 30 });
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
  const own = process.env.DATABASE_URL ? null : startPostgres();
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
      node: process.version,
      cpus: cpus().length,
      loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
      at: new Date().toISOString(),
    };
  } finally {
    // autocannon's last requests may still be in flight: let them finish before the pool closes.
    await new Promise((r) => setTimeout(r, 1000));
    await server?.close();
    await db.close();
    for (let i = 0; i < 50; i++) {
      const [{ n }] = (await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows as [{ n: number }];
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
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
