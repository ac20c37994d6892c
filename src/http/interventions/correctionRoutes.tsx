import { redirectWithFlash } from '../kit/flash.tsx';
import { confirmRemoval, redirectRemoved } from '../kit/removal.tsx';
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv } from '../context.ts';
import type { Database } from '../../db/database.ts';
import type { FederationRef, RequestContext } from '../context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/input/index.ts';
import { pathYear } from '../kit/params.ts';
import { getIntervention, listInterventions } from '../../services/interventions/interventions.ts';
import { goalInterventionId, listGoals } from '../../services/interventions/goals.ts';
import { listActivities } from '../../services/interventions/activities.ts';
import { listMembers } from '../../services/members/members.ts';
import { listParticipations } from '../../services/interventions/participations.ts';
import {
  activityIntervention,
  deleteActivity,
  deleteAssessment,
  deleteGoal,
  deleteGrant,
  deleteParticipation,
  deleteRequisition,
  deleteStaffing,
  reopenParticipation,
  updateActivity,
  updateGoal,
  updateGrant,
  updateParticipation,
  updateRequisition,
  updateStaffing,
} from '../../services/interventions/corrections.ts';
import { idParam, interventionsBase } from './common.ts';
import { formFields, jsonBody } from '../kit/requestBody.ts';
import {
  ActivityEditPage,
  GoalEditPage,
  MoneyEditPage,
  ParticipationEditPage,
  type ActivityEditModel,
  type MoneyEditModel,
  type MoneyKind,
  type ParticipationEditModel,
} from './correctionPages.tsx';

/** A grant, requisition or staffing row of the intervention; NotFoundError when it has no such row. */
export async function loadMoneyEdit(db: Database, federation: FederationRef, id: number, kind: MoneyKind, rowId: number, what: string): Promise<MoneyEditModel> {
  const i = await getIntervention(db, federation.id, id);
  const intervention = { id: i.id, name: i.name };
  if (kind === 'beslut') {
    const grant = i.grants.find((x) => x.id === rowId);
    if (!grant) throw new NotFoundError('Beslutet finns inte.');
    return { federation, intervention, what, rowId, row: { kind, grant } };
  }
  if (kind === 'rekvisitioner') {
    const requisition = i.requisitions.find((x) => x.id === rowId);
    if (!requisition) throw new NotFoundError('Rekvisitionen finns inte.');
    return { federation, intervention, what, rowId, row: { kind, requisition } };
  }
  const staffing = i.staffing.find((x) => x.id === rowId);
  if (!staffing) throw new NotFoundError('Bemanningen finns inte.');
  return { federation, intervention, what, rowId, row: { kind, staffing, members: await listMembers(db, federation.id) } };
}

/** A participation of the intervention to correct; NotFoundError when it has none with that id. */
export async function loadParticipationEdit(db: Database, federation: FederationRef, id: number, pid: number, back: string): Promise<ParticipationEditModel> {
  const participation = (await listParticipations(db, federation.id, id)).find((x) => x.id === pid);
  if (!participation) throw new NotFoundError('Deltagandet finns inte.');
  return { federation, participation, members: await listMembers(db, federation.id), back };
}

/** A structural activity to change, with the structural interventions the user may move it to. */
export async function loadActivityEdit(db: Database, federation: FederationRef, activityId: number, year: number, ctx: RequestContext, back: string): Promise<ActivityEditModel> {
  const activity = (await listActivities(db, federation.id, year)).find((x) => x.id === activityId)!;
  const structural = (await listInterventions(db, federation.id)).filter((i) => i.kind === 'structural' && ctx.can('activities:write', { interventionId: i.id }));
  return { federation, activity, structural, canRecordWithout: ctx.can('activities:write'), back };
}

/**
 * Correcting and removing what was recorded about interventions: grants, requisitions, staffing, goals and
 * their assessments, participations (also reopening a closed one) and structural activities. Pages under
 * /f/:federationId/…, the same in the API under /api/federations/:federationId/… (PUT to change, DELETE to
 * remove). The audit log keeps every row before and after.
 */
