import { Hono } from 'hono';
import type { RouteModule } from '../app.tsx';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { Layout } from '../views/layout.tsx';
import { TableView, type ColumnGroup } from '../views/tableView.tsx';
import { CardGrid, FigureCard } from '../views/cards.tsx';
import { Downloads } from '../views/downloads.tsx';
import { YearSelector } from '../views/yearSelector.tsx';
import { formatPercent, formatTkr, tkrText } from '../views/present.ts';
import { statementTable } from '../../core/economy/statementTable.ts';
import { costDistributionTable, fiveYearTable } from '../../core/economy/tables.ts';
import type { Table } from '../../core/table.ts';
import { listFiscalYears, yearFigures } from '../../services/economy/index.ts';
import { chosenYear, yearParam } from './economyShared.ts';

/** The groups of the driftredovisning's columns: Utfall / Budget / Avvikelse / last year's Utfall. */
export function statementGroups(year: number): ColumnGroup[] {
  const parts = ['Intäkt', 'Kostnad', 'Netto'];
  return [
    { label: `Utfall ${year}`, keys: ['outcomeIncome', 'outcomeCost', 'outcomeNet'], subHeaders: parts },
    { label: `Budget ${year}`, keys: ['budgetIncome', 'budgetCost', 'budgetNet'], subHeaders: parts },
    { label: `Utfall ${year - 1}`, keys: ['previousIncome', 'previousCost', 'previousNet'], subHeaders: parts },
  ];
}

/** Without a previous year the report has no columns for it. */
function withoutEmptyPrevious(table: Table, hasPrevious: boolean): Table {
  return hasPrevious ? table : { ...table, columns: table.columns.filter((c) => !c.key.startsWith('previous')) };
}

/** Driftredovisning and Nyckeltal pages of a year. */
export const economyReportRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId/ar/:year/driftredovisning', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const { statement, years } = await yearFigures(db, federation.id, year);
    const base = `/f/${federation.id}/ar/${year}`;
    const table = withoutEmptyPrevious(statementTable(statement, federation.name), statement.result.previousOutcome !== null);
    return c.html(
      <Layout title={`Driftredovisning ${year}`} federation={federation}>
        <h1>Driftredovisning {year}</h1>
        <YearSelector action={`/f/${federation.id}/driftredovisning`} years={years} selected={year} />
        <p>
          Utfall, budget och avvikelse per budgetpost. Kostnader visas med minustecken. Avvikelsen är utfall minus budget (netto): ett positivt tal
          är bättre än budget. Budgeten är den senast reviderade.
        </p>
        <TableView table={table} groups={statementGroups(year)} id="driftredovisning" />
        <p class="muted">
          Varje rad och varje delsumma är avrundad till tkr för sig från exakta belopp, som i årsredovisningen. En delsumma kan därför skilja sig
          någon tkr från summan av de avrundade raderna.
        </p>
        <Downloads federationId={federation.id} year={year} files={[['driftredovisning', `Driftredovisning ${year}`]]} />
        <p>
          <a href={`${base}/nyckeltal`}>Nyckeltal, kostnadsfördelning och femårsöversikt {year}</a>
        </p>
      </Layout>,
    );
  });

  app.get('/f/:federationId/ar/:year/nyckeltal', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const overview = await yearFigures(db, federation.id, year);
    const years = overview.years;
    const k = overview.keyFigures;
    const e = overview.equity;
    return c.html(
      <Layout title={`Nyckeltal ${year}`} federation={federation}>
        <h1>Nyckeltal {year}</h1>
        <YearSelector action={`/f/${federation.id}/nyckeltal`} years={years} selected={year} />
        <CardGrid label={`Nyckeltal ${year}`}>
          <FigureCard label="Medelstilldelning" figure={k.allocationOre === null ? 'Saknas' : formatTkr(k.allocationOre)} unit={k.allocationOre === null ? undefined : 'tkr'} />
          <FigureCard label="Verksamhetens intäkter" figure={formatTkr(k.operatingIncomeOre)} unit="tkr" />
          <FigureCard label="Verksamhetens kostnader" figure={formatTkr(k.operatingCostOre)} unit="tkr" note={`Budget: ${tkrText(k.budget.operatingCostOre)}`} />
          <FigureCard label="Årets resultat" figure={formatTkr(k.resultOre)} unit="tkr" note={`Efter finansiella poster. Budgeterat: ${tkrText(k.budget.resultOre)}`} />
          <FigureCard
            label="Eget kapital vid årets slut"
            figure={k.equityClosingOre === null ? 'Saknas' : formatTkr(k.equityClosingOre)}
            unit={k.equityClosingOre === null ? undefined : 'tkr'}
            tone={e.status === 'above_cap' || e.status === 'below_floor' ? 'warning' : e.status === 'within' ? 'ok' : 'neutral'}
            note={
              e.shareOfAllocation === null
                ? undefined
                : `${formatPercent(e.shareOfAllocation)} av medelstilldelningen; rekommenderat tak ${formatPercent(e.capShare)}` +
                  (e.floorOre === null ? '' : `, golv ${tkrText(e.floorOre)}`) +
                  (e.status === 'above_cap' ? ' – över taket.' : e.status === 'below_floor' ? ' – under golvet.' : '.')
            }
          />
          <FigureCard label="Soliditet" figure={k.equityRatio === null ? 'Saknas' : formatPercent(k.equityRatio, 1)} note="Eget kapital delat med totalt kapital." />
          <FigureCard
            label="Direkta insatskostnader"
            figure={k.directCostShare === null ? 'Saknas' : formatPercent(k.directCostShare)}
            note="Andel av verksamhetens kostnader som avser individinsatser, strukturella insatser och processtöd."
          />
        </CardGrid>
        <h2>Kostnadsfördelning</h2>
        <TableView table={costDistributionTable(year, overview.costDistribution)} />
        <p class="muted">Hela procent som summerar till 100 i varje kolumn (största rest-metoden).</p>
        <h2>Femårsöversikt</h2>
        <TableView table={fiveYearTable(overview.fiveYear)} />
        {overview.fiveYear.some((r) => r.basis === 'summary') ? (
          <p class="muted">
            År utan budgetposter visar inlästa sammanställda siffror
            {overview.fiveYear
              .filter((r) => r.basis === 'summary' && r.note)
              .map((r) => ` (${r.year}: ${r.note})`)
              .join('')}
            .
          </p>
        ) : null}
        <p class="muted">Tak och golv för eget kapital är inställningar för {overview.federation}.</p>
        <Downloads
          federationId={federation.id}
          year={year}
          files={[
            ['nyckeltal', `Nyckeltal ${year}`],
            ['kostnadsfordelning', `Kostnadsfördelning ${year}`],
            ['femarsoversikt', `Femårsöversikt ${year}`],
          ]}
        />
      </Layout>,
    );
  });

  // The year selectors post here (GET ?ar=…): on to the chosen year's page.
  for (const page of ['driftredovisning', 'nyckeltal', 'budget', 'utfall', 'medelstilldelning'] as const) {
    app.get(`/f/:federationId/${page}`, async (c) => {
      requirePermission(c, 'economy:read');
      const federation = requireFederation(c);
      const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
      const year = chosenYear(c, years);
      if (year === null) return c.redirect(`/f/${federation.id}/medlemmar`, 303);
      return c.redirect(`/f/${federation.id}/ar/${year}/${page}`, 303);
    });
  }
  return app;
};
