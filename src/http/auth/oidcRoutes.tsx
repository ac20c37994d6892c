import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { clearCookie, sessionCookie, setHttpOnlyCookie } from '../security/cookies.ts';
import { logEvent } from '../security/log.ts';
import { authorizationUrl, completeLogin, discover, newPending, oidcConfigFromEnv, OidcError, type OidcPending } from '../../services/auth/oidc.ts';
import { loginVerifiedEmail } from '../../services/auth/login.ts';
import { sessionMaxAgeSeconds } from '../../services/auth/sessions.ts';
import { loadLoginPage } from './authRoutes.tsx';
import { LoginPage } from './loginPage.tsx';

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

  app.get('/login/oidc', async (c) => {
    if (!config) return c.notFound();
    const pending = newPending();
    let url: string;
    try {
      url = authorizationUrl(config, await discover(config), pending);
    } catch (e) {
      if (!(e instanceof OidcError)) throw e;
      return c.html(<LoginPage model={loadLoginPage(c.get('ctx'), '/', `Inloggning via organisationens konto går inte just nu: ${e.message}`)} />, 503);
    }
    setHttpOnlyCookie(c, pendingCookie, `${pending.state}.${pending.nonce}.${pending.verifier}`, 600);
    return c.redirect(url, 303);
  });

  app.get('/login/oidc/callback', async (c) => {
    if (!config) return c.notFound();
    const pending = readPending(getCookie(c, pendingCookie));
    clearCookie(c, pendingCookie);
    const fail = (message: string) => c.html(<LoginPage model={loadLoginPage(c.get('ctx'), '/', message)} />, 401);
    const code = c.req.query('code');
    if (!pending || !code || c.req.query('state') !== pending.state) {
      return fail('Inloggningen via organisationens konto gick inte att slutföra. Försök igen.');
    }
    let email: string;
    try {
      email = await completeLogin(config, code, pending);
    } catch (e) {
      if (e instanceof OidcError) {
        logEvent('oidc_failed', { reason: e.message });
        return fail(`Inloggningen via organisationens konto misslyckades: ${e.message}`);
      }
      throw e;
    }
    const result = await loginVerifiedEmail(db, email);
    if (!result.ok) return fail(`Det finns inget aktivt konto i Samordna för ${email}. Be förbundets kansli om ett.`);
    logEvent('login', { userId: result.user.id, method: 'oidc' });
    setHttpOnlyCookie(c, sessionCookie, result.session.token, sessionMaxAgeSeconds);
    return c.redirect('/', 303);
  });
  return app;
};
