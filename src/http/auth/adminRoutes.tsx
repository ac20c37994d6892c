import { Hono } from 'hono';
import { redirectWithFlash } from '../kit/flash.tsx';
import type { RouteModule } from '../kit/routeModule.ts';
import { requirePermission, type AppEnv } from '../context.ts';
import { pathId } from '../kit/params.ts';
import { FederationPage, FederationsPage, type FederationPageModel, type FederationsPageModel } from './adminPages.tsx';
import { createFederation, getFederation, listFederationsWithUserCounts, updateFederation } from '../../services/federations/federations.ts';
import type { Database } from '../../db/database.ts';

/** Every förbund of the installation, with its number of users. */
export async function loadFederationsPage(db: Database): Promise<FederationsPageModel> {
  return { federations: await listFederationsWithUserCounts(db) };
}

/** One förbund, to change its name and organisation number. */
export async function loadFederationPage(db: Database, federationId: number): Promise<FederationPageModel> {
  return { federation: await getFederation(db, federationId) };
}

/** The system administrator's pages: the förbund of the installation. */
export const authAdminRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/admin/federations', async (c) => {
    requirePermission(c, 'admin');
    return c.html(<FederationsPage model={await loadFederationsPage(db)} />);
  });

  app.post('/admin/federations', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const body = await c.req.parseBody();
    await createFederation(db, { name: String(body.name ?? ''), organisationNumber: String(body.organisationNumber ?? ''), county: String(body.county ?? '') }, ctx.actor);
    return redirectWithFlash(c, '/admin/federations', 'federation');
  });

  app.get('/admin/federations/:federationId', async (c) => {
    requirePermission(c, 'admin');
    return c.html(<FederationPage model={await loadFederationPage(db, pathId(c, 'federationId'))} />);
  });

  app.post('/admin/federations/:federationId', async (c) => {
    const ctx = requirePermission(c, 'admin');
    const id = pathId(c, 'federationId');
    const body = await c.req.parseBody();
    await updateFederation(db, id, { name: String(body.name ?? ''), organisationNumber: String(body.organisationNumber ?? ''), county: String(body.county ?? '') }, ctx.actor);
    return redirectWithFlash(c, '/admin/federations', 'federation-updated');
  });
  return app;
};
