/**
 * The pages of the one-time links, reachable without logging in: accepting an invitation (/inbjudan) and
 * choosing a new password (/aterstall), each with its password form, and the page for a link that is gone.
 */
import { Layout } from '../kit/layout.tsx';
import { Form, PasswordField, SubmitButton, TextField, formState } from '../kit/form.tsx';
import { federationRoleLabels, type FederationRole } from '../../core/access/permissions.ts';
import { minPasswordLength } from '../../core/access/accountRules.ts';

/** An open invitation, shown to whoever holds its link. */
export interface InvitationPageModel {
  readonly token: string;
  readonly role: FederationRole;
  readonly federationName: string;
  readonly email: string;
}

/** An open password-reset link. */
export interface PasswordResetPageModel {
  readonly token: string;
  readonly email: string;
}

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

/** A link that was used, has expired or was replaced (answered 410). */
export function LinkGonePage(props: { title: string }) {
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      <p class="error" role="alert">
        Länken gäller inte längre: den har redan använts, har gått ut eller har ersatts av en ny. Be den som skickade den om en ny länk.
      </p>
    </Layout>
  );
}

export function InvitationPage(props: { model: InvitationPageModel }) {
  const inv = props.model;
  return (
    <Layout title="Inbjudan">
      <h1>Inbjudan till Samordna</h1>
      <p>
        Du är inbjuden som <strong>{federationRoleLabels[inv.role].toLowerCase()}</strong> i {inv.federationName}, med e-postadressen{' '}
        <strong>{inv.email}</strong>. Välj ett lösenord.
      </p>
      <PasswordForm action="/inbjudan" token={inv.token} askName button="Ta emot inbjudan" />
    </Layout>
  );
}

/** The same answer whether the address was new or already had an account (which keeps its password). */
export function InvitationAcceptedPage(props: { email: string }) {
  return (
    <Layout title="Inbjudan mottagen">
      <h1>Inbjudan mottagen</h1>
      <p class="notice" role="status">
        Klart. Logga in med {props.email}. Hade adressen redan ett konto i Samordna gäller dess tidigare lösenord, och den nya rollen syns
        när systemadministratören har godkänt den.
      </p>
      <p>
        <a href="/login">Till inloggningen</a>
      </p>
    </Layout>
  );
}

export function PasswordResetPage(props: { model: PasswordResetPageModel }) {
  const r = props.model;
  return (
    <Layout title="Nytt lösenord">
      <h1>Nytt lösenord</h1>
      <p>
        Välj ett nytt lösenord för <strong>{r.email}</strong>. Alla kontots inloggningar avslutas.
      </p>
      <PasswordForm action="/aterstall" token={r.token} button="Spara lösenordet" />
    </Layout>
  );
}
