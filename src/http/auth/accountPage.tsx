/** "Mitt konto": who is logged in, logout (here and everywhere) and the password change. */
import { Layout } from '../kit/layout.tsx';
import { Form, FormSecurityFields, PasswordField, SubmitButton, formState } from '../kit/form.tsx';
import { minPasswordLength } from '../../core/access/accountRules.ts';

export interface AccountPageModel {
  /** The logged-in user (name and e-mail address), or null in the local mode without accounts. */
  readonly user: { readonly displayName: string; readonly id: string } | null;
}

export function AccountPage(props: { model: AccountPageModel }) {
  const { user } = props.model;
  const s = formState('/account/password');
  return (
    <Layout title="Mitt konto">
      <h1>Mitt konto</h1>
      {user === null ? (
        <p class="warning">
          Samordna körs som lokal administratör: det finns inga användarkonton. Skapa den första administratören med{' '}
          <code>npx samordna user add --admin --email …</code>; därefter krävs inloggning.
        </p>
      ) : (
        <>
          <p>
            Inloggad som <strong>{user.displayName}</strong> ({user.id}).
          </p>
          <form method="post" action="/logout">
            <FormSecurityFields />
            <button type="submit">Logga ut</button>
          </form>
          <h2>Logga ut överallt</h2>
          <p>Avslutar alla dina inloggningar, på alla datorer och webbläsare, också den här.</p>
          <form method="post" action="/logout-everywhere">
            <FormSecurityFields />
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
