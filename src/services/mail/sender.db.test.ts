import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { startTestSmtp, textOf, type TestSmtp } from '../../../test/support/smtp.ts';
import { parseMailConfig } from '../../core/mail/config.ts';
import { maxAttempts } from '../../core/mail/retry.ts';
import { enqueueMail, listOutbox, resendMail } from './outbox.ts';
import { sendPending } from './sender.ts';
import { smtpTransport, type MailTransport } from './transport.ts';
import { startMailWorker } from './worker.ts';

/**
 * The outbox against a real SMTP server on loopback: a 4xx reply is tried again later, a 5xx fails at once
 * with the server's reply shown, and a crash between send and confirm sends at most one duplicate.
 */
describe('sending the outbox over SMTP', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let federationId: number;
  const actor = { id: 'test' };
  const notice = (recipient: string) =>
    db.transaction(
      (tx) =>
        enqueueMail(tx, federationId, {
          kind: 'justering_request',
          recipient,
          params: { federationName: 'Förbund T', meetingTitle: 'Styrelsemöte', meetingDate: '2026-05-12', link: 'http://localhost/f/1/moten/3' },
        }, actor),
      actor,
    );
  const rowOf = async (recipient: string) => (await listOutbox(db, federationId)).find((m) => m.recipient === recipient)!;
  const makeDue = () => db.query("update mail_outbox set next_attempt_at = now() where state = 'pending'");

  beforeAll(async () => {
    db = await createTestDb();
    smtp = await startTestSmtp();
    transport = smtpTransport(parseMailConfig({ SAMORDNA_SMTP_URL: smtp.url, SAMORDNA_MAIL_FROM: 'Samordna <noreply@forbund.test>' })!);
    [{ id: federationId }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund T') returning id")) as [{ id: number }];
  });
  afterAll(async () => {
    transport.close();
    await smtp.stop();
    await db.drop();
  });
  afterEach(() => {
    smtp.received.length = 0;
  });

  it('delivers a message as plain text with an HTML alternative, authenticated, and marks it sent', async () => {
    await notice('justerare@forbund.test');
    expect(await sendPending(db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toEqual(['justerare@forbund.test']);
    expect(mail!.from).toBe('noreply@forbund.test');
    expect(mail!.user).toBe('samordna');
    expect(mail!.raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(mail!.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(mail!.raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
    expect(textOf(mail!.raw)).toContain('Protokollet från Styrelsemöte, Förbund T, 2026-05-12, är klart för justering.');
    const row = await rowOf('justerare@forbund.test');
    expect(row).toMatchObject({ state: 'sent', attempts: 1 });
    expect(row.lastReply).toMatch(/^250/);
  });

  it('tries again after a 4xx reply, later each time, and sends once the server takes it', async () => {
    smtp.refuseNext(451, 451);
    await notice('upptagen@forbund.test');
    expect(await sendPending(db, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await rowOf('upptagen@forbund.test');
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row.lastReply).toMatch(/^451/);
    // Not due yet: a pass now sends nothing.
    expect(await sendPending(db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const [wait1] = await db.query<{ s: number }>("select extract(epoch from next_attempt_at - now())::int as s from mail_outbox where recipient = 'upptagen@forbund.test'");
    await makeDue();
    expect(await sendPending(db, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [wait2] = await db.query<{ s: number }>("select extract(epoch from next_attempt_at - now())::int as s from mail_outbox where recipient = 'upptagen@forbund.test'");
    expect(wait1!.s).toBeGreaterThan(50);
    expect(wait2!.s).toBeGreaterThan(wait1!.s + 50);
    await makeDue();
    expect(await sendPending(db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    row = await rowOf('upptagen@forbund.test');
    expect(row).toMatchObject({ state: 'sent', attempts: 3 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(['upptagen@forbund.test']);
  });

  it('gives up at once on a 5xx reply and shows the failure with the server’s reply; the kansli can send it again', async () => {
    smtp.refuseNext(550);
    await notice('finns-inte@forbund.test');
    expect(await sendPending(db, transport)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const row = await rowOf('finns-inte@forbund.test');
    expect(row).toMatchObject({ state: 'failed', attempts: 1 });
    expect(row.lastReply).toContain('550 5.1.1 Mailbox unavailable');
    expect(smtp.received).toHaveLength(0);
    await makeDue();
    expect(await sendPending(db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });

    await resendMail(db, federationId, row.id, actor);
    expect(await sendPending(db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await rowOf('finns-inte@forbund.test')).toMatchObject({ state: 'sent', attempts: 1 });
    await expect(resendMail(db, federationId + 1000, row.id, actor)).rejects.toThrow('Meddelandet finns inte');
  });

  it('fails after the last attempt when the server keeps answering 4xx', async () => {
    smtp.refuseNext(...Array.from({ length: maxAttempts }, () => 421));
    await notice('alltid-upptagen@forbund.test');
    for (let i = 0; i < maxAttempts; i++) {
      await makeDue();
      await sendPending(db, transport);
    }
    const row = await rowOf('alltid-upptagen@forbund.test');
    expect(row).toMatchObject({ state: 'failed', attempts: maxAttempts });
    expect(row.lastReply).toMatch(/^421/);
  });

  it('a crash between send and confirm sends at most one duplicate', async () => {
    await notice('krasch@forbund.test');
    const crash = () => {
      throw new Error('the process dies here');
    };
    await expect(sendPending(db, transport, { afterSend: crash })).rejects.toThrow('the process dies here');
    expect(smtp.received).toHaveLength(1);
    expect(await rowOf('krasch@forbund.test')).toMatchObject({ state: 'sending' });
    // Another pass while the lease holds leaves it alone (it may still be on its way).
    expect(await sendPending(db, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    // After the lease: sent once more (the one duplicate), and it dies there again.
    await expect(sendPending(db, transport, { leaseSeconds: 0, afterSend: crash })).rejects.toThrow('the process dies here');
    expect(smtp.received).toHaveLength(2);
    // The third time it is not sent again: failed, and the kansli sees why.
    expect(await sendPending(db, transport, { leaseSeconds: 0 })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(smtp.received).toHaveLength(2);
    const row = await rowOf('krasch@forbund.test');
    expect(row.state).toBe('failed');
    expect(row.lastReply).toContain('okänt om meddelandet kom fram');
  });

  it('a crash recovered once is confirmed normally', async () => {
    await notice('en-gang@forbund.test');
    await expect(sendPending(db, transport, { afterSend: () => Promise.reject(new Error('dies')) })).rejects.toThrow('dies');
    expect(await sendPending(db, transport, { leaseSeconds: 0 })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to[0])).toEqual(['en-gang@forbund.test', 'en-gang@forbund.test']);
    expect(await rowOf('en-gang@forbund.test')).toMatchObject({ state: 'sent', attempts: 2 });
  });

  it('the server’s worker sends what is due without being asked, and stops cleanly', async () => {
    const saved = { ...process.env };
    process.env.SAMORDNA_SMTP_URL = smtp.url;
    process.env.SAMORDNA_MAIL_FROM = 'noreply@forbund.test';
    const own = smtpTransport(parseMailConfig(process.env)!);
    try {
      await notice('arbetaren@forbund.test');
      const worker = startMailWorker(db, own, { intervalMs: 3_600_000 });
      await worker.runNow();
      await worker.stop();
      expect(smtp.received.map((m) => m.to[0])).toEqual(['arbetaren@forbund.test']);
      expect(await rowOf('arbetaren@forbund.test')).toMatchObject({ state: 'sent' });
    } finally {
      process.env = saved;
    }
  });

  it('a server that cannot be reached is a temporary failure', async () => {
    const down = smtpTransport(parseMailConfig({ SAMORDNA_SMTP_URL: 'smtp://127.0.0.1:1', SAMORDNA_MAIL_FROM: 'noreply@forbund.test' })!);
    await notice('nere@forbund.test');
    expect(await sendPending(db, down)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect((await rowOf('nere@forbund.test')).lastReply).toMatch(/ECONNECTION|ECONNREFUSED/);
    down.close();
    await db.query("update mail_outbox set state = 'sent' where recipient = 'nere@forbund.test'");
  });
});

describe('STARTTLS where the server offers it', () => {
  it('upgrades an smtp:// connection before authenticating', async () => {
    const db = await createTestDb();
    const smtp = await startTestSmtp({ starttls: true });
    const transport = smtpTransport(parseMailConfig({ SAMORDNA_SMTP_URL: smtp.url, SAMORDNA_MAIL_FROM: 'noreply@forbund.test' })!);
    try {
      await db.transaction((tx) => enqueueMail(tx, null, { kind: 'password_changed', recipient: 'a@forbund.test', params: {} }, { id: 't' }), { id: 't' });
      expect(await sendPending(db, transport)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]!.secure).toBe(true);
    } finally {
      transport.close();
      await smtp.stop();
      await db.drop();
    }
  });
});
