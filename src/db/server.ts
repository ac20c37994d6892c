import pg from 'pg';
import { actorSettingsSql, parseInt8, type Actor, type Database, type Queryable } from './database.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, parseInt8);
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v: string) => v);

export async function openServer(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection closed by the server (restart, database dropped) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => console.error(JSON.stringify({ level: 'warn', msg: `PostgreSQL: ${err.message}` })));
  // Fail early with a clear message if the server cannot be reached.
  const probe = await pool.connect();
  probe.release();
  const asQueryable = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query(sql, params as unknown[]);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
  });
  return {
    kind: 'server',
    ...asQueryable(pool),
    async transaction(fn, actor?: Actor) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const s = actorSettingsSql(actor);
        await client.query(s.sql, s.params);
        const result = await fn(asQueryable(client));
        await client.query('commit');
        return result;
      } catch (e) {
        await client.query('rollback').catch(() => {});
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
