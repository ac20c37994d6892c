import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.ts';
import type { Principal } from '../../core/access/permissions.ts';
import { grantsJsonSql, principalOf, type GrantRow, type UserRow } from './users.ts';
import { figuresVersionSql } from '../economy/yearFacts.ts';

/** A session lasts at most this long, and ends earlier after this much inactivity. */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
export const sessionIdleSeconds = 2 * 60 * 60;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash of a session token is stored; a stolen database does not give working cookies. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
}

export async function createSession(db: Database, user: { id: number; email: string }): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth_session (token_hash, user_id, csrf_token, expires_at)
       values ($1, $2, $3, now() + make_interval(secs => $4))`,
      [tokenHash(token), user.id, csrfToken, sessionMaxAgeSeconds],
    );
    // Housekeeping: ended sessions of anyone.
    await tx.query(`delete from auth_session where expires_at < now() or last_seen_at < now() - make_interval(secs => $1)`, [sessionIdleSeconds]);
  }, { id: user.email });
  return { token, csrfToken };
}

export interface ActiveSession {
  readonly tokenHash: string;
  readonly csrfToken: string;
  readonly user: UserRow;
  readonly principal: Principal;
}

/** The live session of a cookie token, or null (unknown, expired, idle too long, or the user is disabled). */
export async function findSession(db: Database, token: string): Promise<ActiveSession | null> {
  return (await findRequestSession(db, token, null))?.session ?? null;
}

/** What a request under a session needs before its route runs, read in ONE statement (see findRequestSession). */
export interface RequestSession {
  readonly session: ActiveSession;
  /** The förbund asked for (null: none asked for, or it does not exist). */
  readonly federation: { readonly id: number; readonly name: string } | null;
  /** samordna_internal.figures_version in the same snapshot: lets the year's figures cache skip its own check. */
  readonly figuresVersion: string;
}

/**
 * The live session of a cookie token (null: unknown, expired, idle too long, or the user is disabled) with its
 * user and grants, the förbund of the path (`federationId`, null when the path has none) and the figures version
 * — one statement, one round trip per request. Nothing is cached: logging out, disabling the account, a changed
 * role or password and a session ended by an administrator all take effect on the very next request, in every
 * process.
 */
export async function findRequestSession(db: Database, token: string, federationId: number | null): Promise<RequestSession | null> {
  const hash = tokenHash(token);
  // federation.id is an integer: a larger number in the path cannot be a förbund (and must not be a cast error).
  const fid = federationId !== null && Number.isSafeInteger(federationId) && federationId > 0 && federationId <= 2147483647 ? federationId : null;
  const [row] = await db.query<UserRow & { csrfToken: string; stale: boolean; grants: GrantRow[]; federation: { id: number; name: string } | string | null; figuresVersion: string }>(
    `select u.id, u.email, u.display_name as "displayName", u.is_admin as "isAdmin", u.is_national as "isNational", u.disabled,
            s.csrf_token as "csrfToken", s.last_seen_at < now() - interval '1 minute' as stale, ${grantsJsonSql('u.id')} as grants,
            (select json_build_object('id', f.id, 'name', f.name) from federation f where f.id = $3::int) as federation,
            ${figuresVersionSql} as "figuresVersion"
     from auth_session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => $2) and not u.disabled`,
    [hash, sessionIdleSeconds, fid],
  );
  if (!row) return null;
  // Keep the session alive, at most one write a minute per session.
  if (row.stale) {
    await db.transaction((tx) => tx.query('update auth_session set last_seen_at = now() where token_hash = $1', [hash]), { id: row.email });
  }
  const { csrfToken, stale: _stale, grants, federation, figuresVersion, ...user } = row;
  const f = typeof federation === 'string' ? (JSON.parse(federation) as { id: number; name: string }) : federation;
  return {
    session: { tokenHash: hash, csrfToken, user, principal: principalOf(user, grants) },
    federation: f ? { id: Number(f.id), name: f.name } : null,
    figuresVersion,
  };
}

export async function endSession(db: Database, hash: string, actorId: string): Promise<void> {
  await db.transaction((tx) => tx.query('delete from auth_session where token_hash = $1', [hash]), { id: actorId });
}

/** "Logga ut överallt": ends every session of the user. */
export async function endAllSessions(db: Database, userId: number, actorId: string): Promise<void> {
  await db.transaction((tx) => tx.query('delete from auth_session where user_id = $1', [userId]), { id: actorId });
}

export async function countSessions(db: Queryable, userId: number): Promise<number> {
  const [r] = await db.query<{ n: number }>('select count(*)::int as n from auth_session where user_id = $1', [userId]);
  return r?.n ?? 0;
}
