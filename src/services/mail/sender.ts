import type { Database, Queryable } from '../../db/database.ts';
import { compose, mailKindLabels, oneTimeLinkPaths, type MailKind, type MailParams } from '../../core/mail/messages.ts';
import { nextStep } from '../../core/mail/retry.ts';
import { newToken, tokenHash } from '../tokens.ts';
import type { MailTransport } from './transport.ts';

/**
 * Sends the outbox: for each due message, mark → send → confirm.
 *
 * 1. Mark (one transaction): the message becomes 'sending' with `claimed_at` and one more attempt. A message
 *    with a one-time link gets its token now: a new random token whose hash replaces the one in
 *    user_invitation / password_reset. The token lives only in this process's memory and the message itself.
 * 2. Send: hand it to the mail server (outside any transaction).
 * 3. Confirm (one transaction): 'sent', or back to 'pending' with a later attempt (4xx), or 'failed' (5xx, or
 *    too many attempts) with the server's reply.
 *
 * If the process dies between 2 and 3 the message stays 'sending'. Once its lease has run out it is sent once
 * more (the recipient may get it twice; a link in the first copy no longer works, the second's does) and marked
 * `recovered`; should that happen again, it is failed instead ("okänt om det kom fram"), so a crash sends at
 * most one duplicate. The lease is longer than an attempt may take (transport.ts), so a slow send is never
 * taken for a dead one.
 */
export interface SendOptions {
  /** How long a 'sending' message belongs to the process that marked it. */
  readonly leaseSeconds?: number;
  /** At most this many messages in one pass. */
  readonly limit?: number;
  /** Tests: runs after the server accepted a message and before it is confirmed (a crash there). */
  readonly afterSend?: (messageId: number) => void | Promise<void>;
  /** One line per message, without links or tokens. */
  readonly log?: (line: string) => void;
}

export interface SendSummary {
  sent: number;
  retrying: number;
  failed: number;
}

interface Claimed {
  readonly id: number;
  readonly kind: MailKind;
  readonly recipient: string;
  readonly params: MailParams[MailKind];
  readonly refId: number | null;
  readonly linkBase: string;
  readonly attempts: number;
  readonly link: string;
}

const leaseDefault = 10 * 60;
const abandoned = 'Avbrott under sändning: okänt om meddelandet kom fram. Det skickas inte igen automatiskt.';
const linkGone = 'Länken gäller inte längre (inbjudan återkallad, använd eller för gammal): meddelandet skickades inte.';

/** Makes the one-time token of a message and stores its hash; false when the invitation or reset is no longer open. */
async function mintLink(tx: Queryable, kind: MailKind, refId: number | null, token: string): Promise<boolean> {
  if (refId === null) return false;
  const rows =
    kind === 'invitation'
      ? await tx.query("update user_invitation set token_hash = $2 where id = $1 and status = 'open' and expires_at > now() returning id", [refId, tokenHash(token)])
      : await tx.query(
          `update password_reset r set token_hash = $2 from app_user u
           where r.id = $1 and u.id = r.user_id and r.used_at is null and r.expires_at > now() and r.created_at >= u.password_changed_at and not u.disabled
           returning r.id`,
          [refId, tokenHash(token)],
        );
  return rows.length > 0;
}

/** Marks the next due message (or fails an abandoned one); null when nothing is due. */
async function claimNext(db: Database, leaseSeconds: number, log: (line: string) => void): Promise<Claimed | 'skipped' | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number; kind: MailKind; recipient: string; params: MailParams[MailKind]; refId: number | null; linkBase: string; state: string; recovered: boolean; attempts: number }>(
      `select id, kind, recipient, mail_params as params, ref_id as "refId", link_base as "linkBase", state, recovered, attempts
       from mail_outbox
       where (state = 'pending' and next_attempt_at <= now())
          or (state = 'sending' and claimed_at <= now() - make_interval(secs => $1))
       order by next_attempt_at, id limit 1 for update skip locked`,
      [leaseSeconds],
    );
    if (!row) return null;
    if (row.state === 'sending') {
      if (row.recovered) {
        await tx.query("update mail_outbox set state = 'failed', claimed_at = null, last_reply = $2 where id = $1", [row.id, abandoned]);
        log(`E-post ${row.id} (${mailKindLabels[row.kind]}): avbruten två gånger, markerad som misslyckad.`);
        return 'skipped' as const;
      }
      await tx.query('update mail_outbox set recovered = true where id = $1', [row.id]);
    }
    let link = '';
    const path = oneTimeLinkPaths[row.kind];
    if (path) {
      const token = newToken();
      if (!(await mintLink(tx, row.kind, row.refId, token))) {
        await tx.query("update mail_outbox set state = 'failed', claimed_at = null, last_reply = $2 where id = $1", [row.id, linkGone]);
        log(`E-post ${row.id} (${mailKindLabels[row.kind]}): länken gäller inte längre, inte skickad.`);
        return 'skipped' as const;
      }
      link = `${row.linkBase.replace(/\/+$/, '')}${path}?t=${encodeURIComponent(token)}`;
    }
    await tx.query("update mail_outbox set state = 'sending', claimed_at = now(), attempts = attempts + 1 where id = $1", [row.id]);
    return { id: row.id, kind: row.kind, recipient: row.recipient, params: row.params, refId: row.refId, linkBase: row.linkBase, attempts: row.attempts + 1, link };
  }, { id: 'e-post' });
}

/** Sends every due message once (a pass) and says how it went. */
export async function sendPending(db: Database, transport: MailTransport, options: SendOptions = {}): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, retrying: 0, failed: 0 };
  const log = options.log ?? (() => {});
  const limit = options.limit ?? 500;
  for (let i = 0; i < limit; i++) {
    const claimed = await claimNext(db, options.leaseSeconds ?? leaseDefault, log);
    if (claimed === null) break;
    if (claimed === 'skipped') {
      summary.failed++;
      continue;
    }
    const text = compose(claimed.kind, claimed.params, claimed.link);
    const result = await transport.send({ to: claimed.recipient, ...text });
    if (result.ok) await options.afterSend?.(claimed.id);
    const step = nextStep(result, claimed.attempts);
    await db.transaction(async (tx) => {
      if (step.state === 'pending') {
        await tx.query("update mail_outbox set state = 'pending', claimed_at = null, last_reply = $2, next_attempt_at = now() + make_interval(secs => $3) where id = $1", [
          claimed.id,
          step.reply,
          step.retryInSeconds,
        ]);
      } else {
        await tx.query(`update mail_outbox set state = $2, claimed_at = null, last_reply = $3, sent_at = case when $2 = 'sent' then now() else sent_at end where id = $1`, [
          claimed.id,
          step.state,
          step.reply,
        ]);
      }
    }, { id: 'e-post' });
    summary[step.state === 'sent' ? 'sent' : step.state === 'pending' ? 'retrying' : 'failed']++;
    log(`E-post ${claimed.id} (${mailKindLabels[claimed.kind]}) till ${claimed.recipient}: ${step.state === 'sent' ? 'skickad' : step.state === 'pending' ? 'försöker igen senare' : 'misslyckades'}${step.state === 'sent' ? '' : ` – ${step.reply}`}`);
  }
  return summary;
}
