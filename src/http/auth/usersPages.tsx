/**
 * A förbund's users, for its kansli (and the system administrator): the list with open invitations and the
 * invitation form, and one user's page (role, password link, disable, remove the role).
 */
import type { FederationRef } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { ScrollTable } from '../kit/scrollTable.tsx';
import { CheckboxGroup, FormSecurityFields, type FieldErrors } from '../kit/form.tsx';
import { RemoveForm, RemoveInRow } from '../kit/removal.tsx';
import { formatLocalDateTime } from '../../core/format.ts';
import { federationRoleLabels, federationRoles } from '../../core/access/permissions.ts';
import type { Invitation, ManagedUserRow } from '../../services/auth/accounts.ts';
import { invitationDays, resetHours } from '../../core/access/accountRules.ts';
import { LinkNotice, type OneTimeLink } from './linkNotice.tsx';

type InterventionName = { readonly id: number; readonly name: string };

/** The förbund's users, its open invitations and the invitation form (with what was typed when it was refused). */
export interface UsersPageModel {
  readonly federation: FederationRef;
  readonly users: readonly ManagedUserRow[];
  readonly invitations: readonly Invitation[];
  readonly interventions: readonly InterventionName[];
  /** Mail is on: the invitation is sent to the address instead of shown (absent: off). */
  readonly mailOn?: boolean;
  /** Why the invitation was refused. */
  readonly error?: string | undefined;
  /** The invitation link just made. */
  readonly link?: OneTimeLink | undefined;
  /** Why a field of the invitation form was refused, beside the field (email, displayName, role, interventionIds). */
  readonly fieldErrors?: FieldErrors | undefined;
  /** The invitation form as posted when it was refused. */
  readonly values?: { readonly email: string; readonly displayName: string; readonly role: string; readonly interventionIds: readonly number[] } | undefined;
}

/** One user of the förbund; `admin` when the system administrator looks (who manages the whole account). */
export interface UserPageModel {
  readonly federation: FederationRef;
  readonly user: ManagedUserRow;
  readonly interventions: readonly InterventionName[];
  readonly admin: boolean;
  /** Why the role change was refused. */
  readonly error?: string | undefined;
  /** Why a field of the role form was refused, beside the field (role, interventionIds). */
  readonly fieldErrors?: FieldErrors | undefined;
  /** The password link just made. */
  readonly link?: OneTimeLink | undefined;
}

function RoleFields(props: {
  idPrefix: string;
  interventions: readonly InterventionName[];
  role?: string | undefined;
  selected?: readonly number[] | undefined;
  errors?: FieldErrors | undefined;
}) {
  const p = props.idPrefix;
  const roleError = props.errors?.['role'];
  return (
    <>
      <label for={`${p}-role`}>Roll</label>
      {roleError ? (
        <span class="field-error" id={`${p}-role-error`}>
          <span class="visually-hidden">Fel: </span>
          {roleError}
        </span>
      ) : null}
      <select id={`${p}-role`} name="role" required aria-invalid={roleError ? 'true' : undefined} aria-describedby={roleError ? `${p}-role-error` : undefined}>
        <option value="" selected={!props.role}>
          – välj roll –
        </option>
        {federationRoles.map((r) => (
          <option value={r} selected={props.role === r}>
            {federationRoleLabels[r]}
          </option>
        ))}
      </select>
      <CheckboxGroup
        name="interventionIds[]"
        legend="Insatser (bara för insatspersonal)"
        idPrefix={`${p}-i`}
        options={props.interventions.map((i) => ({ value: String(i.id), label: i.name }))}
        chosen={(props.selected ?? []).map(String)}
        error={props.errors?.['interventionIds']}
        empty={<p class="muted">Förbundet har inga insatser ännu.</p>}
      />
    </>
  );
}

