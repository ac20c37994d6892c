import { PGlite, types } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { takeDataDirLock } from './dataDirLock.ts';
import { join } from 'node:path';
import { actorSettingsSql, parseInt8, type Actor, type Database, type Queryable } from './database.ts';

const parsers = {
  [types.INT8]: parseInt8,
  [types.DATE]: (v: string) => v,
  [types.NUMERIC]: (v: string) => v,
};

export interface EmbeddedOptions {
  /** Directory for the data; omitted means in memory (tests). */
  dataDir?: string;
  /** A dump made by dumpDataDir, to start from (tests start from a migrated template). */
  loadDataDir?: Blob | File;
  /** PostgreSQL settings for the embedded server, e.g. ['shared_buffers=16MB'] (the bench measures their effect on memory). */
  settings?: readonly string[];
}

export async function openEmbedded(options: EmbeddedOptions = {}): Promise<Database> {
  let release = () => {};
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    // PGlite is single-process: a second process (CLI beside a running server) is kept out.
    release = await takeDataDirLock(options.dataDir);
  }
  let pg: PGlite;
  try {
    pg = new PGlite({
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'pg') } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      ...(options.settings?.length ? { startParams: [...PGlite.defaultStartParams, ...options.settings.flatMap((s) => ['-c', s])] } : {}),
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
  // Work on the one session: statements and transactions running or waiting, and when the last one ended (giveWay).
  let busy = 0;
  let lastEnd = 0;
  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    busy++;
    try {
      return await work();
    } finally {
      busy--;
      lastEnd = performance.now();
    }
  };
  const top = asQueryable(pg);
  return {
    kind: 'embedded',
    query: (sql, params) => tracked(() => top.query(sql, params)),
    exec: (sql) => tracked(() => top.exec(sql)),
    async transaction(fn, actor?: Actor) {
      return tracked(() =>
        pg.transaction(async (tx) => {
          const s = actorSettingsSql(actor);
          await tx.query(s.sql, s.params);
          return fn(asQueryable(tx));
        }),
      );
    },
    async giveWay(maxWaitMs = 500) {
      // Quiet for QUIET_MS: a request between two of its statements (rendering, a little JavaScript) is not done yet.
      const QUIET_MS = 5;
      const until = performance.now() + maxWaitMs;
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        const now = performance.now();
        if ((busy === 0 && now - lastEnd >= QUIET_MS) || now >= until) return;
        await new Promise((resolve) => setTimeout(resolve, busy === 0 ? Math.max(1, QUIET_MS - (now - lastEnd)) : 2));
      }
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
