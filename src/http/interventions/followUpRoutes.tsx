import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { Hono } from 'hono';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { getIntervention } from '../../services/interventions/interventions.ts';
import { listParticipations } from '../../services/interventions/participations.ts';
import { dueFollowUps, followUpsOf, recordFollowUp } from '../../services/interventions/followUps.ts';
import { formFields } from '../kit/requestBody.ts';
import { jsonBody } from '../kit/requestBody.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { queryMonth } from '../kit/params.ts';
import { idParam, interventionsBase, yearParam } from './common.ts';
import { today } from '../../core/calendar.ts';
import { FollowUpListPage, RecordFollowUpPage, type FollowUpListModel, type RecordFollowUpModel } from './followUpPages.tsx';
import { NotFoundError } from '../../core/errors.ts';

export async function loadFollowUpList(db: Database, federation: FederationRef, interventionId: number, year: number, month: number): Promise<FollowUpListModel> {
  const intervention = await getIntervention(db, federation.id, interventionId);
  const { due, overdue } = await dueFollowUps(db, federation.id, interventionId, year, month);
  return { federation, intervention: { id: intervention.id, name: intervention.name }, year, month, due, overdue };
}

export async function loadRecordFollowUp(db: Database, federation: FederationRef, interventionId: number, participationId: number): Promise<RecordFollowUpModel> {
  const p = (await listParticipations(db, federation.id, interventionId)).find((x) => x.id === participationId);
  if (!p) throw new NotFoundError('Deltagandet finns inte.');
  return { federation, interventionId, participation: { id: p.id, code: p.code, endDate: p.endDate }, recorded: await followUpsOf(db, federation.id, interventionId, p.id) };
}

/** Follow-up after exit: the due list per month, recording a status (page and API). Insats staff of the intervention. */
export const interventionFollowUpRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/insatser/:id/uppfoljning', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    const month = queryMonth(c, ['manad', 'month']) ?? Number(today().slice(5, 7));
    return c.html(<FollowUpListPage model={await loadFollowUpList(db, f, id, yearParam(c), month)} />);
  });

  app.get('/f/:federationId/insatser/:id/deltagare/:pid/uppfoljning', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    return c.html(<RecordFollowUpPage model={await loadRecordFollowUp(db, f, id, idParam(c, 'pid'))} />);
  });

  app.post('/f/:federationId/insatser/:id/deltagare/:pid/uppfoljning', async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    await recordFollowUp(db, f.id, id, pid, await formFields(c), ctx.actor);
    const { participation } = await loadRecordFollowUp(db, f, id, pid);
    return redirectWithFlash(c, `${interventionsBase(f.id)}/${id}/deltagare/${pid}/uppfoljning`, 'follow-up', participation.code);
  });

  const api = '/api/federations/:federationId/interventions/:id';
  app.get(`${api}/follow-ups/due`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    requirePermission(c, 'participants:write', { interventionId: id });
    const month = queryMonth(c, ['month', 'manad']) ?? Number(today().slice(5, 7));
    return c.json(await dueFollowUps(db, f.id, id, yearParam(c), month));
  });

  app.post(`${api}/participations/:pid/follow-up`, async (c) => {
    const f = requireFederation(c);
    const id = idParam(c, 'id');
    const pid = idParam(c, 'pid');
    const ctx = requirePermission(c, 'participants:write', { interventionId: id });
    await recordFollowUp(db, f.id, id, pid, await jsonBody(c), ctx.actor);
    return c.json(await followUpsOf(db, f.id, id, pid), 201);
  });
  return app;
};
