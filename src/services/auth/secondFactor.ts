import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import {
  formatRecoveryCode,
  normaliseRecoveryCode,
  normaliseTotpCode,
  parseSecondFactorPolicy,
  recoveryAlphabet,
  secondFactorRequired,
  type PolicyRole,
} from '../../core/access/secondFactorRules.ts';
import type { FederationRole } from '../../core/access/permissions.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { queueSecondFactorReset } from '../mail/accountMail.ts';
import { createSession, type NewSession } from './sessions.ts';
import { newToken, tokenHash } from '../tokens.ts';
import { lockedMinutes, recordLoginAttempt } from './loginAttempts.ts';
import type { UserRow } from './users.ts';

/**
 * The second factor: TOTP (RFC 6238, through otpauth: SHA-1, 6 digits, 30-second steps, one step of drift
 * either way) and ten one-time recovery codes (argon2id hashes, as passwords). A code's time step is
 * remembered, so a code — or an older one — is never accepted twice (RFC 6238 §5.2). Wrong codes count as
 * failed logins of the address (src/services/auth/loginAttempts.ts).
 */

export const totpPeriodSeconds = 30;
/** An enrolment not confirmed with a first code within this time is void. */
export const enrolmentMinutes = 15;
/** A sign-in waiting for its second step. */
export const pendingLoginMinutes = 10;
export const recoveryCodeCount = 10;
const issuer = 'Samordna';

export function secondFactorPolicy(env: NodeJS.ProcessEnv = process.env): readonly PolicyRole[] {
  return parseSecondFactorPolicy(env.SAMORDNA_MFA_REQUIRED);
}

function totpOf(secret: string, email: string): TOTP {
  return new TOTP({ issuer, label: email, algorithm: 'SHA1', digits: 6, period: totpPeriodSeconds, secret: Secret.fromBase32(secret) });
}

/** The time step a code belongs to, or null when it fits none of now ± one step. */
export function totpStepOf(secret: string, email: string, code: string, nowMs = Date.now()): number | null {
  const delta = totpOf(secret, email).validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? null : TOTP.counter({ period: totpPeriodSeconds, timestamp: nowMs }) + delta;
}

export type SecondStep = 'none' | 'code' | 'enrol';

async function rolesOf(db: Queryable, userId: number): Promise<{ roles: FederationRole[]; totp: boolean }> {
  const [r] = await db.query<{ roles: FederationRole[] | null; totp: boolean }>(
    `select (select array_agg(distinct role) from federation_role where user_id = $1) as roles,
            exists (select 1 from auth_totp where user_id = $1 and confirmed_at is not null) as totp`,
    [userId],
  );
  return { roles: r?.roles ?? [], totp: r?.totp ?? false };
}

/**
 * What a sign-in needs after its first factor. A password: the code when the account has TOTP, enrolment
 * when the policy covers the account and it has none. The identity provider: its own factors count — unless
 * the installation asks for more than one (SAMORDNA_OIDC_REQUIRE_MFA_AMR) and the provider's `amr` reports one.
 */
export async function secondStepFor(
  db: Queryable,
  user: Pick<UserRow, 'id' | 'isAdmin' | 'isNational'>,
  how: { readonly method: 'password' } | { readonly method: 'oidc'; readonly providerMfa: boolean; readonly requireProviderMfa: boolean },
  policy: readonly PolicyRole[] = secondFactorPolicy(),
): Promise<SecondStep> {
  if (how.method === 'oidc' && (how.providerMfa || !how.requireProviderMfa)) return 'none';
  const { roles, totp } = await rolesOf(db, user.id);
  if (totp) return 'code';
  return secondFactorRequired(policy, { isAdmin: user.isAdmin, isNational: user.isNational, roles }) ? 'enrol' : 'none';
}

export interface PendingLogin {
  readonly userId: number;
  readonly email: string;
  readonly step: 'code' | 'enrol';
  readonly method: 'password' | 'oidc';
  readonly idToken: string | null;
  readonly next: string;
}

