import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { isBlank, parseId, valueOrThrow } from '../../core/input/index.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { addGrant, addRequisition, addStaffing, createIntervention, getIntervention, listInterventions } from '../../services/interventions/interventions.ts';
import { addGoal, assessGoal, goalInterventionId, listGoals } from '../../services/interventions/goals.ts';
import { closeParticipation, listParticipations, registerParticipation } from '../../services/interventions/participations.ts';
import { addActivity, listActivities } from '../../services/interventions/activities.ts';
import { participantStatistics } from '../../services/interventions/statistics.ts';
import { publishedStatistics } from '../../services/interventions/publishedStatistics.ts';
import { addProgressionMeasurement, listProgression } from '../../services/interventions/progression.ts';
import { idParam, isOwnStaff, yearParam } from './common.ts';
import { jsonBody } from '../kit/requestBody.ts';

/** JSON API under /api/federations/:federationId/… — the same services and permission checks as the pages. */
export const interventionApiRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const base = '/api/federations/:federationId';

  app.get(`${base}/interventions`, async (c) => {
    const f = requireFederation(c);
    const ctx = c.get('ctx');
    return c.json((await listInterventions(db, f.id)).filter((i) => ctx.can('interventions:read', { interventionId: i.id })));
  });

  app.post(`${base}/interventions`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'interventions:write');
    const id = await createIntervention(db, f.id, await jsonBody(c), ctx.actor);
    return c.json(await getIntervention(db, f.id, id), 201);
  });

  app.get(`${base}/interventions/:id`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'interventions:read', { interventionId: id });
    return c.json({ ...(await getIntervention(db, f.id, id)), goals: await listGoals(db, f.id, id) });
  });

  type Write = (d: typeof db, fid: number, id: number, body: Record<string, unknown>, a: { id: string }) => Promise<unknown>;
  const writes: [string, Write][] = [
    ['grants', addGrant],
    ['requisitions', addRequisition],
    ['staffing', addStaffing],
    ['goals', addGoal],
  ];
  for (const [path, write] of writes) {
    app.post(`${base}/interventions/:id/${path}`, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await write(db, f.id, id, await jsonBody(c), ctx.actor);
      return c.json(await getIntervention(db, f.id, id), 201);
    });
  }

  app.post(`${base}/goals/:goalId/assessments`, async (c) => {
    const f = requireFederation(c);
    const goalId = idParam(c, 'goalId');
    const interventionId = await goalInterventionId(db, f.id, goalId);
    const ctx = requirePermission(c, 'interventions:write', interventionId === null ? undefined : { interventionId });
    await assessGoal(db, f.id, goalId, await jsonBody(c), ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId), 201);
  });

  app.get(`${base}/interventions/:id/participations`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    return c.json(await listParticipations(db, f.id, id));
  });

  app.post(`${base}/interventions/:id/participations`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    return c.json(await registerParticipation(db, f.id, id, await jsonBody(c), ctx.actor), 201);
  });

  app.post(`${base}/interventions/:id/participations/:pid/close`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    await closeParticipation(db, f.id, id, idParam(c, 'pid'), await jsonBody(c), ctx.actor);
    return c.json({ ok: true });
  });

  app.get(`${base}/interventions/:id/participations/:pid/progression`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    return c.json(await listProgression(db, f.id, id, idParam(c, 'pid')));
  });

  app.post(`${base}/interventions/:id/participations/:pid/progression`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    await addProgressionMeasurement(db, f.id, id, pid, await jsonBody(c), ctx.actor);
    return c.json(await listProgression(db, f.id, id, pid), 201);
  });

  app.get(`${base}/statistics`, async (c) => {
    const f = requireFederation(c);
    const year = yearParam(c);
    const one = c.req.query('interventionId');
    if (one !== undefined) {
      const id = valueOrThrow(parseId(one), { field: 'interventionId' });
      const ctx = requirePermission(c, 'statistics:read', { interventionId: id });
      if (isOwnStaff(ctx, f.id, id)) return c.json(await participantStatistics(db, f.id, year, { interventionIds: [id] }));
      const { stats, publishedFrom } = await publishedStatistics(db, f.id, year, { interventionId: id });
      return stats ? c.json(stats) : c.json({ error: `Statistiken för ${year} publiceras ${publishedFrom}.` }, 404);
    }
    const ctx = requirePermission(c, 'statistics:read');
    if (ctx.principal.local) {
      const all = (await listInterventions(db, f.id)).filter((i) => i.kind === 'individual');
      return c.json(await participantStatistics(db, f.id, year, { interventionIds: all.map((i) => i.id) }));
    }
    const { stats, publishedFrom } = await publishedStatistics(db, f.id, year);
    return stats ? c.json(stats) : c.json({ error: `Statistiken för ${year} publiceras ${publishedFrom}.` }, 404);
  });

  app.get(`${base}/activities`, async (c) => {
    const f = requireFederation(c);
    const readable = c.get('ctx').interventions('interventions:read');
    if (readable !== 'all' && !readable.length) requirePermission(c, 'interventions:read');
    const rows = await listActivities(db, f.id, yearParam(c));
    return c.json(rows.filter((r) => readable === 'all' || (r.interventionId !== null && readable.includes(r.interventionId))));
  });

  app.post(`${base}/activities`, async (c) => {
    const f = requireFederation(c);
    const body = await jsonBody(c);
    const interventionId = isBlank(body.interventionId) ? undefined : valueOrThrow(parseId(body.interventionId), { field: 'interventionId' });
    const ctx = requirePermission(c, 'activities:write', interventionId ? { interventionId } : undefined);
    const id = await addActivity(db, f.id, body, ctx.actor);
    return c.json({ id }, 201);
  });
  return app;
};
