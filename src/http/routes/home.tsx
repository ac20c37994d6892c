import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { AccountNotice } from '../views/accountNotice.tsx';
import { federationLanding } from '../views/navigation.ts';

/**
 * The start page: each role lands where its work is (views/navigation.ts federationLanding). A user with one
 * place of work is sent straight there; the system administrator to the förbund and accounts; the national
 * reader gets the statistics of every förbund; anyone else the list of their förbund, each linked to its start.
 */
export const homeRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const ctx = c.get('ctx');
    const federations = (await db.query<{ id: number; name: string }>('select id, name from federation order by name')).filter((f) =>
      ctx.can('federation:read', { federationId: f.id }),
    );
    if (ctx.mode === 'session' && ctx.principal.admin) return c.redirect('/admin/federations', 303);
    // The national reader: the cross-förbund statistics.
    if (ctx.mode === 'session' && ctx.principal.national && ctx.can('national:read')) return c.redirect('/nationell', 303);
    const places = federations
      .map((f) => ({ ...f, landing: federationLanding(ctx, f.id) }))
      .filter((f): f is { id: number; name: string; landing: string } => f.landing !== null);
    if (ctx.mode === 'session' && !ctx.principal.national && places.length === 1) return c.redirect(places[0]!.landing, 303);
    const national = ctx.mode === 'session' && ctx.principal.national;
    return c.html(
      <Layout title={national ? 'Statistik i alla förbund' : 'Start'}>
        <h1>{national ? 'Statistik i alla förbund' : 'Samordna'}</h1>
        <AccountNotice ctx={ctx} />
        {national ? (
          <p>Deltagarstatistiken per förbund, med små tal dolda. Välj förbund.</p>
        ) : null}
        {ctx.can('national:read') ? (
          <p>
            <a href="/nationell">Nationell jämförelse</a> – alla förbunds deltagare och ekonomi sida vid sida, och statens fördelning.
          </p>
        ) : null}
        {places.length ? (
          <>
            <h2>Förbund</h2>
            <ul>
              {places.map((f) => (
                <li>
                  <a href={f.landing}>{f.name}</a>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{ctx.mode === 'session' ? 'Ditt konto har ingen roll i något förbund ännu. Kontakta förbundets kansli.' : 'Det finns inga förbund ännu.'}</p>
        )}
      </Layout>,
    );
  });

  app.get('/api/federations', async (c) => {
    const rows = await db.query<{ id: number; name: string }>('select id, name from federation order by name');
    return c.json(rows.filter((f) => c.get('ctx').can('federation:read', { federationId: f.id })));
  });
  return app;
};
