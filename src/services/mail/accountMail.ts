import type { Actor, Queryable } from '../../db/database.ts';
import { federationRoleLabels, isFederationRole } from '../../core/access/permissions.ts';
import { enqueueMail } from './outbox.ts';
import { mailIsOn } from './config.ts';
import { findFederationRef } from '../federations/federations.ts';

/**
 * Account security: a message to the account's own address when its password or a role changes, queued in the
 * transaction that makes the change (nothing when mail is off). The message says what changed, never the
 * password or who the account is elsewhere.
 */
export async function queuePasswordChanged(tx: Queryable, userId: number, actor: Actor): Promise<void> {
  await queueToAccount(tx, userId, 'password_changed', actor);
}

/** A message without values of its own to the account's address (nothing when mail is off). */
async function queueToAccount(tx: Queryable, userId: number, kind: 'password_changed' | 'second_factor_reset', actor: Actor): Promise<void> {
  if (!mailIsOn()) return;
  const [u] = await tx.query<{ email: string }>('select email from app_user where id = $1', [userId]);
  if (u) await enqueueMail(tx, null, { kind, recipient: u.email, params: {} }, actor);
}

/** After an administrator removed the account's second factor. */
export async function queueSecondFactorReset(tx: Queryable, userId: number, actor: Actor): Promise<void> {
  await queueToAccount(tx, userId, 'second_factor_reset', actor);
}

/** After a role in a förbund was set or removed (federationId), or the installation-wide kinds (null). */
export async function queueRoleChanged(tx: Queryable, federationId: number | null, userId: number, actor: Actor): Promise<void> {
  if (!mailIsOn()) return;
  const [u] = await tx.query<{ email: string; isAdmin: boolean; isNational: boolean; role: string | null }>(
    `select u.email, u.is_admin as "isAdmin", u.is_national as "isNational",
            (select r.role from federation_role r where r.user_id = u.id and r.federation_id = $2) as role
     from app_user u where u.id = $1`,
    [userId, federationId],
  );
  if (!u) return;
  const roleLabel =
    federationId === null
      ? [u.isAdmin ? 'systemadministratör' : '', u.isNational ? 'nationell läsare' : ''].filter(Boolean).join(' och ') || 'ingen roll i hela installationen'
      : u.role && isFederationRole(u.role)
        ? federationRoleLabels[u.role]
        : 'ingen roll (borttagen)';
  const federationName = federationId === null ? 'Samordna (hela installationen)' : ((await findFederationRef(tx, federationId))?.name ?? '');
  await enqueueMail(tx, federationId, { kind: 'role_changed', recipient: u.email, params: { federationName, roleLabel } }, actor);
}
