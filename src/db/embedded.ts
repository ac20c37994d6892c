import { PGlite, types } from '@electric-sql/pglite';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { actorSettingsSql, parseInt8, type Actor, type Database, type Queryable } from './database.ts';

const parsers = {
  [types.INT8]: parseInt8,
  [types.DATE]: (v: string) => v,
  [types.NUMERIC]: (v: string) => v,
};

/** PGlite is single-process: a lock file keeps a second process (CLI beside a running server) out. */
function takeLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'samordna.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && processAlive(pid)) {
      throw new Error(
        `Databasen i ${dataDir} används redan av en annan process (pid ${pid}). ` +
          'Stoppa den först, eller kör mot en PostgreSQL-server med DATABASE_URL.',
      );
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface EmbeddedOptions {
  /** Directory for the data; omitted means in memory (tests). */
  dataDir?: string;
  /** A dump made by dumpDataDir, to start from (tests start from a migrated template). */
  loadDataDir?: Blob | File;
}

export async function openEmbedded(options: EmbeddedOptions = {}): Promise<Database> {
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    release = takeLock(options.dataDir);
  }
  let pg: PGlite;
  try {
    pg = new PGlite({
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'pg') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      parsers,
    });
    await pg.waitReady;
  } catch (e) {
    release();
    throw e;
  }
  const asQueryable = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'embedded',
    ...asQueryable(pg),
    async transaction(fn, actor?: Actor) {
      return pg.transaction(async (tx) => {
        const s = actorSettingsSql(actor);
        await tx.query(s.sql, s.params);
        return fn(asQueryable(tx));
      });
    },
    async close() {
      try {
        await pg.close();
      } finally {
        release();
      }
    },
    // Exposed for backup and the test template; not part of the Database interface.
    dumpDataDir: () => pg.dumpDataDir('none'),
  } as Database & { dumpDataDir(): Promise<Blob | File> };
}
