import { NotFoundError } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';

/** The förbund with this name. */
export async function federationByName(db: Queryable, name: string): Promise<{ id: number; name: string }> {
  const rows = await db.query<{ id: number; name: string }>('select id, name from federation where name = $1', [name]);
  if (!rows[0]) throw new NotFoundError(`Förbundet "${name}" finns inte.`);
  return rows[0];
}
