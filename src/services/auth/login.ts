import type { Database } from '../../db/database.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { createSession, type NewSession, type SessionOrigin } from './sessions.ts';
import type { UserRow } from './users.ts';
import { secondStepFor, startPendingLogin, type SecondStep } from './secondFactor.ts';
import { lockedMinutes, recordLoginAttempt } from './loginAttempts.ts';

export type LoginResult =
  | { readonly ok: true; readonly user: UserRow; readonly session: NewSession }
  /** The first factor was right; the browser holds `token` for the second step (a code, or enrolment first). */
  | { readonly ok: true; readonly user: UserRow; readonly pending: { readonly token: string; readonly step: Exclude<SecondStep, 'none'> } }
  | { readonly ok: false; readonly reason: 'invalid' | 'locked'; readonly lockedMinutes?: number };

/**
 * Checks e-mail and password and opens a session, or — for an account with a second factor, or one the
 * policy asks to enrol — starts the second step. Failed attempts are recorded per address (known or not),
 * and an address with too many recent failures is locked for a while, even for the right password. A right
 * password before a second step is not recorded as a success: only a finished login clears the failures, so
 * wrong codes count towards the same lockout. The answer does not tell whether the address exists.
 */
export async function login(db: Database, rawEmail: string, password: string, origin: SessionOrigin & { next?: string } = {}): Promise<LoginResult> {
  const email = rawEmail.trim().toLowerCase().slice(0, 254);
  const locked = await lockedMinutes(db, email);
  if (locked !== null) return { ok: false, reason: 'locked', lockedMinutes: locked };
  const [row] = await db.query<UserRow & { passwordHash: string }>(
    `select id, email, display_name as "displayName", is_admin as "isAdmin", is_national as "isNational", disabled,
            password_hash as "passwordHash" from app_user where email = $1`,
    [email],
  );
  const valid = await verifyPassword(row?.passwordHash ?? (await dummyPasswordHash()), password);
  const ok = !!row && valid && !row.disabled;
  if (!ok) {
    await recordLoginAttempt(db, email, false);
    return { ok: false, reason: 'invalid' };
  }
  const { passwordHash: _h, ...user } = row;
  const step = await secondStepFor(db, user, { method: 'password' });
  if (step !== 'none') {
    const token = await startPendingLogin(db, user, { step, method: 'password', next: origin.next ?? '/' });
    return { ok: true, user, pending: { token, step } };
  }
  await recordLoginAttempt(db, email, true);
  return { ok: true, user, session: await createSession(db, user, { ...origin, method: 'password' }) };
}

/**
 * Opens a session for an address that an external identity provider (OpenID Connect) has verified, or starts
 * the second step when the provider's `amr` reports one factor and the installation asks for more. The
 * account must exist and be enabled; it is never created here.
 */
export async function loginVerifiedEmail(
  db: Database,
  email: string,
  origin: SessionOrigin & { amr?: readonly string[]; providerMfa?: boolean; requireProviderMfa?: boolean; next?: string } = {},
): Promise<LoginResult> {
  const [row] = await db.query<UserRow>(
    `select id, email, display_name as "displayName", is_admin as "isAdmin", is_national as "isNational", disabled
     from app_user where email = $1 and not disabled`,
    [email],
  );
  if (!row) {
    await recordLoginAttempt(db, email, false);
    return { ok: false, reason: 'invalid' };
  }
  const step = await secondStepFor(db, row, { method: 'oidc', providerMfa: origin.providerMfa ?? false, requireProviderMfa: origin.requireProviderMfa ?? false });
  if (step !== 'none') {
    const token = await startPendingLogin(db, row, { step, method: 'oidc', next: origin.next ?? '/', idToken: origin.idToken ?? null });
    return { ok: true, user: row, pending: { token, step } };
  }
  await recordLoginAttempt(db, email, true);
  return {
    ok: true,
    user: row,
    session: await createSession(db, row, { device: origin.device, method: 'oidc', secondFactor: origin.providerMfa ? 'provider' : null, idToken: origin.idToken ?? null }),
  };
}
