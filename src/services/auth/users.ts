import type { Actor, Database, Queryable } from '../../db/database.ts';
import { parseText } from '../../core/input/index.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { checkMailAddress } from '../../core/mail/address.ts';
import { queuePasswordChanged, queueRoleChanged } from '../mail/accountMail.ts';
import { isFederationRole, type FederationGrant, type FederationRole, type Principal } from '../../core/access/permissions.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { findFederationRef } from '../federations/federations.ts';

export interface UserRow {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly isAdmin: boolean;
  readonly isNational: boolean;
  readonly disabled: boolean;
}

export interface UserWithRole extends UserRow {
  readonly role: FederationRole;
  readonly interventionIds: readonly number[];
}

/** The user columns, read from table alias `t`. */
function userColumnsOf(t: string): string {
  return `${t}.id, ${t}.email, ${t}.display_name as "displayName", ${t}.is_admin as "isAdmin", ${t}.is_national as "isNational", ${t}.disabled`;
}
const userColumns = userColumnsOf('app_user');

export function normaliseEmail(email: string): string {
  return checkMailAddress(email);
}

/** A display name as typed (at most 200 characters, through the identity guard), '' when none was given. */
export function displayNameOf(raw: string | undefined): string {
  const r = parseText(raw ?? '', { kind: 'name' });
  if (!r.ok) throw new InputError({ field: 'displayName', message: r.message });
  return r.value;
}

export async function countUsers(db: Queryable): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from app_user');
  return r?.n ?? 0;
}

export interface NewUser {
  readonly email: string;
  readonly displayName?: string;
  readonly password: string;
  readonly admin?: boolean;
  readonly national?: boolean;
  /** A role in one förbund, given at once. */
  readonly federationId?: number;
  readonly role?: FederationRole;
  readonly interventionIds?: readonly number[];
}

/** Creates an account (and its role in a förbund, if given) in one transaction. */
export async function createUser(db: Database, input: NewUser, actor: Actor): Promise<UserRow> {
  const email = normaliseEmail(input.email);
  checkPasswordPolicy(input.password);
  const displayName = displayNameOf(input.displayName);
  if ((input.federationId === undefined) !== (input.role === undefined)) {
    throw new InputError({ field: 'role', message: 'Ange både förbund och roll.' });
  }
  if (!input.admin && !input.national && input.role === undefined) {
    throw new InputError({ field: 'role', message: 'En användare behöver en roll i ett förbund, eller vara administratör eller nationell läsare.' });
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const existing = await tx.query('select 1 from app_user where email = $1', [email]);
    if (existing.length) throw new InputError({ field: 'email', message: `Det finns redan en användare med e-postadressen ${email}.` });
    const [user] = await tx.query<UserRow>(
      `insert into app_user (email, display_name, password_hash, is_admin, is_national)
       values ($1, $2, $3, $4, $5) returning ${userColumns}`,
      [email, displayName || email, passwordHash, !!input.admin, !!input.national],
    );
    if (input.federationId !== undefined && input.role !== undefined) {
      await setRoleIn(tx, input.federationId, user!.id, input.role, input.interventionIds ?? []);
    }
    return user!;
  }, actor);
}

export async function setRoleIn(tx: Queryable, federationId: number, userId: number, role: FederationRole, interventionIds: readonly number[]) {
  if (!isFederationRole(role)) throw new InputError({ field: 'role', message: 'Okänd roll.' });
  if (!(await findFederationRef(tx, federationId))) throw new InputError({ field: 'federation', message: 'Förbundet finns inte.' });
  if (role !== 'insats' && interventionIds.length) {
    throw new InputError({ field: 'intervention', message: 'Insatser tilldelas bara användare med rollen insats.' });
  }
  if (role === 'insats' && !interventionIds.length) {
    throw new InputError({ field: 'intervention', message: 'Rollen insats behöver minst en insats (--intervention ID).' });
  }
  await tx.query(
    `insert into federation_role (federation_id, user_id, role) values ($1, $2, $3)
     on conflict (federation_id, user_id) do update set role = excluded.role`,
    [federationId, userId, role],
  );
  await tx.query('delete from intervention_assignment where federation_id = $1 and user_id = $2', [federationId, userId]);
  for (const id of new Set(interventionIds)) {
    if (!Number.isSafeInteger(id) || id <= 0) throw new InputError({ field: 'intervention', message: `Ogiltigt insats-id: ${id}.` });
    const exists = await tx.query('select 1 from intervention where federation_id = $1 and id = $2', [federationId, id]);
    if (!exists.length) throw new InputError({ field: 'intervention', message: `Förbundet har ingen insats med id ${id}.` });
    await tx.query('insert into intervention_assignment (federation_id, user_id, intervention_id) values ($1, $2, $3)', [federationId, userId, id]);
  }
}

/** Gives (or changes) a user's role in a förbund. */
export async function setFederationRole(
  db: Database,
  input: { email: string; federationId: number; role: FederationRole; interventionIds?: readonly number[] },
  actor: Actor,
): Promise<void> {
  const email = normaliseEmail(input.email);
  await db.transaction(async (tx) => {
    const [u] = await tx.query<{ id: number }>('select id from app_user where email = $1', [email]);
    if (!u) throw new NotFoundError(`Ingen användare med e-postadressen ${email}.`);
    await setRoleIn(tx, input.federationId, u.id, input.role, input.interventionIds ?? []);
    await queueRoleChanged(tx, input.federationId, u.id, actor);
  }, actor);
}

