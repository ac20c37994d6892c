import type { Queryable } from '../../src/db/database.ts';
import { tablesInDependencyOrder } from '../../src/services/backup/backup.ts';

/** Every table's rows, each as PostgreSQL's own JSON text, sorted: two databases hold the same data iff equal. */
export async function snapshot(db: Queryable): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of await tablesInDependencyOrder(db)) {
    out[t] = (await db.query<{ j: string }>(`select to_jsonb(t)::text as j from "${t}" t`)).map((r) => r.j).sort();
  }
  return out;
}
