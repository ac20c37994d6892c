import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { getIntervention } from '../../services/interventions/interventions.ts';
import { progressionAggregatesOf, progressionInstrument, saveProgressionInstrument } from '../../services/interventions/progressionInstruments.ts';
import { statTablesCsv } from '../../exports/statTableExport.ts';
import { formFields } from '../kit/requestBody.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { idParam, yearParam } from './common.ts';
import { InstrumentPage, ProgressionPage, type ProgressionModel } from './progressionPages.tsx';

export async function loadProgression(db: Database, federation: FederationRef, interventionId: number, year: number): Promise<ProgressionModel> {
  const i = await getIntervention(db, federation.id, interventionId);
  return { federation, intervention: { id: i.id, name: i.name }, aggregates: await progressionAggregatesOf(db, federation.id, interventionId, year) };
}

/** Progression: an intervention's suppressed aggregates (page, CSV, JSON) and the förbund's instrument. */
export const interventionProgressionRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/insatser/:id/progression', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'statistics:read', { interventionId: id });
    return c.html(<ProgressionPage model={await loadProgression(db, f, id, yearParam(c))} />);
  });
  app.get('/f/:federationId/insatser/:id/progression.csv', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'statistics:read', { interventionId: id });
    const m = await loadProgression(db, f, id, yearParam(c));
    const body = statTablesCsv(`Progression ${m.aggregates.year}: ${m.intervention.name}`, m.aggregates.indicators.flatMap((i) => [i.changes, i.distribution]), m.aggregates.minCellSize);
    return c.body(body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="progression-${m.aggregates.year}.csv"` });
  });
  app.get('/api/federations/:federationId/interventions/:id/progression-aggregates', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'statistics:read', { interventionId: id });
    return c.json(await progressionAggregatesOf(db, f.id, id, yearParam(c)));
  });
  app.get('/f/:federationId/progression', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'interventions:write');
    return c.html(<InstrumentPage model={{ federation: f, instrument: await progressionInstrument(db, f.id) }} />);
  });
  app.post('/f/:federationId/progression', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'interventions:write');
    await saveProgressionInstrument(db, f.id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/progression`, 'changed');
  });
  return app;
};