/** Takes a user's role in a förbund away (the account stays). */
export async function removeFederationRole(db: Database, federationId: number, userId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query('delete from federation_role where federation_id = $1 and user_id = $2 returning user_id', [federationId, userId]);
    if (!rows.length) throw new NotFoundError('Användaren har ingen roll i förbundet.');
    await tx.query('delete from auth_session where user_id = $1', [userId]);
    await queueRoleChanged(tx, federationId, userId, actor);
  }, actor);
}

export async function listUsers(db: Queryable): Promise<(UserRow & { roles: string })[]> {
  return db.query(
    `select ${userColumnsOf('u')},
            coalesce(string_agg(f.name || ': ' || r.role, ', ' order by f.name), '') as roles
     from app_user u
     left join federation_role r on r.user_id = u.id
     left join federation f on f.id = r.federation_id
     group by u.id order by u.email`,
  );
}

export async function listFederationUsers(db: Queryable, federationId: number): Promise<UserWithRole[]> {
  return db.query<UserWithRole>(
    `select ${userColumnsOf('u')}, r.role,
            coalesce(array_agg(a.intervention_id order by a.intervention_id) filter (where a.intervention_id is not null), '{}') as "interventionIds"
     from federation_role r
     join app_user u on u.id = r.user_id
     left join intervention_assignment a on a.federation_id = r.federation_id and a.user_id = r.user_id
     where r.federation_id = $1
     group by u.id, r.role order by u.email`,
    [federationId],
  );
}

/**
 * SQL for a user's grants per förbund as a JSON array [{federationId, role, interventionIds}], given the
 * user id expression `userIdSql` (e.g. "u.id" inside a larger query, or "$1").
 */
export function grantsJsonSql(userIdSql: string): string {
  return `(select coalesce(json_agg(json_build_object(
            'federationId', r.federation_id, 'role', r.role,
            'interventionIds', (select coalesce(json_agg(a.intervention_id), '[]'::json) from intervention_assignment a
                                where a.federation_id = r.federation_id and a.user_id = r.user_id))), '[]'::json)
           from federation_role r where r.user_id = ${userIdSql})`;
}

export interface GrantRow {
  readonly federationId: number;
  readonly role: FederationRole;
  readonly interventionIds: readonly number[];
}

export function principalOf(user: { isAdmin: boolean; isNational: boolean }, grants: readonly GrantRow[]): Principal {
  const federations = new Map<number, FederationGrant>(grants.map((g) => [Number(g.federationId), { role: g.role, interventionIds: g.interventionIds.map(Number) }]));
  return { local: false, admin: user.isAdmin, national: user.isNational, federations };
}

/** What the user may do: their account flags and their grants per förbund. */
export async function loadPrincipal(db: Queryable, user: { id: number; isAdmin: boolean; isNational: boolean }): Promise<Principal> {
  const [row] = await db.query<{ grants: GrantRow[] }>(`select ${grantsJsonSql('$1')} as grants`, [user.id]);
  return principalOf(user, row?.grants ?? []);
}

/** Changes the password after checking the current one; ends every other session of the user. */
export async function changePassword(
  db: Database,
  userId: number,
  current: string,
  next: string,
  keepSessionHash: string | null,
  actor: Actor,
): Promise<void> {
  const [u] = await db.query<{ passwordHash: string }>('select password_hash as "passwordHash" from app_user where id = $1', [userId]);
  if (!u) throw new NotFoundError('Användaren finns inte.');
  if (!(await verifyPassword(u.passwordHash, current))) {
    throw new InputError({ field: 'current', message: 'Det nuvarande lösenordet stämmer inte.' });
  }
  checkPasswordPolicy(next, 'password');
  if (next === current) throw new InputError({ field: 'password', message: 'Det nya lösenordet måste skilja sig från det nuvarande.' });
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.query('update app_user set password_hash = $2, password_changed_at = now() where id = $1', [userId, passwordHash]);
    await tx.query('delete from auth_session where user_id = $1 and token_hash is distinct from $2', [userId, keepSessionHash]);
    await queuePasswordChanged(tx, userId, actor);
  }, actor);
}

/** Sets a new password without the old one (administrator, CLI). Ends all the user's sessions. */
export async function resetPassword(db: Database, email: string, password: string, actor: Actor): Promise<void> {
  checkPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('update app_user set password_hash = $2, password_changed_at = now() where email = $1 returning id', [
      normaliseEmail(email),
      passwordHash,
    ]);
    if (!rows[0]) throw new NotFoundError(`Ingen användare med e-postadressen ${email}.`);
    await tx.query('delete from auth_session where user_id = $1', [rows[0].id]);
    await queuePasswordChanged(tx, rows[0].id, actor);
  }, actor);
}

/** Turns an account off (or on again); turning it off ends all its sessions. The account and its history stay. */
export async function setUserDisabled(db: Database, email: string, disabled: boolean, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ id: number }>('update app_user set disabled = $2 where email = $1 returning id', [normaliseEmail(email), disabled]);
    if (!rows[0]) throw new NotFoundError(`Ingen användare med e-postadressen ${email}.`);
    if (disabled) await tx.query('delete from auth_session where user_id = $1', [rows[0].id]);
  }, actor);
}

/** The names (and kinds) of the given interventions of a förbund, for an insats user's menu and start page. */
export async function interventionNames(db: Queryable, federationId: number, ids: readonly number[]): Promise<{ id: number; name: string; kind: string }[]> {
  return db.query('select id, name, kind from intervention where federation_id = $1 and id = any($2::int[]) order by name', [federationId, [...ids]]);
}