export const interventionCorrectionRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const api = '/api/federations/:federationId';

  // --- Grants, requisitions, staffing: one edit page each, under the intervention ---
  const moneyKinds: Record<MoneyKind, { what: string; api: string }> = {
    beslut: { what: 'beslutet om medel', api: 'grants' },
    rekvisitioner: { what: 'rekvisitionen', api: 'requisitions' },
    bemanning: { what: 'bemanningen', api: 'staffing' },
  };
  const updateOf = { beslut: updateGrant, rekvisitioner: updateRequisition, bemanning: updateStaffing } as const;
  const deleteOf = { beslut: deleteGrant, rekvisitioner: deleteRequisition, bemanning: deleteStaffing } as const;

  const moneyPage = async (c: Context<AppEnv>, kind: MoneyKind) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const rowId = idParam(c, 'rowId');
    requirePermission(c, 'interventions:write', { interventionId: id });
    return c.html(<MoneyEditPage model={await loadMoneyEdit(db, f, id, kind, rowId, moneyKinds[kind].what)} />);
  };

  for (const kind of Object.keys(moneyKinds) as MoneyKind[]) {
    const path = `/f/:federationId/insatser/:id/${kind}/:rowId`;
    app.get(path, (c) => moneyPage(c, kind));
    app.post(path, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await updateOf[kind](db, f.id, id, idParam(c, 'rowId'), await formFields(c), ctx.actor);
      return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}`, 'changed');
    });
    app.post(`${path}/ta-bort`, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      const what = `${moneyKinds[kind].what} i ${(await getIntervention(db, f.id, id)).name}`;
      confirmRemoval(await formFields(c), what);
      await deleteOf[kind](db, f.id, id, idParam(c, 'rowId'), ctx.actor);
      return redirectRemoved(c, `${interventionsBase(f.id)}/${id}`, what);
    });
    const apiPath = `${api}/interventions/:id/${moneyKinds[kind].api}/:rowId`;
    app.put(apiPath, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await updateOf[kind](db, f.id, id, idParam(c, 'rowId'), await jsonBody(c), ctx.actor);
      return c.json(await getIntervention(db, f.id, id));
    });
    app.delete(apiPath, async (c) => {
      const f = requireFederation(c);
      const id = idParam(c, 'id');
      const ctx = requirePermission(c, 'interventions:write', { interventionId: id });
      await deleteOf[kind](db, f.id, id, idParam(c, 'rowId'), ctx.actor);
      return c.json(await getIntervention(db, f.id, id));
    });
  }

  // --- Goals (of an intervention or of the förbund) and their assessments ---
  const goalAccess = async (c: Context<AppEnv>) => {
    const f = requireFederation(c);
    const goalId = idParam(c, 'goalId');
    const interventionId = await goalInterventionId(db, f.id, goalId);
    const ctx = requirePermission(c, 'interventions:write', interventionId === null ? undefined : { interventionId });
    const back = interventionId === null ? interventionsBase(f.id) : `${interventionsBase(f.id)}/${interventionId}`;
    return { f, goalId, interventionId, ctx, back };
  };

  app.get('/f/:federationId/mal/:goalId', async (c) => {
    const { f, goalId, interventionId, back } = await goalAccess(c);
    const goal = (await listGoals(db, f.id, interventionId)).find((g) => g.id === goalId)!;
    return c.html(<GoalEditPage model={{ federation: f, goal, back }} />);
  });
  app.post('/f/:federationId/mal/:goalId', async (c) => {
    const { f, goalId, ctx, back } = await goalAccess(c);
    await updateGoal(db, f.id, goalId, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `${back}`, 'changed');
  });
  app.post('/f/:federationId/mal/:goalId/ta-bort', async (c) => {
    const { f, goalId, interventionId, ctx, back } = await goalAccess(c);
    const goal = (await listGoals(db, f.id, interventionId)).find((g) => g.id === goalId);
    const what = goal ? `målet ”${goal.text}”` : 'målet';
    confirmRemoval(await formFields(c), what);
    await deleteGoal(db, f.id, goalId, ctx.actor);
    return redirectRemoved(c, back, what);
  });
  app.post('/f/:federationId/mal/:goalId/bedomning/:year/ta-bort', async (c) => {
    const { f, goalId, ctx, back } = await goalAccess(c);
    const year = yearOf(c);
    confirmRemoval(await formFields(c), `bedömningen ${year}`);
    await deleteAssessment(db, f.id, goalId, year, ctx.actor);
    return redirectRemoved(c, back, `bedömningen ${year}`);
  });
  app.put(`${api}/goals/:goalId`, async (c) => {
    const { f, goalId, interventionId, ctx } = await goalAccess(c);
    await updateGoal(db, f.id, goalId, await jsonBody(c), ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId));
  });
  app.delete(`${api}/goals/:goalId`, async (c) => {
    const { f, goalId, interventionId, ctx } = await goalAccess(c);
    await deleteGoal(db, f.id, goalId, ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId));
  });
  app.delete(`${api}/goals/:goalId/assessments/:year`, async (c) => {
    const { f, goalId, interventionId, ctx } = await goalAccess(c);
    await deleteAssessment(db, f.id, goalId, yearOf(c), ctx.actor);
    return c.json(await listGoals(db, f.id, interventionId));
  });

  // --- Participations: correct, reopen, remove ---
  const participationAccess = async (c: Context<AppEnv>) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    return { f, id, pid, ctx, back: `${interventionsBase(f.id)}/${id}/deltagare` };
  };
  app.get('/f/:federationId/insatser/:id/deltagare/:pid', async (c) => {
    const { f, id, pid, back } = await participationAccess(c);
    return c.html(<ParticipationEditPage model={await loadParticipationEdit(db, f, id, pid, back)} />);
  });
  app.post('/f/:federationId/insatser/:id/deltagare/:pid', async (c) => {
    const { f, id, pid, ctx, back } = await participationAccess(c);
    await updateParticipation(db, f.id, id, pid, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `${back}`, 'changed');
  });
  app.post('/f/:federationId/insatser/:id/deltagare/:pid/ateroppna', async (c) => {
    const { f, id, pid, ctx, back } = await participationAccess(c);
    await reopenParticipation(db, f.id, id, pid, ctx.actor);
    return redirectWithFlash(c, `${back}`, 'reopened');
  });
  app.post('/f/:federationId/insatser/:id/deltagare/:pid/ta-bort', async (c) => {
    const { f, id, pid, ctx, back } = await participationAccess(c);
    const code = (await listParticipations(db, f.id, id)).find((p) => p.id === pid)?.code;
    const what = code ? `deltagandet ${code}` : 'deltagandet';
    confirmRemoval(await formFields(c), what);
    await deleteParticipation(db, f.id, id, pid, ctx.actor);
    return redirectRemoved(c, back, what);
  });
  app.put(`${api}/interventions/:id/participations/:pid`, async (c) => {
    const { f, id, pid, ctx } = await participationAccess(c);
    await updateParticipation(db, f.id, id, pid, await jsonBody(c), ctx.actor);
    return c.json((await listParticipations(db, f.id, id)).find((p) => p.id === pid));
  });
  app.post(`${api}/interventions/:id/participations/:pid/reopen`, async (c) => {
    const { f, id, pid, ctx } = await participationAccess(c);
    await reopenParticipation(db, f.id, id, pid, ctx.actor);
    return c.json((await listParticipations(db, f.id, id)).find((p) => p.id === pid));
  });
  app.delete(`${api}/interventions/:id/participations/:pid`, async (c) => {
    const { f, id, pid, ctx } = await participationAccess(c);
    await deleteParticipation(db, f.id, id, pid, ctx.actor);
    return c.body(null, 204);
  });

  // --- Structural activities ---
  const activityAccess = async (c: Context<AppEnv>) => {
    const f = requireFederation(c);
    const activityId = idParam(c, 'activityId');
    const { interventionId, year } = await activityIntervention(db, f.id, activityId);
    const ctx = requirePermission(c, 'activities:write', interventionId === null ? undefined : { interventionId });
    return { f, activityId, year, ctx, back: `/f/${f.id}/strukturaktiviteter?ar=${year}` };
  };
  /** A changed activity may move to another intervention: the writer must be allowed there too. */
  const checkTarget = (c: Context<AppEnv>, body: Record<string, unknown>) => {
    const target = parseId(body.interventionId);
    if (target.ok) requirePermission(c, 'activities:write', { interventionId: target.value });
    else requirePermission(c, 'activities:write');
  };
  app.get('/f/:federationId/strukturaktiviteter/:activityId', async (c) => {
    const { f, activityId, year, back } = await activityAccess(c);
    return c.html(<ActivityEditPage model={await loadActivityEdit(db, f, activityId, year, c.get('ctx'), back)} />);
  });
  app.post('/f/:federationId/strukturaktiviteter/:activityId', async (c) => {
    const { f, activityId, ctx } = await activityAccess(c);
    const body = await formFields(c);
    checkTarget(c, body);
    await updateActivity(db, f.id, activityId, body, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/strukturaktiviteter?ar=${encodeURIComponent(String(body.year ?? ''))}`, 'changed');
  });
  app.post('/f/:federationId/strukturaktiviteter/:activityId/ta-bort', async (c) => {
    const { f, activityId, year, ctx, back } = await activityAccess(c);
    const name = (await listActivities(db, f.id, year)).find((a) => a.id === activityId)?.name;
    const what = name ? `aktiviteten ${name}` : 'aktiviteten';
    confirmRemoval(await formFields(c), what);
    await deleteActivity(db, f.id, activityId, ctx.actor);
    return redirectRemoved(c, back, what);
  });
  app.put(`${api}/activities/:activityId`, async (c) => {
    const { f, activityId, ctx } = await activityAccess(c);
    const body = await jsonBody(c);
    checkTarget(c, body);
    await updateActivity(db, f.id, activityId, body, ctx.actor);
    const { year } = await activityIntervention(db, f.id, activityId);
    return c.json((await listActivities(db, f.id, year)).find((a) => a.id === activityId));
  });
  app.delete(`${api}/activities/:activityId`, async (c) => {
    const { f, activityId, ctx } = await activityAccess(c);
    await deleteActivity(db, f.id, activityId, ctx.actor);
    return c.body(null, 204);
  });
  return app;
};

/** The assessment's year in the path: malformed is 400; a year without an assessment is the service's 404. */
const yearOf = (c: Context<AppEnv>): number => pathYear(c);
