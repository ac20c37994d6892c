import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, testPassword } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { createPasswordReset, findPasswordReset, usePasswordReset } from '../../services/auth/accounts.ts';
import { changePassword } from '../../services/auth/users.ts';

/** Issue 27, "smaller holes": each answered as the issue asks, each checked on the answer itself. */

process.env.SAMORDNA_LOG = 'off';

describe('smaller holes', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid = 0;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund A') returning id")) as [{ id: number }];
    await addTestUser(db, { email: 'styrelse@a.se', federationId: fid, role: 'styrelse' });
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  it('a reset link stops working once the user has changed the password themselves', async () => {
    const [{ id: userId }] = (await db.query<{ id: number }>("select id from app_user where email = 'styrelse@a.se'")) as [{ id: number }];
    const reset = await createPasswordReset(db, null, userId, { kind: 'admin' }, 'http://localhost', { id: 'admin' });
    if (reset.kind !== 'link') throw new Error('mail is off in this test: the link is returned');
    const { token } = reset;
    expect(await findPasswordReset(db, token)).toEqual({ email: 'styrelse@a.se' });
    // A moment later the owner changes the password from the account page.
    await new Promise((r) => setTimeout(r, 20));
    await changePassword(db, userId, testPassword, 'ett-helt-nytt-långt-lösenord', null, { id: 'styrelse@a.se' });
    expect(await findPasswordReset(db, token)).toBeNull();
    await expect(usePasswordReset(db, token, 'angriparens-långa-lösenord')).rejects.toThrow(/gäller inte längre/);
    const page = await app.request(`/aterstall?t=${token}`);
    expect(await page.text()).toMatch(/gäller inte längre/);
  });

  it('a malformed percent-encoding in the path is answered 400, not 500', async () => {
    for (const path of ['/f/%FF', `/f/${1}/budget/%E0%A4%A`, '/katalog/%C0%AF', '/%']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(400);
    }
  });

  it('the pages that carry a token are never stored (Cache-Control: no-store), logged in or not', async () => {
    for (const path of ['/login', '/inbjudan?t=abc', '/aterstall?t=abc']) {
      const res = await app.request(path);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('HSTS only over HTTPS', async () => {
    const plain = await app.request('http://samordna.example/login');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    const tls = await app.request('https://samordna.example/login');
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    // Behind a proxy that ends TLS, its X-Forwarded-Proto counts only when the proxy is trusted.
    const forwarded = () => app.request('http://samordna.example/login', { headers: { 'x-forwarded-proto': 'https' } });
    expect((await forwarded()).headers.get('strict-transport-security')).toBeNull();
    process.env.SAMORDNA_TRUST_PROXY = '1';
    try {
      expect((await forwarded()).headers.get('strict-transport-security')).toMatch(/max-age/);
    } finally {
      delete process.env.SAMORDNA_TRUST_PROXY;
    }
  });
});
