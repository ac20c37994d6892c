import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestInterventions, addTestUser, loginAs, postLogin, testPassword, type TestSession } from '../../../test/support/auth.ts';
import { countSessions } from '../../services/auth/sessions.ts';
import { createApp } from '../app.tsx';

/**
 * A kansli manages only its own förbund's accounts; accounts spanning förbund are the system administrator's.
 * The first four tests are the defects found in the old user page (each failed before the fix): a kansli of A
 * could attach B's user to A, then see its details, end all its sessions (the system administrator's too),
 * and learn from the messages which addresses exist. The rest: invitation and password-reset links
 * (one-time, hashed, expiring), disable, role change with interventions chosen by name.
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
const userId = async (db: Awaited<ReturnType<typeof createTestDb>>, email: string) => (await db.query<{ id: number }>('select id from app_user where email = $1', [email]))[0]!.id;

describe('user management: a kansli manages only its own förbund', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fa: number;
  let fb: number;
  let kansliA: TestSession;

  beforeAll(async () => {
    db = await createTestDb();
    [fa, fb] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund A'), ('Förbund B') returning id")).map((r) => r.id) as [number, number];
    await addTestInterventions(db, fa, [501, 502]);
    await addTestUser(db, { email: 'kansli@a.se', federationId: fa, role: 'kansli' });
    await addTestUser(db, { email: 'styrelse@b.se', federationId: fb, role: 'styrelse' });
    await addTestUser(db, { email: 'admin@x.se', admin: true });
    await addTestUser(db, { email: 'ensam@a.se', federationId: fa, role: 'styrelse' });
    await addTestUser(db, { email: 'bada@ab.se', federationId: fb, role: 'revisor' });
    app = createApp({ db });
    kansliA = await loginAs(app, 'kansli@a.se');
  });
  afterAll(() => db.drop());

  it("cannot attach another förbund's user to its own (defect 1)", async () => {
    const res = await kansliA.request(`/f/${fa}/users`, form({ email: 'styrelse@b.se', role: 'kansli' }));
    expect(res.status).toBe(200);
    expect(await db.query('select 1 from federation_role where federation_id = $1 and user_id = $2', [fa, await userId(db, 'styrelse@b.se')])).toEqual([]);
    // Nor the system administrator's account.
    await kansliA.request(`/f/${fa}/users`, form({ email: 'admin@x.se', role: 'kansli' }));
    expect(await db.query('select 1 from federation_role where user_id = $1', [await userId(db, 'admin@x.se')])).toEqual([]);
  });

  it("cannot see another förbund's user's details (defect 2)", async () => {
    const b = await userId(db, 'styrelse@b.se');
    expect((await kansliA.request(`/f/${fa}/users/${b}`)).status).toBe(404);
    // The list of the förbund's users never shows it (the kansli's own invitation of the address may be listed).
    const list = await (await kansliA.request(`/f/${fa}/users`)).text();
    expect(/<caption>Användare med roll[\s\S]*?<\/table>/.exec(list)![0]).not.toContain('styrelse@b.se');
    expect(list).not.toContain(`/f/${fa}/users/${b}`);
    const api = await (await kansliA.request(`/api/federations/${fa}/users`)).json();
    expect(api.map((u: { email: string }) => u.email)).not.toContain('styrelse@b.se');
  });

  it("cannot end the sessions of another förbund's user or of the system administrator (defect 3)", async () => {
    const admin = await loginAs(app, 'admin@x.se');
    await loginAs(app, 'styrelse@b.se');
    const adminId = await userId(db, 'admin@x.se');
    const bId = await userId(db, 'styrelse@b.se');
    for (const id of [adminId, bId]) {
      for (const action of ['remove', 'disable', 'reset', 'role']) {
        const res = await kansliA.request(`/f/${fa}/users/${id}/${action}`, form({ role: 'styrelse' }));
        expect(res.status, `${action} ${id}`).toBe(404);
      }
    }
    expect(await countSessions(db, adminId)).toBeGreaterThan(0);
    expect(await countSessions(db, bId)).toBeGreaterThan(0);
    expect((await admin.request('/admin/users')).status).toBe(200);
    // Even when the administrator legitimately holds a role in A, removing that role leaves its sessions alone.
    await db.query("insert into federation_role (federation_id, user_id, role) values ($1, $2, 'revisor')", [fa, adminId]);
    expect((await kansliA.request(`/f/${fa}/users/${adminId}/remove`, form({ bekrafta: 'ja' }))).status).toBe(303);
    expect(await countSessions(db, adminId)).toBeGreaterThan(0);
    // …and the account-wide actions on it are the administrator's alone.
    await db.query("insert into federation_role (federation_id, user_id, role) values ($1, $2, 'revisor')", [fa, adminId]);
    expect((await kansliA.request(`/f/${fa}/users/${adminId}/disable`, form({}))).status).toBe(403);
    expect((await kansliA.request(`/f/${fa}/users/${adminId}/reset`, form({}))).status).toBe(403);
    await db.query('delete from federation_role where federation_id = $1 and user_id = $2', [fa, adminId]);
  });

  it('learns nothing from the messages about which addresses exist elsewhere (defect 4)', async () => {
    const answer = async (email: string, role = 'styrelse') => {
      const res = await kansliA.request(`/f/${fa}/users`, form({ email, role }));
      const text = (await res.text()).replaceAll(email, 'ADDRESS').replace(/t=[A-Za-z0-9_-]+/g, 't=TOKEN').replace(/<table[\s\S]*<\/table>/g, '');
      return { status: res.status, text };
    };
    const exists = await answer('bada@ab.se');
    const fresh = await answer('finns-inte@nowhere.se');
    expect(exists).toEqual(fresh);
    // Invalid input gets the same message for both kinds of address too.
    expect(await answer('bada@ab.se', 'ingen-roll')).toEqual(await answer('finns-inte2@nowhere.se', 'ingen-roll'));
  });

  it('invites a new address: a one-time link, stored hashed, that sets the password and gives the role', async () => {
    const page = await kansliA.request(`/f/${fa}/users`, form({ email: 'ny@a.se', displayName: 'Ny Insats', role: 'insats', 'interventionIds[]': ['502'] }));
    const html = await page.text();
    expect(html).toContain('Inbjudan till ny@a.se är skapad');
    // Interventions are chosen by name (check boxes), never typed as ids.
    expect(html).toMatch(/<input type="checkbox" id="invite-i-501"[^>]*>\s*<label for="invite-i-501">Testinsats 501<\/label>/);
    const token = linkIn(html, '/inbjudan');
    const [stored] = await db.query<{ token_hash: string }>("select token_hash from user_invitation where email = 'ny@a.se' and status = 'open'");
    expect(stored!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(await db.query('select * from user_invitation'))).not.toContain(token);

    expect((await app.request(`/inbjudan?t=${token}`)).status).toBe(200);
    const accept = await postAnon(`/inbjudan?t=${token}`, { t: token, password: 'ett-nytt-långt-lösenord', repeat: 'ett-nytt-långt-lösenord', displayName: '' });
    expect(accept.status).toBe(200);
    expect((await postLogin(app, 'ny@a.se', 'ett-nytt-långt-lösenord')).status).toBe(303);
    const [role] = await db.query<{ role: string }>('select r.role from federation_role r join app_user u on u.id = r.user_id where u.email = $1 and r.federation_id = $2', ['ny@a.se', fa]);
    expect(role!.role).toBe('insats');
    expect(await db.query('select intervention_id from intervention_assignment a join app_user u on u.id = a.user_id where u.email = $1', ['ny@a.se'])).toEqual([{ intervention_id: 502 }]);
    // One time only.
    expect((await app.request(`/inbjudan?t=${token}`)).status).toBe(410);
  });

  it('an invitation of an address that already has an account leaves its password alone; the administrator decides', async () => {
    const html = await (await kansliA.request(`/f/${fa}/users`, form({ email: 'styrelse@b.se', role: 'revisor' }))).text();
    const token = linkIn(html, '/inbjudan');
    const accept = await postAnon(`/inbjudan?t=${token}`, { t: token, password: 'någon-annans-lösenord', repeat: 'någon-annans-lösenord' });
    expect(accept.status).toBe(200);
    expect((await postLogin(app, 'styrelse@b.se', 'någon-annans-lösenord')).status).toBe(401);
    expect((await postLogin(app, 'styrelse@b.se', testPassword)).status).toBe(303);
    const bId = await userId(db, 'styrelse@b.se');
    expect(await db.query('select 1 from federation_role where federation_id = $1 and user_id = $2', [fa, bId])).toEqual([]);
    const admin = await loginAs(app, 'admin@x.se');
    const pending = await (await admin.request('/admin/users')).text();
    const [inv] = await db.query<{ id: number }>("select a.invitation_id as id from invitation_approval a join user_invitation i on i.id = a.invitation_id where i.email = 'styrelse@b.se' and a.status = 'pending'");
    expect(pending).toContain(`/admin/invitations/${inv!.id}/approve`);
    expect((await admin.request(`/admin/invitations/${inv!.id}/approve`, form({}))).status).toBe(303);
    expect(await db.query<{ role: string }>('select role from federation_role where federation_id = $1 and user_id = $2', [fa, bId])).toEqual([{ role: 'revisor' }]);
    await db.query('delete from federation_role where federation_id = $1 and user_id = $2', [fa, bId]);
  });

  it('after the invitee accepts, the kansli sees the same whether or not the address had an account elsewhere (issue 8)', async () => {
    await addTestUser(db, { email: 'finns@b.se', federationId: fb, role: 'styrelse' });
    const accept = async (email: string) => {
      const token = linkIn(await (await kansliA.request(`/f/${fa}/users`, form({ email, role: 'revisor' }))).text(), '/inbjudan');
      const [{ id }] = (await db.query<{ id: number }>("select id from user_invitation where email = $1 and status = 'open'", [email])) as [{ id: number }];
      const res = await postAnon(`/inbjudan?t=${token}`, { t: token, password: 'ett-nytt-långt-lösenord', repeat: 'ett-nytt-långt-lösenord' });
      expect(res.status).toBe(200);
      return { id, answer: (await res.text()).replaceAll(email, 'ADDRESS') };
    };
    const existing = await accept('finns@b.se');
    const fresh = await accept('ny-adress@nowhere.se');
    // The answer to whoever opened the link (it may be the kansli itself).
    expect(existing.answer).toEqual(fresh.answer);
    // The förbund's invitation list: neither is listed any more, nothing says "waiting for the administrator".
    const invitations = (html: string) => /<caption>Inbjudningar<\/caption>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    const list = invitations(await (await kansliA.request(`/f/${fa}/users`)).text());
    expect(list).not.toContain('finns@b.se');
    expect(list).not.toContain('ny-adress@nowhere.se');
    expect(list).not.toMatch(/systemadministratör|godkän/i);
    // The förbund's audit log of the two invitations: the same changes, value for value (but the address).
    const trail = async (id: number) => {
      const html = await (await kansliA.request(`/f/${fa}/audit?table=user_invitation&q=${id}`)).text();
      const rows = await db.query<{ action: string; old_values: Record<string, unknown> | null; new_values: Record<string, unknown> | null }>(
        "select action, old_values, new_values from audit_log where federation_id = $1 and table_name = 'user_invitation' and row_id = $2 order by id",
        [fa, String(id)],
      );
      const strip = (v: Record<string, unknown> | null) => v && Object.fromEntries(Object.entries(v).filter(([k]) => !['id', 'email', 'created_at', 'closed_at', 'expires_at'].includes(k)));
      return { rows: rows.map((r) => ({ action: r.action, old: strip(r.old_values), new: strip(r.new_values) })), shows: /needs_admin|approved|declined/.test(html) };
    };
    expect(await trail(existing.id)).toEqual(await trail(fresh.id));
    expect((await trail(existing.id)).rows.at(-1)!.new).toMatchObject({ status: 'accepted' });
    // The system administrator's decision is not written to the förbund's invitation either.
    const admin = await loginAs(app, 'admin@x.se');
    expect(await (await admin.request('/admin/users')).text()).toContain(`/admin/invitations/${existing.id}/approve`);
    expect((await admin.request(`/admin/invitations/${existing.id}/decline`, form({}))).status).toBe(303);
    expect(await trail(existing.id)).toEqual(await trail(fresh.id));
  });

  it('an expired invitation link does nothing', async () => {
    const html = await (await kansliA.request(`/f/${fa}/users`, form({ email: 'sen@a.se', role: 'styrelse' }))).text();
    const token = linkIn(html, '/inbjudan');
    await db.query("update user_invitation set expires_at = now() - interval '1 minute' where email = 'sen@a.se'");
    expect((await app.request(`/inbjudan?t=${token}`)).status).toBe(410);
    const accept = await postAnon(`/inbjudan?t=${token}`, { t: token, password: 'ett-nytt-långt-lösenord', repeat: 'ett-nytt-långt-lösenord' });
    expect(accept.status).toBe(410);
    expect(await db.query("select 1 from app_user where email = 'sen@a.se'")).toEqual([]);
  });

  it('resets a password with a one-time link, ending all sessions; disables an account of its own only', async () => {
    const id = await userId(db, 'ensam@a.se');
    await loginAs(app, 'ensam@a.se');
    const html = await (await kansliA.request(`/f/${fa}/users/${id}/reset`, form({}))).text();
    const token = linkIn(html, '/aterstall');
    const [stored] = await db.query<{ token_hash: string }>('select token_hash from password_reset where user_id = $1 and used_at is null', [id]);
    expect(stored!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    const done = await postAnon(`/aterstall?t=${token}`, { t: token, password: 'helt-nytt-lösenord-1', repeat: 'helt-nytt-lösenord-1' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/login?sparat=password');
    expect(await countSessions(db, id)).toBe(0);
    expect((await postLogin(app, 'ensam@a.se', testPassword)).status).toBe(401);
    expect((await postLogin(app, 'ensam@a.se', 'helt-nytt-lösenord-1')).status).toBe(303);
    expect((await app.request(`/aterstall?t=${token}`)).status).toBe(410);

    expect((await kansliA.request(`/f/${fa}/users/${id}/disable`, form({}))).status).toBe(303);
    expect(await countSessions(db, id)).toBe(0);
    expect((await postLogin(app, 'ensam@a.se', 'helt-nytt-lösenord-1')).status).toBe(401);
    expect((await kansliA.request(`/f/${fa}/users/${id}/enable`, form({}))).status).toBe(303);
    expect((await postLogin(app, 'ensam@a.se', 'helt-nytt-lösenord-1')).status).toBe(303);
    // A page after the save says so.
    const after = await kansliA.request(`/f/${fa}/users/${id}?sparat=user-enabled`);
    expect(await after.text()).toContain('Kontot är påslaget igen.');
  });

  it('changes a role, with the interventions chosen from the list', async () => {
    const id = await userId(db, 'ensam@a.se');
    const bad = await kansliA.request(`/f/${fa}/users/${id}/role`, form({ role: 'insats', 'interventionIds[]': ['999999'] }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Välj insatser ur listan');
    const ok = await kansliA.request(`/f/${fa}/users/${id}/role`, form({ role: 'insats', 'interventionIds[]': ['501', '502'] }));
    expect(ok.status).toBe(303);
    const page = await (await kansliA.request(`/f/${fa}/users`)).text();
    expect(page).toContain('Testinsats 501, Testinsats 502');
  });

  it('an insats invitation without an intervention is refused beside the interventions, in Swedish (issue 28)', async () => {
    const res = await kansliA.request(`/f/${fa}/users`, form({ email: 'ny.insats@a.se', role: 'insats' }));
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('interventionIds"');
    expect(html).not.toMatch(/fält &quot;|fält "/);
    // The message sits in the interventions' fieldset, not in the alert above the page.
    const fieldset = /<fieldset[^>]*>[\s\S]*?<\/fieldset>/.exec(html.slice(html.indexOf('Bjud in en användare')))?.[0] ?? '';
    expect(fieldset).toContain('Välj minst en insats för rollen insatspersonal.');
    expect(html).not.toContain('id="invite-error"');
    expect(await db.query("select 1 from user_invitation where email = 'ny.insats@a.se'")).toEqual([]);
  });

  async function postAnon(path: string, fields: Record<string, string>) {
    const page = await app.request('/login');
    const cookie = (page.headers.getSetCookie().find((c) => c.startsWith('samordna_csrf=')) ?? '').split(';')[0]!;
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    return app.request(path.split('?')[0]!, { ...form({ ...fields, _csrf: csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie } });
  }
});
