import type { Actor, Database, Queryable } from '../../db/database.ts';
import { ForbiddenError, InputError, NotFoundError } from '../../core/errors.ts';
import { isFederationRole, type FederationRole } from '../../core/access/permissions.ts';
import { checkPasswordPolicy, hashPassword } from './passwords.ts';
import { newToken, tokenHash } from '../tokens.ts';
import { displayNameOf, normaliseEmail, setRoleIn } from './users.ts';
import { invitationDays, resetHours, type InstallationKind } from '../../core/access/accountRules.ts';
import { federationRoleLabels } from '../../core/access/permissions.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { findFederationRef } from '../federations/federations.ts';
import { mailIsOn } from '../mail/config.ts';
import { queuePasswordChanged, queueRoleChanged } from '../mail/accountMail.ts';

/**
 * Accounts managed in the web interface, by a förbund's kansli (its own förbund only) and by the system
 * administrator (everything):
 *
 * With mail on (SAMORDNA_SMTP_URL) an invitation or a new-password link is sent to the address instead of
 * being shown: the answer is `sent`, and the link's token is made when the message is sent (src/services/mail/
 * sender.ts), so no token leaves the service. `site` is the site's address the mailed link opens.
 *
 * - Invitation: a one-time link (7 days) to a role in one förbund. Whoever opens it chooses a password. An
 *   address without an account gets one with the role; for an address that already has an account the role
 *   waits for the system administrator (the password is not touched). Everything the kansli sees — the answer
 *   to the invitation, the invitation list, the invitation's row in its audit log — is the same whether or
 *   not the address exists anywhere: the invitation is 'accepted' either way, and the approval waits in
 *   invitation_approval, which belongs to no förbund (migration 0200).
 * - Password reset: a one-time link (24 hours) that sets a new password and ends all the account's sessions.
 * - Disable/enable, change role, remove role.
 *
 * A kansli manages only accounts that hold a role in its förbund. Changing or removing that role touches only
 * its förbund; what affects the whole account (disable, password) is allowed only for accounts that are
 * nowhere else — accounts spanning förbund, administrators and national readers are the system
 * administrator's alone. Only SHA-256 hashes of link tokens are stored.
 */


/** Who manages: the system administrator (any account), or the kansli of one förbund. */
export type Manager = { readonly kind: 'admin' } | { readonly kind: 'kansli'; readonly federationId: number };

export interface InvitationInput {
  readonly email: string;
  readonly displayName?: string;
  readonly role: string;
  readonly interventionIds?: readonly number[];
}

export interface Invitation {
  readonly id: number;
  readonly federationId: number;
  readonly federationName: string;
  readonly email: string;
  readonly displayName: string;
  readonly role: FederationRole;
  readonly interventionIds: readonly number[];
  readonly status: 'open' | 'accepted' | 'revoked';
  readonly createdBy: string;
  readonly expiresAt: string;
}

const invitationColumns = `i.id, i.federation_id as "federationId", f.name as "federationName", i.email, i.display_name as "displayName", i.role,
  i.intervention_ids as "interventionIds", i.status, i.created_by as "createdBy",
  to_char(i.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "expiresAt"`;

async function checkRoleInput(tx: Queryable, federationId: number, role: string, interventionIds: readonly number[]): Promise<FederationRole> {
  if (!isFederationRole(role)) throw new InputError({ field: 'role', message: 'Välj en roll.' });
  if (role !== 'insats' && interventionIds.length) {
    throw new InputError({ field: 'interventionIds', message: 'Insatser väljs bara för rollen insatspersonal.' });
  }
  if (role === 'insats' && !interventionIds.length) {
    throw new InputError({ field: 'interventionIds', message: 'Välj minst en insats för rollen insatspersonal.' });
  }
  for (const id of interventionIds) {
    const rows = Number.isSafeInteger(id) ? await tx.query('select 1 from intervention where federation_id = $1 and id = $2', [federationId, id]) : [];
    if (!rows.length) throw new InputError({ field: 'interventionIds', message: 'Välj insatser ur listan.' });
  }
  return role;
}

