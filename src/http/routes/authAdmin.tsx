import type { Context } from 'hono';
import { redirectWithFlash } from '../views/flash.tsx';
import { ScrollTable } from '../views/scrollTable.tsx';
import type { RouteModule } from '../app.tsx';
import { requirePermission, type AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { csrfField } from '../security/csrfField.tsx';
import { InputError } from '../../core/errors.ts';
import { createFederation } from '../../services/auth/federations.ts';
import type { Database } from '../../db/database.ts';

async function FederationsPage(props: { c: Context<AppEnv>; db: Database; error?: string }) {
  const rows = await props.db.query<{ id: number; name: string; organisationNumber: string | null; users: number }>(
    `select f.id, f.name, f.organisation_number as "organisationNumber", count(r.user_id)::int as users
     from federation f left join federation_role r on r.federation_id = f.id group by f.id order by f.name`,
  );
  return (
    <Layout title="Förbund i installationen">
      <h1>Förbund i installationen</h1>
      {props.error ? <p class="error" role="alert">{props.error}</p> : null}
      <ScrollTable>
        <table>
        <caption>Förbund</caption>
        <thead>
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Organisationsnummer</th>
            <th scope="col" class="num">Användare</th>
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
            </tr>
          ))}
        </tbody>
        </table>
      </ScrollTable>
      <h2>Lägg till förbund</h2>
      <form method="post" action="/admin/federations">
        {csrfField(props.c)}
        <label for="name">Namn</label>
        <input id="name" name="name" type="text" required />
        <label for="organisationNumber">Organisationsnummer (NNNNNN-NNNN, frivilligt)</label>
        <input id="organisationNumber" name="organisationNumber" type="text" />
        <p>
          <button type="submit">Lägg till</button>
        </p>
      </form>
      <p>
        <a href="/admin/users">Alla användare</a>
      </p>
    </Layout>
  );
}

/** The system administrator's pages: the förbund of the installation. */
export const authAdminRoutes: RouteModule = (app, { db }) => {
  app.get('/admin/federations', async (c) => {
    requirePermission(c, 'admin');
    return c.html(await FederationsPage({ c, db }));
  });

  app.post('/admin/federations', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const body = await c.req.parseBody();
    try {
      await createFederation(db, { name: String(body.name ?? ''), organisationNumber: String(body.organisationNumber ?? '') }, ctx.actor);
    } catch (e) {
      if (e instanceof InputError) return c.html(await FederationsPage({ c, db, error: e.message }), 400);
      throw e;
    }
    return redirectWithFlash(c, '/admin/federations', 'federation');
  });
};
