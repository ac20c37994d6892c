import { Hono, type Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { csrfField } from '../security/csrfField.tsx';
import { clearCookie, sessionCookie, setHttpOnlyCookie } from '../security/cookies.ts';
import { clientAddress } from '../security/clientAddress.ts';
import { RateLimiter } from '../security/rateLimit.ts';
import { login, lockoutMinutes, maxFailedLogins } from '../../services/auth/login.ts';
import { endAllSessions, endSession, sessionMaxAgeSeconds } from '../../services/auth/sessions.ts';
import { changePassword } from '../../services/auth/users.ts';
import { minPasswordLength } from '../../services/auth/passwords.ts';
import { InputError } from '../../core/errors.ts';
import { logEvent } from '../security/log.ts';
import { oidcConfigFromEnv } from '../../services/auth/oidc.ts';

/** Only a path on this site: "/f/1", never "//evil.example" or "https://…". */
export { safeNext } from '../security/redirect.ts';
import { safeNext } from '../security/redirect.ts';

export function LoginPage(props: { c: Context<AppEnv>; next: string; email?: string; error?: string }) {
  const { c } = props;
  const local = c.get('ctx').mode === 'local';
  const oidc = oidcConfigFromEnv();
  return (
    <Layout title="Logga in">
      <h1>Logga in</h1>
      {local ? (
        <p class="warning">
          Det finns inga användarkonton ännu, så Samordna körs som lokal administratör utan inloggning. Skapa den första
          administratören med <code>npx samordna user add --admin --email …</code>.
        </p>
      ) : null}
      {props.error ? (
        <p class="error" role="alert" id="login-error">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/login">
        {csrfField(c)}
        <input type="hidden" name="next" value={props.next} />
        <label for="email">E-postadress</label>
        <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ''} aria-describedby={props.error ? 'login-error' : undefined} />
        <label for="password">Lösenord</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p>
          <button type="submit">Logga in</button>
        </p>
      </form>
      {oidc ? (
        <p>
          <a class="button" href="/login/oidc">
            {oidc.label}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}

function AccountPage(props: { c: Context<AppEnv>; message?: string; error?: string }) {
  const { c } = props;
  const ctx = c.get('ctx');
  return (
    <Layout title="Mitt konto">
      <h1>Mitt konto</h1>
      {ctx.mode === 'local' ? (
        <p class="warning">
          Samordna körs som lokal administratör: det finns inga användarkonton. Skapa den första administratören med{' '}
          <code>npx samordna user add --admin --email …</code>; därefter krävs inloggning.
        </p>
      ) : (
        <>
          <p>
            Inloggad som <strong>{ctx.user.displayName}</strong> ({ctx.user.id}).
          </p>
          {props.message ? (
            <p class="warning" role="status">
              {props.message}
            </p>
          ) : null}
          {props.error ? (
            <p class="error" role="alert">
              {props.error}
            </p>
          ) : null}
          <form method="post" action="/logout">
            {csrfField(c)}
            <button type="submit">Logga ut</button>
          </form>
          <h2>Logga ut överallt</h2>
          <p>Avslutar alla dina inloggningar, på alla datorer och webbläsare, också den här.</p>
          <form method="post" action="/logout-everywhere">
            {csrfField(c)}
            <button type="submit">Logga ut överallt</button>
          </form>
          <h2>Byt lösenord</h2>
          <form method="post" action="/account/password">
            {csrfField(c)}
            <label for="current">Nuvarande lösenord</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required />
            <label for="new-password">Nytt lösenord (minst {minPasswordLength} tecken)</label>
            <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength={minPasswordLength} />
            <label for="repeat">Upprepa det nya lösenordet</label>
            <input id="repeat" name="repeat" type="password" autocomplete="new-password" required minlength={minPasswordLength} />
            <p>
              <button type="submit">Byt lösenord</button>
            </p>
          </form>
        </>
      )}
    </Layout>
  );
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
    return c.html(<LoginPage c={c} next={safeNext(c.req.query('next'))} />);
  });

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const email = String(body.email ?? '');
    const next = safeNext(body.next);
    const address = clientAddress(c);
    if (!loginLimiter.take(address)) {
      logEvent('login_rate_limited', { address });
      c.header('retry-after', String(loginLimiter.retryAfterSeconds(address)));
      return c.html(<LoginPage c={c} next={next} email={email} error="För många inloggningsförsök från din dator. Vänta en minut och försök igen." />, 429);
    }
    const result = await login(db, email, String(body.password ?? ''));
    if (!result.ok) {
      logEvent(result.reason === 'locked' ? 'login_locked' : 'login_failed', { address });
      const error =
        result.reason === 'locked'
          ? `Kontot är tillfälligt spärrat efter ${maxFailedLogins} misslyckade inloggningar. Försök igen om ${result.lockedMinutes ?? lockoutMinutes} minuter.`
          : 'Fel e-postadress eller lösenord.';
      return c.html(<LoginPage c={c} next={next} email={email} error={error} />, result.reason === 'locked' ? 429 : 401);
    }
    logEvent('login', { userId: result.user.id, address });
    setHttpOnlyCookie(c, sessionCookie, result.session.token, sessionMaxAgeSeconds);
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.sessionHash) await endSession(db, ctx.sessionHash, ctx.user.id);
    clearCookie(c, sessionCookie);
    return c.redirect('/login', 303);
  });

  app.post('/logout-everywhere', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId !== null) await endAllSessions(db, ctx.user.userId, ctx.user.id);
    clearCookie(c, sessionCookie);
    return c.redirect('/login', 303);
  });

  app.get('/account', (c) => c.html(<AccountPage c={c} />));

  app.post('/account/password', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.user.userId === null) return c.redirect('/account', 303);
    if (!passwordChangeLimiter.take(String(ctx.user.userId))) {
      c.header('retry-after', String(passwordChangeLimiter.retryAfterSeconds(String(ctx.user.userId))));
      return c.html(<AccountPage c={c} error="För många försök att byta lösenord. Vänta en stund och försök igen." />, 429);
    }
    const body = await c.req.parseBody();
    const next = String(body.password ?? '');
    try {
      if (next !== String(body.repeat ?? '')) throw new InputError({ field: 'repeat', message: 'De två nya lösenorden är inte lika.' });
      await changePassword(db, ctx.user.userId, String(body.current ?? ''), next, ctx.sessionHash, ctx.actor);
    } catch (e) {
      if (e instanceof InputError) return c.html(<AccountPage c={c} error={e.message} />, 400);
      throw e;
    }
    return c.html(<AccountPage c={c} message="Lösenordet är bytt. Dina andra inloggningar har avslutats." />);
  });
  return app;
};
