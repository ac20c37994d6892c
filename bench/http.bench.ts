/**
 * HTTP load on loopback: 50 concurrent authenticated clients (each its own login session) for BENCH_DURATION
 * seconds per endpoint (default 30), with the demo loaded (Samordningsförbundet Västmanland 2024–2025 and the
 * interventions demo), on BOTH databases in the same run:
 *   - embedded: PGlite in the server's process;
 *   - server: a PostgreSQL server this bench starts itself (initdb in a temp directory, loopback only, stopped
 *     and removed at the end), from the newest /usr/lib/postgresql/NN/bin — as .ci/run does. Skipped (and
 *     said so) when no PostgreSQL binaries are installed.
 * Zero errors and zero non-2xx answers are required. For each endpoint: requests/s, p50/p99 latency, and the
 * throughput as a ratio to a trivial endpoint (/healthz) measured on the same server in the same run.
 * Goals (issue 9): server — dashboard and driftredovisning ≥ 25 % of /healthz with p99 < 150 ms; embedded —
 * p99 < 1 s. Memory: the embedded server's resident set size (RSS) with the demo loaded and after a sustained
 * load on the dashboard (BENCH_SUSTAIN seconds, default 60), with PGlite's default settings and with a smaller
 * shared_buffers. The load generator (autocannon) runs in the same process, so RSS includes it.
 */
import { measure as measureLoad, type Measure } from './support/load.ts';
import { startPostgres } from './support/postgres.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { machineFacts } from './support/machine.ts';
import { fileURLToPath } from 'node:url';
import { openEmbedded } from '../src/db/embedded.ts';
import { openServer } from '../src/db/server.ts';
import { migrate } from '../src/db/migrate.ts';
import { startServer } from '../src/http/server.ts';
import { createUser } from '../src/services/auth/users.ts';
import type { Database } from '../src/db/database.ts';
import { loadDemo } from '../src/services/demo/index.ts';
import { demoSteps } from '../src/cli/demo.ts';
import { getFederationByName } from '../src/services/economy/index.ts';

/** The endpoints under load. {f} is the förbund's id; the data is the demo förbund's 2025. */
export const endpoints: readonly string[] = [
  '/f/{f}?ar=2025',
  '/f/{f}/ar/2025/driftredovisning',
  '/f/{f}/ar/2025/nyckeltal',
  '/api/federations/{f}/years/2025/key-figures',
  '/api/federations/{f}/years/2025/operating-statement',
  '/api/federations/{f}/audit?limit=100',
];
/** The pages the server goals name. */
const goalPaths = ['/f/{f}?ar=2025', '/f/{f}/ar/2025/driftredovisning'];

const trivial = '/healthz';
const connections = Number(process.env.BENCH_CONNECTIONS) || 50;
const duration = Number(process.env.BENCH_DURATION) || 30;
const sustain = Number(process.env.BENCH_SUSTAIN) || 60;
const password = 'bench-lösenord-som-är-långt';


export async function seed(db: Database): Promise<number> {
  await loadDemo(db, demoSteps);
  const fid = (await getFederationByName(db, 'Samordningsförbundet Västmanland')).id;
  // Some history for the audit trail.
  for (let i = 0; i < 200; i++) {
    await db.transaction((tx) => tx.query('update member set sort_order = sort_order + 1 where federation_id = $1', [fid]), { id: 'kansli@bench.se' });
  }
  for (let i = 0; i < connections; i++) {
    await createUser(db, { email: `user${i}@bench.se`, password, federationId: fid, role: 'kansli' }, { id: 'bench' });
  }
  return fid;
}

export async function loginCookie(url: string, email: string): Promise<string> {
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

const measure = (url: string, path: string, cookies: readonly string[], seconds = duration): Promise<Measure> => measureLoad(url, path, { connections, seconds, cookies });

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);

/** The load on one database: /healthz first, then every endpoint. */
async function loadOn(db: Database, label: string) {
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
      console.log(`${label} ${m.path}: ${m.requestsPerSecond}/s p50 ${m.latencyP50Ms} ms p99 ${m.latencyP99Ms} ms`);
    }
    return { database: label, trivial: base, endpoints: results, goalPaths: goalPaths.map((p) => p.replace('{f}', String(fid))) };
  } finally {
    // Requests still in flight when the last measurement ended finish before the database closes.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await server.close();
  }
}

/** A free loopback port. */


