/** The login page, for the login form and for a sign-in elsewhere (OpenID Connect) that failed. */
import { Layout } from '../kit/layout.tsx';
import { Form, PasswordField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { safeNext } from '../security/redirect.ts';

export interface LoginPageModel {
  /** Where a successful login goes (already checked: a path on this site). */
  readonly next: string;
  /** No accounts yet: Samordna runs as the local administrator. */
  readonly local: boolean;
  /** The button text of the OpenID Connect login, when it is configured. */
  readonly oidcLabel: string | null;
  /** A sign-in elsewhere that failed (OpenID Connect), not this form's refusals. */
  readonly error?: string | undefined;
}

export function LoginPage(props: { model: LoginPageModel }) {
  const m = props.model;
  // After a refused attempt the page is drawn again (app.tsx renderFormAgain) with the address typed, never the password.
  const s = formState('/login');
  return (
    <Layout title="Logga in">
      <h1>Logga in</h1>
      {m.local ? (
        <p class="warning">
          Det finns inga användarkonton ännu, så Samordna körs som lokal administratör utan inloggning. Skapa den första
          administratören med <code>npx samordna user add --admin --email …</code>.
        </p>
      ) : null}
      {m.error ? (
        <p class="error" role="alert">
          {m.error}
        </p>
      ) : null}
      <Form action="/login" label="Logga in">
        <input type="hidden" name="next" value={s.posted ? safeNext(s.value('next')) : m.next} />
        <TextField {...s.bind('email')} label="E-postadress" type="email" autocomplete="username" required />
        <PasswordField name="password" label="Lösenord" autocomplete="current-password" required error={s.error('password')} />
        <SubmitButton label="Logga in" />
      </Form>
      {m.oidcLabel !== null ? (
        <p>
          <a class="button" href="/login/oidc">
            {m.oidcLabel}
          </a>
        </p>
      ) : null}
    </Layout>
  );
}
