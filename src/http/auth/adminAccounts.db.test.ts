import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, postLogin, type TestSession } from '../../../test/support/auth.ts';
import { countSessions } from '../../services/auth/sessions.ts';
import { createApp } from '../app.tsx';

/**
 * Accounts that span förbund — system administrators and national readers — are managed by the system
 * administrator in the UI (issue 8; before, only `npx samordna user add` made them): create with a one-time
 * link, change what the account is, disable, reset the password. A kansli can do none of it.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } };
};
const linkIn = (html: string, path: string) => {
  const m = new RegExp(`${path}\\?t=([A-Za-z0-9_-]+)`).exec(html);
  if (!m) throw new Error(`No ${path} link in the page`);
  return m[1]!;
};

describe('the system administrator manages accounts that span förbund', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fa: number;
  let admin: TestSession;
  let kansli: TestSession;
  const idOf = async (email: string) => (await db.query<{ id: number }>('select id from app_user where email = $1', [email]))[0]?.id;
  const kindsOf = async (email: string) => (await db.query<{ a: boolean; n: boolean; d: boolean }>('select is_admin as a, is_national as n, disabled as d from app_user where email = $1', [email]))[0];

  beforeAll(async () => {
    db = await createTestDb();
    [fa] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund A') returning id")).map((r) => r.id) as [number];
    await addTestUser(db, { email: 'admin@x.se', admin: true });
    await addTestUser(db, { email: 'kansli@a.se', federationId: fa, role: 'kansli' });
    app = createApp({ db });
    admin = await loginAs(app, 'admin@x.se');
    kansli = await loginAs(app, 'kansli@a.se');
  });
  afterAll(() => db.drop());

  it('creates a national reader with a one-time link that sets the password, and the reader lands on /nationell', async () => {
    const res = await admin.request('/admin/users', form({ email: 'Nationell@Rikset.se', displayName: 'Rikets läsare', 'kinds[]': 'national', _page: '/admin/users' }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Kontot för nationell@rikset.se är skapat');
    expect(await kindsOf('nationell@rikset.se')).toEqual({ a: false, n: true, d: false });
    const token = linkIn(html, '/aterstall');
    // Nobody can log in before the link is used.
    expect((await postLogin(app, 'nationell@rikset.se', 'ett-nytt-långt-lösenord')).status).toBe(401);
    const page = await app.request('/login');
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith('samordna_csrf='))!.split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const set = await app.request('/aterstall', { ...form({ t: token, password: 'ett-nytt-långt-lösenord', repeat: 'ett-nytt-långt-lösenord', _csrf: csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } });
    expect(set.status).toBe(303);
    const reader = await loginAs(app, 'nationell@rikset.se', 'ett-nytt-långt-lösenord');
    expect((await reader.request('/')).headers.get('location')).toBe('/nationell');
    // The change is in the audit trail (installation-wide rows: no förbund).
    const [row] = await db.query<{ actor: string; nv: Record<string, unknown> }>(
      "select actor, new_values as nv from audit_log where table_name = 'app_user' and action = 'insert' and new_values ->> 'email' = 'nationell@rikset.se'",
    );
    expect(row).toMatchObject({ actor: 'admin@x.se', nv: { is_national: true, is_admin: false } });
  });

  it('refuses a form without a kind beside the field, keeping what was typed', async () => {
    const res = await admin.request('/admin/users', form({ email: 'utan-roll@rikset.se', displayName: 'Utan roll', _page: '/admin/users' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Välj systemadministratör och/eller nationell läsare.');
    expect(html).toMatch(/name="email"[^>]*value="utan-roll@rikset.se"|value="utan-roll@rikset.se"[^>]*name="email"/);
    expect(await idOf('utan-roll@rikset.se')).toBeUndefined();
  });

  it('changes what an account is, disables and enables it, and makes a password link', async () => {
    const id = (await idOf('nationell@rikset.se'))!;
    await loginAs(app, 'nationell@rikset.se', 'ett-nytt-långt-lösenord');
    expect((await admin.request(`/admin/users/${id}`)).status).toBe(200);
    const change = await admin.request(`/admin/users/${id}/kinds`, form({ 'kinds[]': ['admin'] }));
    expect(change.status).toBe(303);
    expect(change.headers.get('location')).toBe(`/admin/users/${id}?sparat=user-kinds`);
    expect(await kindsOf('nationell@rikset.se')).toEqual({ a: true, n: false, d: false });
    // Losing a kind ends the account's sessions.
    expect(await countSessions(db, id)).toBe(0);
    expect((await admin.request(`/admin/users/${id}/disable`, form({}))).status).toBe(303);
    expect((await kindsOf('nationell@rikset.se'))!.d).toBe(true);
    expect((await admin.request(`/admin/users/${id}/enable`, form({}))).status).toBe(303);
    const reset = await admin.request(`/admin/users/${id}/reset`, form({}));
    expect(reset.status).toBe(200);
    expect(await reset.text()).toMatch(/\/aterstall\?t=/);
  });

  it('never leaves the installation without an administrator, nor lets one remove itself', async () => {
    const self = (await idOf('admin@x.se'))!;
    // The list offers no dead end: the administrator's own row has no "Stäng av", the others have.
    const list = await (await admin.request('/admin/users')).text();
    expect(list).not.toContain(`/admin/users/${self}/disable`);
    expect(list).toContain(`/admin/users/${(await idOf('kansli@a.se'))!}/disable`);
    const res = await admin.request(`/admin/users/${self}/kinds`, form({ 'kinds[]': ['national'], _page: `/admin/users/${self}` }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Du kan inte ta bort din egen roll som systemadministratör.');
    expect((await admin.request(`/admin/users/${self}/disable`, form({}))).status).toBe(400);
    expect((await kindsOf('admin@x.se'))).toEqual({ a: true, n: false, d: false });
  });

  it('a kansli can do none of it', async () => {
    const id = (await idOf('nationell@rikset.se'))!;
    const before = await kindsOf('nationell@rikset.se');
    const attempts: [string, Record<string, string | string[]>][] = [
      ['/admin/users', { email: 'smyg@rikset.se', 'kinds[]': 'admin' }],
      [`/admin/users/${id}/kinds`, { 'kinds[]': ['national'] }],
      [`/admin/users/${id}/disable`, {}],
      [`/admin/users/${id}/reset`, {}],
    ];
    for (const [path, fields] of attempts) expect((await kansli.request(path, form(fields))).status, path).toBe(403);
    expect((await kansli.request(`/admin/users/${id}`)).status).toBe(403);
    expect(await idOf('smyg@rikset.se')).toBeUndefined();
    expect(await kindsOf('nationell@rikset.se')).toEqual(before);
  });
});
