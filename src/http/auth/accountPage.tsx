/** "Mitt konto": who is logged in, the second factor, the live sessions, logout (here and everywhere) and the password change. */
import { Layout } from '../kit/layout.tsx';
import { Form, FormSecurityFields, PasswordField, SubmitButton, formState } from '../kit/form.tsx';
import { minPasswordLength } from '../../core/access/accountRules.ts';
import type { FactorSummary } from '../../services/auth/secondFactor.ts';
import type { SessionListItem } from '../../services/auth/sessions.ts';
import { ScrollTable } from '../kit/scrollTable.tsx';

export interface AccountPageModel {
  /** The logged-in user (name and e-mail address), or null in the local mode without accounts. */
  readonly user: { readonly displayName: string; readonly id: string } | null;
  readonly factors: FactorSummary | null;
  readonly sessions: readonly SessionListItem[];
}

const methodLabels: Record<SessionListItem['method'], string> = { password: 'Lösenord', oidc: 'Organisationens konto' };
const secondFactorLabels: Record<NonNullable<SessionListItem['secondFactor']>, string> = {
  totp: 'kod från app',
  recovery: 'reservkod',
  provider: 'flera faktorer hos leverantören',
};

function SecondFactorSection(props: { factors: FactorSummary }) {
  const f = props.factors;
  return (
    <>
      <h2>Tvåstegsverifiering</h2>
      {f.totpSince ? (
        <p>
          Autentiseringsapp (TOTP), tillagd {f.totpSince}. Oanvända reservkoder: {f.recoveryCodesLeft} av 10. Har du tappat telefonen
          ber du systemadministratören återställa tvåstegsverifieringen.
        </p>
      ) : (
        <form method="post" action="/account/mfa/start">
          <FormSecurityFields />
          <p>Ingen tvåstegsverifiering.</p>
          <button type="submit">Lägg till en autentiseringsapp</button>
        </form>
      )}
    </>
  );
}

function SessionsSection(props: { sessions: readonly SessionListItem[] }) {
  return (
    <>
      <h2 id="sessions-title">Inloggningar</h2>
      <ScrollTable labelledBy="sessions-title">
      <table>
        <caption>Dina pågående inloggningar</caption>
        <thead>
          <tr>
            <th scope="col">Enhet</th>
            <th scope="col">Sätt</th>
            <th scope="col">Inloggad</th>
            <th scope="col">Senast aktiv</th>
            <th scope="col">
              <span class="visually-hidden">Åtgärd</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <td>
                {s.device || 'Okänd enhet'}
                {s.current ? ' (den här)' : ''}
              </td>
              <td>
                {methodLabels[s.method]}
                {s.secondFactor ? ` + ${secondFactorLabels[s.secondFactor]}` : ''}
              </td>
              <td>{s.createdAt}</td>
              <td>{s.lastSeenAt}</td>
              <td>
                <form method="post" action={`/account/sessions/${s.id}/end`}>
                  <FormSecurityFields />
                  <button type="submit">{s.current ? 'Logga ut här' : 'Avsluta'}</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollTable>
    </>
  );
}

export function AccountPage(props: { model: AccountPageModel }) {
  const { user, factors, sessions } = props.model;
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
          {factors ? <SecondFactorSection factors={factors} /> : null}
          <SessionsSection sessions={sessions} />
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
