import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { queryYear } from '../kit/params.ts';
import { currentYear } from '../../core/calendar.ts';
import { defaultValueParameters } from '../../core/value/valueModel.ts';
import { valueReportsOfYear } from '../../services/value/valueReport.ts';
import { ValuePage, type ValueModel } from './valuePage.tsx';

/** The value page's model: the förbund's and each individual intervention's result with the default parameters. */
export async function loadValue(db: Database, federation: FederationRef, year: number): Promise<ValueModel> {
  const { federation: federationReport, interventions } = await valueReportsOfYear(db, federation.id, year);
  return { federation, year, parameters: defaultValueParameters, federationReport, interventions };
}

/** Value per member (samhällsekonomisk effekt): page and JSON, for those who read the reports. */
export const valueRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/nytta', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'reports:read');
    return c.html(<ValuePage model={await loadValue(db, f, queryYear(c) ?? currentYear() - 1)} />);
  });
  app.get('/api/federations/:federationId/value', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'reports:read');
    return c.json(await valueReportsOfYear(db, f.id, queryYear(c) ?? currentYear() - 1));
  });
  return app;
};
