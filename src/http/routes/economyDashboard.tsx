import type { RouteModule } from '../app.tsx';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { sections, sectionLabels, type Section } from '../../core/economy/types.ts';
import { sumBySection } from '../../core/economy/budget.ts';
import { yearOutlook } from '../../core/economy/yearOutlook.ts';
import { economyWarnings, type EconomyWarning } from '../../core/economy/warnings.ts';
import { oreToTkr } from '../../core/rounding.ts';
import { getAllocationOverview, getEconomyOverview, getFederation, getFiscalYear, listFiscalYears } from '../../services/economy/index.ts';
import { lineMap } from '../../services/economy/lines.ts';
import { loadYearOutcome } from '../../services/economy/outcome.ts';
import { kronorText, tkrText } from '../views/present.ts';
import { chosenYear } from './economyShared.ts';
import { DashboardPage, type DashboardModel } from './economyDashboardView.tsx';

const costSections = sections.filter((s): s is Exclude<Section, 'income'> => s !== 'income');

/** Översikt: the förbund's start page, one year at a time (?ar=…, default the latest). */
export const economyDashboardRoutes: RouteModule = (app, { db }) => {
  app.get('/f/:federationId', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
    const year = chosenYear(c, years);
    if (year === null) {
      return c.html(
        <Layout title="Översikt" federation={federation}>
          <h1>Översikt</h1>
          <p>Förbundet har inga räkenskapsår ännu.</p>
          <p>
            <a href={`/f/${federation.id}/medlemmar`}>Lägg in medlemmar och årets medelstilldelning</a>
          </p>
        </Layout>,
      );
    }
    const model = await dashboardModel(db, federation.id, year, years);
    return c.html(
      <Layout title={`Översikt ${year}`} federation={federation}>
        <DashboardPage model={model} />
      </Layout>,
    );
  });
};

async function dashboardModel(db: Parameters<RouteModule>[1]['db'], federationId: number, year: number, years: number[]): Promise<DashboardModel> {
  const overview = await getEconomyOverview(db, federationId, year);
  const info = await getFederation(db, federationId);
  const facts = await getFiscalYear(db, federationId, year);
  const lines = await lineMap(db, federationId);
  const outcome = await loadYearOutcome(db, federationId, year);
  const allocation = await getAllocationOverview(db, federationId, year);
  const outlook = yearOutlook({ federation: info.name, facts, lines, settings: info.settings, outcome: outcome.byLine, forecast: overview.forecast });
  const outcomeSoFar = sumBySection(outcome.byLine, lines).cost;
  const budgetBySection = Object.fromEntries(overview.statement.sections.map((s) => [s.section, s.subtotal.budget.costOre])) as Record<Section, number>;
  // Equity warnings follow the outlook (the forecast equity during the year); line warnings the outcome so far.
  const warnings = economyWarnings(overview.statement, outlook.equity);
  return {
    federationId,
    year,
    years,
    allocationOre: facts.allocationOre,
    payerShares: allocation.check && allocation.check.totalOre > 0 ? allocation.check.shares : null,
    sections: costSections.map((s) => ({
      label: sectionLabels[s],
      budgetOre: budgetBySection[s] ?? 0,
      outcomeOre: outcomeSoFar[s],
      forecastOre: outlook.isForecast ? outlook.costBySection[s] : null,
      overBudget: (outlook.isForecast ? outlook.costBySection[s] : outcomeSoFar[s]) > (budgetBySection[s] ?? 0),
    })),
    monthsWithOutcome: outlook.throughMonth,
    budgetResultOre: overview.keyFigures.budget.resultOre,
    resultOre: outlook.throughMonth === 0 ? null : outlook.figures.resultOre,
    equity: {
      closingOre: outlook.equity.equityClosingOre,
      shareOfAllocation: outlook.equity.shareOfAllocation,
      capShare: outlook.equity.capShare,
      capOre: outlook.equity.capOre,
      floorOre: outlook.equity.floorOre,
      aboveCap: outlook.equity.status === 'above_cap',
      belowFloor: outlook.equity.status === 'below_floor',
    },
    warnings: [
      // During the year: sections whose forecast for the whole year is over budget.
      ...(outlook.isForecast
        ? costSections
            .filter((s) => outlook.costBySection[s] > (budgetBySection[s] ?? 0))
            .map((s) => `${sectionLabels[s]}: prognosen för helåret är ${tkrText(outlook.costBySection[s] - (budgetBySection[s] ?? 0))} över budget.`)
        : []),
      ...warnings.map(warningText),
    ],
  };
}

/** A warning as a sentence a board member reads, with the amounts. */
export function warningText(w: EconomyWarning): string {
  switch (w.kind) {
    case 'line_over_budget':
      return `${w.label}: kostnaden är över budget med ${oreToTkr(w.overOre) === 0 ? kronorText(w.overOre) : tkrText(w.overOre)}.`;
    case 'equity_above_cap':
      return `Det egna kapitalet (${tkrText(w.equityOre)}) är över det rekommenderade taket (${tkrText(w.capOre)}).`;
    case 'equity_below_floor':
      return `Det egna kapitalet (${tkrText(w.equityOre)}) är under den lägsta nivån (${tkrText(w.floorOre)}).`;
  }
}

