import * as client from 'openid-client';

/**
 * Optional OpenID Connect login (authorization code flow with PKCE) through openid-client, the OpenID
 * Foundation's certified relying-party library: discovery, the token exchange, ID token validation (signature
 * against the provider's JWKS, issuer, audience, expiry, nonce, algorithm) and the JWKS cache with key
 * rotation are the library's; nothing here checks a token by hand. Turned on by configuration:
 *   SAMORDNA_OIDC_ISSUER, SAMORDNA_OIDC_CLIENT_ID, SAMORDNA_OIDC_CLIENT_SECRET (optional for public
 *   clients), SAMORDNA_OIDC_REDIRECT_URI (e.g. https://samordna.example/login/oidc/callback),
 *   SAMORDNA_OIDC_LABEL (button text, default "Logga in med organisationens konto"),
 *   SAMORDNA_OIDC_POST_LOGOUT_REDIRECT_URI (where the provider sends the browser after logout, optional),
 *   SAMORDNA_OIDC_REQUIRE_MFA_AMR (true: a login whose `amr` reports no second factor must add Samordna's TOTP
 *   for roles under the second-factor policy).
 * The identity provider only proves who the person is (the e-mail claim); the account and its roles must
 * already exist in Samordna. No account is created on the fly.
 */
export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly redirectUri: string;
  readonly label: string;
  readonly postLogoutRedirectUri: string | null;
  readonly requireMfaAmr: boolean;
}

export function oidcConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env.SAMORDNA_OIDC_ISSUER?.replace(/\/+$/, '');
  const clientId = env.SAMORDNA_OIDC_CLIENT_ID;
  const redirectUri = env.SAMORDNA_OIDC_REDIRECT_URI;
  if (!issuer || !clientId || !redirectUri) return null;
  return {
    issuer,
    clientId,
    clientSecret: env.SAMORDNA_OIDC_CLIENT_SECRET || null,
    redirectUri,
    label: env.SAMORDNA_OIDC_LABEL || 'Logga in med organisationens konto',
    postLogoutRedirectUri: env.SAMORDNA_OIDC_POST_LOGOUT_REDIRECT_URI || null,
    requireMfaAmr: /^(1|true|ja|yes)$/i.test(env.SAMORDNA_OIDC_REQUIRE_MFA_AMR ?? ''),
  };
}

export class OidcError extends Error {
  constructor(
    message: string,
    /** 'unreachable': the provider did not answer; 'issuer': its discovery document names another issuer. */
    readonly kind: 'unreachable' | 'issuer' | 'refused' = 'refused',
  ) {
    super(message);
    this.name = 'OidcError';
  }
}

/** The codes and claims of an openid-client error and its causes. */
function causeChain(e: unknown): { codes: string[]; claims: string[]; messages: string; unreachable: boolean } {
  const codes: string[] = [];
  const messages: string[] = [];
  const claims: string[] = [];
  let unreachable = false;
  for (let c: unknown = e, depth = 0; c && typeof c === 'object' && depth < 6; c = (c as { cause?: unknown }).cause, depth++) {
    const o = c as { code?: unknown; claim?: unknown; attribute?: unknown; message?: unknown; name?: unknown };
    if (typeof o.code === 'string') codes.push(o.code);
    if (typeof o.message === 'string') messages.push(o.message);
    if (typeof o.claim === 'string') claims.push(o.claim);
    if (typeof o.attribute === 'string') claims.push(o.attribute);
    if (o.code === 'ECONNREFUSED' || o.code === 'ENOTFOUND' || o.code === 'ECONNRESET' || o.code === 'OAUTH_TIMEOUT' || o.name === 'TimeoutError') unreachable = true;
    if (o instanceof TypeError && o.message === 'fetch failed') unreachable = true;
  }
  return { codes, claims, messages: messages.join(' | '), unreachable };
}

