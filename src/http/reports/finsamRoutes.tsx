import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef, type RequestContext } from '../context.ts';
import { queryYear } from '../kit/params.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { currentYear } from '../../core/calendar.ts';
import { finsamFollowUpReport, finsamReconciliation, markFinsamReported } from '../../services/reports/finsamFollowUp.ts';
import { finsamFollowUpXlsx } from '../../exports/finsamFollowUpXlsx.ts';
import { FinsamPage, type FinsamModel } from './finsamPage.tsx';

export async function loadFinsam(db: Database, federation: FederationRef, ctx: RequestContext, year: number): Promise<FinsamModel> {
  const report = await finsamFollowUpReport(db, federation.id, year);
  return { federation, report, reconciliation: await finsamReconciliation(db, federation.id, year, report), canMark: ctx.can('reports:write', { federationId: federation.id }) };
}

/** Uppföljning Finsam: the page in the order of FK's forms, the XLSX and marking the year as reported. */
export const finsamRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const yearOf = (c: Parameters<typeof queryYear>[0]) => queryYear(c) ?? currentYear() - 1;
  app.get('/f/:federationId/finsam', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'reports:read');
    return c.html(<FinsamPage model={await loadFinsam(db, f, ctx, yearOf(c))} />);
  });
  app.get('/f/:federationId/finsam.xlsx', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'reports:read');
    const year = yearOf(c);
    const body = await finsamFollowUpXlsx(f.name, await finsamFollowUpReport(db, f.id, year));
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="uppfoljning-finsam-${year}.xlsx"`,
    });
  });
  app.post('/f/:federationId/finsam/rapporterad', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'reports:write');
    const year = yearOf(c);
    await markFinsamReported(db, f.id, year, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/finsam?ar=${year}`, 'changed');
  });
  return app;
};
