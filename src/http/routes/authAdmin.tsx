import { Hono } from 'hono';
import { redirectWithFlash } from '../views/flash.tsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import type { RouteModule } from '../app.tsx';
import { requirePermission, type AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { Form, SubmitButton, TextField, formState } from '../views/form.tsx';
import { pathId } from '../params.ts';
import { createFederation, getFederation, listFederationsWithUserCounts, updateFederation, type FederationInfo } from '../../services/federations/federations.ts';
import type { Database } from '../../db/database.ts';

const orgHint = 'NNNNNN-NNNN, frivilligt. Kontrollsiffran prövas.';

async function FederationsPage(props: { db: Database }) {
  const rows = await listFederationsWithUserCounts(props.db);
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
          {rows.map((f) => (
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

function FederationPage(props: { federation: FederationInfo }) {
  const f = props.federation;
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

/** The system administrator's pages: the förbund of the installation. */
export const authAdminRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/admin/federations', async (c) => {
    requirePermission(c, 'admin');
    return c.html(await FederationsPage({ db }));
  });

  app.post('/admin/federations', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const body = await c.req.parseBody();
    await createFederation(db, { name: String(body.name ?? ''), organisationNumber: String(body.organisationNumber ?? '') }, ctx.actor);
    return redirectWithFlash(c, '/admin/federations', 'federation');
  });

  app.get('/admin/federations/:federationId', async (c) => {
    requirePermission(c, 'admin');
    return c.html(FederationPage({ federation: await getFederation(db, pathId(c, 'federationId')) }));
  });

  app.post('/admin/federations/:federationId', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const id = pathId(c, 'federationId');
    const body = await c.req.parseBody();
    await updateFederation(db, id, { name: String(body.name ?? ''), organisationNumber: String(body.organisationNumber ?? '') }, ctx.actor);
    return redirectWithFlash(c, '/admin/federations', 'federation-updated');
  });
  return app;
};
