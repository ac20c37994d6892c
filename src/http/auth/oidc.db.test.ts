import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, setCookies } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';

process.env.SAMORDNA_LOG = 'off';

/** A minimal OpenID provider for the test: discovery, JWKS, and a token endpoint that checks PKCE. */
function stubProvider() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const grants = new Map<string, { challenge: string; claims: Record<string, unknown>; key: KeyObject }>();
  let issuer = '';
  const idp = new Hono();
  idp.get('/.well-known/openid-configuration', (c) =>
    c.json({ issuer, authorization_endpoint: `${issuer}/authorize`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks` }),
  );
  idp.get('/jwks', (c) => c.json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] }));
  idp.post('/token', async (c) => {
    const body = await c.req.parseBody();
    const g = grants.get(String(body.code));
    const verifier = String(body.code_verifier ?? '');
    if (!g || createHash('sha256').update(verifier).digest('base64url') !== g.challenge || body.client_id !== 'samordna') {
      return c.json({ error: 'invalid_grant' }, 400);
    }
    grants.delete(String(body.code));
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${enc({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${enc({ iss: issuer, aud: 'samordna', exp: Math.floor(Date.now() / 1000) + 300, ...g.claims })}`;
    return c.json({ id_token: `${input}.${sign('sha256', Buffer.from(input), g.key).toString('base64url')}`, token_type: 'Bearer' });
  });
  let server: ServerType;
  return {
    async start() {
      server = await new Promise<ServerType>((resolve) => {
        const s = serve({ fetch: idp.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      });
      issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      return issuer;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    /** The person signs in at the provider: the provider remembers a code for this authorization request. */
    authorize(authUrl: string, claims: Record<string, unknown>, opts: { wrongKey?: boolean } = {}) {
      const u = new URL(authUrl);
      const code = `code-${grants.size}-${Math.random()}`;
      grants.set(code, { challenge: u.searchParams.get('code_challenge')!, claims: { nonce: u.searchParams.get('nonce'), ...claims }, key: opts.wrongKey ? other : privateKey });
      return { code, state: u.searchParams.get('state')! };
    },
  };
}

describe('OpenID Connect login (optional)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  const idp = stubProvider();

  beforeAll(async () => {
    db = await createTestDb();
    const [f] = await db.query<{ id: number }>("insert into federation (name) values ('A') returning id");
    await addTestUser(db, { email: 'kansli@a.se', federationId: f!.id, role: 'kansli' });
    process.env.SAMORDNA_OIDC_ISSUER = await idp.start();
    process.env.SAMORDNA_OIDC_CLIENT_ID = 'samordna';
    process.env.SAMORDNA_OIDC_REDIRECT_URI = 'http://samordna.test/login/oidc/callback';
    app = createApp({ db });
  });
  afterAll(async () => {
    for (const k of ['SAMORDNA_OIDC_ISSUER', 'SAMORDNA_OIDC_CLIENT_ID', 'SAMORDNA_OIDC_REDIRECT_URI']) delete process.env[k];
    await idp.stop();
    await db.drop();
  });

  /** Starts a login at Samordna, signs in at the provider with these claims, and returns Samordna's callback answer. */
  async function flow(claims: Record<string, unknown>, opts: { wrongKey?: boolean; state?: string } = {}) {
    const start = await app.request('/login/oidc');
    expect(start.status).toBe(303);
    const pending = setCookies(start).samordna_oidc!;
    const { code, state } = idp.authorize(start.headers.get('location')!, claims, opts);
    return app.request(`/login/oidc/callback?code=${encodeURIComponent(code)}&state=${opts.state ?? state}`, { headers: { cookie: `samordna_oidc=${pending}` } });
  }

  it('offers the button on the login page and sends the browser to the provider with PKCE', async () => {
    expect(await (await app.request('/login')).text()).toContain('Logga in med organisationens konto');
    const start = await app.request('/login/oidc');
    const u = new URL(start.headers.get('location')!);
    expect(u.origin + u.pathname).toBe(`${process.env.SAMORDNA_OIDC_ISSUER}/authorize`);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('redirect_uri')).toBe('http://samordna.test/login/oidc/callback');
  });

  it('logs an existing account in with a verified e-mail from the provider', async () => {
    const res = await flow({ email: 'Kansli@A.se', email_verified: true });
    expect(res.status).toBe(303);
    const cookie = `samordna_session=${setCookies(res).samordna_session}`;
    const account = await app.request('/account', { headers: { cookie } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain('kansli@a.se');
  });

  it('refuses an unknown account, a forged signature, a wrong state and an unverified address', async () => {
    const unknown = await flow({ email: 'ny@a.se' });
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('Det finns inget aktivt konto i Samordna för ny@a.se');
    const forged = await flow({ email: 'kansli@a.se' }, { wrongKey: true });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toContain('signatur kunde inte verifieras');
    expect((await flow({ email: 'kansli@a.se' }, { state: 'x'.repeat(32) })).status).toBe(401);
    const unverified = await flow({ email: 'kansli@a.se', email_verified: false });
    expect(await unverified.text()).toContain('ingen bekräftad e-postadress');
    const replayed = await flow({ email: 'kansli@a.se', nonce: 'någon-annan-inloggning' });
    expect(await replayed.text()).toContain('(nonce)');
    const expired = await flow({ email: 'kansli@a.se', exp: Math.floor(Date.now() / 1000) - 3600 });
    expect(await expired.text()).toContain('har gått ut');
    for (const r of [unknown, forged, unverified, replayed, expired]) expect(setCookies(r).samordna_session).toBeUndefined();
  });

  it('is off unless configured (this test runs last: it removes the configuration)', async () => {
    delete process.env.SAMORDNA_OIDC_ISSUER;
    const plain = createApp({ db });
    expect((await plain.request('/login/oidc')).status).toBe(404);
    expect(await (await plain.request('/login')).text()).not.toContain('organisationens konto');
  });
});
