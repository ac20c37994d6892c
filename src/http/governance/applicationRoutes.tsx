import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { formFields } from '../kit/requestBody.ts';
import { pathId } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { parseText, valueOrThrow } from '../../core/input/index.ts';
import { yearAmountLines } from '../../core/applications/application.ts';
import { ApplicationStatus } from '../../core/applications/vocabulary.ts';
import { listMembers } from '../../services/members/members.ts';
import {
  createApplication, getApplication, listApplications, setApplicationStatus, setProposal, submitApplication, updateApplication,
} from '../../services/decisions/applications.ts';
import { addPreparationComment, getPreparation, judgeCriterion } from '../../services/decisions/preparation.ts';
import { ApplicationListPage, ApplicationPage, NewApplicationPage, type ApplicationListModel, type ApplicationModel } from './applicationPages.tsx';

async function loadApplicationList(db: Database, federation: FederationRef, ctx: RequestContext, query: string, status: string): Promise<ApplicationListModel> {
  const s = ApplicationStatus.parse(status);
  return {
    federation, query, status: s ?? '', canWrite: ctx.can('applications:write', { federationId: federation.id }),
    applications: await listApplications(db, federation.id, { ...(query ? { text: query } : {}), ...(s ? { status: s } : {}) }),
  };
}

async function loadApplication(db: Database, federation: FederationRef, ctx: RequestContext, id: number): Promise<ApplicationModel> {
  return {
    federation, canWrite: ctx.can('applications:write', { federationId: federation.id }),
    application: await getApplication(db, federation.id, id), members: await listMembers(db, federation.id),
    preparation: await getPreparation(db, federation.id, id),
  };
}

/** A posted application form as the service reads it: budget lines "2027: 500 000" become rows. */
function applicationFields(form: Record<string, unknown>): Record<string, unknown> {
  const { intent: _i, budget, _csrf: _c, _page: _p, ...rest } = form;
  return { ...rest, draft: true, budget: yearAmountLines(typeof budget === 'string' ? budget : '') };
}

/** The applications' pages: list and search, a new application, one application with its beredning. */
export const applicationRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();

  app.get('/f/:federationId/ansokningar', async (c) => {
    const ctx = requirePermission(c, 'applications:read');
    const q = c.req.query('q');
    const query = q ? valueOrThrow(parseText(q, { kind: 'name' }), { field: 'q' }) : '';
    return c.html(<ApplicationListPage model={await loadApplicationList(db, requireFederation(c), ctx, query, c.req.query('status') ?? '')} />);
  });

  app.get('/f/:federationId/ansokningar/ny', async (c) => {
    requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    return c.html(<NewApplicationPage model={{ federation: f, application: null, members: await listMembers(db, f.id) }} />);
  });

  app.post('/f/:federationId/ansokningar', async (c) => {
    const ctx = requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    const form = await formFields(c);
    const id = await createApplication(db, f.id, applicationFields(form), ctx.actor);
    if (form.intent === 'submit') await submitApplication(db, f.id, id, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ansokningar/${id}`, form.intent === 'submit' ? 'application-submitted' : 'application');
  });

  app.get('/f/:federationId/ansokningar/:appId', async (c) => {
    const ctx = requirePermission(c, 'applications:read');
    return c.html(<ApplicationPage model={await loadApplication(db, requireFederation(c), ctx, pathId(c, 'appId'))} />);
  });

  app.post('/f/:federationId/ansokningar/:appId', async (c) => {
    const ctx = requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    const id = pathId(c, 'appId');
    const form = await formFields(c);
    await updateApplication(db, f.id, id, applicationFields(form), ctx.actor);
    if (form.intent === 'submit') await submitApplication(db, f.id, id, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ansokningar/${id}`, form.intent === 'submit' ? 'application-submitted' : 'application');
  });

  app.post('/f/:federationId/ansokningar/:appId/status', async (c) => {
    const ctx = requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    const id = pathId(c, 'appId');
    await setApplicationStatus(db, f.id, id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ansokningar/${id}`, 'application');
  });

  app.post('/f/:federationId/ansokningar/:appId/forslag', async (c) => {
    const ctx = requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    const id = pathId(c, 'appId');
    const form = await formFields(c);
    await setProposal(db, f.id, id, { amounts: yearAmountLines(String(form.amounts ?? '')), conditions: form.conditions }, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ansokningar/${id}`, 'application');
  });
  app.post('/f/:federationId/ansokningar/:appId/kriterium', async (c) => {
    const ctx = requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    const id = pathId(c, 'appId');
    await judgeCriterion(db, f.id, id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ansokningar/${id}`, 'application');
  });

  app.post('/f/:federationId/ansokningar/:appId/kommentar', async (c) => {
    const ctx = requirePermission(c, 'applications:write');
    const f = requireFederation(c);
    const id = pathId(c, 'appId');
    await addPreparationComment(db, f.id, id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ansokningar/${id}`, 'application');
  });
  return app;
};
