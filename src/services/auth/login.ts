import type { Database } from '../../db/database.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession, type NewSession } from './sessions.ts';
import type { UserRow } from './users.ts';

/** After this many failed logins for one address within the window, the address is locked for the window. */
export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

export type LoginResult =
  | { readonly ok: true; readonly user: UserRow; readonly session: NewSession }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked'; readonly lockedMinutes?: number };

/**
 * Checks e-mail and password and opens a session. Failed attempts are recorded per address (known or not),
 * and an address with too many recent failures is locked for a while, even for the right password.
 * The answer does not tell whether the address exists.
 */
export async function login(db: Database, rawEmail: string, password: string): Promise<LoginResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 254);
  const [recent] = await db.query<{ failures: number; minutesLeft: number | null }>(
    `select count(*)::int as failures,
            ceil(extract(epoch from (min(attempted_at) + make_interval(mins => $2) - now())) / 60)::int as "minutesLeft"
     from (select attempted_at from auth_login_attempt
           where email = $1 and not succeeded and attempted_at > now() - make_interval(mins => $2)
             and attempted_at > coalesce((select max(attempted_at) from auth_login_attempt where email = $1 and succeeded), '-infinity')
           order by attempted_at desc limit $3) f`,
    [email, lockoutMinutes, maxFailedLogins],
  );
  if ((recent?.failures ?? 0) >= maxFailedLogins) {
    return { ok: false, reason: 'locked', lockedMinutes: Math.max(1, recent?.minutesLeft ?? lockoutMinutes) };
  }
  const [row] = await db.query<UserRow & { passwordHash: string }>(
    `select id, email, display_name as "displayName", is_admin as "isAdmin", is_national as "isNational", disabled,
            password_hash as "passwordHash" from app_user where email = $1`,
    [email],
  );
  const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = !!row && valid && !row.disabled;
  await db.transaction(async (tx) => {
    await tx.query('insert into auth_login_attempt (email, succeeded) values ($1, $2)', [email, ok]);
    await tx.query("delete from auth_login_attempt where attempted_at < now() - interval '1 day'");
  }, { id: email });
  if (!ok) return { ok: false, reason: 'invalid' };
  const { passwordHash: _h, ...user } = row;
  return { ok: true, user, session: await createSession(db, user) };
}

/**
 * Opens a session for an address that an external identity provider (OpenID Connect) has verified. The
 * account must exist and be enabled; it is never created here.
 */
export async function loginVerifiedEmail(db: Database, email: string): Promise<LoginResult> {
  const [row] = await db.query<UserRow>(
    `select id, email, display_name as "displayName", is_admin as "isAdmin", is_national as "isNational", disabled
     from app_user where email = $1 and not disabled`,
    [email],
  );
  await db.transaction((tx) => tx.query('insert into auth_login_attempt (email, succeeded) values ($1, $2)', [email, !!row]), { id: email });
  if (!row) return { ok: false, reason: 'invalid' };
  return { ok: true, user: row, session: await createSession(db, row) };
}
