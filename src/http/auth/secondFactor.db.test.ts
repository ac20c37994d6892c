import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, csrfFrom, loginAs, postLogin, setCookies, testPassword } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { enrolTotpDirectly, recoveryCodeCount } from '../../services/auth/secondFactor.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

/** The code an authenticator app shows for this secret, `offsetSteps` time steps from now. */
function codeFor(secret: string, offsetSteps = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** A six-digit code that is none of now ± one step's. */
function wrongCodeFor(secret: string): string {
  const right = new Set([-1, 0, 1].map((o) => codeFor(secret, o)));
  let n = 123456;
  while (right.has(String(n))) n++;
  return String(n);
}

describe('second factor: TOTP after the password, enrolment by policy, recovery codes, Mitt konto, reset', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let federationId: number;
  let kansliId: number;

  beforeAll(async () => {
    delete process.env.SAMORDNA_MFA_REQUIRED; // the installation's default: admin,kansli
    db = await createTestDb();
    const [f] = await db.query<{ id: number }>("insert into federation (name) values ('A') returning id");
    federationId = f!.id;
    kansliId = (await addTestUser(db, { email: 'kansli@a.se', federationId, role: 'kansli' })).id;
    await addTestUser(db, { email: 'styrelse@a.se', federationId, role: 'styrelse' });
    await addTestUser(db, { email: 'locked@a.se', federationId, role: 'kansli' });
    await addTestUser(db, { email: 'admin@a.se', admin: true });
    app = createApp({ db });
  });
  afterAll(async () => {
    process.env.SAMORDNA_MFA_REQUIRED = 'none';
    await db.drop();
  });

  /** The password step as a fresh browser: its cookies (CSRF, waiting sign-in) and the answer. */
  async function password(email: string) {
    const res = await postLogin(app, email, testPassword);
    const page = await app.request('/login');
    const csrfCookie = setCookies(page).samordna_csrf!;
    return { res, login: setCookies(res).samordna_login, csrfCookie, csrf: csrfFrom(await page.text()) };
  }

  /** Posts a form of the second step with the browser's waiting sign-in. */
  async function post(path: '/login/code' | '/login/enrol', b: { login?: string; csrfCookie: string; csrf: string }, code: string) {
    return app.request(path, {
      method: 'POST',
      body: new URLSearchParams({ code, _csrf: b.csrf, _page: path }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samordna_csrf=${b.csrfCookie}; samordna_login=${b.login ?? ''}` },
    });
  }

  const hasSession = (res: Response) => !!setCookies(res).samordna_session;
  let secret = '';
  let recovery: string[] = [];

  it('lets a role outside the policy in with the password alone', async () => {
    const { res } = await password('styrelse@a.se');
    expect(res.status).toBe(303);
    expect(hasSession(res)).toBe(true);
  });

  it('makes kansli enrol at the next login: QR code, a first code confirms, ten recovery codes shown once', async () => {
    const b = await password('kansli@a.se');
    expect(b.res.headers.get('location')).toBe('/login/enrol');
    expect(hasSession(b.res)).toBe(false);
    const page = await app.request('/login/enrol', { headers: { cookie: `samordna_login=${b.login}` } });
    const html = await page.text();
    expect(html).toContain('<svg class="qr"');
    expect(html).toMatch(/<input[^>]*name="code"/);
    secret = /Nyckel för kansli@a\.se: <code>([A-Z2-7 ]+)<\/code>/.exec(html)![1]!.replace(/ /g, '');
    // Not signed in before the enrolment is done: the pages still need a login.
    expect((await app.request('/account', { headers: { cookie: `samordna_login=${b.login}` } })).status).toBe(303);

    const wrong = await post('/login/enrol', b, wrongCodeFor(secret));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Koden stämmer inte');
    expect(hasSession(wrong)).toBe(false);
    const malformed = await post('/login/enrol', b, '12ab');
    expect(malformed.status).toBe(400);
    expect(hasSession(malformed)).toBe(false);

    const ok = await post('/login/enrol', b, codeFor(secret));
    expect(ok.status).toBe(200);
    expect(hasSession(ok)).toBe(true);
    recovery = [...(await ok.text()).matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    expect(recovery).toHaveLength(recoveryCodeCount);
    const stored = await db.query<{ code_hash: string }>('select code_hash from auth_recovery_code where user_id = $1', [kansliId]);
    expect(stored).toHaveLength(recoveryCodeCount);
    for (const s of stored) expect(s.code_hash).toMatch(/^\$argon2id\$/);
    expect(stored.map((s) => s.code_hash).join()).not.toContain(recovery[0]!.replace('-', ''));
  });

  it('asks for the code after the password; a valid code signs in, a used, wrong or malformed one does not', async () => {
    const first = await password('kansli@a.se');
    expect(first.res.headers.get('location')).toBe('/login/code');
    expect(hasSession(first.res)).toBe(false);
    const page = await (await app.request('/login/code', { headers: { cookie: `samordna_login=${first.login}` } })).text();
    expect(page).toMatch(/<form[^>]*action="\/login\/code"[\s\S]*<input[^>]*name="code"/);

    const wrong = await post('/login/code', first, wrongCodeFor(secret));
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Koden stämmer inte');
    expect(hasSession(wrong)).toBe(false);
    const malformed = await post('/login/code', first, '12 34');
    expect(malformed.status).toBe(400);
    expect(hasSession(malformed)).toBe(false);

    const next = codeFor(secret, 1);
    const ok = await post('/login/code', first, next);
    expect(ok.status).toBe(303);
    expect(hasSession(ok)).toBe(true);

    // The same code again, in a new sign-in within its window: refused.
    const again = await password('kansli@a.se');
    const replay = await post('/login/code', again, next);
    expect(replay.status).toBe(401);
    expect(await replay.text()).toContain('redan använd');
    expect(hasSession(replay)).toBe(false);
    // An older code than the last one used is refused too.
    const older = await post('/login/code', again, codeFor(secret, 0));
    expect(hasSession(older)).toBe(false);

    // A recovery code works once.
    const rec = await post('/login/code', again, recovery[0]!.toUpperCase());
    expect(rec.status).toBe(303);
    expect(hasSession(rec)).toBe(true);
    const third = await password('kansli@a.se');
    const recAgain = await post('/login/code', third, recovery[0]!);
    expect(recAgain.status).toBe(401);
    expect(hasSession(recAgain)).toBe(false);
  });

  it('refuses a second step without a waiting sign-in, and a waiting sign-in is no session', async () => {
    const b = await password('styrelse@a.se');
    const none = await post('/login/code', { ...b, login: 'x'.repeat(43) }, '123456');
    expect(none.status).toBe(303);
    expect(none.headers.get('location')).toBe('/login');
    expect(hasSession(none)).toBe(false);
  });

  it('locks the address after five wrong codes, even for the right code afterwards', async () => {
    const { secret: s } = await enrolTotpDirectly(db, 'locked@a.se', { id: 'test' });
    const b = await password('locked@a.se');
    for (let i = 0; i < 5; i++) expect((await post('/login/code', b, wrongCodeFor(s))).status).toBe(401);
    const right = await post('/login/code', b, codeFor(s));
    expect(right.status).toBe(429);
    expect(await right.text()).toContain('tillfälligt spärrat');
    expect(hasSession(right)).toBe(false);
    // The password is locked as well: wrong codes count as failed logins of the address.
    expect((await postLogin(app, 'locked@a.se', testPassword)).status).toBe(429);
  });

  it('refuses an enrolment confirmed too late, and changes nothing', async () => {
    const s = await loginAs(app, 'styrelse@a.se');
    // Opening the page writes nothing: without an enrolment under way it sends the user back to the account page.
    expect((await s.request('/account/mfa')).headers.get('location')).toBe('/account');
    expect(await db.query("select 1 from auth_totp where user_id = (select id from app_user where email = 'styrelse@a.se')")).toHaveLength(0);
    expect((await s.request('/account/mfa/start', { method: 'POST' })).headers.get('location')).toBe('/account/mfa');
    const page = await (await s.request('/account/mfa')).text();
    const sec = /<code>([A-Z2-7 ]+)<\/code>/.exec(page)![1]!.replace(/ /g, '');
    await db.query("update auth_totp set created_at = now() - interval '20 minutes' where user_id = (select id from app_user where email = 'styrelse@a.se')");
    const late = await s.request('/account/mfa', { method: 'POST', body: new URLSearchParams({ code: codeFor(sec), _page: '/account/mfa' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain('har gått ut');
    const [row] = await db.query<{ confirmed: boolean }>("select confirmed_at is not null as confirmed from auth_totp where user_id = (select id from app_user where email = 'styrelse@a.se')");
    expect(row?.confirmed).toBe(false);
    expect(await db.query("select 1 from auth_recovery_code where user_id = (select id from app_user where email = 'styrelse@a.se')")).toHaveLength(0);
  });

  it('lists the factors and the sessions in Mitt konto, and ends another session', async () => {
    const a = await loginAs(app, 'styrelse@a.se', testPassword);
    const b = await loginAs(app, 'styrelse@a.se', testPassword);
    const html = await (await a.request('/account')).text();
    expect(html).toContain('Ingen tvåstegsverifiering');
    expect(html).toContain('Dina pågående inloggningar');
    expect(html).toContain('(den här)');
    const ids = [...html.matchAll(/action="\/account\/sessions\/(\d+)\/end"/g)].map((m) => Number(m[1]));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const [bRow] = await db.query<{ id: number }>("select id from auth_session where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')", [b.cookie.split('=')[1]!]);
    const end = await a.request(`/account/sessions/${bRow!.id}/end`, { method: 'POST' });
    expect(end.status).toBe(303);
    expect((await b.request('/account')).status).toBe(303);
    expect((await a.request('/account')).status).toBe(200);
    // Someone else's session is not this user's to end.
    const [other] = await db.query<{ id: number }>('select id from auth_session where user_id = $1 limit 1', [kansliId]);
    expect((await a.request(`/account/sessions/${other!.id}/end`, { method: 'POST' })).status).toBe(404);
    expect(await db.query('select 1 from auth_session where id = $1', [other!.id])).toHaveLength(1);
  });

  it('lets the administrator reset a second factor: audited, sessions ended, the user told by mail', async () => {
    process.env.SAMORDNA_SMTP_URL = 'smtp://127.0.0.1:2525';
    process.env.SAMORDNA_MAIL_FROM = 'samordna@example.se';
    process.env.SAMORDNA_MFA_REQUIRED = 'none'; // the administrator signs in with a password here
    const admin = await loginAs(app, 'admin@a.se');
    delete process.env.SAMORDNA_MFA_REQUIRED;
    const res = await admin.request(`/admin/users/${kansliId}/mfa-reset`, { method: 'POST' });
    expect(res.status).toBe(303);
    delete process.env.SAMORDNA_SMTP_URL;
    delete process.env.SAMORDNA_MAIL_FROM;
    expect(await db.query("select recipient from mail_outbox where kind = 'second_factor_reset'")).toEqual([{ recipient: 'kansli@a.se' }]);
    expect(await db.query('select 1 from auth_totp where user_id = $1', [kansliId])).toHaveLength(0);
    expect(await db.query('select 1 from auth_session where user_id = $1', [kansliId])).toHaveLength(0);
    const audit = await db.query<{ actor: string; old: Record<string, unknown> }>(
      "select actor, old_values as old from audit_log where table_name = 'auth_totp' and action = 'delete' order by id desc limit 1",
    );
    expect(audit[0]?.actor).toBe('admin@a.se');
    expect(audit[0]?.old).not.toHaveProperty('totp_secret');
    // Next login: enrolment again, as the policy asks.
    expect((await postLogin(app, 'kansli@a.se', testPassword)).headers.get('location')).toBe('/login/enrol');
    // Only the administrator may.
    const kansli = await loginAs(app, 'styrelse@a.se');
    expect((await kansli.request(`/admin/users/${kansliId}/mfa-reset`, { method: 'POST' })).status).toBe(403);
  });
});
