import type { Actor, Database, Queryable } from '../../db/database.ts';
import { textProblems } from '../../core/input/index.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { isMemberKind, type Member, type MemberKind } from '../../core/economy/types.ts';

export interface MemberInput {
  readonly name: string;
  readonly kind: MemberKind;
  readonly sortOrder?: number;
}

type Row = { id: number; name: string; kind: MemberKind; sort_order: number };
const toMember = (r: Row): Member => ({ id: r.id, name: r.name, kind: r.kind, sortOrder: r.sort_order });

/** The förbund's members: state first, then region(s), then municipalities; by sort order and name within. */
export async function listMembers(q: Queryable, federationId: number): Promise<Member[]> {
  const rows = await q.query<Row>(
    `select id, name, kind, sort_order from member where federation_id = $1
     order by case kind when 'state_fk' then 0 when 'state_af' then 1 when 'region' then 2 else 3 end, sort_order, name`,
    [federationId],
  );
  return rows.map(toMember);
}

/**
 * Adds the members by name or updates their kind, in the given order, inside an open transaction (the reference
 * import). Returns every member of the förbund's id by name.
 */
export async function upsertMembers(tx: Queryable, federationId: number, members: readonly { name: string; kind: MemberKind }[]): Promise<Map<string, number>> {
  for (const [i, m] of members.entries()) {
    await tx.query(
      `insert into member (federation_id, name, kind, sort_order) values ($1, $2, $3, $4)
       on conflict (federation_id, name) do update set kind = excluded.kind, sort_order = excluded.sort_order`,
      [federationId, m.name, m.kind, i],
    );
  }
  return new Map((await tx.query<{ id: number; name: string }>('select id, name from member where federation_id = $1', [federationId])).map((r) => [r.name, r.id]));
}

export function validateMember(input: MemberInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (typeof input.name !== 'string' || input.name.trim() === '') problems.push({ field: 'name', message: 'Ange medlemmens namn.' });
  else problems.push(...textProblems('name', input.name, { kind: 'name' }));
  if (!isMemberKind(input.kind)) problems.push({ field: 'kind', message: 'Okänd medlemstyp: ange Försäkringskassan, Arbetsförmedlingen, region eller kommun.' });
  if (input.sortOrder !== undefined && !Number.isInteger(input.sortOrder)) problems.push({ field: 'sortOrder', message: 'Ordningen ska vara ett heltal.' });
  return problems;
}

async function assertNameFree(tx: Queryable, federationId: number, name: string, exceptId: number | null) {
  const rows = await tx.query<{ id: number }>('select id from member where federation_id = $1 and name = $2', [federationId, name]);
  if (rows.some((r) => r.id !== exceptId)) throw new InputError({ field: 'name', message: `Det finns redan en medlem som heter "${name}".` });
}

export async function createMember(db: Database, federationId: number, input: MemberInput, actor: Actor): Promise<Member> {
  const problems = validateMember(input);
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const name = input.name.trim();
    await assertNameFree(tx, federationId, name, null);
    const [r] = await tx.query<Row>(
      'insert into member (federation_id, name, kind, sort_order) values ($1, $2, $3, $4) returning id, name, kind, sort_order',
      [federationId, name, input.kind, input.sortOrder ?? 0],
    );
    return toMember(r!);
  }, actor);
}

export async function updateMember(db: Database, federationId: number, memberId: number, input: MemberInput, actor: Actor): Promise<Member> {
  const problems = validateMember(input);
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const name = input.name.trim();
    await assertNameFree(tx, federationId, name, memberId);
    const [r] = await tx.query<Row>(
      'update member set name = $3, kind = $4, sort_order = $5 where federation_id = $1 and id = $2 returning id, name, kind, sort_order',
      [federationId, memberId, name, input.kind, input.sortOrder ?? 0],
    );
    if (!r) throw new NotFoundError('Medlemmen finns inte.');
    return toMember(r);
  }, actor);
}

/** Removes a member; refused (InputError) while it has contributions or is in an allocation key. */
export async function deleteMember(db: Database, federationId: number, memberId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const used = await tx.query(
      `select 1 from contribution where federation_id = $1 and member_id = $2
       union all select 1 from allocation_key_weight where federation_id = $1 and member_id = $2 limit 1`,
      [federationId, memberId],
    );
    if (used.length) throw new InputError({ field: 'memberId', message: 'Medlemmen har bidrag eller ingår i en fördelningsnyckel och kan inte tas bort.' });
    const [inInterventions] = await tx.query<{ n: number }>(
      `select ((select count(*) from intervention where federation_id = $1 and owner_member_id = $2)
             + (select count(*) from intervention_member where federation_id = $1 and member_id = $2)
             + (select count(*) from intervention_staffing where federation_id = $1 and member_id = $2)
             + (select count(*) from participation where federation_id = $1 and referring_member_id = $2)
             + (select count(*) from activity_participants where federation_id = $1 and member_id = $2))::int as n`,
      [federationId, memberId],
    );
    if (inInterventions!.n > 0) {
      throw new InputError({ field: 'memberId', message: 'Medlemmen är insatsägare, medverkar eller bemannar en insats, har remitterat deltagare eller har deltagare i en aktivitet, och kan inte tas bort.' });
    }
    const rows = await tx.query('delete from member where federation_id = $1 and id = $2 returning id', [federationId, memberId]);
    if (!rows.length) throw new NotFoundError('Medlemmen finns inte.');
  }, actor);
}

/** Refuses member ids that are not members of this förbund (instead of a foreign-key error). */
export async function assertMembersOf(tx: Queryable, federationId: number, ids: readonly (number | null)[], field: string): Promise<void> {
  const wanted = [...new Set(ids.filter((i): i is number => i !== null))];
  if (!wanted.length) return;
  const rows = await tx.query<{ id: number }>('select id from member where federation_id = $1 and id = any($2::int[])', [federationId, wanted]);
  if (rows.length !== wanted.length) throw new InputError({ field, message: 'Okänd medlem i förbundet.' });
}

/** Names of the förbund's member municipalities (the closed list for a participant's home municipality). */
export async function memberMunicipalities(q: Queryable, federationId: number): Promise<string[]> {
  return (await listMembers(q, federationId)).filter((m) => m.kind === 'municipality').map((m) => m.name);
}
