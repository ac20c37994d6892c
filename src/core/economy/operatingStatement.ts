/**
 * The driftredovisning of a year: every line with outcome, budget, deviation (outcome net − budget net:
 * positive is better than budget) and last year's outcome; subtotals per section, direct costs, SUMMA,
 * financial items and the result. Exact öre here; presentation in tkr is statementTable.ts's job.
 */
import { directSections, sections, sectionSubtotalLabels, type Amounts, type BudgetLine, type FinancialItems, type LineAmounts, type Section } from './types.ts';

export interface StatementFigures {
  readonly outcome: Amounts;
  readonly budget: Amounts;
  /** outcome net − budget net. */
  readonly deviationOre: number;
  /** Last year's outcome; null when there is no previous year. */
  readonly previousOutcome: Amounts | null;
}

export interface StatementLine {
  readonly line: BudgetLine;
  readonly figures: StatementFigures;
}

export interface StatementSection {
  readonly section: Section;
  readonly subtotalLabel: string;
  readonly lines: readonly StatementLine[];
  readonly subtotal: StatementFigures;
}

export interface OperatingStatement {
  readonly year: number;
  readonly sections: readonly StatementSection[];
  /** "Summa direkta insatskostnader": individual + structural + process support. */
  readonly directCosts: StatementFigures;
  /** "SUMMA": all sections, before financial items. */
  readonly total: StatementFigures;
  /** Financial items (outcome; budget has none). */
  readonly financial: { readonly outcome: Amounts | null; readonly previousOutcome: Amounts | null };
  /** SUMMA plus financial items: the year's result. */
  readonly result: StatementFigures;
}

export interface OperatingStatementInput {
  readonly year: number;
  readonly lines: readonly BudgetLine[];
  readonly outcome: readonly LineAmounts[];
  /** The budget as revised (latest revision). */
  readonly budget: readonly LineAmounts[];
  /** Last year's outcome, or null when the förbund has no previous year. */
  readonly previousOutcome: readonly LineAmounts[] | null;
  readonly financial: FinancialItems | null;
  readonly previousFinancial: FinancialItems | null;
}

const zero: Amounts = { incomeOre: 0, costOre: 0 };
const net = (a: Amounts) => a.incomeOre - a.costOre;
const add = (a: Amounts, b: Amounts): Amounts => ({ incomeOre: a.incomeOre + b.incomeOre, costOre: a.costOre + b.costOre });

function figures(outcome: Amounts, budget: Amounts, previousOutcome: Amounts | null): StatementFigures {
  return { outcome, budget, deviationOre: net(outcome) - net(budget), previousOutcome };
}

/** Sums figures (a subtotal is exactly the sum of its parts, in öre). */
export function sumFigures(parts: readonly StatementFigures[], hasPrevious: boolean): StatementFigures {
  const outcome = parts.reduce((a, p) => add(a, p.outcome), zero);
  const budget = parts.reduce((a, p) => add(a, p.budget), zero);
  const previous = hasPrevious ? parts.reduce((a, p) => add(a, p.previousOutcome ?? zero), zero) : null;
  return figures(outcome, budget, previous);
}

function byLine(list: readonly LineAmounts[]): Map<number, Amounts> {
  const m = new Map<number, Amounts>();
  for (const l of list) m.set(l.lineId, add(m.get(l.lineId) ?? zero, l));
  return m;
}

/**
 * Builds the statement. A line is shown when it has outcome, budget or last year's outcome (even zero);
 * lines are ordered by section, then sort order, then label.
 */
export function buildOperatingStatement(input: OperatingStatementInput): OperatingStatement {
  const outcome = byLine(input.outcome);
  const budget = byLine(input.budget);
  const previous = input.previousOutcome ? byLine(input.previousOutcome) : null;
  const hasPrevious = previous !== null;
  const shown = input.lines
    .filter((l) => outcome.has(l.id) || budget.has(l.id) || previous?.has(l.id))
    .sort((a, b) => sections.indexOf(a.section) - sections.indexOf(b.section) || a.sortOrder - b.sortOrder || a.label.localeCompare(b.label, 'sv'));
  const known = new Set(input.lines.map((l) => l.id));
  for (const id of [...outcome.keys(), ...budget.keys(), ...(previous?.keys() ?? [])]) {
    if (!known.has(id)) throw new Error(`Okänd budgetpost ${id}`);
  }

  const statementSections: StatementSection[] = sections.map((section) => {
    const lines = shown
      .filter((l) => l.section === section)
      .map((line) => ({
        line,
        figures: figures(outcome.get(line.id) ?? zero, budget.get(line.id) ?? zero, previous ? (previous.get(line.id) ?? zero) : null),
      }));
    return { section, subtotalLabel: sectionSubtotalLabels[section], lines, subtotal: sumFigures(lines.map((l) => l.figures), hasPrevious) };
  });
  const subtotal = (s: Section) => statementSections.find((x) => x.section === s)!.subtotal;
  const directCosts = sumFigures(directSections.map(subtotal), hasPrevious);
  const total = sumFigures(statementSections.map((s) => s.subtotal), hasPrevious);
  const fin = input.financial ? { incomeOre: input.financial.incomeOre, costOre: input.financial.costOre } : null;
  const prevFin = hasPrevious && input.previousFinancial ? { incomeOre: input.previousFinancial.incomeOre, costOre: input.previousFinancial.costOre } : null;
  const result = sumFigures([total, figures(fin ?? zero, zero, hasPrevious ? (prevFin ?? zero) : null)], hasPrevious);
  return { year: input.year, sections: statementSections, directCosts, total, financial: { outcome: fin, previousOutcome: prevFin }, result };
}
