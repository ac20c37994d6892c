import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, csrfFrom, loginAs, postLogin, setCookies, type TestSession } from '../../../test/support/auth.ts';
import { startTestSmtp, subjectOf, textOf, type TestSmtp } from '../../../test/support/smtp.ts';
import { mailConfig } from '../../services/mail/config.ts';
import { sendPending } from '../../services/mail/sender.ts';
import { smtpTransport, type MailTransport } from '../../services/mail/transport.ts';
import { createApp } from '../app.tsx';

/**
 * Mail on, end to end: the kansli invites an address and sees "skickat" (never the link); the worker sends the
 * outbox to a real SMTP server on loopback; the link in the received mail sets the password and the first
 * login works. Also: a reset link by mail, the account-security mail, a refused address at entry, a refused
 * message shown as failed with the server's reply — and no token or password in any log line, the outbox or
 * the audit trail.
 */
const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('mail off: nothing changes', () => {
  it('/healthz, the settings page and the outbox page say that mail is off; the invitation link is shown', async () => {
    delete process.env.SAMORDNA_SMTP_URL;
    process.env.SAMORDNA_LOG = 'off';
    const db = await createTestDb();
    try {
      const app = createApp({ db });
      const [{ id }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund Av') returning id")) as [{ id: number }];
      await addTestUser(db, { email: 'kansli@av.se', federationId: id, role: 'kansli' });
      const kansli = await loginAs(app, 'kansli@av.se');
      expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, mail: false });
      expect(await (await kansli.request(`/f/${id}/installningar`)).text()).toContain('E-post är av');
      expect(await (await kansli.request(`/f/${id}/epost`)).text()).toContain('E-post är av');
      const page = await (await kansli.request(`/f/${id}/users`, form({ email: 'ny@av.se', role: 'styrelse' }))).text();
      expect(page).toMatch(/\/inbjudan\?t=[A-Za-z0-9_-]{20,}/);
      expect(page).not.toContain('Skickat');
      expect(await db.query('select 1 from mail_outbox')).toEqual([]);
    } finally {
      await db.drop();
    }
  });
});

