/**
 * The driftredovisning as a table in tkr, the way the annual report prints it: costs negative, and every
 * line and every subtotal rounded separately from exact öre (so a subtotal may differ from the sum of its
 * printed lines). Also the kronor JSON of the reference contract.
 */
import { oreAsKronor, oreToTkr } from '../rounding.ts';
import type { Table, TableColumn, TableRow } from '../table.ts';
import type { OperatingStatement, StatementFigures } from './operatingStatement.ts';
import type { Amounts } from './types.ts';

export function statementColumns(year: number): TableColumn[] {
  const p = year - 1;
  return [
    { key: 'label', header: 'Budgetpost', kind: 'text' },
    { key: 'outcomeIncome', header: `Utfall ${year} intäkt`, kind: 'integer' },
    { key: 'outcomeCost', header: `Utfall ${year} kostnad`, kind: 'integer' },
    { key: 'outcomeNet', header: `Utfall ${year} netto`, kind: 'integer' },
    { key: 'budgetIncome', header: `Budget ${year} intäkt`, kind: 'integer' },
    { key: 'budgetCost', header: `Budget ${year} kostnad`, kind: 'integer' },
    { key: 'budgetNet', header: `Budget ${year} netto`, kind: 'integer' },
    { key: 'deviation', header: `Avvikelse ${year} utfall−budget netto`, kind: 'integer' },
    { key: 'previousIncome', header: `Utfall ${p} intäkt`, kind: 'integer' },
    { key: 'previousCost', header: `Utfall ${p} kostnad`, kind: 'integer' },
    { key: 'previousNet', header: `Utfall ${p} netto`, kind: 'integer' },
  ];
}

/** One row's cells in tkr, each rounded from öre. Costs negative, as printed. */
export function tkrCells(f: StatementFigures): Record<string, number | null> {
  const prev = f.previousOutcome;
  return {
    outcomeIncome: oreToTkr(f.outcome.incomeOre),
    outcomeCost: oreToTkr(-f.outcome.costOre),
    outcomeNet: oreToTkr(f.outcome.incomeOre - f.outcome.costOre),
    budgetIncome: oreToTkr(f.budget.incomeOre),
    budgetCost: oreToTkr(-f.budget.costOre),
    budgetNet: oreToTkr(f.budget.incomeOre - f.budget.costOre),
    deviation: oreToTkr(f.deviationOre),
    previousIncome: prev ? oreToTkr(prev.incomeOre) : null,
    previousCost: prev ? oreToTkr(-prev.costOre) : null,
    previousNet: prev ? oreToTkr(prev.incomeOre - prev.costOre) : null,
  };
}

export interface StatementTableRow extends TableRow {
  /** 'line' (a budget line), a section key for its subtotal, 'direct', 'total', 'financial' or 'result'. */
  readonly key: string;
  readonly lineId?: number;
}

export function statementTableRows(s: OperatingStatement): StatementTableRow[] {
  const rows: StatementTableRow[] = [];
  for (const section of s.sections) {
    for (const l of section.lines) rows.push({ key: 'line', lineId: l.line.id, cells: { label: l.line.label, ...tkrCells(l.figures) } });
    rows.push({ key: section.section, emphasis: 'subtotal', cells: { label: section.subtotalLabel, ...tkrCells(section.subtotal) } });
    if (section.section === 'process_support') rows.push({ key: 'direct', emphasis: 'subtotal', cells: { label: 'Summa direkta insatskostnader', ...tkrCells(s.directCosts) } });
  }
  rows.push({ key: 'total', emphasis: 'total', cells: { label: 'SUMMA', ...tkrCells(s.total) } });
  const fin = s.financial;
  if (fin.outcome || fin.previousOutcome) {
    const zero = { incomeOre: 0, costOre: 0 };
    const f: StatementFigures = {
      outcome: fin.outcome ?? zero,
      budget: zero,
      deviationOre: (fin.outcome ? fin.outcome.incomeOre - fin.outcome.costOre : 0),
      previousOutcome: s.result.previousOutcome ? (fin.previousOutcome ?? zero) : null,
    };
    rows.push({ key: 'financial', cells: { label: 'Finansiella intäkter och kostnader', ...tkrCells(f) } });
    rows.push({ key: 'result', emphasis: 'total', cells: { label: 'Årets resultat', ...tkrCells(s.result) } });
  }
  return rows;
}

export function statementTable(s: OperatingStatement, federationName: string): Table {
  return { title: `Driftredovisning ${s.year}, ${federationName}`, note: 'Belopp i tkr', columns: statementColumns(s.year), rows: statementTableRows(s) };
}

function amountsJson(a: Amounts) {
  return { income: oreAsKronor(a.incomeOre), cost: oreAsKronor(a.costOre), net: oreAsKronor(a.incomeOre - a.costOre) };
}

function figuresJson(f: StatementFigures) {
  return {
    outcome: amountsJson(f.outcome),
    budget: amountsJson(f.budget),
    deviation: oreAsKronor(f.deviationOre),
    previousOutcome: f.previousOutcome ? amountsJson(f.previousOutcome) : null,
  };
}

/**
 * The reference contract's JSON (kronor; cost positive, net = income − cost), plus `directCosts`,
 * `financial` and `result` (SUMMA with financial items).
 */
export function statementJson(s: OperatingStatement, federationName: string) {
  return {
    federation: federationName,
    year: s.year,
    sections: s.sections.map((sec) => ({
      section: sec.section,
      lines: sec.lines.map((l) => ({ label: l.line.label, ...figuresJson(l.figures) })),
      subtotal: figuresJson(sec.subtotal),
    })),
    directCosts: figuresJson(s.directCosts),
    total: figuresJson(s.total),
    financial: {
      outcome: s.financial.outcome ? amountsJson(s.financial.outcome) : null,
      previousOutcome: s.financial.previousOutcome ? amountsJson(s.financial.previousOutcome) : null,
    },
    result: figuresJson(s.result),
  };
}
