import { Hono } from 'hono';
import type { AppEnv, FederationRef, RequestContext } from '../context.ts';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { getIntervention, listInterventions } from '../../services/interventions/interventions.ts';
import { participantStatistics } from '../../services/interventions/statistics.ts';
import { latestPublishedYear, publishedStatistics } from '../../services/interventions/publishedStatistics.ts';
import type { Database } from '../../db/database.ts';
import { followUpCsv, followUpFileName, followUpXlsx } from '../../exports/interventionFollowUp.ts';
import { idParam, isOwnStaff } from './common.ts';
import { queryYear } from '../kit/params.ts';
import { currentYear } from '../../core/calendar.ts';
import { parseYear, valueOrThrow } from '../../core/input/index.ts';
import { FederationStatisticsPage, InterventionStatisticsPage, type FederationStatisticsModel, type InterventionStatisticsModel } from './statisticsPages.tsx';

/** The förbund's statistics of the year: live for the local single user, else the frozen publication. */
export async function loadFederationStatistics(db: Database, federation: FederationRef, ctx: RequestContext, year: number): Promise<FederationStatisticsModel> {
  const all = (await listInterventions(db, federation.id)).filter((i) => i.kind === 'individual');
  // Every role that may read the förbund's statistics sees all its interventions (suppressed), the same
  // figures for kansli, styrelse, revisor and the national reader: the frozen publication of closed years.
  const live = ctx.principal.local;
  const { stats, publishedFrom } = live
    ? { stats: await participantStatistics(db, federation.id, year, { interventionIds: all.map((i) => i.id) }), publishedFrom: '' }
    : await publishedStatistics(db, federation.id, year);
  return { federation, year, live, stats, publishedFrom, interventionNames: all.map((i) => i.name) };
}

/** One intervention's statistics of the year: live for its own staff, else the frozen publication. */
export async function loadInterventionStatistics(db: Database, federation: FederationRef, id: number, ctx: RequestContext, year: number): Promise<InterventionStatisticsModel> {
  const intervention = await getIntervention(db, federation.id, id);
  const live = isOwnStaff(ctx, federation.id, id);
  if (live) return { federation, year, intervention, live, stats: await participantStatistics(db, federation.id, year, { interventionIds: [id] }), publishedFrom: '' };
  const { stats, publishedFrom } = await publishedStatistics(db, federation.id, year, { interventionId: id });
  return { federation, year, intervention, live, stats, publishedFrom };
}

/** Statistics pages (förbund and per intervention), with charts, and the national follow-up export. */
export const interventionStatisticsRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/statistik', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'statistics:read');
    const year = queryYear(c) ?? (ctx.principal.local ? currentYear() : ((await latestPublishedYear(db, f.id, currentYear())) ?? currentYear()));
    return c.html(<FederationStatisticsPage model={await loadFederationStatistics(db, f, ctx, year)} />);
  });

  app.get('/f/:federationId/insatser/:id/statistik', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'statistics:read', { interventionId: id });
    const year = queryYear(c) ?? (isOwnStaff(ctx, f.id, id) ? currentYear() : ((await latestPublishedYear(db, f.id, currentYear(), { interventionId: id })) ?? currentYear()));
    return c.html(<InterventionStatisticsPage model={await loadInterventionStatistics(db, f, id, ctx, year)} />);
  });

  app.get('/f/:federationId/insatser/:id/:file{uppfoljning-[0-9]{4}\\.(csv|xlsx)}', async (c) => {
    const file = c.req.param('file');
    const year = valueOrThrow(parseYear(file.slice(12, 16)), { field: 'year' });
    const ext = file.endsWith('.csv') ? 'csv' : 'xlsx';
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'statistics:read', { interventionId: id });
    const intervention = await getIntervention(db, f.id, id);
    const stats = isOwnStaff(ctx, f.id, id)
      ? await participantStatistics(db, f.id, year, { interventionIds: [id] })
      : (await publishedStatistics(db, f.id, year, { interventionId: id })).stats;
    if (!stats) return c.text(`Statistiken för ${year} är inte publicerad än (året har inte stängts).`, 404);
    const name = followUpFileName(intervention.name, year, ext);
    if (ext === 'csv') {
      return c.body(followUpCsv(intervention.name, stats), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
    }
    const data = await followUpXlsx(intervention.name, stats);
    return c.body(data as unknown as ArrayBuffer, 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}"`,
    });
  });
  return app;
};
