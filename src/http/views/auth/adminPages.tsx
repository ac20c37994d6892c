/** The system administrator's pages: the förbund of the installation (list, new, change) and every account (list, new, one account). */
import { Layout } from '../layout.tsx';
import { ScrollTable } from '../scrollTable.tsx';
import { Form, SubmitButton, TextField, formState } from '../form.tsx';
import type { FederationInfo } from '../../../services/federations/federations.ts';

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
        <SubmitButton label="Lägg till" />
      </Form>
      <p>
        <a href="/admin/users">Alla användare</a>
      </p>
    </Layout>
  );
}

export interface FederationPageModel {
  readonly federation: FederationInfo;
}

export function FederationPage(props: { model: FederationPageModel }) {
  const f = props.model.federation;
  const action = `/admin/federations/${f.id}`;
  const form = formState(action, { name: f.name, organisationNumber: f.organisationNumber });
  return (
    <Layout title={`Ändra ${f.name}`}>
      <h1>Ändra {f.name}</h1>
      <Form action={action} label={`Ändra ${f.name}`}>
        <TextField {...form.bind('name')} label="Namn" required />
        <TextField {...form.bind('organisationNumber')} label="Organisationsnummer" hint={orgHint} />
        <SubmitButton label="Spara" />
      </Form>
      <p>
        <a href="/admin/federations">Tillbaka till förbunden</a>
      </p>
    </Layout>
  );
}
