/**
 * The economy's other tables, ready for the exporters (CSV, XLSX) and pages: key figures, cost distribution,
 * five-year overview, budget (original and revised) and contributions. Amounts are rounded for presentation
 * here, each cell separately from öre (tkr where the annual report uses tkr, else whole kronor).
 */
import { oreToKronor, oreToTkr, ratio } from '../rounding.ts';
import type { Table, TableRow } from '../table.ts';
import type { CostDistribution, KeyFigures, OverviewRow } from './keyFigures.ts';
import { sectionLabels, type BudgetLine, type LineAmounts } from './types.ts';

export function keyFiguresTable(k: KeyFigures): Table {
  const row = (label: string, amountOre: number | null, share: number | null = null): TableRow => ({
    cells: { label, amount: amountOre === null ? null : oreToKronor(amountOre), share },
  });
  const cs = k.costShares;
  return {
    title: `Nyckeltal ${k.year}, ${k.federation}`,
    note: 'Belopp i kronor',
    columns: [
      { key: 'label', header: 'Nyckeltal', kind: 'text' },
      { key: 'amount', header: 'Belopp (kr)', kind: 'integer' },
      { key: 'share', header: 'Andel', kind: 'percent', decimals: 1 },
    ],
    rows: [
      row('Medelstilldelning', k.allocationOre),
      row('Verksamhetens intäkter', k.operatingIncomeOre),
      row('Verksamhetens kostnader', k.operatingCostOre),
      row('Verksamhetens resultat', k.operatingResultOre),
      row('Finansiella intäkter', k.financialIncomeOre),
      row('Finansiella kostnader', k.financialCostOre),
      row('Årets resultat', k.resultOre),
      row('Eget kapital vid årets slut', k.equityClosingOre, k.equityShareOfAllocation),
      row('Soliditet', null, k.equityRatio),
      row('Individinsatser, andel av kostnaderna', null, cs?.individual ?? null),
      row('Strukturpåverkande insatser, andel', null, cs?.structural ?? null),
      row('Processtöd samverkansinsatser, andel', null, cs?.processSupport ?? null),
      row('Administration, andel', null, cs?.administration ?? null),
      row('Direkta insatskostnader, andel', null, k.directCostShare),
      row('Budgeterade kostnader (reviderad budget)', k.budget.operatingCostOre),
      row('Budgeterat resultat (reviderad budget)', k.budget.resultOre),
    ],
  };
}

export function costDistributionTable(year: number, d: { budget: CostDistribution; outcome: CostDistribution; previousOutcome: CostDistribution | null }): Table {
  const keys = [
    ['individual', sectionLabels.individual],
    ['structural', sectionLabels.structural],
    ['processSupport', sectionLabels.process_support],
    ['administration', 'Administration (styrelse och kansli)'],
  ] as const;
  return {
    title: `Kostnadsfördelning ${year}`,
    note: 'Hela procent (största rest), summerar till 100 %',
    columns: [
      { key: 'label', header: 'Avsnitt', kind: 'text' },
      { key: 'budget', header: `Budget ${year}`, kind: 'percent' },
      { key: 'outcome', header: `Utfall ${year}`, kind: 'percent' },
      { key: 'previous', header: `Utfall ${year - 1}`, kind: 'percent' },
    ],
    rows: keys.map(([k, label]) => ({
      cells: { label, budget: d.budget[k] / 100, outcome: d.outcome[k] / 100, previous: d.previousOutcome ? d.previousOutcome[k] / 100 : null },
    })),
  };
}

