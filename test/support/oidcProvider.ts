import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createHmac, createPrivateKey, generateKeyPairSync, sign, type JsonWebKey } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

type JWK = JsonWebKey & { kid?: string; alg?: string; use?: string };

/**
 * A real OpenID provider on loopback for the tests: oidc-provider (the OpenID Foundation's certified provider
 * library) with one confidential client, signing ID tokens with RS256 keys the test made. The person "signs
 * in" by the test setting who is at the keyboard (`signIn`); the interaction (login, consent) is answered at
 * once. A test may tamper with the token endpoint's ID token (`tamper`) to play a forged or broken token, and
 * may rotate the signing key (`rotateKey`: the provider restarts with a new key first and the old one after).
 */
export interface TestProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  /** Who signs in next, with the claims and authentication methods the provider reports. */
  signIn(person: { email: string; emailVerified?: boolean; amr?: string[] }): void;
  /** Changes the ID token the token endpoint answers with (null: no change). */
  tamper(fn: ((idToken: string) => Promise<string>) | null): void;
  /** Re-signs a token's claims (changed by `change`) with the provider's current key and kid. */
  resign(idToken: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): Promise<string>;
  /** The current key's public JWK (for forging an HS256 token "signed" with it). */
  publicJwk(): JWK;
  rotateKey(): Promise<void>;
  /** Follows the browser from an authorization URL through the provider to the callback URL it sends back. */
  authorize(authorizationUrl: string): Promise<URL>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

interface KeyPair {
  readonly priv: JWK;
  readonly pub: JWK;
}

async function newKey(kid: string): Promise<KeyPair> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    priv: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
    pub: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
  };
}

const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const partOf = (jwt: string, i: 0 | 1) => JSON.parse(Buffer.from(jwt.split('.')[i]!, 'base64url').toString('utf8')) as Record<string, unknown>;

/** A tiny cookie jar per host, enough to walk the provider's redirects. */
function jar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take(res: Response) {
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
    },
  };
}

export async function startTestProvider(redirectUri = 'http://samordna.test/login/oidc/callback'): Promise<TestProvider> {
  const clientId = 'samordna';
  const clientSecret = 'provider-test-secret-that-is-long-enough-0123456789';
  let keys: KeyPair[] = [await newKey('k1')];
  let person = { email: '', emailVerified: true, amr: ['pwd'] as string[] };
  let tamper: ((t: string) => Promise<string>) | null = null;
  let provider: Provider;
  let issuer = '';

  function build(): Provider {
    const p = new Provider(issuer, {
      clients: [
        {
          client_id: clientId,
          client_secret: clientSecret,
          redirect_uris: [redirectUri],
          post_logout_redirect_uris: ['http://samordna.test/login'],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: keys.map((k) => k.priv) },
      // amr with the ID token's own claims (openid), so that the test can say which factors the person used.
      claims: { acr: null, amr: null, auth_time: null, sid: null, openid: ['sub', 'amr', 'auth_time'], email: ['email', 'email_verified'] },
      cookies: { keys: ['test-cookie-key-0123456789'] },
      features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
      pkce: { required: () => true },
      findAccount: (_ctx: KoaContextWithOIDC, sub: string) => ({
        accountId: sub,
        claims: () => ({ sub, email: person.email, email_verified: person.emailVerified }),
      }),
    });
    p.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && tamper && body?.id_token) ctx.body = { ...body, id_token: await tamper(body.id_token) };
    });
    return p;
  }

  /** The login and consent prompts, answered at once for whoever `signIn` named. */
  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    const accountId = person.email;
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId, amr: person.amr } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId, clientId });
    grant.addOIDCScope('openid email');
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  let server: Server;
  let port = 0;
  async function listen() {
    server = createServer((req, res) => {
      if (req.url?.startsWith('/interaction/')) {
        interaction(req, res).catch((e: unknown) => {
          res.statusCode = 500;
          res.end(String(e));
        });
        return;
      }
      void provider.callback()(req, res);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    port = (server.address() as AddressInfo).port;
    issuer = `http://127.0.0.1:${port}`;
    provider = build();
  }
  await listen();

  const stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });

  return {
    get issuer() {
      return issuer;
    },
    clientId,
    clientSecret,
    redirectUri,
    signIn(p) {
      person = { email: p.email, emailVerified: p.emailVerified ?? true, amr: p.amr ?? ['pwd'] };
    },
    tamper(fn) {
      tamper = fn;
    },
    async resign(idToken, change) {
      const key = keys.find((k) => k.priv.kid === partOf(idToken, 0).kid) ?? keys[0]!;
      const input = `${enc({ alg: 'RS256', kid: key.priv.kid, typ: 'JWT' })}.${enc(change(partOf(idToken, 1)))}`;
      return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey({ key: key.priv, format: 'jwk' })).toString('base64url')}`;
    },
    publicJwk: () => keys[0]!.pub,
    async rotateKey() {
      keys = [await newKey(`k${keys.length + 1}`), keys[0]!];
      await stop();
      await listen();
    },
    async authorize(authorizationUrl) {
      const cookies = jar();
      let url = authorizationUrl;
      for (let hops = 0; hops < 10; hops++) {
        if (url.startsWith(redirectUri)) return new URL(url);
        const res = await fetch(url, { redirect: 'manual', headers: { cookie: cookies.header() } });
        cookies.take(res);
        const location = res.headers.get('location');
        if (!location) throw new Error(`The provider answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
        url = new URL(location, url).toString();
      }
      throw new Error('Too many redirects at the provider.');
    },
    stop,
    start: listen,
  };
}

/** HMAC-SHA256 "signed" with the public key as the secret: the algorithm-confusion attack on naive verifiers. */
export function hs256WithPublicKey(idToken: string, publicJwk: JWK): string {
  const input = `${enc({ alg: 'HS256', kid: publicJwk.kid, typ: 'JWT' })}.${idToken.split('.')[1]}`;
  return `${input}.${createHmac('sha256', JSON.stringify(publicJwk)).update(input).digest('base64url')}`;
}

/** The same claims with `alg: none` and no signature. */
export function unsigned(idToken: string): string {
  return `${enc({ alg: 'none', typ: 'JWT' })}.${idToken.split('.')[1]}.`;
}
