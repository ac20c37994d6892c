import type { Actor, Database, Queryable } from '../../db/database.ts';
import { NotFoundError } from '../../core/errors.ts';
import { checkMailParams, mailSubject, type MailKind, type MailParams } from '../../core/mail/messages.ts';

/**
 * Queuing messages and reading the outbox. A message is queued in the same transaction as the change it tells
 * about (the invitation, the new role), so it is sent exactly when that change is committed. The sender
 * (sender.ts) writes the text when it sends.
 */
export interface NewMail<K extends MailKind = MailKind> {
  readonly kind: K;
  readonly recipient: string;
  readonly params: MailParams[K];
  /** The row of user_invitation / password_reset whose one-time link the message carries. */
  readonly refId?: number;
  /** The site's address for a one-time link. */
  readonly linkBase?: string;
  /** Queue only once per key and förbund (reminders). */
  readonly dedupeKey?: string;
}

/**
 * Queues one message inside the caller's transaction; false when a message with the same dedupe key was queued
 * before. The identity guard runs over every free-text value; the recipient is an address already checked
 * where it was typed (normaliseEmail), and is checked again by the table.
 */
export async function enqueueMail<K extends MailKind>(tx: Queryable, federationId: number | null, mail: NewMail<K>, actor: Actor): Promise<boolean> {
  checkMailParams(mail.params);
  const rows = await tx.query(
    `insert into mail_outbox (federation_id, kind, recipient, subject, mail_params, ref_id, link_base, dedupe_key, created_by)
     values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)
     on conflict do nothing returning id`,
    [federationId, mail.kind, mail.recipient.toLowerCase(), mailSubject(mail.kind, mail.params), JSON.stringify(mail.params), mail.refId ?? null, mail.linkBase ?? '', mail.dedupeKey ?? null, actor.id],
  );
  return rows.length > 0;
}

export interface OutboxRow {
  readonly id: number;
  readonly kind: MailKind;
  readonly recipient: string;
  readonly subject: string;
  readonly state: 'pending' | 'sending' | 'sent' | 'failed';
  readonly attempts: number;
  readonly lastReply: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly nextAttemptAt: string;
}

const stamp = (col: string) => `to_char(${col} at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI')`;

/** The förbund's messages, newest first (at most `limit`). */
export async function listOutbox(db: Queryable, federationId: number, limit = 200): Promise<OutboxRow[]> {
  return db.query<OutboxRow>(
    `select id, kind, recipient, subject, state, attempts, last_reply as "lastReply", ${stamp('created_at')} as "createdAt",
            ${stamp('sent_at')} as "sentAt", ${stamp('next_attempt_at')} as "nextAttemptAt"
     from mail_outbox where federation_id = $1 order by created_at desc, id desc limit $2`,
    [federationId, limit],
  );
}

/** Every message of the installation in one state (the CLI's summary, tests). */
export async function countByState(db: Queryable): Promise<Record<string, number>> {
  const rows = await db.query<{ state: string; n: number }>('select state, count(*)::int as n from mail_outbox group by state');
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/**
 * The kansli sends a failed (or sent) message again: it is queued anew with its attempts reset. A message with
 * a one-time link gets a new link when it is sent (the old one stops working).
 */
export async function resendMail(db: Database, federationId: number, messageId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      `update mail_outbox set state = 'pending', attempts = 0, recovered = false, next_attempt_at = now(), claimed_at = null, last_reply = ''
       where federation_id = $1 and id = $2 and state in ('failed', 'sent') returning id`,
      [federationId, messageId],
    );
    if (!rows.length) throw new NotFoundError('Meddelandet finns inte, eller väntar redan på att skickas.');
  }, actor);
}