function assertManagesFederation(manager: Manager, federationId: number): void {
  if (manager.kind === 'kansli' && manager.federationId !== federationId) throw new NotFoundError('Förbundet finns inte.');
}

/**
 * Invites an address to a role in the förbund and returns the link's token (shown once). The system
 * administrator gives an existing account the role at once instead (`attached`); the kansli always gets an
 * invitation, whether or not the address has an account — except for an account already in its own list,
 * whose role it changes there.
 */
export async function inviteToFederation(
  db: Database,
  federationId: number,
  input: InvitationInput,
  manager: Manager,
  site: string,
  actor: Actor,
): Promise<{ kind: 'invitation'; token: string; email: string } | { kind: 'sent'; email: string } | { kind: 'attached'; email: string }> {
  assertManagesFederation(manager, federationId);
  const email = normaliseEmail(input.email);
  const displayName = displayNameOf(input.displayName);
  const interventionIds = [...new Set(input.interventionIds ?? [])];
  return db.transaction(async (tx) => {
    const role = await checkRoleInput(tx, federationId, input.role, interventionIds);
    const [existing] = await tx.query<{ id: number; here: boolean }>(
      `select u.id, exists (select 1 from federation_role r where r.user_id = u.id and r.federation_id = $2) as here
       from app_user u where u.email = $1`,
      [email, federationId],
    );
    if (existing?.here) {
      throw new InputError({ field: 'email', message: `${email} finns redan bland förbundets användare. Ändra rollen i listan ovan.` });
    }
    if (existing && manager.kind === 'admin') {
      await setRoleIn(tx, federationId, existing.id, role, interventionIds);
      await queueRoleChanged(tx, federationId, existing.id, actor);
      return { kind: 'attached' as const, email };
    }
    await tx.query("update user_invitation set status = 'revoked', closed_at = now() where federation_id = $1 and email = $2 and status = 'open'", [
      federationId,
      email,
    ]);
    const token = newToken();
    const [inv] = await tx.query<{ id: number }>(
      `insert into user_invitation (federation_id, email, display_name, role, intervention_ids, token_hash, created_by, expires_at)
       values ($1, $2, $3, $4, $5::int[], $6, $7, now() + make_interval(days => $8))
       returning id`,
      [federationId, email, displayName, role, interventionIds, tokenHash(token), actor.id, invitationDays],
    );
    if (mailIsOn()) {
      const params = { federationName: (await findFederationRef(tx, federationId))?.name ?? '', roleLabel: federationRoleLabels[role] };
      await enqueueMail(tx, federationId, { kind: 'invitation', recipient: email, params, refId: inv!.id, linkBase: site }, actor);
      return { kind: 'sent' as const, email };
    }
    return { kind: 'invitation' as const, token, email };
  }, actor);
}

/** The open, unexpired invitation of a link token, or null. */
export async function findInvitation(db: Queryable, token: string): Promise<Invitation | null> {
  const [row] = await db.query<Invitation>(
    `select ${invitationColumns} from user_invitation i join federation f on f.id = i.federation_id
     where i.token_hash = $1 and i.status = 'open' and i.expires_at > now()`,
    [tokenHash(token)],
  );
  return row ?? null;
}

const linkGone = 'Länken gäller inte längre. Be den som bjöd in dig om en ny.';

/**
 * The invitee opens the link and chooses a password. Without an account for the address one is created with
 * the role (`created`); with one, the role waits for the system administrator and the password is left alone
 * (`needs_admin`). The invitation itself is 'accepted' in both cases (see the module's comment).
 */
