import { Hono, type Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { Form, PasswordField, RefusedForm, SubmitButton, TextField, formState } from '../views/form.tsx';
import { redirectWithFlash } from '../views/flash.tsx';
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

/** The login page; `error` is for a sign-in elsewhere that failed (OpenID Connect), not for this form's refusals. */
export function LoginPage(props: { c: Context<AppEnv>; next: string; error?: string }) {
  const { c } = props;
  const local = c.get('ctx').mode === 'local';
  const oidc = oidcConfigFromEnv();
  // After a refused attempt the page is drawn again (app.tsx renderFormAgain) with the address typed, never the password.
  const s = formState('/login');
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
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      <Form action="/login" label="Logga in">
        <input type="hidden" name="next" value={s.posted ? safeNext(s.value('next')) : props.next} />
        <TextField {...s.bind('email')} label="E-postadress" type="email" autocomplete="username" required />
        <PasswordField name="password" label="Lösenord" autocomplete="current-password" required error={s.error('password')} />
        <SubmitButton label="Logga in" />
      </Form>
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

function AccountPage(props: { c: Context<AppEnv> }) {
  const { c } = props;
  const ctx = c.get('ctx');
  const s = formState('/account/password');
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
          <Form action="/account/password" label="Byt lösenord">
            <PasswordField name="current" label="Nuvarande lösenord" autocomplete="current-password" required error={s.error('current')} />
            <PasswordField name="password" label={`Nytt lösenord (minst ${minPasswordLength} tecken)`} autocomplete="new-password" required minlength={minPasswordLength} error={s.error('password')} />
            <PasswordField name="repeat" label="Upprepa det nya lösenordet" autocomplete="new-password" required minlength={minPasswordLength} error={s.error('repeat')} />
            <SubmitButton label="Byt lösenord" />
          </Form>
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
      throw new RefusedForm({ message: 'För många inloggningsförsök från din dator. Vänta en minut och försök igen.' }, 429, {
        'retry-after': String(loginLimiter.retryAfterSeconds(address)),
      });
    }
    const result = await login(db, email, String(body.password ?? ''));
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
