import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv, RequestContext } from '../context.ts';
import { RefusedForm } from '../kit/form.tsx';
import { redirectWithFlash } from '../kit/flash.tsx';
import { LoginPage, type LoginPageModel } from './loginPage.tsx';
import { AccountPage, type AccountPageModel } from './accountPage.tsx';
import { clearCookie, sessionCookie, setHttpOnlyCookie } from '../security/cookies.ts';
import { clientAddress } from '../security/clientAddress.ts';
import { RateLimiter } from '../security/rateLimit.ts';
import { login } from '../../services/auth/login.ts';
import { lockoutMinutes, maxFailedLogins } from '../../services/auth/loginAttempts.ts';
import { endAllSessions, endSession, listSessions, sessionIdToken, sessionMaxAgeSeconds } from '../../services/auth/sessions.ts';
import { factorsOf } from '../../services/auth/secondFactor.ts';
import type { Database } from '../../db/database.ts';
import { deviceOf, goToSecondStep } from './secondFactorRoutes.tsx';
import { changePassword } from '../../services/auth/users.ts';
import { InputError } from '../../core/errors.ts';
import { logEvent } from '../security/log.ts';
import { oidcConfigFromEnv, oidcRelyingParty } from '../../services/auth/oidc.ts';

/** Only a path on this site: "/f/1", never "//evil.example" or "https://…". */
import { safeNext } from '../security/redirect.ts';

/** The login page's model: where to go after it, the local mode, the OpenID Connect button, a failed sign-in elsewhere. */
export function loadLoginPage(ctx: RequestContext, next: string, error?: string): LoginPageModel {
  return { next, local: ctx.mode === 'local', oidcLabel: oidcConfigFromEnv()?.label ?? null, error };
}

/** "Mitt konto": the logged-in user with the second factor and the live sessions, or none in the local mode. */
export async function loadAccountPage(db: Database, ctx: RequestContext): Promise<AccountPageModel> {
  if (ctx.mode === 'local' || ctx.user.userId === null) return { user: null, factors: null, sessions: [] };
  return {
    user: { displayName: ctx.user.displayName, id: ctx.user.id },
    factors: await factorsOf(db, ctx.user.userId),
    sessions: await listSessions(db, ctx.user.userId, ctx.sessionHash),
  };
}

/** Login, logout, logout everywhere and password change. */
export const authRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  // Per client address, on top of the per-account lockout in the database.
  const loginLimiter = new RateLimiter(Number(process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE) || 20, 60_000);
  // Guessing the current password through the change form is as bad as guessing it at the login.
  const passwordChangeLimiter = new RateLimiter(5, 15 * 60_000);

  app.get('/login', (c) => {
    if (c.get('ctx').mode === 'session') return c.redirect(safeNext(c.req.query('next')), 303);
    return c.html(<LoginPage model={loadLoginPage(c.get('ctx'), safeNext(c.req.query('next')))} />);
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const email = String(body.email ?? '');
    const next = safeNext(body.next);
    const address = clientAddress(c);
    if (!loginLimiter.take(address)) {
      logEvent('login_rate_limited', { address });
      throw new RefusedForm({ message: 'För många inloggningsförsök från din dator. Vänta en minut och försök igen.' }, 429, {
        'retry-after': String(loginLimiter.retryAfterSeconds(address)),
      });
    }
    const result = await login(db, email, String(body.password ?? ''), { device: deviceOf(c), next });
    if (!result.ok) {
      logEvent(result.reason === 'locked' ? 'login_locked' : 'login_failed', { address });
      if (result.reason === 'locked') {
        throw new RefusedForm(
          { field: 'email', message: `Kontot är tillfälligt spärrat efter ${maxFailedLogins} misslyckade inloggningar. Försök igen om ${result.lockedMinutes ?? lockoutMinutes} minuter.` },
          429,
        );
      }
      throw new RefusedForm({ field: 'password', message: 'Fel e-postadress eller lösenord.' }, 401);
    }
    if ('pending' in result) {
      logEvent('login_second_step', { userId: result.user.id, address, step: result.pending.step });
      return goToSecondStep(c, result.pending);
    }
    logEvent('login', { userId: result.user.id, address });
    setHttpOnlyCookie(c, sessionCookie, result.session.token, sessionMaxAgeSeconds);
    return c.redirect(next, 303);
  });

  // Ends the Samordna session; a session that began at the identity provider goes on to the provider's logout
  // (RP-initiated logout) when its discovery document offers one.
  app.post('/logout', async (c) => {
    const ctx = c.get('ctx');
    let providerLogout: string | null = null;
    if (ctx.sessionHash) {
      const origin = await sessionIdToken(db, ctx.sessionHash);
      const oidc = oidcConfigFromEnv();
      if (origin?.method === 'oidc' && oidc) providerLogout = await oidcRelyingParty(oidc).endSessionUrl(origin.idToken);
      await endSession(db, ctx.sessionHash, ctx.user.id);
    }
    clearCookie(c, sessionCookie);
    return c.redirect(providerLogout ?? '/login', 303);
  });

  app.post('/logout-everywhere', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId !== null) await endAllSessions(db, ctx.user.userId, ctx.user.id);
    clearCookie(c, sessionCookie);
    return c.redirect('/login', 303);
  });

  app.get('/account', async (c) => c.html(<AccountPage model={await loadAccountPage(db, c.get('ctx'))} />));

  app.post('/account/password', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId === null) return c.redirect('/account', 303);
    if (!passwordChangeLimiter.take(String(ctx.user.userId))) {
      throw new RefusedForm({ message: 'För många försök att byta lösenord. Vänta en stund och försök igen.' }, 429, {
        'retry-after': String(passwordChangeLimiter.retryAfterSeconds(String(ctx.user.userId))),
      });
    }
    const body = await c.req.parseBody();
    const next = String(body.password ?? '');
    // A refusal (InputError) draws the form again with each message beside its field.
    if (next !== String(body.repeat ?? '')) throw new InputError({ field: 'repeat', message: 'De två nya lösenorden är inte lika.' });
    await changePassword(db, ctx.user.userId, String(body.current ?? ''), next, ctx.sessionHash, ctx.actor);
    return redirectWithFlash(c, '/account', 'password-changed');
  });
  return app;
};