export async function acceptInvitation(
  db: Database,
  token: string,
  input: { password: string; displayName?: string },
): Promise<{ outcome: 'created' | 'needs_admin'; email: string }> {
  checkPasswordPolicy(input.password);
  const displayName = displayNameOf(input.displayName);
  const passwordHash = await hashPassword(input.password);
  const inv = await findInvitation(db, token);
  if (!inv) throw new InputError({ field: 'token', message: linkGone });
  return db.transaction(async (tx) => {
    const [locked] = await tx.query<{ id: number }>(
      "select id from user_invitation where id = $1 and status = 'open' and expires_at > now() for update",
      [inv.id],
    );
    if (!locked) throw new InputError({ field: 'token', message: linkGone });
    const existing = await tx.query('select 1 from app_user where email = $1', [inv.email]);
    if (existing.length) {
      await tx.query("update user_invitation set status = 'accepted', closed_at = now() where id = $1", [inv.id]);
      await tx.query('insert into invitation_approval (invitation_id) values ($1)', [inv.id]);
      return { outcome: 'needs_admin' as const, email: inv.email };
    }
    const [user] = await tx.query<{ id: number }>(
      'insert into app_user (email, display_name, password_hash) values ($1, $2, $3) returning id',
      [inv.email, displayName || inv.displayName || inv.email, passwordHash],
    );
    await setRoleIn(tx, inv.federationId, user!.id, inv.role, inv.interventionIds.map(Number));
    await tx.query("update user_invitation set status = 'accepted', closed_at = now() where id = $1", [inv.id]);
    return { outcome: 'created' as const, email: inv.email };
  }, { id: inv.email, federationId: inv.federationId });
}

/** The förbund's open invitations. An accepted one leaves the list, whether or not its role waits for approval. */
export async function listInvitations(db: Queryable, federationId: number): Promise<Invitation[]> {
  return db.query<Invitation>(
    `select ${invitationColumns} from user_invitation i join federation f on f.id = i.federation_id
     where i.federation_id = $1 and i.status = 'open' and i.expires_at > now() order by i.created_at desc`,
    [federationId],
  );
}

/** Invitations to existing accounts, waiting for the system administrator. */
export async function listPendingApprovals(db: Queryable): Promise<Invitation[]> {
  return db.query<Invitation>(
    `select ${invitationColumns} from invitation_approval a join user_invitation i on i.id = a.invitation_id join federation f on f.id = i.federation_id
     where a.status = 'pending' order by a.created_at`,
  );
}

export async function revokeInvitation(db: Database, federationId: number, invitationId: number, manager: Manager, actor: Actor): Promise<void> {
  assertManagesFederation(manager, federationId);
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      "update user_invitation set status = 'revoked', closed_at = now() where federation_id = $1 and id = $2 and status = 'open' returning id",
      [federationId, invitationId],
    );
    if (!rows.length) throw new NotFoundError('Inbjudan finns inte.');
  }, actor);
}

/** The system administrator's answer to an invitation of an existing account (the invitation's id). */
export async function decideInvitation(db: Database, invitationId: number, approve: boolean, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const [inv] = await tx.query<{ federationId: number; email: string; role: FederationRole; interventionIds: number[] }>(
      `select i.federation_id as "federationId", i.email, i.role, i.intervention_ids as "interventionIds"
       from invitation_approval a join user_invitation i on i.id = a.invitation_id
       where a.invitation_id = $1 and a.status = 'pending' for update of a`,
      [invitationId],
    );
    if (!inv) throw new NotFoundError('Inbjudan finns inte.');
    if (approve) {
      const [u] = await tx.query<{ id: number }>('select id from app_user where email = $1', [inv.email]);
      if (!u) throw new NotFoundError('Kontot finns inte längre.');
      await setRoleIn(tx, inv.federationId, u.id, inv.role, inv.interventionIds.map(Number));
      await queueRoleChanged(tx, inv.federationId, u.id, actor);
    }
    await tx.query('update invitation_approval set status = $2, decided_at = now(), decided_by = $3 where invitation_id = $1', [
      invitationId,
      approve ? 'approved' : 'declined',
      actor.id,
    ]);
  }, actor);
}