export function fiveYearTable(rows: readonly OverviewRow[]): Table {
  return {
    title: 'Översikt över verksamhetens utveckling',
    note: 'Belopp i tkr; kostnader exklusive finansiella poster; soliditet = eget kapital / totalt kapital',
    columns: [
      { key: 'year', header: 'År', kind: 'text' },
      { key: 'income', header: 'Verksamhetens intäkter (tkr)', kind: 'integer' },
      { key: 'cost', header: 'Verksamhetens kostnader (tkr)', kind: 'integer' },
      { key: 'result', header: 'Årets resultat (tkr)', kind: 'integer' },
      { key: 'equityRatio', header: 'Soliditet', kind: 'percent', decimals: 1 },
      { key: 'employees', header: 'Antal anställda', kind: 'integer' },
      { key: 'note', header: 'Anmärkning', kind: 'text' },
    ],
    rows: rows.map((r) => ({
      cells: {
        year: String(r.year),
        income: oreToTkr(r.incomeOre),
        cost: oreToTkr(-r.costOre),
        result: oreToTkr(r.resultOre),
        equityRatio: r.equityRatio,
        employees: r.employees === null ? null : Math.round(r.employees),
        note: r.note,
      },
    })),
  };
}

export function budgetTable(year: number, lines: readonly BudgetLine[], original: readonly LineAmounts[], revised: readonly LineAmounts[]): Table {
  const o = new Map(original.map((l) => [l.lineId, l]));
  const r = new Map(revised.map((l) => [l.lineId, l]));
  const shown = lines.filter((l) => o.has(l.id) || r.has(l.id));
  const sum = (m: Map<number, LineAmounts>, f: 'incomeOre' | 'costOre') => shown.reduce((a, l) => a + (m.get(l.id)?.[f] ?? 0), 0);
  const kr = (v: number | undefined) => (v === undefined ? null : oreToKronor(v));
  return {
    title: `Budget ${year}`,
    note: 'Belopp i kronor; kostnader som positiva belopp',
    columns: [
      { key: 'section', header: 'Avsnitt', kind: 'text' },
      { key: 'label', header: 'Budgetpost', kind: 'text' },
      { key: 'originalIncome', header: 'Ursprunglig budget intäkt', kind: 'integer' },
      { key: 'originalCost', header: 'Ursprunglig budget kostnad', kind: 'integer' },
      { key: 'revisedIncome', header: 'Reviderad budget intäkt', kind: 'integer' },
      { key: 'revisedCost', header: 'Reviderad budget kostnad', kind: 'integer' },
    ],
    rows: [
      ...shown.map((l) => ({
        cells: {
          section: sectionLabels[l.section],
          label: l.label,
          originalIncome: kr(o.get(l.id)?.incomeOre),
          originalCost: kr(o.get(l.id)?.costOre),
          revisedIncome: kr(r.get(l.id)?.incomeOre),
          revisedCost: kr(r.get(l.id)?.costOre),
        },
      })),
      {
        emphasis: 'total' as const,
        cells: { section: '', label: 'Summa', originalIncome: kr(sum(o, 'incomeOre')), originalCost: kr(sum(o, 'costOre')), revisedIncome: kr(sum(r, 'incomeOre')), revisedCost: kr(sum(r, 'costOre')) },
      },
    ],
  };
}

export function contributionsTable(year: number, allocationOre: number | null, contributions: readonly { payerName: string; amountOre: number }[]): Table {
  const total = contributions.reduce((a, c) => a + c.amountOre, 0);
  return {
    title: `Medlemmarnas bidrag ${year}`,
    note: allocationOre === null ? 'Belopp i kronor' : `Belopp i kronor; medelstilldelning ${oreToKronor(allocationOre)} kr`,
    columns: [
      { key: 'payer', header: 'Betalare', kind: 'text' },
      { key: 'amount', header: 'Bidrag (kr)', kind: 'integer' },
      { key: 'share', header: 'Andel', kind: 'percent', decimals: 2 },
    ],
    rows: [
      ...contributions.map((c) => ({ cells: { payer: c.payerName, amount: oreToKronor(c.amountOre), share: total ? ratio(c.amountOre, total, 4) : null } })),
      { emphasis: 'total' as const, cells: { payer: 'Summa', amount: oreToKronor(total), share: total ? 1 : null } },
    ],
  };
}