/** RSS of the embedded server with the demo loaded, and during/after a sustained load on the dashboard. */
export async function memoryOn(settings: readonly string[]) {
  const db = await openEmbedded({ settings });
  try {
    await migrate(db);
    const sharedBuffers = (await db.query<{ shared_buffers: string }>('show shared_buffers'))[0]?.shared_buffers ?? '?';
    const before = rssMb();
    const fid = await seed(db);
    const server = await startServer({ db }, { port: 0 });
    try {
      const cookies: string[] = [];
      for (let i = 0; i < connections; i++) cookies.push(await loginCookie(server.url, `user${i}@bench.se`));
      global.gc?.();
      const loaded = rssMb();
      const samples: number[] = [];
      const timer = setInterval(() => samples.push(rssMb()), 5000);
      // Half the time on the dashboard, half on pages and the audit log, so the cache is not all that is measured.
      const m1 = await measure(server.url, `/f/${fid}?ar=2025`, cookies, Math.ceil(sustain / 2));
      const m2 = await measure(server.url, `/api/federations/${fid}/audit?limit=100`, cookies, Math.floor(sustain / 2));
      clearInterval(timer);
      global.gc?.();
      const after = rssMb();
      return {
        settings: `${settings.length ? settings.join(' ') : 'PGlite defaults'} (shared_buffers ${sharedBuffers})`,
        rssMb: { beforeSeed: before, demoLoaded: loaded, maxDuringLoad: Math.max(...samples, after), afterLoad: after },
        sustainedSeconds: sustain,
        requests: m1.requests + m2.requests,
        errors: m1.errors + m2.errors + m1.non2xx + m2.non2xx,
      };
    } finally {
      await server.close();
    }
  } finally {
    await db.close();
  }
}

/** The previous run's figures (bench/results/http.json as committed), to print beside this run's. */
function previousRun(): { at: string; loadAverage: number[]; rows: { database: string; path: string; requestsPerSecond: number; latencyP99Ms: number; ratioToTrivial: number }[] } | null {
  const file = fileURLToPath(new URL('./results/http.json', import.meta.url));
  if (!existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as { data: { at: string; loadAverage: number[]; runs: { kind: string; trivial: Measure; endpoints: Measure[] }[] } };
    return {
      at: r.data.at,
      loadAverage: r.data.loadAverage,
      rows: r.data.runs.flatMap((run) => [run.trivial, ...run.endpoints].map((m) => ({ database: run.kind, path: m.path, requestsPerSecond: m.requestsPerSecond, latencyP99Ms: m.latencyP99Ms, ratioToTrivial: m.ratioToTrivial ?? 1 }))),
    };
  } catch {
    return null;
  }
}

