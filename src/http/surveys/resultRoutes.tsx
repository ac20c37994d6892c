import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { requiredQueryYear } from '../kit/params.ts';
import { resultTables } from '../../core/surveys/tables.ts';
import { tableCsvLines, csvDocument } from '../../exports/csv.ts';
import { tablesToXlsx } from '../../exports/xlsx.ts';
import { freeTexts, roundResults, sharedStatements, type RoundResults } from '../../services/surveys/results.ts';
import { roundIdParam } from './common.ts';
import { ComparisonPage, ResultsPage, type ComparisonModel, type ResultsPageModel } from './resultPages.tsx';

/** A round's results page: the free texts only when the reader may see them (the kansli). */
export async function loadResultsPage(db: Database, federation: FederationRef, roundId: number, kansli: boolean): Promise<ResultsPageModel> {
  const results = await roundResults(db, federation.id, roundId);
  // Free texts are answers too: shown (to the kansli) only once the round is published.
  const texts = kansli && results.published ? await freeTexts(db, federation.id, roundId) : null;
  return { federation, roundId, results, freeTexts: texts, progress: kansli };
}

/** The statements several groups were asked in the year. */
export async function loadComparison(db: Database, federation: FederationRef, year: number): Promise<ComparisonModel> {
  return { federation, year, shared: await sharedStatements(db, federation.id, year) };
}

/** Survey results: per round (page, CSV, XLSX) and the groups side by side. */
export const surveyResultRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  // The whole round and every intervention: the same publication as the page.
  const lines = (statements: RoundResults['statements']) => statements.map((s) => ({ id: s.id, text: s.text, scale: s.scale, local: s.local, result: s.result, change: s.change }));
  const resultsTables = (res: RoundResults) => [
    ...resultTables(`${res.round.name} (${res.round.year})`, lines(res.statements)),
    ...res.byIntervention.flatMap((iv) => resultTables(`${iv.name} (${iv.responses === null ? 'antal svar visas inte' : `${iv.responses} svar`})`, lines(iv.statements))),
  ];

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/resultat', async (c) => {
    const ctx = requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    return c.html(<ResultsPage model={await loadResultsPage(db, f, roundIdParam(c), ctx.can('surveys:manage'))} />);
  });

  app.get('/f/:federationId/enkater/:roundId{[0-9]+}/:file{resultat\\.(csv|xlsx)}', async (c) => {
    requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const id = roundIdParam(c);
    const res = await roundResults(db, f.id, id);
    const tables = resultsTables(res);
    const name = `enkat-${id}-resultat`;
    if (c.req.param('file').endsWith('.csv')) {
      const lines = tables.flatMap((t, i) => [...(i ? [''] : []), t.title, ...tableCsvLines(t)]);
      return c.body(csvDocument(lines), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` });
    }
    const buf = await tablesToXlsx(tables, { documentTitle: res.round.name });
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${name}.xlsx"`,
    });
  });

  app.get('/f/:federationId/enkater/jamforelse', async (c) => {
    requirePermission(c, 'surveys:read');
    const f = requireFederation(c);
    const year = requiredQueryYear(c, 'ar');
    return c.html(<ComparisonPage model={await loadComparison(db, f, year)} />);
  });
  return app;
};
