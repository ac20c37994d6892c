import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { redirectWithFlash, type FlashKey } from '../kit/flash.tsx';
import { parseId } from '../../core/input/index.ts';
import {
  addGrant,
  addRequisition,
  addStaffing,
  createIntervention,
  getIntervention,
  listInterventionBudgetLines,
  listInterventions,
  updateIntervention,
} from '../../services/interventions/interventions.ts';
import { addGoal, assessGoal, goalInterventionId, listGoals } from '../../services/interventions/goals.ts';
import { addActivity, listActivities } from '../../services/interventions/activities.ts';
import { listMembers } from '../../services/members/members.ts';
import { csrfTokenOf, idParam, interventionsBase, yearParam } from './common.ts';
import { formFields } from '../kit/requestBody.ts';
import { InterventionListPage, type InterventionListModel } from './listPage.tsx';
import { InterventionPage, type InterventionModel } from './interventionPage.tsx';
import { ActivitiesPage, type ActivitiesModel } from './activitiesPage.tsx';

/** The list: the interventions the user reads (with money and goals), and the förbund's goals for those who read all. */
export async function loadInterventionList(db: Database, federation: FederationRef, ctx: RequestContext, year: number, csrf: string | undefined): Promise<InterventionListModel> {
  const all = (await listInterventions(db, federation.id)).filter((i) => ctx.can('interventions:read', { interventionId: i.id }));
  const details = await Promise.all(all.map((i) => getIntervention(db, federation.id, i.id)));
  const goalsOf = new Map(await Promise.all(all.map(async (i) => [i.id, await listGoals(db, federation.id, i.id)] as const)));
  const members = await listMembers(db, federation.id);
  const budgetLines = await listInterventionBudgetLines(db, federation.id);
  const canWrite = ctx.can('interventions:write');
  // The förbund's own goals: for the roles that read all its interventions (never the national reader or
  // the system administrator, who see only aggregates).
  const readsAll = ctx.can('interventions:read');
  const federationGoals = readsAll ? await listGoals(db, federation.id, null) : [];
  return { federation, year, csrf, details, goalsOf, readsAll, federationGoals, canWrite, members, budgetLines };
}

/** One intervention's page; the budget lines of the change form only for whoever writes it. */
export async function loadIntervention(db: Database, federation: FederationRef, id: number, ctx: RequestContext, year: number, csrf: string | undefined): Promise<InterventionModel> {
  const intervention = await getIntervention(db, federation.id, id);
  const goals = await listGoals(db, federation.id, id);
  const members = await listMembers(db, federation.id);
  const canWrite = ctx.can('interventions:write', { interventionId: id });
  return {
    federation,
    year,
    csrf,
    intervention,
    goals,
    members,
    budgetLines: canWrite ? await listInterventionBudgetLines(db, federation.id) : [],
    canWrite,
    canParticipants: ctx.can('participants:write', { interventionId: id }),
    canActivities: ctx.can('activities:write', { interventionId: id }),
  };
}

/** The year's structural activities the user reads, and the interventions the user may record activities for. */
export async function loadActivities(db: Database, federation: FederationRef, ctx: RequestContext, year: number): Promise<ActivitiesModel> {
  const readable = ctx.interventions('interventions:read');
  const rows = (await listActivities(db, federation.id, year)).filter((r) => readable === 'all' || (r.interventionId !== null && readable.includes(r.interventionId)));
  const structural = (await listInterventions(db, federation.id)).filter((i) => i.kind === 'structural' && ctx.can('activities:write', { interventionId: i.id }));
  return {
    federation,
    year,
    rows: rows.map((r) => ({ ...r, canEdit: ctx.can('activities:write', r.interventionId === null ? undefined : { interventionId: r.interventionId }) })),
    structural,
    canRecordWithout: ctx.can('activities:write'),
  };
}

/** Interventions for the kansli and the teams: list, register, details, money, goals, structural activities. */
export const interventionRoutes: RouteModule = (deps) => {
  const app = new Hono<AppEnv>();
  const { db } = deps;

  app.get('/f/:federationId/insatser', async (c) => {
    const f = requireFederation(c);
    return c.html(<InterventionListPage model={await loadInterventionList(db, f, c.get('ctx'), yearParam(c), csrfTokenOf(c))} />);
  });

  app.post('/f/:federationId/insatser', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'interventions:write');
    const id = await createIntervention(db, f.id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, 'intervention-created');
  });

  app.get('/f/:federationId/insatser/:id', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const ctx = requirePermission(c, 'interventions:read', { interventionId: id });
    return c.html(<InterventionPage model={await loadIntervention(db, f, id, ctx, yearParam(c), csrfTokenOf(c))} />);
  });

  const post = (path: string, key: FlashKey, write: (fid: number, id: number, actor: { id: string }, fields: Record<string, unknown>) => Promise<unknown>) =>
    app.post(`/f/:federationId/insatser/:id/${path}`, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await write(f.id, id, ctx.actor, await formFields(c));
      return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, key);
    });
  post('beslut', 'grant', (fid, id, actor, fields) => addGrant(db, fid, id, fields, actor));
  post('rekvisitioner', 'requisition', (fid, id, actor, fields) => addRequisition(db, fid, id, fields, actor));
  post('bemanning', 'staffing', (fid, id, actor, fields) => addStaffing(db, fid, id, fields, actor));
  post('mal', 'goal', (fid, id, actor, fields) => addGoal(db, fid, id, fields, actor));
  post('andra', 'intervention', (fid, id, actor, fields) => updateIntervention(db, fid, id, fields, actor));

  app.post('/f/:federationId/mal', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'interventions:write');
    await addGoal(db, f.id, null, await formFields(c), ctx.actor);
    return redirectWithFlash(c, interventionsBase(f.id), 'goal');
  });

  app.post('/f/:federationId/mal/:goalId/bedomning', async (c) => {
    const f = requireFederation(c);
    const goalId = idParam(c, 'goalId');
    const interventionId = await goalInterventionId(db, f.id, goalId);
    const ctx = requirePermission(c, 'interventions:write', interventionId === null ? undefined : { interventionId });
    await assessGoal(db, f.id, goalId, await formFields(c), ctx.actor);
    return redirectWithFlash(c, interventionId === null ? interventionsBase(f.id) : `${interventionsBase(f.id)}/${interventionId}`, 'assessment');
  });

  app.get('/f/:federationId/strukturaktiviteter', async (c) => {
    const f = requireFederation(c);
    const ctx = c.get('ctx');
    // The whole förbund's activities, or (insats staff) those of the interventions the user works in.
    const readable = ctx.interventions('interventions:read');
    if (readable !== 'all' && !readable.length) requirePermission(c, 'interventions:read');
    return c.html(<ActivitiesPage model={await loadActivities(db, f, ctx, yearParam(c))} />);
  });

  app.post('/f/:federationId/strukturaktiviteter', async (c) => {
    const f = requireFederation(c);
    const fields = await formFields(c);
    const chosen = parseId(fields.interventionId);
    const interventionId = chosen.ok ? chosen.value : undefined; // anything else: the service refuses it with its message
    const ctx = requirePermission(c, 'activities:write', interventionId ? { interventionId } : undefined);
    await addActivity(db, f.id, fields, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/strukturaktiviteter?ar=${encodeURIComponent(String(fields.year ?? ''))}`, 'activity');
  });

  return app;
};
