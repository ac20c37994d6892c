import { createHash, createPublicKey, randomBytes, verify as verifySignature, type JsonWebKey } from 'node:crypto';

/**
 * Optional OpenID Connect login (authorization code flow with PKCE). Turned on by configuration:
 *   SAMORDNA_OIDC_ISSUER, SAMORDNA_OIDC_CLIENT_ID, SAMORDNA_OIDC_CLIENT_SECRET (optional for public
 *   clients), SAMORDNA_OIDC_REDIRECT_URI (e.g. https://samordna.example/login/oidc/callback),
 *   SAMORDNA_OIDC_LABEL (button text, default "Logga in med organisationens konto").
 * The identity provider only proves who the person is (the e-mail claim); the account and its roles must
 * already exist in Samordna. No account is created on the fly.
 */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly redirectUri: string;
  readonly label: string;
}

export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env.SAMORDNA_OIDC_ISSUER?.replace(/\/+$/, '');
  const clientId = env.SAMORDNA_OIDC_CLIENT_ID;
  const redirectUri = env.SAMORDNA_OIDC_REDIRECT_URI;
  if (!issuer || !clientId || !redirectUri) return null;
  return { issuer, clientId, clientSecret: env.SAMORDNA_OIDC_CLIENT_SECRET || null, redirectUri, label: env.SAMORDNA_OIDC_LABEL || 'Logga in med organisationens konto' };
}

interface Discovery {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
}

export class OidcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OidcError';
  }
}

async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new OidcError('Identitetsleverantören kunde inte nås.');
  }
  if (!res.ok) throw new OidcError(`Identitetsleverantören svarade ${res.status} (${new URL(url).pathname}).`);
  return (await res.json()) as T;
}

export async function discover(config: OidcConfig): Promise<Discovery> {
  const d = await getJson<Discovery>(`${config.issuer}/.well-known/openid-configuration`);
  if (d.issuer.replace(/\/+$/, '') !== config.issuer) throw new OidcError('Identitetsleverantörens issuer stämmer inte med inställningen.');
  return d;
}

const b64url = (b: Buffer) => b.toString('base64url');

/** The values the login request carries and the callback must see again (kept in a short-lived cookie). */
export interface OidcPending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

export function newPending(): OidcPending {
  return { state: b64url(randomBytes(24)), nonce: b64url(randomBytes(24)), verifier: b64url(randomBytes(48)) };
}

export function authorizationUrl(config: OidcConfig, d: Discovery, p: OidcPending): string {
  const u = new URL(d.authorization_endpoint);
  u.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    state: p.state,
    nonce: p.nonce,
    code_challenge: b64url(createHash('sha256').update(p.verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();
  return u.toString();
}

interface IdTokenClaims {
  iss: string;
  aud: string | string[];
  exp: number;
  iat?: number;
  nonce?: string;
  email?: string;
  email_verified?: boolean;
}

const algorithms: Record<string, { hash: string; ec?: boolean }> = {
  RS256: { hash: 'sha256' },
  RS384: { hash: 'sha384' },
  RS512: { hash: 'sha512' },
  ES256: { hash: 'sha256', ec: true },
  ES384: { hash: 'sha384', ec: true },
};

/** Verifies an ID token's signature (JWKS), issuer, audience, expiry and nonce; returns its claims. */
export async function verifyIdToken(config: OidcConfig, d: Discovery, idToken: string, nonce: string, now = Date.now()): Promise<IdTokenClaims> {
  const parts = idToken.split('.');
  if (parts.length !== 3) throw new OidcError('Ogiltig ID-token.');
  const [h, pl, sig] = parts as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string; kid?: string };
  const alg = algorithms[header.alg ?? ''];
  if (!alg) throw new OidcError(`ID-token med otillåten signaturalgoritm: ${String(header.alg)}.`);
  const { keys } = await getJson<{ keys: (JsonWebKey & { kid?: string; use?: string })[] }>(d.jwks_uri);
  const candidates = keys.filter((k) => (!header.kid || k.kid === header.kid) && (!k.use || k.use === 'sig'));
  const ok = candidates.some((jwk) => {
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      return verifySignature(alg.hash, Buffer.from(`${h}.${pl}`), alg.ec ? { key, dsaEncoding: 'ieee-p1363' } : key, Buffer.from(sig, 'base64url'));
    } catch {
      return false;
    }
  });
  if (!ok) throw new OidcError('ID-tokens signatur kunde inte verifieras.');
  const claims = JSON.parse(Buffer.from(pl, 'base64url').toString('utf8')) as IdTokenClaims;
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (claims.iss?.replace(/\/+$/, '') !== config.issuer) throw new OidcError('ID-token från fel utfärdare.');
  if (!aud.includes(config.clientId)) throw new OidcError('ID-token för en annan klient.');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < now - 60_000) throw new OidcError('ID-token har gått ut.');
  if (claims.nonce !== nonce) throw new OidcError('ID-token hör inte till den här inloggningen (nonce).');
  return claims;
}

/** Exchanges the authorization code for tokens and returns the verified, lower-cased e-mail address. */
export async function completeLogin(config: OidcConfig, code: string, pending: OidcPending): Promise<string> {
  const d = await discover(config);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: config.redirectUri,
    client_id: config.clientId,
    code_verifier: pending.verifier,
    ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
  });
  const tokens = await getJson<{ id_token?: string }>(d.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  if (!tokens.id_token) throw new OidcError('Identitetsleverantören gav ingen ID-token.');
  const claims = await verifyIdToken(config, d, tokens.id_token, pending.nonce);
  if (!claims.email || claims.email_verified === false) throw new OidcError('Identitetsleverantören gav ingen bekräftad e-postadress.');
  return claims.email.trim().toLowerCase();
}