export function UsersPage(props: { model: UsersPageModel }) {
  const { federation: f, users, error } = props.model;
  const names = new Map(props.model.interventions.map((i) => [i.id, i.name]));
  const v = props.model.values;
  return (
    <Layout title="Användare" federation={f}>
      <h1>Användare</h1>
      {props.model.link ? <LinkNotice {...props.model.link} /> : null}
      {error ? (
        <p class="error pre-line" role="alert" id="invite-error">
          {error}
        </p>
      ) : null}
      <ScrollTable label="Användare med roll i förbundet">
        <table>
          <caption>Användare med roll i {f.name}</caption>
          <thead>
            <tr>
              <th scope="col">Namn</th>
              <th scope="col">E-post</th>
              <th scope="col">Roll</th>
              <th scope="col">Insatser</th>
              <th scope="col">Konto</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr>
                <th scope="row">
                  <a href={`/f/${f.id}/users/${u.id}`}>{u.displayName}</a>
                </th>
                <td>{u.email}</td>
                <td>{federationRoleLabels[u.role]}</td>
                <td>{u.interventionIds.map((id) => names.get(Number(id)) ?? '–').join(', ')}</td>
                <td>{u.disabled ? 'Avstängt' : 'Aktivt'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {props.model.invitations.length ? (
        <ScrollTable label="Inbjudningar">
          <table>
            <caption>Inbjudningar</caption>
            <thead>
              <tr>
                <th scope="col">E-post</th>
                <th scope="col">Roll</th>
                <th scope="col">Läge</th>
                <th scope="col">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {props.model.invitations.map((i) => (
                <tr>
                  <th scope="row">{i.email}</th>
                  <td>{federationRoleLabels[i.role]}</td>
                  <td>{`Länken gäller till ${formatLocalDateTime(i.expiresAt)}`}</td>
                  <td>
                    <RemoveInRow action={`/f/${f.id}/users/invitations/${i.id}/revoke`} what={`inbjudan till ${i.email}`} note="Länken i inbjudan slutar gälla." />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <h2>Bjud in en användare</h2>
      <p>
        {props.model.mailOn ? 'Inbjudan skickas med e-post till adressen, med en länk' : 'Du får en länk'} som gäller i {invitationDays} dagar och kan användas en gång. Den som öppnar den väljer sitt lösenord. Har
        adressen redan ett konto i Samordna får kontot rollen när systemadministratören har godkänt det.
      </p>
      <form method="post" action={`/f/${f.id}/users`}>
        <FormSecurityFields />
        <label for="email">E-postadress</label>
        {props.model.fieldErrors?.['email'] ? (
          <span class="field-error" id="email-error">
            <span class="visually-hidden">Fel: </span>
            {props.model.fieldErrors['email']}
          </span>
        ) : null}
        <input
          id="email"
          name="email"
          type="email"
          required
          autocomplete="off"
          value={v?.email ?? ''}
          aria-invalid={props.model.fieldErrors?.['email'] ? 'true' : undefined}
          aria-describedby={props.model.fieldErrors?.['email'] ? 'email-error' : error ? 'invite-error' : undefined}
        />
        <label for="displayName">Namn</label>
        <input id="displayName" name="displayName" type="text" autocomplete="off" value={v?.displayName ?? ''} />
        <RoleFields idPrefix="invite" interventions={props.model.interventions} role={v?.role} selected={v?.interventionIds} errors={props.model.fieldErrors} />
        <p>
          <button type="submit">Skapa inbjudan</button>
        </p>
      </form>
    </Layout>
  );
}

export function UserPage(props: { model: UserPageModel }) {
  const { federation: f, user: u } = props.model;
  const base = `/f/${f.id}/users/${u.id}`;
  const accountWide = u.onlyHere || props.model.admin;
  return (
    <Layout title={u.displayName} federation={f}>
      <h1>{u.displayName}</h1>
      <p>
        <a href={`/f/${f.id}/users`}>Alla användare i förbundet</a>
      </p>
      {props.model.link ? <LinkNotice {...props.model.link} /> : null}
      {props.model.error ? (
        <p class="error pre-line" role="alert">
          {props.model.error}
        </p>
      ) : null}
      <dl class="facts">
        <dt>E-post</dt>
        <dd>{u.email}</dd>
        <dt>Roll</dt>
        <dd>{federationRoleLabels[u.role]}</dd>
        <dt>Konto</dt>
        <dd>{u.disabled ? 'Avstängt' : 'Aktivt'}</dd>
      </dl>
      <h2>Ändra roll</h2>
      <form method="post" action={`${base}/role`}>
        <FormSecurityFields />
        <RoleFields idPrefix="role" interventions={props.model.interventions} role={u.role} selected={u.interventionIds.map(Number)} errors={props.model.fieldErrors} />
        <p>
          <button type="submit">Spara roll</button>
        </p>
      </form>
      <h2>Kontot</h2>
      {accountWide ? (
        <>
          <form method="post" action={`${base}/reset`}>
            <FormSecurityFields />
            <p>Skapa en länk där användaren väljer ett nytt lösenord (gäller i {resetHours} timmar, en gång).</p>
            <button type="submit">Skapa länk för nytt lösenord</button>
          </form>
          <form method="post" action={`${base}/${u.disabled ? 'enable' : 'disable'}`}>
            <FormSecurityFields />
            <p>{u.disabled ? 'Kontot är avstängt.' : 'Ett avstängt konto kan inte logga in; dess inloggningar avslutas.'}</p>
            <button type="submit">{u.disabled ? 'Slå på kontot' : 'Stäng av kontot'}</button>
          </form>
        </>
      ) : (
        <p>Kontot används också utanför förbundet. Lösenord och avstängning hanteras av systemadministratören.</p>
      )}
      <RemoveForm action={`${base}/remove`} what={`rollen i ${f.name}`} note={`Tar bort rollen i ${f.name}. Kontot och dess historik finns kvar.`} />
    </Layout>
  );
}
