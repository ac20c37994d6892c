/**
 * The key-figure tables of the annual report as core Tables (the shape the HTML page, CSV and XLSX share):
 * the cost distribution in whole per cent (budget, outcome, last year) and the five-year overview in tkr.
 * Cells are rounded the way the report prints them: tkr per figure from öre, soliditet to one decimal.
 */
import { oreToTkr } from '../rounding.ts';
import type { Table } from '../table.ts';
import type { CostDistribution, OverviewRow } from './keyFigures.ts';

const distributionRows: readonly { key: keyof CostDistribution; label: string }[] = [
  { key: 'individual', label: 'Individinsatser' },
  { key: 'structural', label: 'Strukturella insatser' },
  { key: 'processSupport', label: 'Processtöd samverkansinsatser' },
  { key: 'administration', label: 'Administration (styrelse & kansli)' },
];

/** "Kostnaderna har fördelats enligt följande": whole per cent that add up to 100 in each column. */
export function costDistributionTable(year: number, d: { budget: CostDistribution; outcome: CostDistribution; previousOutcome: CostDistribution | null }): Table {
  return {
    title: `Kostnadsfördelning ${year}`,
    note: 'andel av verksamhetens kostnader',
    columns: [
      { key: 'label', header: 'Avsnitt', kind: 'text' },
      { key: 'budget', header: `Budget ${year}`, kind: 'percent', decimals: 0 },
      { key: 'outcome', header: `Utfall ${year}`, kind: 'percent', decimals: 0 },
      ...(d.previousOutcome ? [{ key: 'previous', header: `Utfall ${year - 1}`, kind: 'percent' as const, decimals: 0 }] : []),
    ],
    rows: distributionRows.map((r) => ({
      cells: {
        label: r.label,
        budget: d.budget[r.key] / 100,
        outcome: d.outcome[r.key] / 100,
        ...(d.previousOutcome ? { previous: d.previousOutcome[r.key] / 100 } : {}),
      },
    })),
  };
}

/** "Översikt över verksamhetens utveckling": one row per year, newest first; costs negative as printed. */
export function fiveYearTable(rows: readonly OverviewRow[]): Table {
  return {
    title: 'Översikt över verksamhetens utveckling',
    note: 'belopp i tkr; kostnader exklusive finansiella poster',
    columns: [
      { key: 'year', header: 'År', kind: 'text' },
      { key: 'income', header: 'Verksamhetens intäkter', kind: 'integer' },
      { key: 'cost', header: 'Verksamhetens kostnader', kind: 'integer' },
      { key: 'result', header: 'Årets resultat', kind: 'integer' },
      { key: 'equityRatio', header: 'Soliditet', kind: 'percent', decimals: 1 },
      { key: 'employees', header: 'Antal anställda', kind: 'integer' },
    ],
    rows: rows.map((r) => ({
      cells: {
        year: String(r.year),
        income: oreToTkr(r.incomeOre),
        cost: oreToTkr(-r.costOre),
        result: oreToTkr(r.resultOre),
        equityRatio: r.equityRatio,
        employees: r.employees === null ? null : Math.round(r.employees),
      },
    })),
  };
}
