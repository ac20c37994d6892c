import type { RouteModule } from '../app.tsx';
import { Layout } from '../views/layout.tsx';
import { AccountNotice } from '../views/accountNotice.tsx';

/** The start page: the förbund this installation holds. */
export const homeRoutes: RouteModule = (app, { db }) => {
  app.get('/', async (c) => {
    const federations = (await db.query<{ id: number; name: string }>('select id, name from federation order by name')).filter((f) =>
      c.get('ctx').can('federation:read', { federationId: f.id }),
    );
    return c.html(
      <Layout title="Start">
        <h1>Samordna</h1>
        <AccountNotice ctx={c.get('ctx')} />
        {c.get('ctx').can('national:read') ? (
          <p>
            <a href="/nationell">Nationell jämförelse</a> – alla förbunds deltagare och ekonomi sida vid sida, och statens fördelning.
          </p>
        ) : null}
        {federations.length ? (
          <>
            <h2>Förbund</h2>
            <ul>
              {federations.map((f) => (
                <li>
                  <a href={`/f/${f.id}`}>{f.name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Det finns inga förbund ännu.</p>
        )}
      </Layout>,
    );
  });

  app.get('/api/federations', async (c) => {
    const rows = await db.query<{ id: number; name: string }>('select id, name from federation order by name');
    return c.json(rows.filter((f) => c.get('ctx').can('federation:read', { federationId: f.id })));
  });
};
