import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, csrfFrom, loginAs, setCookies, testPassword, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';

/**
 * The auth and settings forms (issue 8: "form errors keep what the user typed and show the message beside the
 * field, on every form"): login, password change, accepting an invitation, a password reset and the förbund's
 * settings. Refused, each comes back as the same page with what was typed (never a password), the message
 * beside its field and in the summary — never a bare error page. Each posts the page's own `_page` field, as
 * the browser does.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const secret = 'hemligt-men-fel-lösenord-77';

/** The input named `name`: its value, and the message it is described by (beside it), if any. */
function field(html: string, name: string): { value: string | null; message: string | null } {
  const tag = new RegExp(`<input\\b[^>]*\\bname="${name.replace(/[[\]]/g, '\\$&')}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`No input ${name}`);
  const value = /\bvalue="([^"]*)"/.exec(tag)?.[1] ?? null;
  const described = /aria-describedby="([^"]*)"/.exec(tag)?.[1] ?? '';
  const errorId = described.split(' ').find((id) => id.endsWith('-error'));
  const message = errorId ? (new RegExp(`id="${errorId}"[^>]*>([\\s\\S]*?)</span>\\s*</span>|id="${errorId}"[^>]*>[\\s\\S]*?</span>([^<]*)`).exec(html)?.slice(1).find(Boolean) ?? null) : null;
  return { value, message: message?.replace(/<[^>]+>/g, '').trim() ?? null };
}

describe('auth and settings forms come back with what was typed and the message beside the field', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fa: number;
  let kansli: TestSession;

  beforeAll(async () => {
    db = await createTestDb();
    [fa] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund A') returning id")).map((r) => r.id) as [number];
    await addTestUser(db, { email: 'kansli@a.se', federationId: fa, role: 'kansli' });
    await addTestUser(db, { email: 'glomsk@a.se', federationId: fa, role: 'styrelse' });
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@a.se');
  });
  afterAll(() => db.drop());

  /** Opens a page as a visitor without a session and posts its form with `fields` (plus its _page and CSRF). */
  async function postAsVisitor(pagePath: string, action: string, fields: Record<string, string>) {
    const page = await app.request(pagePath);
    const cookie = `samordna_csrf=${setCookies(page).samordna_csrf}`;
    const html = await page.text();
    const pageField = /name="_page" value="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(pageField, `${pagePath} has a _page field`).toBeTruthy();
    return app.request(action, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, _csrf: csrfFrom(html), _page: pageField! }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
  }
  async function postAs(s: TestSession, pagePath: string, action: string, fields: Record<string, string>) {
    const html = await (await s.request(pagePath)).text();
    const pageField = /name="_page" value="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(pageField, `${pagePath} has a _page field`).toBeTruthy();
    return s.request(action, { method: 'POST', body: new URLSearchParams({ ...fields, _page: pageField! }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
  const notBare = (html: string) => {
    expect(html).not.toContain('<h1>Felaktiga uppgifter</h1>');
    expect(html).toContain('Det finns fel i formuläret');
    expect(html).not.toContain(secret);
  };

  it('login: the address stays, the message sits by the password, the password is gone', async () => {
    const res = await postAsVisitor('/login?next=/account', '/login', { email: 'kansli@a.se', password: secret, next: '/account' });
    expect(res.status).toBe(401);
    const html = await res.text();
    notBare(html);
    expect(field(html, 'email').value).toBe('kansli@a.se');
    expect(field(html, 'password')).toEqual({ value: null, message: 'Fel e-postadress eller lösenord.' });
    expect(html).toContain('name="next" value="/account"');
  });

  it('password change: each message beside its field, no password echoed', async () => {
    const s = await loginAs(app, 'glomsk@a.se');
    const wrong = await postAs(s, '/account', '/account/password', { current: secret, password: 'ett-nytt-långt-lösenord', repeat: 'ett-nytt-långt-lösenord' });
    expect(wrong.status).toBe(400);
    const html = await wrong.text();
    notBare(html);
    expect(html).not.toContain('ett-nytt-långt-lösenord');
    expect(field(html, 'current')).toEqual({ value: null, message: 'Det nuvarande lösenordet stämmer inte.' });
    const mismatch = await (await postAs(s, '/account', '/account/password', { current: testPassword, password: 'ett-nytt-långt-lösenord', repeat: secret })).text();
    expect(field(mismatch, 'repeat').message).toBe('De två nya lösenorden är inte lika.');
    notBare(mismatch);
  });

  it('invitation: the name stays, the weak password is refused beside its field', async () => {
    const invite = await (await kansli.request(`/f/${fa}/users`, { method: 'POST', body: new URLSearchParams({ email: 'ny@a.se', role: 'styrelse' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })).text();
    const token = /\/inbjudan\?t=([A-Za-z0-9_-]+)/.exec(invite)![1]!;
    const res = await postAsVisitor(`/inbjudan?t=${token}`, '/inbjudan', { t: token, displayName: 'Nya Namnet', password: 'aaaaaaaaaaaa', repeat: 'aaaaaaaaaaaa' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('<h1>Felaktiga uppgifter</h1>');
    expect(html).not.toContain('aaaaaaaaaaaa');
    expect(field(html, 'displayName').value).toBe('Nya Namnet');
    expect(field(html, 'password').message).toMatch(/för lätt att gissa/);
    expect(field(html, 't').value).toBe(token);
  });

  it('password reset: a mismatch is refused beside the repeat field, the link still works afterwards', async () => {
    const uid = (await db.query<{ id: number }>("select id from app_user where email = 'glomsk@a.se'"))[0]!.id;
    const made = await (await kansli.request(`/f/${fa}/users/${uid}/reset`, { method: 'POST' })).text();
    const token = /\/aterstall\?t=([A-Za-z0-9_-]+)/.exec(made)![1]!;
    const res = await postAsVisitor(`/aterstall?t=${token}`, '/aterstall', { t: token, password: 'ett-nytt-långt-lösenord', repeat: secret });
    expect(res.status).toBe(400);
    const html = await res.text();
    notBare(html);
    expect(field(html, 'repeat').message).toBe('De två lösenorden är inte lika.');
    expect(field(html, 'password').value).toBeNull();
    expect((await app.request(`/aterstall?t=${token}`)).status).toBe(200);
  });

  it('settings: every value typed stays, each message beside its field', async () => {
    const res = await postAs(kansli, `/f/${fa}/installningar`, `/f/${fa}/installningar`, { equityCap: 'tjugo', equitySteps: '', equityFloor: '500 000', minCellSize: '0' });
    expect(res.status).toBe(400);
    const html = await res.text();
    notBare(html);
    expect(field(html, 'equityCap').value).toBe('tjugo');
    expect(field(html, 'equityCap').message).toMatch(/^Tak: /);
    expect(field(html, 'equityFloor')).toEqual({ value: '500 000', message: null });
    expect(field(html, 'minCellSize')).toEqual({ value: '0', message: 'Ange minsta antal, 1 eller större.' });
    const [settings] = await db.query<{ s: Record<string, unknown> }>('select settings as s from federation where id = $1', [fa]);
    expect(JSON.stringify(settings!.s ?? {})).not.toContain('500000');
  });
});
