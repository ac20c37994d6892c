import { NotFoundError } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';

/** A förbund's id and name for its public pages (registry, accessibility statement); NotFoundError when none. */
export async function publicFederation(db: Queryable, federationId: number): Promise<{ id: number; name: string }> {
  const [f] = await db.query<{ id: number; name: string }>('select id, name from federation where id = $1', [federationId]);
  if (!f) throw new NotFoundError('Förbundet finns inte.');
  return f;
}

/** Every förbund by name, for the list of accessibility statements. */
export async function publicFederations(db: Queryable): Promise<{ id: number; name: string }[]> {
  return db.query<{ id: number; name: string }>('select id, name from federation order by name');
}
