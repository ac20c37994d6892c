/**
 * The driftredovisning page of a förbund-year: a view of OperatingStatementModel, which the route's loader builds
 * from the year's figures (src/http/economy/reportRoutes.tsx). Renders only what the model holds: nothing per user.
 */
import type { Table } from '../../core/table.ts';
import { Downloads } from '../kit/downloads.tsx';
import { TableView, type ColumnGroup } from '../kit/tableView.tsx';
import { YearSelector } from '../kit/yearSelector.tsx';
import { formatTkr } from '../kit/present.ts';

export interface OperatingStatementModel {
  readonly federationId: number;
  readonly year: number;
  readonly years: readonly number[];
  /** The statement as the exports write it (yearStatementTable), without last year's columns when there is no last year. */
  readonly table: Table;
  /** The period: "januari–november 2026, prognos för helåret"; months "januari–november 2026". */
  readonly period: { readonly complete: boolean; readonly label: string; readonly months: string };
  readonly forecastResultOre: number;
  readonly forecastMethod: string;
  /** The lines with outcome, each leading to where its outcome came from (file, person or vouchers). */
  readonly traceLines: readonly { readonly id: number; readonly label: string }[];
}

/** The groups of the driftredovisning's columns: Utfall / Budget (to date for an open year) / the full year / last year's Utfall. */
export function statementGroups(year: number, months: string | null = null): ColumnGroup[] {
  const parts = ['Intäkt', 'Kostnad', 'Netto'];
  return [
    { label: `Utfall ${months ?? year}`, keys: ['outcomeIncome', 'outcomeCost', 'outcomeNet'], subHeaders: parts },
    { label: `Budget ${months ?? year}`, keys: ['budgetIncome', 'budgetCost', 'budgetNet'], subHeaders: parts },
    ...(months ? [{ label: `Helår ${year}`, keys: ['forecastNet', 'budgetYearNet', 'forecastDeviation'], subHeaders: ['Prognos netto', 'Budget netto', 'Avvikelse'] }] : []),
    { label: `Utfall ${year - 1}`, keys: ['previousIncome', 'previousCost', 'previousNet'], subHeaders: parts },
  ];
}

export function OperatingStatementPage(props: { model: OperatingStatementModel }) {
  const { federationId, year, years, table, period, traceLines } = props.model;
  return (
    <>
      <h1>Driftredovisning {year}</h1>
      <YearSelector action={`/f/${federationId}/driftredovisning`} years={years} selected={year} />
      <p class="period" id="period">
        Period: {period.label}.
      </p>
      {period.complete ? (
        <p>
          Utfall, budget och avvikelse per budgetpost. Kostnader visas med minustecken. Avvikelsen är utfall minus budget (netto): ett positivt tal är
          bättre än budget. Budgeten är den senast reviderade.
        </p>
      ) : (
        <>
          <p>
            Utfall {period.months} mot budgeten för samma månader (varje budgetpost fördelad efter sin periodisering), och prognosen för helåret mot
            helårets budget. Kostnader visas med minustecken; en positiv avvikelse är bättre än budget.
          </p>
          <p>
            <strong>Prognos årets resultat: {formatTkr(props.model.forecastResultOre)} tkr.</strong> {props.model.forecastMethod}
          </p>
        </>
      )}
      <TableView table={table} groups={statementGroups(year, period.complete ? null : period.months)} id="driftredovisning" />
      <p class="muted">
        Varje rad och varje delsumma är avrundad till tkr för sig från exakta belopp, som i årsredovisningen. En delsumma kan därför skilja sig någon
        tkr från summan av de avrundade raderna.
      </p>
      {traceLines.length ? (
        <details class="trace-lines">
          <summary>Varifrån kommer utfallet? Källan per budgetpost</summary>
          <p>
            Varje budgetposts utfall med sin källa: filen och raden, vem som matade in det, eller bokföringens konton och verifikationer.{' '}
            <a href={`/f/${federationId}/ar/${year}/utfall`}>Utfallet per månad och källa</a>.
          </p>
          <ul>
            {traceLines.map((l) => (
              <li>
                <a href={`/f/${federationId}/ar/${year}/utfall/kalla/${l.id}`}>{l.label}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <Downloads federationId={federationId} year={year} files={[['driftredovisning', `Driftredovisning ${year}`]]} />
      <p>
        <a href={`/f/${federationId}/ar/${year}/nyckeltal`}>Nyckeltal, kostnadsfördelning och femårsöversikt {year}</a>
      </p>
    </>
  );
}
