/**
 * A throwaway PostgreSQL server on loopback for the benches, started the way .ci/run starts one: the newest
 * /usr/lib/postgresql/NN/bin, initdb in a temporary directory (as the postgres user when run as root), trust
 * authentication, a free port, stopped and removed by stop(). Null when PostgreSQL is not installed.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BenchPostgres {
  readonly url: string;
  readonly version: string;
  stop(): void;
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export async function startPostgres(opts: { maxConnections?: number } = {}): Promise<BenchPostgres | null> {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(a) - Number(b));
  const bin = versions.length ? join(root, versions.at(-1)!, 'bin') : null;
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'samordna-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const asPg = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  asPg('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const extra = opts.maxConnections ? ` -c max_connections=${opts.maxConnections}` : '';
  asPg('pg_ctl', ['-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${extra}`, '-l', join(dir, 'log'), '-w', 'start']);
  const version = execFileSync(join(bin, 'postgres'), ['--version']).toString().trim();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    stop() {
      try {
        asPg('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Drops a bench database once its pool's connections have gone (pool.end() resolves before they have closed;
 * dropping under a live one makes that client throw), then ends the admin client.
 */
export async function dropDatabaseWhenIdle(admin: { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>; end(): Promise<void> }, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const [{ n }] = (await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows as [{ n: number }];
    if (n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await admin.query(`drop database if exists ${name}`);
  await admin.end();
}