/** Starts the second step; the returned token goes to the browser (only its hash is stored). */
export async function startPendingLogin(
  db: Database,
  user: Pick<UserRow, 'id' | 'email'>,
  p: { step: 'code' | 'enrol'; method: 'password' | 'oidc'; next: string; idToken?: string | null },
): Promise<string> {
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx.query('delete from samordna_internal.login_pending where expires_at < now() or user_id = $1', [user.id]);
    await tx.query(
      `insert into samordna_internal.login_pending (token_hash, user_id, step, method, id_token, next_path, expires_at)
       values ($1, $2, $3, $4, $5, $6, now() + make_interval(mins => $7))`,
      [tokenHash(token), user.id, p.step, p.method, p.idToken ?? null, p.next, pendingLoginMinutes],
    );
  }, { id: user.email });
  return token;
}

export async function findPendingLogin(db: Queryable, token: string): Promise<PendingLogin | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const [r] = await db.query<PendingLogin>(
    `select p.user_id as "userId", u.email, p.step, p.method, p.id_token as "idToken", p.next_path as next
     from samordna_internal.login_pending p join app_user u on u.id = p.user_id
     where p.token_hash = $1 and p.expires_at > now() and not u.disabled`,
    [tokenHash(token)],
  );
  return r ?? null;
}

export async function endPendingLogin(db: Database, token: string, actorId: string): Promise<void> {
  await db.transaction((tx) => tx.query('delete from samordna_internal.login_pending where token_hash = $1', [tokenHash(token)]), { id: actorId });
}

export type CodeCheck =
  | { readonly ok: true; readonly kind: 'totp' | 'recovery' }
  | { readonly ok: false; readonly reason: 'malformed' | 'invalid' | 'used' | 'locked'; readonly lockedMinutes?: number };

/**
 * Checks a TOTP code (or a recovery code) of the user's confirmed enrolment and uses it up. A malformed code
 * changes nothing; a wrong or used one is a failed login of the address.
 */
export async function useSecondFactorCode(db: Database, user: { id: number; email: string }, raw: string, nowMs = Date.now()): Promise<CodeCheck> {
  const locked = await lockedMinutes(db, user.email);
  if (locked !== null) return { ok: false, reason: 'locked', lockedMinutes: locked };
  const totpCode = normaliseTotpCode(raw);
  const recovery = totpCode ? null : normaliseRecoveryCode(raw);
  if (!totpCode && !recovery) return { ok: false, reason: 'malformed' };
  let result: CodeCheck = { ok: false, reason: 'invalid' };
  if (totpCode) {
    const [row] = await db.query<{ secret: string }>('select totp_secret as secret from auth_totp where user_id = $1 and confirmed_at is not null', [user.id]);
    const step = row ? totpStepOf(row.secret, user.email, totpCode, nowMs) : null;
    if (step !== null) {
      // Atomic: of two requests with the same code, one moves last_step and the other finds it moved.
      const moved = await db.transaction(
        (tx) => tx.query('update auth_totp set last_step = $2 where user_id = $1 and last_step < $2 returning user_id', [user.id, step]),
        { id: user.email },
      );
      result = moved.length ? { ok: true, kind: 'totp' } : { ok: false, reason: 'used' };
    }
  } else if (recovery) {
    const codes = await db.query<{ id: number; hash: string }>('select id, code_hash as hash from auth_recovery_code where user_id = $1 and used_at is null', [user.id]);
    for (const c of codes) {
      if (!(await verifyPassword(c.hash, recovery))) continue;
      const used = await db.transaction(
        (tx) => tx.query('update auth_recovery_code set used_at = now() where id = $1 and used_at is null returning id', [c.id]),
        { id: user.email },
      );
      result = used.length ? { ok: true, kind: 'recovery' } : { ok: false, reason: 'used' };
      break;
    }
  }
  if (!result.ok) await recordLoginAttempt(db, user.email, false);
  return result;
}

