import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../../db/database.ts';
import type { Principal } from '../../core/access/permissions.ts';
import { grantsJsonSql, principalOf, type GrantRow, type UserRow } from './users.ts';

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
  const hash = tokenHash(token);
  // One query per request: the session, its user and the user's grants.
  const [row] = await db.query<UserRow & { csrfToken: string; stale: boolean; grants: GrantRow[] }>(
    `select u.id, u.email, u.display_name as "displayName", u.is_admin as "isAdmin", u.is_national as "isNational", u.disabled,
            s.csrf_token as "csrfToken", s.last_seen_at < now() - interval '1 minute' as stale, ${grantsJsonSql('u.id')} as grants
     from auth_session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => $2) and not u.disabled`,
    [hash, sessionIdleSeconds],
  );
  if (!row) return null;
  // Keep the session alive, at most one write a minute per session.
  if (row.stale) {
    await db.transaction((tx) => tx.query('update auth_session set last_seen_at = now() where token_hash = $1', [hash]), { id: row.email });
  }
  const { csrfToken, stale: _stale, grants, ...user } = row;
  return { tokenHash: hash, csrfToken, user, principal: principalOf(user, grants) };
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