interface ManagedUser {
  readonly id: number;
  readonly email: string;
  /** Holds nothing outside this förbund: no role elsewhere, not administrator, not national reader. */
  readonly onlyHere: boolean;
}

/**
 * The account as the manager may see it: for a kansli only an account with a role in its förbund (else
 * "does not exist" — the same answer as for an id that is nobody's).
 */
async function managedUser(tx: Queryable, manager: Manager, userId: number, federationId: number | null): Promise<ManagedUser> {
  if (manager.kind === 'kansli' && federationId !== manager.federationId) throw new NotFoundError('Användaren finns inte.');
  const [u] = await tx.query<ManagedUser & { here: boolean }>(
    `select u.id, u.email,
            ($2::int is null or exists (select 1 from federation_role r where r.user_id = u.id and r.federation_id = $2)) as here,
            (not u.is_admin and not u.is_national and not exists (select 1 from federation_role r where r.user_id = u.id and r.federation_id is distinct from $2)) as "onlyHere"
     from app_user u where u.id = $1`,
    [userId, federationId],
  );
  if (!u || !u.here) throw new NotFoundError('Användaren finns inte.');
  return u;
}

const spansFederations = 'Kontot används också utanför förbundet och hanteras därför av systemadministratören.';

/** Changes the user's role (and interventions) in the förbund. Touches nothing outside it. */
export async function changeFederationRole(
  db: Database,
  federationId: number,
  userId: number,
  input: { role: string; interventionIds?: readonly number[] },
  manager: Manager,
  actor: Actor,
): Promise<void> {
  await db.transaction(async (tx) => {
    await managedUser(tx, manager, userId, federationId);
    const ids = [...new Set(input.interventionIds ?? [])];
    const role = await checkRoleInput(tx, federationId, input.role, ids);
    await setRoleIn(tx, federationId, userId, role, ids);
    await queueRoleChanged(tx, federationId, userId, actor);
  }, actor);
}

/**
 * Takes the user's role in the förbund away. Access is read from the database on every request, so the role
 * is gone at once; the account's sessions end only when it has no access left anywhere (never those of an
 * account that works elsewhere too, such as the system administrator).
 */
export async function removeRole(db: Database, federationId: number, userId: number, manager: Manager, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const u = await managedUser(tx, manager, userId, federationId);
    await tx.query('delete from federation_role where federation_id = $1 and user_id = $2', [federationId, userId]);
    if (u.onlyHere) await tx.query('delete from auth_session where user_id = $1', [userId]);
    await queueRoleChanged(tx, federationId, userId, actor);
  }, actor);
}

/** Turns an account off (ending its sessions) or on again. A kansli only for an account that is nowhere else. */
export async function setDisabled(db: Database, federationId: number | null, userId: number, disabled: boolean, manager: Manager, actor: Actor): Promise<string> {
  return db.transaction(async (tx) => {
    const u = await managedUser(tx, manager, userId, federationId);
    if (manager.kind === 'kansli' && !u.onlyHere) throw new ForbiddenError(spansFederations);
    await tx.query('update app_user set disabled = $2 where id = $1', [userId, disabled]);
    if (disabled) await tx.query('delete from auth_session where user_id = $1', [userId]);
    return u.email;
  }, actor);
}

/** A one-time link that sets a new password. A kansli only for an account that is nowhere else. */
export async function createPasswordReset(
  db: Database,
  federationId: number | null,
  userId: number,
  manager: Manager,
  site: string,
  actor: Actor,
): Promise<{ kind: 'link'; token: string; email: string } | { kind: 'sent'; email: string }> {
  return db.transaction(async (tx) => {
    const u = await managedUser(tx, manager, userId, federationId);
    if (manager.kind === 'kansli' && !u.onlyHere) throw new ForbiddenError(spansFederations);
    await tx.query('update password_reset set used_at = now() where user_id = $1 and used_at is null', [userId]);
    const token = newToken();
    const [reset] = await tx.query<{ id: number }>(
      `insert into password_reset (user_id, token_hash, created_by, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4)) returning id`,
      [userId, tokenHash(token), actor.id, resetHours],
    );
    if (mailIsOn()) {
      await enqueueMail(tx, null, { kind: 'password_reset', recipient: u.email, params: {}, refId: reset!.id, linkBase: site }, actor);
      return { kind: 'sent' as const, email: u.email };
    }
    return { kind: 'link' as const, token, email: u.email };
  }, actor);
}