/** Finishes a sign-in waiting for its code: a right code opens the session and ends the waiting sign-in. */
export async function completePendingLogin(
  db: Database,
  token: string,
  raw: string,
  device: string,
): Promise<{ ok: true; session: NewSession; next: string } | (CodeCheck & { ok: false }) | { ok: false; reason: 'expired' }> {
  const pending = await findPendingLogin(db, token);
  if (!pending || pending.step !== 'code') return { ok: false, reason: 'expired' };
  const user = { id: pending.userId, email: pending.email };
  const check = await useSecondFactorCode(db, user, raw);
  if (!check.ok) return check;
  await endPendingLogin(db, token, user.email);
  await recordLoginAttempt(db, user.email, true);
  const session = await createSession(db, user, { device, method: pending.method, secondFactor: check.kind, idToken: pending.idToken });
  return { ok: true, session, next: pending.next };
}

/** A new secret and its otpauth:// URI (what the QR code holds). */
export interface TotpEnrolment {
  readonly secret: string;
  readonly uri: string;
}

/**
 * Starts (or starts again) a TOTP enrolment: a new 160-bit secret, unconfirmed until a first code is typed.
 * An account that already has a confirmed one must have it reset first.
 */
export async function startTotpEnrolment(db: Database, user: { id: number; email: string }, actor: Actor): Promise<TotpEnrolment> {
  const secret = new Secret({ size: 20 }).base32;
  await db.transaction(async (tx) => {
    const [existing] = await tx.query<{ confirmed: boolean }>('select confirmed_at is not null as confirmed from auth_totp where user_id = $1 for update', [user.id]);
    if (existing?.confirmed) throw new InputError({ field: 'code', message: 'Kontot har redan en tvåstegsverifiering. Den måste återställas innan en ny läggs till.' });
    await tx.query('delete from auth_totp where user_id = $1', [user.id]);
    await tx.query('insert into auth_totp (user_id, totp_secret) values ($1, $2)', [user.id, secret]);
  }, actor);
  return { secret, uri: totpOf(secret, user.email).toString() };
}

/** The unconfirmed enrolment's URI again (to redraw the QR code), or null when there is none or it is void. */
export async function pendingTotpEnrolment(db: Queryable, user: { id: number; email: string }): Promise<TotpEnrolment | null> {
  const [r] = await db.query<{ secret: string }>(
    `select totp_secret as secret from auth_totp
     where user_id = $1 and confirmed_at is null and created_at > now() - make_interval(mins => $2)`,
    [user.id, enrolmentMinutes],
  );
  return r ? { secret: r.secret, uri: totpOf(r.secret, user.email).toString() } : null;
}

/**
 * Confirms the enrolment with its first code and returns ten recovery codes, to be shown once. Refused
 * (InputError, nothing changed): a malformed or wrong code, no enrolment or one older than 15 minutes.
 */
export async function confirmTotpEnrolment(db: Database, user: { id: number; email: string }, raw: string, actor: Actor): Promise<string[]> {
  const code = normaliseTotpCode(raw);
  if (!code) throw new InputError({ field: 'code', message: 'Koden ska vara sex siffror.' });
  const locked = await lockedMinutes(db, user.email);
  if (locked !== null) throw new InputError({ field: 'code', message: `För många felaktiga koder. Försök igen om ${locked} minuter.` });
  const enrolment = await pendingTotpEnrolment(db, user);
  if (!enrolment) throw new InputError({ field: 'code', message: `Inläggningen har gått ut (den gäller i ${enrolmentMinutes} minuter). Börja om.` });
  const step = totpStepOf(enrolment.secret, user.email, code);
  if (step === null) {
    await recordLoginAttempt(db, user.email, false);
    throw new InputError({ field: 'code', message: 'Koden stämmer inte. Kontrollera klockan i telefonen och skriv den kod appen visar nu.' });
  }
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await db.transaction(async (tx) => {
    const done = await tx.query(
      `update auth_totp set confirmed_at = now(), last_step = $2
       where user_id = $1 and confirmed_at is null and totp_secret = $3 returning user_id`,
      [user.id, step, enrolment.secret],
    );
    if (!done.length) throw new InputError({ field: 'code', message: 'Inläggningen har ändrats under tiden. Börja om.' });
    await replaceRecoveryCodes(tx, user.id, hashes);
  }, actor);
  return codes.map(formatRecoveryCode);
}

