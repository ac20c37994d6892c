import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import type { Queryable } from '../../db/database.ts';
import { formFields } from '../kit/requestBody.ts';
import { pathId, pathYear, queryYear } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { currentYear } from '../../core/calendar.ts';
import { addControlPoint, addControlResult, addRisk, adoptInternalControlPlan, internalControlReport } from '../../services/records/internalControl.ts';
import { InternalControlPage, type InternalControlModel } from './internalControlPages.tsx';

export async function loadInternalControl(db: Queryable, federation: FederationRef, year: number, canWrite: boolean): Promise<InternalControlModel> {
  return { federation, report: await internalControlReport(db, federation.id, year), canWrite };
}

/** The internkontrollplan per year: read by kansli, styrelse and revisor (records:read), written by the kansli. */
export const internalControlRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const page = (f: FederationRef, year: number) => `/f/${f.id}/internkontroll?ar=${year}`;

  app.get('/f/:federationId/internkontroll', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:read');
    return c.html(<InternalControlPage model={await loadInternalControl(db, f, queryYear(c) ?? currentYear(), ctx.can('records:write'))} />);
  });
  app.get('/api/federations/:federationId/internal-control/:year', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'records:read');
    return c.json(await internalControlReport(db, f.id, pathYear(c), { knownYearOnly: true }));
  });
  app.post('/f/:federationId/internkontroll/:year/risk', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    const year = pathYear(c);
    await addRisk(db, f.id, year, await formFields(c), ctx.actor);
    return redirectWithFlash(c, page(f, year), 'internal-control');
  });
  app.post('/f/:federationId/internkontroll/:year/punkt', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    const year = pathYear(c);
    await addControlPoint(db, f.id, year, await formFields(c), ctx.actor);
    return redirectWithFlash(c, page(f, year), 'internal-control');
  });
  app.post('/f/:federationId/internkontroll/:year/punkt/:pointId/resultat', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    const year = pathYear(c);
    await addControlResult(db, f.id, year, pathId(c, 'pointId'), await formFields(c), ctx.actor);
    return redirectWithFlash(c, page(f, year), 'internal-control');
  });
  app.post('/f/:federationId/internkontroll/:year/antagen', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    const year = pathYear(c);
    await adoptInternalControlPlan(db, f.id, year, await formFields(c), ctx.actor);
    return redirectWithFlash(c, page(f, year), 'internal-control');
  });
  return app;
};