/**
 * The account of an unused, unexpired reset token, or null. A link made before the password last changed (the
 * user changed it themselves, or an administrator set it) no longer works: whoever holds an old link, from a
 * mailbox or a browser history, cannot take the account over after its owner has secured it.
 */
export async function findPasswordReset(db: Queryable, token: string): Promise<{ email: string } | null> {
  const [row] = await db.query<{ email: string }>(
    `select u.email from password_reset r join app_user u on u.id = r.user_id
     where r.token_hash = $1 and r.used_at is null and r.expires_at > now() and not u.disabled
       and r.created_at >= u.password_changed_at`,
    [tokenHash(token)],
  );
  return row ?? null;
}

/** Sets the new password from a reset link, uses the link up and ends all the account's sessions. */
export async function usePasswordReset(db: Database, token: string, password: string): Promise<{ email: string }> {
  checkPasswordPolicy(password);
  const passwordHash = await hashPassword(password);
  const found = await findPasswordReset(db, token);
  if (!found) throw new InputError({ field: 'token', message: 'Länken gäller inte längre. Be om en ny.' });
  return db.transaction(async (tx) => {
    const [r] = await tx.query<{ userId: number }>(
      `update password_reset r set used_at = now() from app_user u
       where u.id = r.user_id and r.token_hash = $1 and r.used_at is null and r.expires_at > now() and r.created_at >= u.password_changed_at
       returning r.user_id as "userId"`,
      [tokenHash(token)],
    );
    if (!r) throw new InputError({ field: 'token', message: 'Länken gäller inte längre. Be om en ny.' });
    await tx.query('update app_user set password_hash = $2, password_changed_at = now() where id = $1', [r.userId, passwordHash]);
    await tx.query('delete from auth_session where user_id = $1', [r.userId]);
    await queuePasswordChanged(tx, r.userId, { id: found.email });
    return found;
  }, { id: found.email });
}

export interface ManagedUserRow {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly disabled: boolean;
  readonly role: FederationRole;
  readonly interventionIds: readonly number[];
  /** Nothing outside this förbund: the kansli may disable it and reset its password. */
  readonly onlyHere: boolean;
}

/** The accounts with a role in the förbund, as its user page lists them. */
export async function listManagedUsers(db: Queryable, federationId: number): Promise<ManagedUserRow[]> {
  return db.query<ManagedUserRow>(
    `select u.id, u.email, u.display_name as "displayName", u.disabled, r.role,
            coalesce((select array_agg(a.intervention_id order by a.intervention_id) from intervention_assignment a
                      where a.federation_id = r.federation_id and a.user_id = r.user_id), '{}') as "interventionIds",
            (not u.is_admin and not u.is_national and not exists (select 1 from federation_role o where o.user_id = u.id and o.federation_id <> r.federation_id)) as "onlyHere"
     from federation_role r join app_user u on u.id = r.user_id
     where r.federation_id = $1 order by u.display_name, u.email`,
    [federationId],
  );
}

/** What an account is in the whole installation, besides roles in förbund. */

function checkKinds(kinds: readonly string[]): InstallationKind[] {
  const out = [...new Set(kinds)];
  for (const k of out) if (k !== 'admin' && k !== 'national') throw new InputError({ field: 'kinds', message: 'Välj systemadministratör och/eller nationell läsare.' });
  return out as InstallationKind[];
}