/** A Swedish message for what openid-client refused; the library's own words go to the log, not the page. */
export function oidcErrorOf(e: unknown): OidcError {
  if (e instanceof OidcError) return e;
  const { codes, claims, messages, unreachable } = causeChain(e);
  const has = (code: string) => codes.includes(code);
  if (unreachable) return new OidcError('Identitetsleverantören kunde inte nås.', 'unreachable');
  if (has('OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') && claims.includes('issuer')) {
    return new OidcError('Identitetsleverantörens discovery-dokument anger en annan issuer än inställningen SAMORDNA_OIDC_ISSUER.', 'issuer');
  }
  if (has('OAUTH_UNSUPPORTED_OPERATION') || /"alg"|JWS algorithm/.test(messages)) return new OidcError('ID-token med otillåten signaturalgoritm.');
  if (has('OAUTH_KEY_SELECTION_FAILED')) return new OidcError('ID-tokens signatur kunde inte verifieras: nyckeln finns inte hos identitetsleverantören.');
  if (has('OAUTH_JWT_TIMESTAMP_CHECK_FAILED')) return new OidcError('ID-token har gått ut eller gäller inte ännu.');
  if (has('OAUTH_JWT_CLAIM_COMPARISON_FAILED')) {
    if (claims.includes('nonce')) return new OidcError('ID-token hör inte till den här inloggningen (nonce).');
    if (claims.includes('aud') || claims.includes('azp')) return new OidcError('ID-token är utfärdad för en annan klient (aud).');
    if (claims.includes('iss')) return new OidcError('ID-token från fel utfärdare.');
    return new OidcError('ID-token har ett oväntat värde.');
  }
  if (e instanceof client.ResponseBodyError) return new OidcError(`Identitetsleverantören avvisade inloggningen (${e.error}).`);
  if (e instanceof client.AuthorizationResponseError) return new OidcError(`Identitetsleverantören avbröt inloggningen (${e.error}).`);
  if (/signature verification failed/i.test(messages)) return new OidcError('ID-tokens signatur kunde inte verifieras.');
  if (has('OAUTH_RESPONSE_IS_NOT_CONFORM') || has('OAUTH_RESPONSE_IS_NOT_JSON')) return new OidcError('Identitetsleverantören svarade inte som väntat.', 'unreachable');
  if (process.env.SAMORDNA_OIDC_DEBUG) console.error(e);
  return new OidcError('Identitetsleverantörens svar kunde inte godtas.');
}

/** The values the login request carries and the callback must see again (kept in a short-lived cookie). */
export interface OidcPending {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
}

export function newPending(): OidcPending {
  return { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier() };
}

/** What a verified OpenID Connect login gives Samordna. */
export interface OidcIdentity {
  readonly email: string;
  /** The provider's `amr` (RFC 8176) as reported; empty when it reports none. */
  readonly amr: readonly string[];
  /** The ID token, kept in the session for RP-initiated logout (`id_token_hint`). */
  readonly idToken: string;
}

/** RFC 8176: `mfa` says so outright; two or more distinct factor methods say it too. */
export function amrHasMultipleFactors(amr: readonly string[]): boolean {
  if (amr.includes('mfa')) return true;
  const knowledge = ['pwd', 'pin', 'kba'];
  const possession = ['otp', 'hwk', 'swk', 'sms', 'tel', 'sc', 'pop'];
  const inherence = ['fpt', 'face', 'iris', 'retina', 'vbm', 'geo', 'user'];
  return [knowledge, possession, inherence].filter((kind) => amr.some((a) => kind.includes(a))).length >= 2;
}

/**
 * One relying party per configuration: discovery runs once (again only after it failed), and the
 * Configuration it gives holds openid-client's JWKS cache, which fetches the keys again when a token names a
 * key it does not know (at most once a minute) and every five minutes.
 */
export class OidcRelyingParty {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(
    readonly config: OidcConfig,
    private readonly options: { readonly allowHttp?: boolean } = {},
  ) {}

  /** Discovery (cached). Throws OidcError: 'issuer' when the document names another issuer, 'unreachable' when down. */
  discover(): Promise<client.Configuration> {
    this.configuration ??= this.runDiscovery().catch((e: unknown) => {
      this.configuration = null;
      throw oidcErrorOf(e);
    });
    return this.configuration;
  }

