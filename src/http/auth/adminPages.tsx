/** The system administrator's pages: the förbund of the installation (list, new, change) and every account (list, new, one account). */
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { CheckboxGroup, Form, FormSecurityFields, RowAction, SelectField, SubmitButton, TextField, fieldId, formState } from '../kit/form.tsx';
import { swedishCounties } from '../../core/counties.ts';
import { federationRoleLabels } from '../../core/access/permissions.ts';
import type { FederationInfo } from '../../services/federations/federations.ts';
import type { UserRow } from '../../services/auth/users.ts';
import type { Invitation } from '../../services/auth/accounts.ts';
import { installationKindLabels, resetHours, type InstallationKind } from '../../core/access/accountRules.ts';
import { LinkNotice, type OneTimeLink } from './linkNotice.tsx';

const orgHint = 'NNNNNN-NNNN, frivilligt. Kontrollsiffran prövas.';

export interface FederationsPageModel {
  readonly federations: readonly (FederationInfo & { readonly users: number })[];
}

export function FederationsPage(props: { model: FederationsPageModel }) {
  const add = formState('/admin/federations');
  return (
    <Layout title="Förbund i installationen">
      <h1>Förbund i installationen</h1>
      <ScrollTable>
        <table>
        <caption>Förbund</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Organisationsnummer</th>
            <th scope="col" class="num">Användare</th>
            <th scope="col">Ändra</th>
          </tr>
        </thead>
        <tbody>
          {props.model.federations.map((f) => (
            <tr>
              <th scope="row">
                <a href={`/f/${f.id}/users`}>{f.name}</a>
              </th>
              <td>{f.organisationNumber ?? ''}</td>
              <td class="num">{f.users}</td>
              <td>
                <a href={`/admin/federations/${f.id}`}>Ändra<span class="visually-hidden"> {f.name}</span></a>
              </td>
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollTable>
      <h2>Lägg till förbund</h2>
      <Form action="/admin/federations" label="Lägg till förbund">
        <TextField {...add.bind('name')} label="Namn" required />
        <TextField {...add.bind('organisationNumber')} label="Organisationsnummer" hint={orgHint} />
        <SelectField {...add.bind('county')} label="Län" hint={countyHint} options={countyOptions} placeholder="– inget län valt –" />
        <SubmitButton label="Lägg till" />
      </Form>
      <p>
        <a href="/admin/users">Alla användare</a>
      </p>
    </Layout>
  );
}

const countyOptions = swedishCounties.map((c) => ({ value: c, label: c }));
const countyHint = 'Det nationella underlaget och katalogen grupperar förbunden efter län.';

export interface FederationPageModel {
  readonly federation: FederationInfo;
}

export function FederationPage(props: { model: FederationPageModel }) {
  const f = props.model.federation;
  const action = `/admin/federations/${f.id}`;
  const form = formState(action, { name: f.name, organisationNumber: f.organisationNumber, county: f.county });
  return (
    <Layout title={`Ändra ${f.name}`}>
      <h1>Ändra {f.name}</h1>
      <Form action={action} label={`Ändra ${f.name}`}>
        <TextField {...form.bind('name')} label="Namn" required />
        <TextField {...form.bind('organisationNumber')} label="Organisationsnummer" hint={orgHint} />
        <SelectField {...form.bind('county')} label="Län" hint={countyHint} options={countyOptions} placeholder="– inget län valt –" />
        <SubmitButton label="Spara" />
      </Form>
      <p>
        <a href="/admin/federations">Tillbaka till förbunden</a>
      </p>
    </Layout>
  );
}

/** Every account, the invitations of existing accounts waiting for approval, and the link just made (if any). */
export interface AdminUsersPageModel {
  readonly users: readonly (UserRow & { readonly roles: string })[];
  readonly pending: readonly Invitation[];
  /** The administrator looking: their own account is not offered for disabling (the service refuses it). */
  readonly selfUserId: number | null;
  readonly link?: OneTimeLink | undefined;
}

/** One account of the installation; `own` when it is the administrator's own (which cannot be disabled here). */
export interface AdminUserPageModel {
  readonly user: UserRow & { readonly roles: string };
  readonly own: boolean;
  readonly link?: OneTimeLink | undefined;
  /** The day TOTP was confirmed, or null when the account has no second factor. */
  readonly totpSince: string | null;
}

/** Check boxes for what an account is in the whole installation; posted again after an error. */
function KindChecks(props: { action: string; current: readonly InstallationKind[] }) {
  const s = formState(props.action);
  return (
    <CheckboxGroup
      name="kinds[]"
      legend="Roll i hela installationen"
      idPrefix={fieldId('kinds')}
      options={(['admin', 'national'] as const).map((k) => ({ value: k, label: installationKindLabels[k] }))}
      chosen={s.values('kinds') ?? props.current}
      error={s.error('kinds')}
    />
  );
}

function KindsForm(props: { action: string; current: readonly InstallationKind[] }) {
  return (
    <Form action={props.action} label="Roller i hela installationen">
      <KindChecks action={props.action} current={props.current} />
      <SubmitButton label="Spara rollerna" />
    </Form>
  );
}

function InstallationAccountForm() {
  const action = '/admin/users';
  const s = formState(action);
  return (
    <section aria-labelledby="new-account">
      <h2 id="new-account">Nytt konto för hela installationen</h2>
      <p>
        Kontot får en engångslänk (gäller i {resetHours} timmar) där personen väljer sitt lösenord. Har adressen redan ett konto får det rollen
        direkt.
      </p>
      <Form action={action} label="Nytt konto för hela installationen">
        <TextField {...s.bind('email')} label="E-postadress" required autocomplete="off" />
        <TextField {...s.bind('displayName')} label="Namn" />
        <KindChecks action={action} current={[]} />
        <SubmitButton label="Skapa kontot" />
      </Form>
    </section>
  );
}

export function AdminUsersPage(props: { model: AdminUsersPageModel }) {
  const { users, pending, link } = props.model;
  return (
    <Layout title="Alla användare">
      <h1>Alla användare</h1>
      {link ? <LinkNotice {...link} /> : null}
      <p>
        Roller i ett förbund ges under Användare i förbundet (<a href="/admin/federations">Förbund</a>). Konton för hela installationen –
        systemadministratörer och nationella läsare – skapas och ändras här.
      </p>
      <InstallationAccountForm />
      {pending.length ? (
        <ScrollTable label="Inbjudningar som väntar på godkännande">
          <table>
            <caption>Inbjudningar till befintliga konton, att godkänna</caption>
            <thead>
              <tr>
                <th scope="col">E-post</th>
                <th scope="col">Förbund</th>
                <th scope="col">Roll</th>
                <th scope="col">Inbjuden av</th>
                <th scope="col">Beslut</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((i) => (
                <tr>
                  <th scope="row">{i.email}</th>
                  <td>{i.federationName}</td>
                  <td>{federationRoleLabels[i.role]}</td>
                  <td>{i.createdBy}</td>
                  <td>
                    <RowAction action={`/admin/invitations/${i.id}/approve`} label="Godkänn" accessibleName={`Godkänn rollen för ${i.email} i ${i.federationName}`} />{' '}
                    <RowAction action={`/admin/invitations/${i.id}/decline`} label="Avslå" accessibleName={`Avslå rollen för ${i.email} i ${i.federationName}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <ScrollTable label="Användarkonton">
        <table>
          <caption>Användarkonton i installationen</caption>
          <thead>
            <tr>
              <th scope="col">E-post</th>
              <th scope="col">Namn</th>
              <th scope="col">Slag</th>
              <th scope="col">Roller</th>
              <th scope="col">Konto</th>
              <th scope="col">Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`/admin/users/${u.id}`}>{u.email}</a>
                </th>
                <td>{u.displayName}</td>
                <td>{[u.isAdmin ? 'Administratör' : '', u.isNational ? 'Nationell läsare' : ''].filter(Boolean).join(', ') || '–'}</td>
                <td>{u.roles}</td>
                <td>{u.disabled ? 'Avstängt' : 'Aktivt'}</td>
                <td>
                  <RowAction action={`/admin/users/${u.id}/reset`} label="Nytt lösenord" accessibleName={`Länk för nytt lösenord för ${u.email}`} />{' '}
                  {u.id === props.model.selfUserId ? null : (
                    <RowAction action={`/admin/users/${u.id}/${u.disabled ? 'enable' : 'disable'}`} label={u.disabled ? 'Slå på' : 'Stäng av'} accessibleName={`${u.disabled ? 'Slå på' : 'Stäng av'} ${u.email}`} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </Layout>
  );
}

export function AdminUserPage(props: { model: AdminUserPageModel }) {
  const { user: u, own, link } = props.model;
  const base = `/admin/users/${u.id}`;
  return (
    <Layout title={u.email}>
      <h1>{u.displayName || u.email}</h1>
      <p>
        <a href="/admin/users">Alla användare</a>
      </p>
      {link ? <LinkNotice {...link} /> : null}
      <dl class="facts">
        <dt>E-post</dt>
        <dd>{u.email}</dd>
        <dt>Roller i förbund</dt>
        <dd>{u.roles || '–'}</dd>
        <dt>Konto</dt>
        <dd>{u.disabled ? 'Avstängt' : 'Aktivt'}</dd>
      </dl>
      <h2>Roller i hela installationen</h2>
      <KindsForm action={`${base}/kinds`} current={[...(u.isAdmin ? ['admin' as const] : []), ...(u.isNational ? ['national' as const] : [])]} />
      <h2>Kontot</h2>
      <form method="post" action={`${base}/reset`}>
        <FormSecurityFields />
        <p>Skapa en länk där användaren väljer ett nytt lösenord (gäller i {resetHours} timmar, en gång). Kontots inloggningar avslutas när lösenordet byts.</p>
        <button type="submit">Skapa länk för nytt lösenord</button>
      </form>
      <h2>Tvåstegsverifiering</h2>
      {props.model.totpSince ? (
        <form method="post" action={`${base}/mfa-reset`}>
          <FormSecurityFields />
          <p>
            Autentiseringsapp sedan {props.model.totpSince}. Återställ den om personen har tappat telefonen och reservkoderna: appen
            och reservkoderna slutar gälla, kontots inloggningar avslutas och personen lägger till en ny vid nästa inloggning.
          </p>
          <button type="submit">Återställ tvåstegsverifieringen</button>
        </form>
      ) : (
        <p>Ingen tvåstegsverifiering.</p>
      )}
      {own ? (
        <p>Ditt eget konto kan du inte stänga av här.</p>
      ) : (
        <form method="post" action={`${base}/${u.disabled ? 'enable' : 'disable'}`}>
          <FormSecurityFields />
          <p>{u.disabled ? 'Kontot är avstängt.' : 'Ett avstängt konto kan inte logga in; dess inloggningar avslutas.'}</p>
          <button type="submit">{u.disabled ? 'Slå på kontot' : 'Stäng av kontot'}</button>
        </form>
      )}
    </Layout>
  );
}