/**
 * The system administrator creates an account that spans förbund (another administrator or a national reader):
 * the account gets no password of its own, only a one-time link (the password-reset link, 24 hours) where its
 * owner chooses one. An address that already has an account gets the kind added instead (`granted`); the
 * administrator sees every account anyway, so this reveals nothing.
 */
export async function createInstallationAccount(
  db: Database,
  input: { email: string; displayName?: string; kinds: readonly string[] },
  site: string,
  actor: Actor,
): Promise<{ kind: 'created'; token: string; email: string } | { kind: 'sent'; email: string } | { kind: 'granted'; email: string }> {
  const email = normaliseEmail(input.email);
  const displayName = displayNameOf(input.displayName);
  const kinds = checkKinds(input.kinds);
  if (!kinds.length) throw new InputError({ field: 'kinds', message: 'Välj systemadministratör och/eller nationell läsare.' });
  // Nobody knows this password: the owner sets one through the link.
  const unusable = await hashPassword(newToken());
  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ id: number }>('select id from app_user where email = $1', [email]);
    if (existing) {
      await tx.query('update app_user set is_admin = is_admin or $2, is_national = is_national or $3 where id = $1', [existing.id, kinds.includes('admin'), kinds.includes('national')]);
      await queueRoleChanged(tx, null, existing.id, actor);
      return { kind: 'granted' as const, email };
    }
    const [user] = await tx.query<{ id: number }>(
      'insert into app_user (email, display_name, password_hash, is_admin, is_national) values ($1, $2, $3, $4, $5) returning id',
      [email, displayName || email, unusable, kinds.includes('admin'), kinds.includes('national')],
    );
    const token = newToken();
    const [reset] = await tx.query<{ id: number }>(
      `insert into password_reset (user_id, token_hash, created_by, expires_at) values ($1, $2, $3, now() + make_interval(hours => $4)) returning id`,
      [user!.id, tokenHash(token), actor.id, resetHours],
    );
    if (mailIsOn()) {
      await enqueueMail(tx, null, { kind: 'account_created', recipient: email, params: {}, refId: reset!.id, linkBase: site }, actor);
      return { kind: 'sent' as const, email };
    }
    return { kind: 'created' as const, token, email };
  }, actor);
}

/**
 * The system administrator sets what an account is in the installation (administrator, national reader). An
 * administrator cannot take the role from itself, and the installation always keeps one administrator.
 * Losing a kind ends the account's sessions, so nothing cached outlives it.
 */
export async function setInstallationKinds(db: Database, userId: number, kinds: readonly string[], selfUserId: number | null, actor: Actor): Promise<string> {
  const wanted = checkKinds(kinds);
  return db.transaction(async (tx) => {
    const [u] = await tx.query<{ email: string; isAdmin: boolean; isNational: boolean }>(
      'select email, is_admin as "isAdmin", is_national as "isNational" from app_user where id = $1 for update',
      [userId],
    );
    if (!u) throw new NotFoundError('Användaren finns inte.');
    const admin = wanted.includes('admin');
    const national = wanted.includes('national');
    if (u.isAdmin && !admin) {
      if (selfUserId === userId) throw new InputError({ field: 'kinds', message: 'Du kan inte ta bort din egen roll som systemadministratör.' });
      const [{ n }] = (await tx.query<{ n: number }>('select count(*)::int as n from app_user where is_admin and not disabled and id <> $1', [userId])) as [{ n: number }];
      if (n === 0) throw new InputError({ field: 'kinds', message: 'Installationen måste ha minst en systemadministratör.' });
    }
    await tx.query('update app_user set is_admin = $2, is_national = $3 where id = $1', [userId, admin, national]);
    if (u.isAdmin !== admin || u.isNational !== national) await queueRoleChanged(tx, null, userId, actor);
    if ((u.isAdmin && !admin) || (u.isNational && !national)) await tx.query('delete from auth_session where user_id = $1', [userId]);
    return u.email;
  }, actor);
}