export async function run() {
  const previous = previousRun();
  process.env.SAMORDNA_LOG = 'off';
  process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
  process.env.SAMORDNA_MFA_REQUIRED = 'none'; // the bench's kansli accounts sign in with a password alone
  const runs = [];

  const embedded = await openEmbedded();
  try {
    await migrate(embedded);
    runs.push({ ...(await loadOn(embedded, 'embedded (PGlite, in process)')), kind: 'embedded' as const });
  } finally {
    await embedded.close();
  }

  let serverNote: string | null = null;
  const pgServer = await startPostgres().catch((e: unknown) => {
    serverNote = `PostgreSQL-servern kunde inte startas: ${(e as Error).message}`;
    return null;
  });
  if (pgServer) {
    // Interrupted (Ctrl-C, kill): the server this bench started is stopped and its directory removed.
    const stopOnSignal = () => {
      pgServer.stop();
      process.exit(130);
    };
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    try {
      const db = await openServer(pgServer.url);
      try {
        await migrate(db);
        runs.push({ ...(await loadOn(db, `server (${pgServer.version}, loopback)`)), kind: 'server' as const });
      } finally {
        await db.close();
      }
    } finally {
      process.off('SIGINT', stopOnSignal);
      process.off('SIGTERM', stopOnSignal);
      pgServer.stop();
    }
  } else serverNote ??= 'Ingen PostgreSQL-server installerad (/usr/lib/postgresql/NN/bin): bara den inbyggda databasen mättes.';

  // Each memory run in a fresh process, so one run's memory does not count in the next.
  const memory = [[], ['shared_buffers=16MB']].map((settings) => {
    try {
      const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./memory-child.ts', import.meta.url)), ...settings], {
        env: { ...process.env },
        maxBuffer: 1 << 20,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString();
      return JSON.parse(out.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof memoryOn>>;
    } catch (e) {
      // A failed memory run is reported, and the load figures above are kept.
      const err = e as { stderr?: Buffer; message: string };
      return { settings: settings.join(' ') || 'PGlite defaults', failed: (err.stderr?.toString() || err.message).slice(-500) };
    }
  });

  const goals = runs.flatMap((r) =>
    r.endpoints
      .filter((m) => r.goalPaths.includes(m.path) || r.kind === 'embedded')
      .map((m) =>
        r.kind === 'server'
          ? { database: r.kind, path: m.path, goal: '≥ 25 % av /healthz, p99 < 150 ms', met: (m.ratioToTrivial ?? 0) >= 0.25 && m.latencyP99Ms < 150 }
          : { database: r.kind, path: m.path, goal: 'p99 < 1 s', met: m.latencyP99Ms < 1000 },
      ),
  );
  const all = runs.flatMap((r) => [r.trivial, ...r.endpoints]);
  return {
    ok: all.every((m) => m.errors === 0 && m.non2xx === 0 && m.timeouts === 0 && m.requests > 0),
    connections,
    durationSeconds: duration,
    runs,
    goals,
    memory,
    previous,
    serverNote,
    ...machineFacts(),
  };
}

export function toMarkdown(r: Awaited<ReturnType<typeof run>>): string {
  const table = (run: (typeof r.runs)[number]) => [
    `### ${run.database}`,
    '',
    '| adress | förfrågningar/s | p50 ms | p99 ms | kvot mot /healthz | fel | ej 2xx |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...[run.trivial, ...run.endpoints].map((m) => `| \`${m.path}\` | ${m.requestsPerSecond} | ${m.latencyP50Ms} | ${m.latencyP99Ms} | ${m.ratioToTrivial ?? 1} | ${m.errors} | ${m.non2xx} |`),
    '',
  ];
  return [
    '# HTTP-belastning',
    '',
    `${r.connections} samtidiga inloggade klienter, ${r.durationSeconds} s per adress, demodata inläst, Node ${r.node}, ${r.at}.`,
    `Maskinen: ${r.cpus} kärnor (delad med annat arbete), belastning ${r.loadAverage.join(' / ')} (1/5/15 min) när körningen slutade.`,
    `Resultat: ${r.ok ? 'inga fel' : 'FEL – se tabellerna'}.`,
    ...(r.serverNote ? ['', r.serverNote] : []),
    '',
    ...r.runs.flatMap(table),
    '## Mål',
    '',
    '| databas | adress | mål | uppfyllt |',
    '|---|---|---|---|',
    ...r.goals.map((g) => `| ${g.database} | \`${g.path}\` | ${g.goal} | ${g.met ? 'ja' : 'NEJ'} |`),
    '',
    ...(r.previous
      ? [
          `## Jämfört med förra körningen (${r.previous.at}, belastning ${r.previous.loadAverage.join(' / ')})`,
          '',
          '| databas | adress | förfrågningar/s före → nu | p99 ms före → nu | kvot mot /healthz före → nu |',
          '|---|---|---:|---:|---:|',
          ...r.runs.flatMap((run) =>
            [run.trivial, ...run.endpoints].map((m) => {
              const p = r.previous!.rows.find((x) => x.database === run.kind && x.path === m.path);
              return p
                ? `| ${run.kind} | \`${m.path}\` | ${p.requestsPerSecond} → ${m.requestsPerSecond} | ${p.latencyP99Ms} → ${m.latencyP99Ms} | ${p.ratioToTrivial} → ${m.ratioToTrivial ?? 1} |`
                : `| ${run.kind} | \`${m.path}\` | – → ${m.requestsPerSecond} | – → ${m.latencyP99Ms} | – → ${m.ratioToTrivial ?? 1} |`;
            }),
          ),
          '',
        ]
      : []),
    '## Minne (inbyggd databas, RSS för hela processen inklusive lastgeneratorn)',
    '',
    '| inställningar | före demodata MB | demodata inläst MB | högst under last MB | efter last MB | last s | förfrågningar | fel |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...r.memory.map((m) =>
      'failed' in m ? `| ${m.settings} | mätningen misslyckades: ${m.failed.replace(/\s+/g, ' ')} | | | | | | |` : `| ${m.settings} | ${m.rssMb.beforeSeed} | ${m.rssMb.demoLoaded} | ${m.rssMb.maxDuringLoad} | ${m.rssMb.afterLoad} | ${m.sustainedSeconds} | ${m.requests} | ${m.errors} |`,
    ),
    '',
  ].join('\n');
}