/**
 * From the command line (the first administrator of a server without a browser yet): a confirmed TOTP
 * enrolment at once, with its URI and recovery codes, both shown once.
 */
export async function findUserIdByEmail(db: Queryable, email: string): Promise<number> {
  const [user] = await db.query<{ id: number }>('select id from app_user where email = $1', [email.trim().toLowerCase()]);
  if (!user) throw new NotFoundError(`Det finns inget konto med e-postadressen ${email}.`);
  return user.id;
}

export async function enrolTotpDirectly(db: Database, email: string, actor: Actor): Promise<TotpEnrolment & { recoveryCodes: string[] }> {
  const user = { id: await findUserIdByEmail(db, email), email: email.trim().toLowerCase() };
  const secret = new Secret({ size: 20 }).base32;
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await db.transaction(async (tx) => {
    const [existing] = await tx.query<{ confirmed: boolean }>('select confirmed_at is not null as confirmed from auth_totp where user_id = $1 for update', [user.id]);
    if (existing?.confirmed) throw new InputError({ field: 'email', message: 'Kontot har redan en tvåstegsverifiering. Återställ den först (user mfa reset).' });
    await tx.query('delete from auth_totp where user_id = $1', [user.id]);
    await tx.query('insert into auth_totp (user_id, totp_secret, confirmed_at) values ($1, $2, now())', [user.id, secret]);
    await replaceRecoveryCodes(tx, user.id, hashes);
  }, actor);
  return { secret, uri: totpOf(secret, user.email).toString(), recoveryCodes: codes.map(formatRecoveryCode) };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: recoveryCodeCount }, () => Array.from({ length: 10 }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join(''));
}

async function replaceRecoveryCodes(tx: Queryable, userId: number, hashes: readonly string[]): Promise<void> {
  await tx.query('delete from auth_recovery_code where user_id = $1', [userId]);
  for (const h of hashes) await tx.query('insert into auth_recovery_code (user_id, code_hash) values ($1, $2)', [userId, h]);
}

/** What "Mitt konto" shows of the factors. */
export interface FactorSummary {
  readonly totpSince: string | null;
  readonly recoveryCodesLeft: number;
}

export async function factorsOf(db: Queryable, userId: number): Promise<FactorSummary> {
  const [r] = await db.query<FactorSummary>(
    `select (select to_char(confirmed_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') from auth_totp where user_id = $1 and confirmed_at is not null) as "totpSince",
            (select count(*)::int from auth_recovery_code where user_id = $1 and used_at is null) as "recoveryCodesLeft"`,
    [userId],
  );
  return r ?? { totpSince: null, recoveryCodesLeft: 0 };
}


/**
 * The administrator removes the user's second factor (TOTP and recovery codes) and ends the user's sessions;
 * the next login enrols again when the policy asks for it. Audited (the rows' deletion names the actor), and
 * the user is told by mail (when mail is on) in the same transaction.
 */
export async function resetSecondFactor(db: Database, userId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx.query<{ id: number; email: string; displayName: string }>('select id, email, display_name as "displayName" from app_user where id = $1', [userId]);
    if (!user) throw new NotFoundError('Kontot finns inte.');
    await tx.query('delete from auth_totp where user_id = $1', [userId]);
    await tx.query('delete from auth_recovery_code where user_id = $1', [userId]);
    await tx.query('delete from auth_session where user_id = $1', [userId]);
    await tx.query('delete from samordna_internal.login_pending where user_id = $1', [userId]);
    await queueSecondFactorReset(tx, user.id, actor);
  }, actor);
}
