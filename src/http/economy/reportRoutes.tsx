import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../kit/layout.tsx';
import { OperatingStatementPage, type OperatingStatementModel } from './operatingStatement.tsx';
import { KeyFiguresPage, type KeyFiguresModel } from './keyFigures.tsx';
import { renderedFrom } from './renderCache.ts';
import { yearCostDistributionTable, yearFiveYearTable, yearStatementTable } from '../../core/economy/yearFiguresTables.ts';
import { periodMonths } from '../../core/economy/period.ts';
import type { YearFigures } from '../../core/economy/yearFigures.ts';
import type { Table } from '../../core/table.ts';
import { listFiscalYears, yearFigures } from '../../services/economy/index.ts';
import { chosenYear, yearParam } from './shared.ts';
import { NoYearsPage } from './dashboard.tsx';

/** Without a previous year the report has no columns for it. */
function withoutEmptyPrevious(table: Table, hasPrevious: boolean): Table {
  return hasPrevious ? table : { ...table, columns: table.columns.filter((c) => !c.key.startsWith('previous')) };
}

/** The driftredovisning's view model: the period's statement as the exports write it, with the forecast result. */
export function operatingStatementModel(federationId: number, f: YearFigures): OperatingStatementModel {
  const table = withoutEmptyPrevious(yearStatementTable(f), f.statement.result.previousOutcome !== null);
  const withOutcome = new Set(f.outcome.byLine.map((l) => l.lineId));
  const traceLines = f.lines.filter((l) => withOutcome.has(l.id)).map((l) => ({ id: l.id, label: l.label }));
  return {
    federationId,
    year: f.year,
    years: f.years,
    table,
    period: { complete: f.period.complete, label: f.periodLabel, months: periodMonths(f.period) },
    forecastResultOre: f.forecastFigures.resultOre,
    forecastMethod: f.forecast.method,
    traceLines,
  };
}

/** The key-figures page's view model: key figures, equity, cost distribution and five-year overview. */
export function keyFiguresModel(federationId: number, f: YearFigures): KeyFiguresModel {
  return {
    federationId,
    federationName: f.federation,
    year: f.year,
    years: f.years,
    period: { complete: f.period.complete, label: f.periodLabel, months: periodMonths(f.period) },
    keyFigures: f.keyFigures,
    forecastFigures: f.forecastFigures,
    forecastMethod: f.forecast.method,
    equity: f.equity,
    costDistribution: yearCostDistributionTable(f),
    fiveYear: yearFiveYearTable(f),
    summaryYears: f.fiveYear.filter((r) => r.basis === 'summary').map((r) => ({ year: r.year, note: r.note ?? null })),
  };
}

/**
 * Driftredovisning and Nyckeltal pages of a year. The loader is the year's figures (one cached model, checked
 * against the figures version read with the session); the body is rendered from them once per figures version
 * (economy/renderCache.ts) and the layout (menu, förbund name) for every request.
 */
export const economyReportRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/ar/:year/driftredovisning', async (c) => {
    const ctx = requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const figures = await yearFigures(db, federation.id, year, { knownVersion: ctx.figuresVersion });
    const body = await renderedFrom(figures, `driftredovisning:${federation.id}`, () => <OperatingStatementPage model={operatingStatementModel(federation.id, figures)} />);
    return c.html(
      <Layout title={`Driftredovisning ${year}`} federation={federation}>
        {body}
      </Layout>,
    );
  });

  app.get('/f/:federationId/ar/:year/nyckeltal', async (c) => {
    const ctx = requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const figures = await yearFigures(db, federation.id, year, { knownVersion: ctx.figuresVersion });
    const body = await renderedFrom(figures, `nyckeltal:${federation.id}`, () => <KeyFiguresPage model={keyFiguresModel(federation.id, figures)} />);
    return c.html(
      <Layout title={`Nyckeltal ${year}`} federation={federation}>
        {body}
      </Layout>,
    );
  });

  // The year selectors post here (GET ?ar=…): on to the chosen year's page.
  // A förbund without any year gets the first step explained, not a silent redirect.
  const titles = { driftredovisning: 'Driftredovisning', nyckeltal: 'Nyckeltal', budget: 'Budget', utfall: 'Utfall', medelstilldelning: 'Medelstilldelning' } as const;
  for (const page of Object.keys(titles) as (keyof typeof titles)[]) {
    app.get(`/f/:federationId/${page}`, async (c) => {
      const ctx = requirePermission(c, 'economy:read');
      const federation = requireFederation(c);
      const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
      const year = chosenYear(c, years);
      if (year === null) return c.html(<NoYearsPage federation={federation} title={titles[page]} canWrite={ctx.can('economy:write', { federationId: federation.id })} />);
      return c.redirect(`/f/${federation.id}/ar/${year}/${page}`, 303);
    });
  }
  return app;
};
