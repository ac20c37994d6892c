import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { auditedTables, parseAuditFilter, queryAuditLog } from '../../services/audit/auditLog.ts';
import { auditLogToXlsx } from '../../exports/auditXlsx.ts';
import { AuditPage, type AuditPageModel } from './auditPage.tsx';
import { queryInteger } from '../kit/params.ts';

/** The page shows the latest entries; the export and the API take more. */
const pageLimit = 500;

/** The audit page's model: the latest entries matching the query's filter, and the tables it can filter by. */
export async function loadAuditPage(db: Database, federation: FederationRef, query: Record<string, string>, search: string): Promise<AuditPageModel> {
  const filter = parseAuditFilter(query);
  const [entries, tables] = await Promise.all([queryAuditLog(db, federation.id, { ...filter, limit: pageLimit }), auditedTables(db, federation.id)]);
  return { federation, entries, limit: pageLimit, tables, filter, query: search };
}

/** The audit trail: page with filters, JSON API and XLSX export, for kansli and revisor (audit:read). */
export const auditRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const search = (c: Context<AppEnv>) => new URL(c.req.url).search;

  app.get('/f/:federationId/audit', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'audit:read');
    return c.html(<AuditPage model={await loadAuditPage(db, f, c.req.query(), search(c))} />);
  });

  app.get('/f/:federationId/audit.xlsx', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'audit:read');
    const entries = await queryAuditLog(db, f.id, { ...parseAuditFilter(c.req.query()), limit: 100_000 });
    const body = await auditLogToXlsx(entries, f.name);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="granskningslogg-${f.id}.xlsx"`,
    });
  });

  app.get('/api/federations/:federationId/audit', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'audit:read');
    return c.json(await queryAuditLog(db, f.id, { ...parseAuditFilter(c.req.query()), limit: queryInteger(c, 'limit', { min: 1, max: 100_000 }) ?? pageLimit }));
  });
  return app;
};
