import type { Database, Queryable } from '../../db/database.ts';
import type { Principal } from '../../core/access/permissions.ts';
import { grantsJsonSql, principalOf, type GrantRow, type UserRow } from './users.ts';
import { newToken, tokenHash } from '../tokens.ts';
import { authVersionSql, figuresVersionSql, freshVersions } from '../versions.ts';


/** A session lasts at most this long, and ends earlier after this much inactivity. */
export const sessionMaxAgeSeconds = 12 * 60 * 60;
export const sessionIdleSeconds = 2 * 60 * 60;

export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
}

/** How a session began: shown in "Mitt konto"; the ID token is kept for the provider's logout. */
export interface SessionOrigin {
  readonly device?: string;
  readonly method?: 'password' | 'oidc';
  readonly secondFactor?: 'totp' | 'recovery' | 'provider' | null;
  readonly idToken?: string | null;
}

export async function createSession(db: Database, user: { id: number; email: string }, origin: SessionOrigin = {}): Promise<NewSession> {
  const token = newToken();
  const csrfToken = newToken();
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into auth_session (token_hash, user_id, csrf_token, expires_at, device, method, second_factor, id_token)
       values ($1, $2, $3, now() + make_interval(secs => $4), $5, $6, $7, $8)`,
      [tokenHash(token), user.id, csrfToken, sessionMaxAgeSeconds, (origin.device ?? '').slice(0, 100), origin.method ?? 'password', origin.secondFactor ?? null, origin.idToken ?? null],
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

/** What a request under a session needs before its route runs (see findRequestSession). */
export interface RequestSession {
  readonly session: ActiveSession;
  /** The förbund asked for (null: none asked for, or it does not exist). */
  readonly federation: { readonly id: number; readonly name: string } | null;
  /** samordna_internal.figures_version, read fresh for this request: lets the year's figures cache skip its own check. */
  readonly figuresVersion: string;
}

/**
 * Live sessions kept in memory per database handle, each with the auth version it was read at (migration 0180).
 * One is used only while the auth version read fresh for the request (src/services/versions.ts: by a statement
 * sent after the request arrived) is unchanged — any logout, disabled account, changed role, assignment or
 * password and any session ended by an administrator bumps it, in whichever process — and while the session is
 * within its absolute and idle limits by the database's clock. There is no time-to-live: a cached session is
 * exactly as valid as the row it was read from.
 */
interface CachedSession {
  readonly authVersion: string;
  readonly session: ActiveSession;
  readonly expiresAtMs: number;
  lastSeenAtMs: number;
}
const sessionCacheLimit = 10_000;
const sessionCaches = new WeakMap<Queryable, Map<string, CachedSession>>();
/** The förbund of a path (id and name) with the figures version it was read at (the federation table bumps it). */
const federationCaches = new WeakMap<Queryable, Map<number, { figuresVersion: string; ref: { id: number; name: string } }>>();

/** Counters for tests and the bench. */
export const sessionCacheStats = { hits: 0, loads: 0 };

function cacheOf<K, V>(caches: WeakMap<Queryable, Map<K, V>>, q: Queryable): Map<K, V> {
  let c = caches.get(q);
  if (!c) caches.set(q, (c = new Map()));
  return c;
}

/**
 * The live session of a cookie token (null: unknown, expired, idle too long, or the user is disabled) with its
 * user and grants, the förbund of the path (`federationId`, null when the path has none) and the figures version.
 * With the session in memory and nothing changed since: one shared fresh read of the versions (see above);
 * otherwise one statement reads it all, versions included.
 */
export async function findRequestSession(db: Database, token: string, federationId: number | null): Promise<RequestSession | null> {
  const hash = tokenHash(token);
  // federation.id is an integer: a larger number in the path cannot be a förbund (and must not be a cast error).
  const fid = federationId !== null && Number.isSafeInteger(federationId) && federationId > 0 && federationId <= 2147483647 ? federationId : null;
  const v = await freshVersions(db);
  const sessions = cacheOf(sessionCaches, db);
  const federations = cacheOf(federationCaches, db);
  const hit = sessions.get(hash);
  if (hit && hit.authVersion === v.auth && hit.expiresAtMs > v.nowMs && hit.lastSeenAtMs > v.nowMs - sessionIdleSeconds * 1000) {
    const f = fid === null ? undefined : federations.get(fid);
    if (fid === null || (f && f.figuresVersion === v.figures)) {
      sessionCacheStats.hits++;
      if (hit.lastSeenAtMs < v.nowMs - 60_000) {
        // Marked first, so that concurrent requests of the session write once.
        hit.lastSeenAtMs = v.nowMs;
        await touch(db, hash, hit.session.user.email);
      }
      return { session: hit.session, federation: f?.ref ?? null, figuresVersion: v.figures };
    }
  }
  sessionCacheStats.loads++;
  // (lastSeenAtMs: as it is after the keep-alive write below.)
  const [row] = await db.query<
    UserRow & { csrfToken: string; stale: boolean; grants: GrantRow[]; federation: { id: number; name: string } | string | null; figuresVersion: string; authVersion: string; expiresAtMs: number; lastSeenAtMs: number }
  >(
    `select u.id, u.email, u.display_name as "displayName", u.is_admin as "isAdmin", u.is_national as "isNational", u.disabled,
            s.csrf_token as "csrfToken", s.last_seen_at < now() - interval '1 minute' as stale, ${grantsJsonSql('u.id')} as grants,
            (select json_build_object('id', f.id, 'name', f.name) from federation f where f.id = $3::int) as federation,
            ${figuresVersionSql} as "figuresVersion", ${authVersionSql} as "authVersion",
            (extract(epoch from s.expires_at) * 1000)::float8 as "expiresAtMs",
            (extract(epoch from case when s.last_seen_at < now() - interval '1 minute' then now() else s.last_seen_at end) * 1000)::float8 as "lastSeenAtMs"
     from auth_session s join app_user u on u.id = s.user_id
     where s.token_hash = $1 and s.expires_at > now() and s.last_seen_at > now() - make_interval(secs => $2) and not u.disabled`,
    [hash, sessionIdleSeconds, fid],
  );
  if (!row) {
    sessions.delete(hash);
    return null;
  }
  // Keep the session alive, at most one write a minute per session.
  if (row.stale) await touch(db, hash, row.email);
  const { csrfToken, stale: _stale, grants, federation, figuresVersion, authVersion, expiresAtMs, lastSeenAtMs, ...user } = row;
  const parsed = typeof federation === 'string' ? (JSON.parse(federation) as { id: number; name: string }) : federation;
  const ref = parsed ? { id: Number(parsed.id), name: parsed.name } : null;
  const session: ActiveSession = { tokenHash: hash, csrfToken, user, principal: principalOf(user, grants) };
  remember(sessions, hash, { authVersion, session, expiresAtMs: Number(expiresAtMs), lastSeenAtMs: Number(lastSeenAtMs) });
  if (ref) remember(federations, ref.id, { figuresVersion, ref });
  return { session, federation: ref, figuresVersion };
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > sessionCacheLimit) cache.delete(cache.keys().next().value as K);
}

async function touch(db: Database, hash: string, email: string): Promise<void> {
  await db.transaction((tx) => tx.query('update auth_session set last_seen_at = now() where token_hash = $1', [hash]), { id: email });
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

/** A session as "Mitt konto" lists it. */
export interface SessionListItem {
  readonly id: number;
  readonly device: string;
  readonly method: 'password' | 'oidc';
  readonly secondFactor: 'totp' | 'recovery' | 'provider' | null;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly current: boolean;
}

/** The user's live sessions, newest first; `current` marks the one asking. */
export async function listSessions(db: Queryable, userId: number, currentHash: string | null): Promise<SessionListItem[]> {
  return db.query<SessionListItem>(
    `select id, device, method, second_factor as "secondFactor",
            to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "createdAt",
            to_char(last_seen_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "lastSeenAt",
            token_hash = $2 as current
     from auth_session where user_id = $1 and expires_at > now() and last_seen_at > now() - make_interval(secs => $3)
     order by created_at desc, id desc`,
    [userId, currentHash ?? '', sessionIdleSeconds],
  );
}

/** Ends one of the user's own sessions by its number; false when the user has no such session. */
export async function endOwnSession(db: Database, userId: number, sessionId: number, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx.query('delete from auth_session where user_id = $1 and id = $2 returning id', [userId, sessionId]);
    return rows.length > 0;
  }, { id: actorId });
}

/** The ID token a session began with (OpenID Connect), for the provider's logout; null for other sessions. */
export async function sessionIdToken(db: Queryable, hash: string): Promise<{ method: string; idToken: string | null } | null> {
  const [r] = await db.query<{ method: string; idToken: string | null }>('select method, id_token as "idToken" from auth_session where token_hash = $1', [hash]);
  return r ?? null;
}