  private runDiscovery(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.config;
    // Plain http only for a provider on this machine (tests, a provider beside the server); never across a network.
    const loopback = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(issuer);
    const insecure = this.options.allowHttp || loopback ? [client.allowInsecureRequests] : [];
    // OpenID Connect Core 3.1.3.7 lets a client trust the TLS connection to the token endpoint instead of the ID
    // token's signature; Samordna checks the signature against the provider's JWKS as well (non-repudiation
    // checks), so a token is refused unless the provider's published key signed it with an asymmetric algorithm.
    return client.discovery(
      new URL(issuer),
      clientId,
      clientSecret ? { client_secret: clientSecret } : undefined,
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      { execute: [...insecure, client.enableNonRepudiationChecks], timeout: 10 },
    );
  }

  async authorizationUrl(p: OidcPending): Promise<string> {
    const configuration = await this.discover();
    return client
      .buildAuthorizationUrl(configuration, {
        redirect_uri: this.config.redirectUri,
        scope: 'openid email',
        state: p.state,
        nonce: p.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(p.verifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /** Exchanges the code of the callback URL for tokens; returns the verified, lower-cased e-mail address. */
  async completeLogin(callbackUrl: URL, pending: OidcPending): Promise<OidcIdentity> {
    const configuration = await this.discover();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedNonce: pending.nonce,
        expectedState: pending.state,
        idTokenExpected: true,
      });
    } catch (e) {
      throw oidcErrorOf(e);
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new OidcError('Identitetsleverantören gav ingen ID-token.');
    let emailClaims: { readonly email?: unknown; readonly email_verified?: unknown } = { email: claims.email, email_verified: claims.email_verified };
    // Providers that keep the e-mail out of the ID token give it at the UserInfo endpoint, for the same subject.
    if (typeof claims.email !== 'string' && tokens.access_token && configuration.serverMetadata().userinfo_endpoint) {
      try {
        emailClaims = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
      } catch (e) {
        throw oidcErrorOf(e);
      }
    }
    const email = typeof emailClaims.email === 'string' ? emailClaims.email.trim().toLowerCase() : '';
    if (!email || emailClaims.email_verified === false) throw new OidcError('Identitetsleverantören gav ingen bekräftad e-postadress.');
    const amr = Array.isArray(claims.amr) ? claims.amr.filter((a): a is string => typeof a === 'string') : [];
    return { email, amr, idToken: tokens.id_token };
  }

  /** The provider's logout address (RP-initiated logout), or null when its discovery document offers none. */
  async endSessionUrl(idToken: string | null): Promise<string | null> {
    let configuration: client.Configuration;
    try {
      configuration = await this.discover();
    } catch {
      return null;
    }
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client
      .buildEndSessionUrl(configuration, {
        client_id: this.config.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
        ...(this.config.postLogoutRedirectUri ? { post_logout_redirect_uri: this.config.postLogoutRedirectUri } : {}),
      })
      .toString();
  }
}

/** One relying party per process and configuration (the JWKS cache lives in it). */
let shared: OidcRelyingParty | null = null;
export function oidcRelyingParty(config: OidcConfig): OidcRelyingParty {
  if (!shared || JSON.stringify(shared.config) !== JSON.stringify(config)) shared = new OidcRelyingParty(config);
  return shared;
}

/**
 * At start: a configured provider whose discovery document names another issuer stops the server with a
 * clear message; a provider that does not answer only warns (the login page says so until it answers).
 */
export async function checkOidcAtStart(env: NodeJS.ProcessEnv = process.env): Promise<{ warning: string | null }> {
  const config = oidcConfigFromEnv(env);
  if (!config) return { warning: null };
  try {
    await oidcRelyingParty(config).discover();
    return { warning: null };
  } catch (e) {
    const err = oidcErrorOf(e);
    if (err.kind === 'issuer') {
      throw new OidcError(`OpenID Connect: ${err.message} Väntad issuer: ${config.issuer}. Rätta inställningen eller leverantören; servern startar inte.`, 'issuer');
    }
    return { warning: `OpenID Connect: ${err.message} Inloggning via ${config.issuer} fungerar inte förrän leverantören svarar.` };
  }
}
