import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv, RequestContext } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { federationLanding } from '../kit/navigation.ts';
import type { AccountNoticeModel } from './accountNotice.tsx';
import { HomePage, type HomePageModel, type HomePlace } from './homePage.tsx';
import { listFederations } from '../../services/federations/federations.ts';

/** The förbund the user may read (id and name, by name). */
async function readableFederations(db: Database, ctx: RequestContext): Promise<{ id: number; name: string }[]> {
  return (await listFederations(db)).filter((f) => ctx.can('federation:read', { federationId: f.id })).map((f) => ({ id: f.id, name: f.name }));
}

/** Who is logged in, for the start page's notice. */
function accountNotice(ctx: RequestContext): AccountNoticeModel {
  if (ctx.mode === 'local') return { mode: 'local' };
  if (ctx.mode === 'session') return { mode: 'session', displayName: ctx.user.displayName, canAdmin: ctx.can('admin') };
  return null;
}

/** The start page's model: the förbund the user has a place of work in, each with where they land. */
export async function loadHomePage(db: Database, ctx: RequestContext): Promise<HomePageModel> {
  const places = (await readableFederations(db, ctx))
    .map((f) => ({ ...f, landing: federationLanding(ctx, f.id) }))
    .filter((f): f is HomePlace => f.landing !== null);
  return {
    national: ctx.mode === 'session' && ctx.principal.national,
    canReadNational: ctx.can('national:read'),
    places,
    account: accountNotice(ctx),
  };
}

/**
 * The start page: each role lands where its work is (kit/navigation.ts federationLanding). A user with one
 * place of work is sent straight there; the system administrator to the förbund and accounts; the national
 * reader gets the statistics of every förbund; anyone else the list of their förbund, each linked to its start.
 */
export const homeRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const ctx = c.get('ctx');
    if (ctx.mode === 'session' && ctx.principal.admin) return c.redirect('/admin/federations', 303);
    // The national reader: the cross-förbund statistics.
    if (ctx.mode === 'session' && ctx.principal.national && ctx.can('national:read')) return c.redirect('/nationell', 303);
    const model = await loadHomePage(db, ctx);
    if (ctx.mode === 'session' && !model.national && model.places.length === 1) return c.redirect(model.places[0]!.landing, 303);
    return c.html(<HomePage model={model} />);
  });

  app.get('/api/federations', async (c) => c.json(await readableFederations(db, c.get('ctx'))));
  return app;
};
