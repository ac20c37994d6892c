import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, setCookies } from '../../../test/support/auth.ts';
import { hs256WithPublicKey, startTestProvider, unsigned, type TestProvider } from '../../../test/support/oidcProvider.ts';
import { checkOidcAtStart } from '../../services/auth/oidc.ts';
import { createApp } from '../app.tsx';

process.env.SAMORDNA_LOG = 'off';

const envKeys = ['SAMORDNA_OIDC_ISSUER', 'SAMORDNA_OIDC_CLIENT_ID', 'SAMORDNA_OIDC_CLIENT_SECRET', 'SAMORDNA_OIDC_REDIRECT_URI', 'SAMORDNA_OIDC_LABEL', 'SAMORDNA_OIDC_REQUIRE_MFA_AMR', 'SAMORDNA_MFA_REQUIRED'];

/** OpenID Connect login against oidc-provider on loopback, through openid-client. */
describe('OpenID Connect login (optional)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let idp: TestProvider;

  beforeAll(async () => {
    db = await createTestDb();
    const [f] = await db.query<{ id: number }>("insert into federation (name) values ('A') returning id");
    await addTestUser(db, { email: 'kansli@a.se', federationId: f!.id, role: 'kansli' });
    idp = await startTestProvider();
    process.env.SAMORDNA_OIDC_ISSUER = idp.issuer;
    process.env.SAMORDNA_OIDC_CLIENT_ID = idp.clientId;
    process.env.SAMORDNA_OIDC_CLIENT_SECRET = idp.clientSecret;
    process.env.SAMORDNA_OIDC_REDIRECT_URI = idp.redirectUri;
    app = createApp({ db });
  });
  afterAll(async () => {
    vi.useRealTimers();
    for (const k of envKeys) delete process.env[k];
    await idp.stop();
    await db.drop();
  });

  /** Starts a login at Samordna, signs in at the provider as `email`, and returns Samordna's callback answer. */
  async function flow(email: string, opts: { tamper?: (t: string) => Promise<string>; nonce?: string; amr?: string[]; emailVerified?: boolean; app?: Hono<any> } = {}) {
    const a = opts.app ?? app;
    const start = await a.request('/login/oidc');
    expect(start.status).toBe(303);
    const pending = setCookies(start).samordna_oidc!;
    idp.signIn({ email, amr: opts.amr, emailVerified: opts.emailVerified });
    idp.tamper(opts.tamper ?? null);
    const authUrl = new URL(start.headers.get('location')!);
    if (opts.nonce) authUrl.searchParams.set('nonce', opts.nonce);
    try {
      const callback = await idp.authorize(authUrl.toString());
      return await a.request(`/login/oidc/callback${callback.search}`, { headers: { cookie: `samordna_oidc=${pending}` } });
    } finally {
      idp.tamper(null);
    }
  }

  const sessionOf = (res: Response) => setCookies(res).samordna_session;

  it('offers the button and sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    expect(await (await app.request('/login')).text()).toContain('Logga in med organisationens konto');
    const start = await app.request('/login/oidc');
    const u = new URL(start.headers.get('location')!);
    expect(u.origin).toBe(idp.issuer);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('redirect_uri')).toBe(idp.redirectUri);
    expect(u.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(u.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
  });

  it('logs an existing account in with the e-mail the provider vouches for', async () => {
    const res = await flow('Kansli@A.se');
    expect(res.status).toBe(303);
    const account = await app.request('/account', { headers: { cookie: `samordna_session=${sessionOf(res)}` } });
    expect(account.status).toBe(200);
    const html = await account.text();
    expect(html).toContain('kansli@a.se');
    expect(html).toContain('Organisationens konto');
  });

  it('refuses an unknown account: the provider vouches for the address only', async () => {
    const res = await flow('ny@a.se');
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('Det finns inget aktivt konto i Samordna för ny@a.se');
    expect(sessionOf(res)).toBeUndefined();
  });

  it('refuses a token for another audience, an expired one, one of another login (nonce) and an unverified address', async () => {
    const cases: [string, Parameters<typeof flow>[1], string][] = [
      ['wrong audience', { tamper: (t) => idp.resign(t, (c) => ({ ...c, aud: 'en-annan-klient' })) }, 'annan klient (aud)'],
      ['expired', { tamper: (t) => idp.resign(t, (c) => ({ ...c, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })) }, 'har gått ut'],
      ['wrong nonce', { nonce: 'en-annan-inloggnings-nonce-0123456789' }, '(nonce)'],
      ['unverified', { emailVerified: false }, 'ingen bekräftad e-postadress'],
    ];
    for (const [name, opts, message] of cases) {
      const res = await flow('kansli@a.se', opts);
      expect(res.status, name).toBe(401);
      expect(await res.text(), name).toContain(message);
      expect(sessionOf(res), name).toBeUndefined();
    }
  });

  it('refuses alg: none and an HS256 token "signed" with the provider\'s public key', async () => {
    for (const tamper of [async (t: string) => unsigned(t), async (t: string) => hs256WithPublicKey(t, idp.publicJwk())]) {
      const res = await flow('kansli@a.se', { tamper });
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('otillåten signaturalgoritm');
      expect(sessionOf(res)).toBeUndefined();
    }
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    const stranger = await startTestProvider();
    try {
      // The stranger's key has the same kid ("k1") as the provider's: only the signature tells them apart.
      const res = await flow('kansli@a.se', { tamper: (t) => stranger.resign(t, (c) => c) });
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('signatur kunde inte verifieras');
    } finally {
      await stranger.stop();
    }
  });

  it('follows a key rotated at the provider: the new key is fetched once the cached set is a minute old, not before', async () => {
    // The clock stands still here and moves only when the test moves it, so the cache's age is exact.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Five minutes on, the cached key set is old: this login fetches it afresh.
      vi.setSystemTime(Date.now() + 301_000);
      expect((await flow('kansli@a.se')).status).toBe(303);
      await idp.rotateKey();
      // Within a minute of the last fetch an unknown key id does not make Samordna fetch the keys again.
      const early = await flow('kansli@a.se');
      expect(early.status).toBe(401);
      expect(await early.text()).toContain('nyckeln finns inte');
      vi.setSystemTime(Date.now() + 61_000);
      const res = await flow('kansli@a.se');
      expect(res.status).toBe(303);
      expect(sessionOf(res)).toBeDefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts the provider\'s factors: amr with several satisfies the policy, one factor can be made to add TOTP', async () => {
    process.env.SAMORDNA_MFA_REQUIRED = 'kansli';
    process.env.SAMORDNA_OIDC_REQUIRE_MFA_AMR = 'true';
    try {
      const strict = createApp({ db });
      const mfa = await flow('kansli@a.se', { amr: ['pwd', 'otp'], app: strict });
      expect(mfa.headers.get('location')).toBe('/');
      expect(sessionOf(mfa)).toBeDefined();
      const single = await flow('kansli@a.se', { amr: ['pwd'], app: strict });
      expect(single.headers.get('location')).toBe('/login/enrol');
      expect(sessionOf(single)).toBeUndefined();
    } finally {
      delete process.env.SAMORDNA_OIDC_REQUIRE_MFA_AMR;
      process.env.SAMORDNA_MFA_REQUIRED = 'none';
    }
  });

  it('logs out of Samordna and on at the provider (RP-initiated logout)', async () => {
    const res = await flow('kansli@a.se');
    const cookie = `samordna_session=${sessionOf(res)}`;
    const account = await (await app.request('/account', { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(account)![1]!;
    const out = await app.request('/logout', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf }) });
    expect(out.status).toBe(303);
    const to = new URL(out.headers.get('location')!);
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get('id_token_hint')).toMatch(/^ey/);
    expect((await app.request('/account', { headers: { cookie } })).status).not.toBe(200);
  });

  it('says in Swedish that the provider is down, never a 500', async () => {
    await idp.stop();
    try {
      // A login begun before the provider went down: the token exchange fails.
      const start = await app.request('/login/oidc');
      const pending = setCookies(start).samordna_oidc!;
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const cb = await app.request(`/login/oidc/callback?code=abc&state=${state}&iss=${encodeURIComponent(idp.issuer)}`, { headers: { cookie: `samordna_oidc=${pending}` } });
      expect(cb.status).toBe(503);
      expect(await cb.text()).toContain('Identitetsleverantören kunde inte nås');
      // A server started while the provider is down: discovery fails at the button.
      process.env.SAMORDNA_OIDC_LABEL = 'Logga in med kommunens konto';
      const fresh = createApp({ db });
      const res = await fresh.request('/login/oidc');
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Identitetsleverantören kunde inte nås');
      expect((await checkOidcAtStart()).warning).toContain('kunde inte nås');
    } finally {
      delete process.env.SAMORDNA_OIDC_LABEL;
      await idp.start();
    }
  });

  it('refuses at start a provider whose discovery document names another issuer', async () => {
    const liar = new Hono();
    let server: ServerType | null = null;
    liar.get('/.well-known/openid-configuration', (c) => c.json({ issuer: 'https://idp.annan.example', authorization_endpoint: 'https://idp.annan.example/auth', token_endpoint: 'https://idp.annan.example/token', jwks_uri: 'https://idp.annan.example/jwks' }));
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: liar.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      await expect(checkOidcAtStart({ ...process.env, SAMORDNA_OIDC_ISSUER: issuer })).rejects.toThrow(/annan issuer än inställningen.*servern startar inte/);
    } finally {
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    }
  });

  it('is off unless configured (this test runs last: it removes the configuration)', async () => {
    delete process.env.SAMORDNA_OIDC_ISSUER;
    const plain = createApp({ db });
    expect((await plain.request('/login/oidc')).status).toBe(404);
    expect(await (await plain.request('/login')).text()).not.toContain('organisationens konto');
  });
});