describe('mail on: invitations and resets reach the address', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let kansli: TestSession;
  let fid: number;
  const logged: string[] = [];
  /** The one-time tokens read from the received mails. */
  const tokens: string[] = [];
  const saved = { ...process.env };

  const pass = () => sendPending(db, transport, { log: (line) => logged.push(line) });
  const linkIn = (mailText: string, path: string) => {
    const m = new RegExp(`http://samordna\\.test${path}\\?t=([A-Za-z0-9_-]+)`).exec(mailText);
    if (!m) throw new Error(`No ${path} link in the mail`);
    tokens.push(m[1]!);
    return m[1]!;
  };
  async function postAnon(path: string, fields: Record<string, string>) {
    const page = await app.request('/login');
    const cookie = `samordna_csrf=${setCookies(page).samordna_csrf}`;
    return app.request(path, { ...form({ ...fields, _csrf: csrfFrom(await page.text()) }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } });
  }

  beforeAll(async () => {
    smtp = await startTestSmtp();
    process.env.SAMORDNA_SMTP_URL = smtp.url;
    process.env.SAMORDNA_MAIL_FROM = 'Samordna <noreply@forbund.test>';
    process.env.SAMORDNA_PUBLIC_URL = 'http://samordna.test';
    process.env.SAMORDNA_LOG = 'on';
    process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';
    // Every line the process writes, to look for secrets in afterwards.
    for (const stream of [process.stdout, process.stderr]) {
      const write = stream.write.bind(stream);
      vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
        logged.push(String(chunk));
        return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
      }) as typeof stream.write);
    }
    for (const level of ['log', 'info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
    db = await createTestDb();
    app = createApp({ db });
    transport = smtpTransport(mailConfig()!);
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Post') returning id")) as [{ id: number }];
    await addTestUser(db, { email: 'kansli@post.se', federationId: fid, role: 'kansli' });
    kansli = await loginAs(app, 'kansli@post.se');
  });

  afterAll(async () => {
    vi.restoreAllMocks();
    process.env = saved;
    transport.close();
    await smtp.stop();
    await db.drop();
  });

  it('says that mail is on: /healthz, the settings page, the outbox page', async () => {
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, mail: true });
    expect(await (await kansli.request(`/f/${fid}/installningar`)).text()).toContain('E-post är på');
    const outbox = await (await kansli.request(`/f/${fid}/epost`)).text();
    expect(outbox).toContain('E-post är på');
    expect(outbox).not.toContain(smtp.password);
    expect(outbox).not.toContain(encodeURIComponent(smtp.password));
  });

  it('refuses an address that is not an address, and queues nothing', async () => {
    for (const email of ['inte-en-adress', 'a@b', 'två@@forbund.se', 'namn <a@b.se>']) {
      const res = await kansli.request(`/f/${fid}/users`, form({ email, role: 'styrelse' }));
      expect(res.status).toBe(400);
      expect(await res.text()).toContain('Ange en giltig e-postadress.');
    }
    expect(await db.query('select 1 from mail_outbox')).toEqual([]);
  });

  it('invitation: "skickat" for the kansli, the link only in the mail, and the link leads to the first login', async () => {
    const page = await (await kansli.request(`/f/${fid}/users`, form({ email: 'Ny.Ledamot@Post.se', role: 'styrelse' }))).text();
    expect(page).toContain('Inbjudan till ny.ledamot@post.se är skapad.');
    expect(page).toContain('Skickat');
    expect(page).not.toContain('/inbjudan?t=');
    expect(await (await kansli.request(`/f/${fid}/epost`)).text()).toMatch(/ny\.ledamot@post\.se[\s\S]*Väntar/);

    expect(await pass()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = textOf(smtp.received[0]!.raw);
    expect(smtp.received[0]!.to).toEqual(['ny.ledamot@post.se']);
    expect(subjectOf(smtp.received[0]!.raw)).toBe('Inbjudan till Samordna – Samordningsförbundet Post');
    expect(mail).toContain('Du är inbjuden till Samordna, Samordningsförbundet Post, med rollen Styrelse.');
    const token = linkIn(mail, '/inbjudan');
    // The HTML alternative carries the same link.
    expect(mail).toContain(`<a href="http://samordna.test/inbjudan?t=${token}">`);
    expect(await (await kansli.request(`/f/${fid}/epost`)).text()).toMatch(/ny\.ledamot@post\.se[\s\S]*Skickat/);

    expect((await app.request(`/inbjudan?t=${token}`)).status).toBe(200);
    const accept = await postAnon('/inbjudan', { t: token, password: 'mitt-första-långa-lösenord', repeat: 'mitt-första-långa-lösenord', displayName: 'Ny Ledamot' });
    expect(accept.status).toBe(200);
    const login = await postLogin(app, 'ny.ledamot@post.se', 'mitt-första-långa-lösenord');
    expect(login.status).toBe(303);
    const session = await loginAs(app, 'ny.ledamot@post.se', 'mitt-första-långa-lösenord');
    expect((await session.request(`/f/${fid}`)).status).toBe(200);
    // Used once: the same link no longer works.
    expect((await app.request(`/inbjudan?t=${token}`)).status).toBe(410);
    smtp.received.length = 0;
  });

  it('password reset by mail, then the account-security mail when the password changes', async () => {
    const [u] = await db.query<{ id: number }>("select id from app_user where email = 'ny.ledamot@post.se'");
    const page = await (await kansli.request(`/f/${fid}/users/${u!.id}/reset`, form({}))).text();
    expect(page).toContain('Skickat');
    expect(page).not.toContain('/aterstall?t=');
    expect(await pass()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const token = linkIn(textOf(smtp.received[0]!.raw), '/aterstall');
    const set = await postAnon('/aterstall', { t: token, password: 'ett-annat-långt-lösenord', repeat: 'ett-annat-långt-lösenord' });
    expect(set.status).toBeLessThan(400);
    expect((await postLogin(app, 'ny.ledamot@post.se', 'ett-annat-långt-lösenord')).status).toBe(303);
    expect(await pass()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const notice = textOf(smtp.received[1]!.raw);
    expect(smtp.received[1]!.to).toEqual(['ny.ledamot@post.se']);
    expect(notice).toContain('Lösenordet till ditt konto i Samordna har just bytts');
    expect(notice).not.toContain('ett-annat-långt-lösenord');
    smtp.received.length = 0;
  });

  it('a role change mails the account; a refused message is shown as failed with the server’s reply, and can be sent again', async () => {
    const [u] = await db.query<{ id: number }>("select id from app_user where email = 'ny.ledamot@post.se'");
    expect((await kansli.request(`/f/${fid}/users/${u!.id}/role`, form({ role: 'revisor' }))).status).toBe(303);
    smtp.refuseNext(550);
    expect(await pass()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const outbox = await (await kansli.request(`/f/${fid}/epost`)).text();
    expect(outbox).toContain('Misslyckades');
    expect(outbox).toContain('550 5.1.1 Mailbox unavailable');
    const [row] = await db.query<{ id: number }>("select id from mail_outbox where kind = 'role_changed'");
    expect((await kansli.request(`/f/${fid}/epost/${row!.id}/skicka-igen`, form({}))).status).toBe(303);
    expect(await pass()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(textOf(smtp.received[0]!.raw)).toContain('Din roll i Samordningsförbundet Post är nu: Revisor.');
  });

  it('keeps every secret out of the logs, the outbox and the audit trail', async () => {
    const everything = [
      logged.join('\n'),
      JSON.stringify(await db.query('select * from mail_outbox')),
      JSON.stringify(await db.query('select * from audit_log')),
    ].join('\n');
    expect(logged.some((l) => l.includes('"event"'))).toBe(true);
    expect(logged.some((l) => l.includes('till ny.ledamot@post.se: skickad'))).toBe(true);
    expect(tokens).toHaveLength(2);
    for (const secret of [...tokens, smtp.password, encodeURIComponent(smtp.password), 'mitt-första-långa-lösenord', 'ett-annat-långt-lösenord']) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/\?t=[A-Za-z0-9_-]{20,}/);
    expect(everything).not.toContain('token_hash');
  });
});
