import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { clearCookie, sessionCookie, setHttpOnlyCookie } from '../security/cookies.ts';
import { logEvent } from '../security/log.ts';
import { amrHasMultipleFactors, newPending, oidcConfigFromEnv, oidcErrorOf, oidcRelyingParty, type OidcIdentity, type OidcPending } from '../../services/auth/oidc.ts';
import { loginVerifiedEmail } from '../../services/auth/login.ts';
import { sessionMaxAgeSeconds } from '../../services/auth/sessions.ts';
import { loadLoginPage } from './authRoutes.tsx';
import { LoginPage } from './loginPage.tsx';
import { deviceOf, goToSecondStep } from './secondFactorRoutes.tsx';

const pendingCookie = 'samordna_oidc';

function readPending(raw: string | undefined): OidcPending | null {
  const parts = (raw ?? '').split('.');
  if (parts.length !== 3 || !parts.every((p) => /^[A-Za-z0-9_-]{20,100}$/.test(p))) return null;
  const [state, nonce, verifier] = parts as [string, string, string];
  return { state, nonce, verifier };
}

/** Optional OpenID Connect login; registered routes answer 404 unless SAMORDNA_OIDC_* is configured. */
export const authOidcRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const config = oidcConfigFromEnv();
  const rp = config ? oidcRelyingParty(config) : null;

  app.get('/login/oidc', async (c) => {
    if (!rp) return c.notFound();
    const pending = newPending();
    let url: string;
    try {
      url = await rp.authorizationUrl(pending);
    } catch (e) {
      const err = oidcErrorOf(e);
      logEvent('oidc_unavailable', { reason: err.message });
      return c.html(<LoginPage model={loadLoginPage(c.get('ctx'), '/', `Inloggning via organisationens konto går inte just nu: ${err.message} Försök igen om en stund eller logga in med lösenord.`)} />, 503);
    }
    setHttpOnlyCookie(c, pendingCookie, `${pending.state}.${pending.nonce}.${pending.verifier}`, 600);
    return c.redirect(url, 303);
  });

  app.get('/login/oidc/callback', async (c) => {
    if (!rp) return c.notFound();
    const pending = readPending(getCookie(c, pendingCookie));
    clearCookie(c, pendingCookie);
    const fail = (message: string, status: 401 | 503 = 401) => c.html(<LoginPage model={loadLoginPage(c.get('ctx'), '/', message)} />, status);
    const state = c.req.query('state');
    if (!pending || (!c.req.query('code') && !c.req.query('error')) || state !== pending.state) {
      return fail('Inloggningen via organisationens konto gick inte att slutföra. Försök igen.');
    }
    // The callback as the provider sent it, on the redirect URI the provider knows (Samordna may sit behind a proxy).
    const callbackUrl = new URL(rp.config.redirectUri);
    callbackUrl.search = new URL(c.req.url).search;
    let identity: OidcIdentity;
    try {
      identity = await rp.completeLogin(callbackUrl, pending);
    } catch (e) {
      const err = oidcErrorOf(e);
      logEvent('oidc_failed', { reason: err.message });
      return fail(`Inloggningen via organisationens konto misslyckades: ${err.message}`, err.kind === 'unreachable' ? 503 : 401);
    }
    const result = await loginVerifiedEmail(db, identity.email, {
      device: deviceOf(c),
      idToken: identity.idToken,
      providerMfa: amrHasMultipleFactors(identity.amr),
      requireProviderMfa: rp.config.requireMfaAmr,
    });
    if (!result.ok) return fail(`Det finns inget aktivt konto i Samordna för ${identity.email}. Be förbundets kansli om ett.`);
    if ('pending' in result) {
      logEvent('login_second_step', { userId: result.user.id, method: 'oidc', step: result.pending.step });
      return goToSecondStep(c, result.pending);
    }
    logEvent('login', { userId: result.user.id, method: 'oidc' });
    setHttpOnlyCookie(c, sessionCookie, result.session.token, sessionMaxAgeSeconds);
    return c.redirect('/', 303);
  });
  return app;
};
