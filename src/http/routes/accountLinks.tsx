import { Hono, type Context } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { redirectWithFlash } from '../views/flash.tsx';
import { Form, PasswordField, SubmitButton, TextField, formState } from '../views/form.tsx';
import { minPasswordLength } from '../../services/auth/passwords.ts';
import { acceptInvitation, findInvitation, findPasswordReset, usePasswordReset } from '../../services/auth/accounts.ts';
import { InputError } from '../../core/errors.ts';
import { federationRoleLabels } from '../../core/access/permissions.ts';

/**
 * The one-time links (services/auth/accounts.ts), reachable without logging in: /inbjudan?t=… to accept an
 * invitation by choosing a password, /aterstall?t=… to set a new password. The token travels in the query
 * string and a hidden field, never in the path (the request log records paths).
 */

/** Choose a password from a one-time link; a refusal draws it again with the name kept and the message beside its field. */
function PasswordForm(props: { action: string; token: string; askName?: boolean; button: string }) {
  const s = formState(props.action);
  return (
    <Form action={props.action} label={props.button}>
      <input type="hidden" name="t" value={props.token} />
      {props.askName ? <TextField {...s.bind('displayName')} label="Ditt namn" autocomplete="name" /> : null}
      <PasswordField name="password" label={`Nytt lösenord (minst ${minPasswordLength} tecken)`} autocomplete="new-password" required minlength={minPasswordLength} error={s.error('password')} />
      <PasswordField name="repeat" label="Upprepa lösenordet" autocomplete="new-password" required minlength={minPasswordLength} error={s.error('repeat')} />
      <SubmitButton label={props.button} />
    </Form>
  );
}

function Gone(props: { title: string }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p class="error" role="alert">
        Länken gäller inte längre: den har redan använts, har gått ut eller har ersatts av en ny. Be den som skickade den om en ny länk.
      </p>
    </Layout>
  );
}

export const accountLinkRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const invitationPage = async (c: Context<AppEnv>, token: string) => {
    const inv = await findInvitation(db, token);
    if (!inv) return c.html(<Gone title="Inbjudan" />, 410);
    return c.html(
      <Layout title="Inbjudan">
        <h1>Inbjudan till Samordna</h1>
        <p>
          Du är inbjuden som <strong>{federationRoleLabels[inv.role].toLowerCase()}</strong> i {inv.federationName}, med e-postadressen{' '}
          <strong>{inv.email}</strong>. Välj ett lösenord.
        </p>
        <PasswordForm action="/inbjudan" token={token} askName button="Ta emot inbjudan" />
      </Layout>,
    );
  };

  app.get('/inbjudan', (c) => invitationPage(c, c.req.query('t') ?? ''));

  app.post('/inbjudan', async (c) => {
    const body = await c.req.parseBody();
    const token = String(body.t ?? '');
    const password = String(body.password ?? '');
    try {
      if (password !== String(body.repeat ?? '')) throw new InputError({ field: 'repeat', message: 'De två lösenorden är inte lika.' });
      const r = await acceptInvitation(db, token, { password, displayName: String(body.displayName ?? '') });
      // The same answer whether the address was new or already had an account (which keeps its password).
      return c.html(
        <Layout title="Inbjudan mottagen">
          <h1>Inbjudan mottagen</h1>
          <p class="notice" role="status">
            Klart. Logga in med {r.email}. Hade adressen redan ett konto i Samordna gäller dess tidigare lösenord, och den nya rollen syns
            när systemadministratören har godkänt den.
          </p>
          <p>
            <a href="/login">Till inloggningen</a>
          </p>
        </Layout>,
      );
    } catch (e) {
      // A link that is gone says so; any other refusal draws the form again (app.tsx renderFormAgain).
      if (e instanceof InputError && e.problems.some((p) => p.field === 'token')) return c.html(<Gone title="Inbjudan" />, 410);
      throw e;
    }
  });

  const resetPage = async (c: Context<AppEnv>, token: string) => {
    const r = await findPasswordReset(db, token);
    if (!r) return c.html(<Gone title="Nytt lösenord" />, 410);
    return c.html(
      <Layout title="Nytt lösenord">
        <h1>Nytt lösenord</h1>
        <p>
          Välj ett nytt lösenord för <strong>{r.email}</strong>. Alla kontots inloggningar avslutas.
        </p>
        <PasswordForm action="/aterstall" token={token} button="Spara lösenordet" />
      </Layout>,
    );
  };

  app.get('/aterstall', (c) => resetPage(c, c.req.query('t') ?? ''));

  app.post('/aterstall', async (c) => {
    const body = await c.req.parseBody();
    const token = String(body.t ?? '');
    const password = String(body.password ?? '');
    try {
      if (password !== String(body.repeat ?? '')) throw new InputError({ field: 'repeat', message: 'De två lösenorden är inte lika.' });
      await usePasswordReset(db, token, password);
    } catch (e) {
      if (e instanceof InputError && e.problems.some((p) => p.field === 'token')) return c.html(<Gone title="Nytt lösenord" />, 410);
      throw e;
    }
    return redirectWithFlash(c, '/login', 'password');
  });
  return app;
};
