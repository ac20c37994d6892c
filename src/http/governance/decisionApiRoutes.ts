import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { jsonBody } from '../kit/requestBody.ts';
import { pathId } from '../kit/params.ts';
import { parseText, valueOrThrow } from '../../core/input/index.ts';
import { ApplicationStatus } from '../../core/applications/vocabulary.ts';
import { InputError } from '../../core/errors.ts';
import {
  createApplication, getApplication, listApplications, setApplicationStatus, setProposal, submitApplication, updateApplication,
} from '../../services/decisions/applications.ts';
import { approveMinutes, getMeetingAgenda, getMinutes, giveMeetingNotice, listProtocols, saveMinutes } from '../../services/decisions/minutes.ts';
import { addCriterion, addPreparationComment, getPreparation, judgeCriterion, listCriteria } from '../../services/decisions/preparation.ts';
import { addDelegationRule, listDelegatedDecisions, listDelegationRules, recordDelegatedDecision } from '../../services/decisions/delegation.ts';

/**
 * JSON API for applications, board meetings, protocols and justering (issue 21), under
 * /api/federations/:federationId/… with the same services and permission checks as the pages.
 */
export const decisionApiRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const base = '/api/federations/:federationId';

  app.get(`${base}/applications`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    const q = c.req.query('q');
    const s = c.req.query('status');
    const status = s ? ApplicationStatus.parse(s) : undefined;
    if (status === null) throw new InputError({ field: 'status', message: `Okänd status. Tillåtna: ${ApplicationStatus.codes.join(', ')}.` });
    return c.json(await listApplications(db, f.id, { ...(q ? { text: valueOrThrow(parseText(q, { kind: 'name' }), { field: 'q' }) } : {}), ...(status ? { status } : {}) }));
  });

  app.post(`${base}/applications`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    return c.json({ id: await createApplication(db, f.id, await jsonBody(c), ctx.actor) }, 201);
  });

  app.get(`${base}/applications/:appId`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    return c.json(await getApplication(db, f.id, pathId(c, 'appId')));
  });

  app.put(`${base}/applications/:appId`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    const id = pathId(c, 'appId');
    await updateApplication(db, f.id, id, await jsonBody(c), ctx.actor);
    return c.json(await getApplication(db, f.id, id));
  });

  app.post(`${base}/applications/:appId/submit`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    const id = pathId(c, 'appId');
    await submitApplication(db, f.id, id, ctx.actor);
    return c.json(await getApplication(db, f.id, id));
  });

  app.post(`${base}/applications/:appId/status`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    const id = pathId(c, 'appId');
    await setApplicationStatus(db, f.id, id, await jsonBody(c), ctx.actor);
    return c.json(await getApplication(db, f.id, id));
  });

  app.post(`${base}/applications/:appId/proposal`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    const id = pathId(c, 'appId');
    await setProposal(db, f.id, id, await jsonBody(c), ctx.actor);
    return c.json(await getApplication(db, f.id, id));
  });

  app.post(`${base}/meetings`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'meetings:write');
    return c.json(await giveMeetingNotice(db, f.id, await jsonBody(c), ctx.actor), 201);
  });

  app.get(`${base}/meetings/:mid`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    const mid = pathId(c, 'mid');
    return c.json({ ...(await getMeetingAgenda(db, f.id, mid)), protocol: await getMinutes(db, f.id, mid) });
  });

  app.post(`${base}/meetings/:mid/protocol`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'meetings:write');
    return c.json(await saveMinutes(db, f.id, pathId(c, 'mid'), await jsonBody(c), ctx.actor), 201);
  });

  // Made as each justerare, logged in: the approval is the acting user's (their e-mail), nobody else's.
  app.post(`${base}/meetings/:mid/protocol/approve`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:read');
    return c.json(await approveMinutes(db, f.id, pathId(c, 'mid'), ctx.user.id, ctx.actor));
  });
  app.get(`${base}/preparation-criteria`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    return c.json(await listCriteria(db, f.id));
  });

  app.post(`${base}/preparation-criteria`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    return c.json({ id: await addCriterion(db, f.id, await jsonBody(c), ctx.actor) }, 201);
  });

  app.get(`${base}/applications/:appId/preparation`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    const id = pathId(c, 'appId');
    await getApplication(db, f.id, id);
    return c.json(await getPreparation(db, f.id, id));
  });

  app.post(`${base}/applications/:appId/preparation/checks`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    const id = pathId(c, 'appId');
    await judgeCriterion(db, f.id, id, await jsonBody(c), ctx.actor);
    return c.json(await getPreparation(db, f.id, id));
  });

  app.post(`${base}/applications/:appId/preparation/comments`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'applications:write');
    const id = pathId(c, 'appId');
    await addPreparationComment(db, f.id, id, await jsonBody(c), ctx.actor);
    return c.json(await getPreparation(db, f.id, id), 201);
  });

  app.get(`${base}/protocols`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    const q = c.req.query('q');
    return c.json(await listProtocols(db, f.id, q ? valueOrThrow(parseText(q, { kind: 'name' }), { field: 'q' }) : undefined));
  });

  app.get(`${base}/delegation`, async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'applications:read');
    return c.json({ rules: await listDelegationRules(db, f.id), decisions: await listDelegatedDecisions(db, f.id) });
  });

  app.post(`${base}/delegation/rules`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'meetings:write');
    return c.json({ id: await addDelegationRule(db, f.id, await jsonBody(c), ctx.actor) }, 201);
  });

  app.post(`${base}/delegation/decisions`, async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'meetings:write');
    return c.json({ id: await recordDelegatedDecision(db, f.id, await jsonBody(c), ctx.actor) }, 201);
  });
  return app;
};
