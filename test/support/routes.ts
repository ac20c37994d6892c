import type { Hono } from 'hono';
import type { Database } from '../../src/db/database.ts';

/** The app's routes without middleware entries, one per method and path. */
export function registeredRoutes(app: Hono<any>): { method: string; path: string }[] {
  const seen = new Set<string>();
  return app.routes.filter((r) => {
    if (r.method === 'ALL' || r.path.includes('*')) return false;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Fills a route pattern: :federationId, other *id / *Id params with otherId, anything else with a year. */
export function fillRoute(pattern: string, federationId: number, otherId: number): string {
  return pattern.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, (_m, name: string) =>
    String(name === 'federationId' ? federationId : /id$/i.test(name) ? otherId : 2025),
  );
}

/** Does the pattern have an id parameter besides :federationId? */
export function hasOtherIdParam(pattern: string): boolean {
  return [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].some((m) => m[1] !== 'federationId' && /id$/i.test(m[1]!));
}

/**
 * Ids that belong to a förbund: the integer `id` of rows in every table with a federation_id (all of them,
 * or the first of each table), and the users with a role in it.
 */
export async function federationRowIds(db: Database, federationId: number, firstOfEachTable = false): Promise<number[]> {
  const tables = await db.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
     where c.table_schema = current_schema() and c.column_name = 'federation_id' and c.table_name <> 'audit_log'
       and exists (select 1 from information_schema.columns i where i.table_schema = c.table_schema and i.table_name = c.table_name
                   and i.column_name = 'id' and i.data_type in ('integer', 'bigint', 'smallint'))`,
  );
  const ids = new Set<number>();
  for (const { table_name } of tables) {
    const sql = firstOfEachTable ? `select min(id) as id from "${table_name}" where federation_id = $1` : `select id from "${table_name}" where federation_id = $1`;
    for (const r of await db.query<{ id: number | null }>(sql, [federationId])) if (r.id != null) ids.add(Number(r.id));
  }
  for (const r of await db.query<{ id: number }>('select user_id as id from federation_role where federation_id = $1', [federationId])) ids.add(r.id);
  return [...ids].sort((a, b) => a - b);
}
