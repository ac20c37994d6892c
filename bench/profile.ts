/**
 * Where a page's time goes (issue 9, "Speed, measured"): `node --import tsx bench/profile.ts [seconds]`.
 * Starts a throwaway PostgreSQL server (bench/support/postgres.ts), loads the demo as bench/http.bench.ts does,
 * then for each page:
 *   1. counts the SQL statements one request runs (the second request, i.e. with warm caches), listing them;
 *   2. puts 50 authenticated clients on it for `seconds` (default 10) against a server process of its own and
 *      prints the CPU time per request of each party (the Node server, the PostgreSQL processes, the load
 *      generator; from /proc, Linux only) and where the server spent its CPU (V8 profiler, started only for
 *      the measurement): self time by area (database driver, Hono, JSX rendering, the project's files) and the
 *      top functions.
 * The .cpuprofile files stay in a temporary directory (printed) for a closer look (e.g. Chrome DevTools).
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './support/postgres.ts';
import { measure } from './support/load.ts';
import { loginCookie, seed } from './http.bench.ts';
import { openServer } from '../src/db/server.ts';
import { migrate } from '../src/db/migrate.ts';
import { startServer } from '../src/http/server.ts';
import type { Database, Queryable } from '../src/db/database.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
process.env.SAMORDNA_MFA_REQUIRED = 'none'; // the bench's kansli accounts sign in with a password alone
const seconds = Number(process.argv[2]) || 10;
const connections = 50;
const pages = ['/healthz', '/f/{f}?ar=2025', '/f/{f}/ar/2025/driftredovisning', '/f/{f}/ar/2025/nyckeltal'];

/** The database, counting every statement (also inside transactions). */
function counting(db: Database, log: string[]): Database {
  const wrap = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      log.push(sql.replace(/\s+/g, ' ').trim().slice(0, 110));
      return q.query(sql, params);
    },
    exec: (sql) => {
      log.push(sql.replace(/\s+/g, ' ').trim().slice(0, 110));
      return q.exec(sql);
    },
  });
  return { ...db, ...wrap(db), transaction: (fn, actor) => db.transaction((tx) => fn(wrap(tx)), actor), close: () => db.close() };
}

/** CPU time (user + system) of a process so far, in ms, from /proc (Linux). */
function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return 0;
  }
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
function summarize(file: string) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const area = (url: string, fn: string) => {
    if (fn === '(idle)' || fn === '(program)' || fn === '(garbage collector)') return fn;
    if (!url) return '(native/builtin)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
    const s = /\/(src|bench)\/(.*)$/.exec(url);
    return s ? `${s[1]}/${s[2]}` : url;
  };
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + us);
    const k = `${n.callFrame.functionName || '(anonymous)'} ${a}:${n.callFrame.lineNumber + 1}`;
    byFn.set(k, (byFn.get(k) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `  ${pct(us)}  ${k}`);
  return ['by area (self time):', ...top(byArea, 18), 'top functions (self time):', ...top(byFn, 25)].join('\n');
}

const pgServer = await startPostgres();
if (!pgServer) throw new Error('No PostgreSQL server installed (/usr/lib/postgresql/NN/bin).');
try {
  const raw = await openServer(pgServer.url);
  await migrate(raw);
  const fid = await seed(raw);
  const log: string[] = [];
  const db = counting(raw, log);
  const server = await startServer({ db }, { port: 0 });
  const cookie = await loginCookie(server.url, 'user0@bench.se');
  for (const page of pages) {
    const path = page.replace('{f}', String(fid));
    await fetch(server.url + path, { headers: { cookie } }).then((r) => r.text());
    log.length = 0;
    const res = await fetch(server.url + path, { headers: { cookie } });
    const body = await res.text();
    console.log(`\n${path}: ${res.status}, ${body.length} bytes, ${log.length} SQL statements (warm):`);
    for (const s of log) console.log(`  - ${s}`);
  }
  await server.close();

  const dir = mkdtempSync(join(tmpdir(), 'samordna-profile-'));
  for (const page of pages) {
    const path = page.replace('{f}', String(fid));
    const file = join(dir, `${path.replace(/[^a-z0-9]+/gi, '_')}.cpuprofile`);
    const child = fork(fileURLToPath(new URL('./profile-server.ts', import.meta.url)), [pgServer.url], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const reply = (kind: string) => new Promise<{ url: string }>((resolve) => child.on('message', (m: { kind: string; url: string }) => m.kind === kind && resolve(m)));
    const { url } = await reply('ready');
    const cookies: string[] = [];
    for (let i = 0; i < connections; i++) cookies.push(await loginCookie(url, `user${i}@bench.se`));
    await measure(url, path, { connections, seconds: 2, cookies }); // warm-up
    const started = reply('started');
    child.send({ kind: 'start' });
    await started;
    const pgPids = (await raw.query<{ pid: number }>('select pid from pg_stat_activity')).map((r) => r.pid);
    const before = { server: cpuMs(child.pid!), postgres: pgPids.reduce((n, p) => n + cpuMs(p), 0), load: process.cpuUsage() };
    const m = await measure(url, path, { connections, seconds, cookies });
    const load = process.cpuUsage(before.load);
    const perRequest = (ms: number) => `${Math.round((ms * 1000) / m.requests)} µs`;
    const used = {
      server: perRequest(cpuMs(child.pid!) - before.server),
      postgres: perRequest(pgPids.reduce((n, p) => n + cpuMs(p), 0) - before.postgres),
      loadGenerator: perRequest((load.user + load.system) / 1000),
    };
    child.send({ kind: 'stop', file });
    await new Promise((resolve) => child.once('exit', resolve));
    console.log(`\n== ${path}: ${m.requestsPerSecond}/s, p50 ${m.latencyP50Ms} ms, p99 ${m.latencyP99Ms} ms (${file})`);
    console.log(`CPU per request: server ${used.server}, PostgreSQL ${used.postgres}, load generator ${used.loadGenerator} (machine load ${loadavg()[0]!.toFixed(1)})`);
    console.log(summarize(file));
  }
  await raw.close();
} finally {
  pgServer.stop();
}
