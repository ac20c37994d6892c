import { InputError } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';

/** Refuses member ids that are not members of this förbund (instead of a foreign-key error). */
export async function assertMembersOf(tx: Queryable, federationId: number, ids: readonly (number | null)[], field: string): Promise<void> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return;
  const rows = await tx.query<{ id: number }>('select id from member where federation_id = $1 and id = any($2::int[])', [federationId, wanted]);
  if (rows.length !== wanted.length) throw new InputError({ field, message: 'Okänd medlem i förbundet.' });
}

export async function listMembers(db: Queryable, federationId: number): Promise<{ id: number; name: string; kind: string }[]> {
  return db.query('select id, name, kind from member where federation_id = $1 order by sort_order, name', [federationId]);
}

/** Names of the förbund's member municipalities (the closed list for a participant's home municipality). */
export async function memberMunicipalities(db: Queryable, federationId: number): Promise<string[]> {
  return (await db.query<{ name: string }>("select name from member where federation_id = $1 and kind = 'municipality' order by sort_order, name", [federationId])).map((r) => r.name);
}
