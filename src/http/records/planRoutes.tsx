import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import type { Queryable } from '../../db/database.ts';
import { NotFoundError } from '../../core/errors.ts';
import { formFields } from '../kit/requestBody.ts';
import { queryYear } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { currentYear, today } from '../../core/calendar.ts';
import { parseText, valueOrThrow } from '../../core/input/index.ts';
import { addDocumentClass, disposeClass, documentPlan, dueForDisposal, listDisposals, updateDocumentClass } from '../../services/records/plan.ts';
import { ClassEditPage, PlanPage, type ClassEditModel, type PlanPageModel } from './planPages.tsx';

/** The class code in the path ("2.1"). */
const pathCode = (raw: string) => valueOrThrow(parseText(raw, { maxLength: 20 }), { field: 'code' });

export async function loadPlanPage(db: Queryable, federation: FederationRef, year: number, canWrite: boolean): Promise<PlanPageModel> {
  const plan = await documentPlan(db, federation.id);
  return { federation, ...plan, year, due: await dueForDisposal(db, federation.id, year), disposals: await listDisposals(db, federation.id), canWrite, today: today() };
}

export async function loadClassEdit(db: Queryable, federation: FederationRef, code: string): Promise<ClassEditModel> {
  const c = (await documentPlan(db, federation.id)).classes.find((x) => x.code === code);
  if (!c) throw new NotFoundError('Handlingsslaget finns inte i planen.');
  return { federation, documentClass: c };
}

/** The document management plan, the year's list of what is due for disposal, and disposal with its record. */
export const planRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const base = (f: FederationRef) => `/f/${f.id}/dokumenthanteringsplan`;

  app.get('/f/:federationId/dokumenthanteringsplan', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:read');
    return c.html(<PlanPage model={await loadPlanPage(db, f, queryYear(c) ?? currentYear(), ctx.can('records:write'))} />);
  });
  app.post('/f/:federationId/dokumenthanteringsplan', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    await addDocumentClass(db, f.id, await formFields(c), ctx.actor);
    return redirectWithFlash(c, base(f), 'document-class');
  });
  app.post('/f/:federationId/dokumenthanteringsplan/gallra', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    await disposeClass(db, f.id, await formFields(c), today(), ctx.actor);
    return redirectWithFlash(c, `${base(f)}#disposals`, 'disposed');
  });
  app.get('/f/:federationId/dokumenthanteringsplan/:code', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'records:write');
    return c.html(<ClassEditPage model={await loadClassEdit(db, f, pathCode(c.req.param('code')))} />);
  });
  app.post('/f/:federationId/dokumenthanteringsplan/:code', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'records:write');
    await updateDocumentClass(db, f.id, pathCode(c.req.param('code')), await formFields(c), ctx.actor);
    return redirectWithFlash(c, base(f), 'document-class');
  });
  return app;
};
