/**
 * Budget of a year: the adopted lines, revisions (tilläggsbudget) that replace or add lines, and the figures
 * the operational plan states (total costs, planned result, use of equity, expected closing equity, shares).
 */
import { textProblems } from '../input/text.ts';
import { InputError, type InputProblem } from '../errors.ts';
import { largestRemainderSplit, wholePercentages } from '../rounding.ts';
import { directSections, type Amounts, type BudgetLine, type LineAmounts, type Section } from './types.ts';

export interface BudgetRevision {
  readonly id?: number;
  /** ISO date of the decision. */
  readonly decidedOn: string;
  /** The decision text (e.g. "Tilläggsbudget, styrelsemöte 2025-05-14 § 12"). */
  readonly decision: string;
  /** Lines that replace the line's amounts as revised so far (or add a line the budget did not have). */
  readonly lines: readonly LineAmounts[];
}

export { isIsoDate } from '../input/dates.ts';
import { isIsoDate } from '../input/dates.ts';

/** Problems of an amount field (öre): must be a safe integer. */
export function amountProblems(value: unknown, field: string, opts: { min?: number } = {}): InputProblem[] {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return [{ field, message: 'Beloppet ska vara ett heltal.' }];
  if (opts.min !== undefined && value < opts.min) return [{ field, message: `Beloppet får inte vara mindre än ${opts.min}.` }];
  return [];
}

export function validateRevision(r: BudgetRevision): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!isIsoDate(r.decidedOn)) problems.push({ field: 'decidedOn', message: 'Ange beslutsdatum som ÅÅÅÅ-MM-DD.' });
  if (typeof r.decision !== 'string' || r.decision.trim() === '') problems.push({ field: 'decision', message: 'Ange beslutet.' });
  else problems.push(...textProblems('decision', r.decision, { kind: 'short' }));
  const seen = new Set<number>();
  r.lines.forEach((l, i) => {
    if (seen.has(l.lineId)) problems.push({ field: `lines[${i}]`, message: 'Budgetposten finns två gånger i tilläggsbudgeten.' });
    seen.add(l.lineId);
    problems.push(...amountProblems(l.incomeOre, `lines[${i}].income`), ...amountProblems(l.costOre, `lines[${i}].cost`));
  });
  return problems;
}

/** The budget after the revisions, applied in decision-date order (stable). Lines keep the original order. */
export function applyRevisions(original: readonly LineAmounts[], revisions: readonly BudgetRevision[]): LineAmounts[] {
  const result = new Map<number, LineAmounts>(original.map((l) => [l.lineId, l]));
  const ordered = revisions.map((r, i) => ({ r, i })).sort((a, b) => (a.r.decidedOn === b.r.decidedOn ? a.i - b.i : a.r.decidedOn < b.r.decidedOn ? -1 : 1));
  for (const { r } of ordered) {
    const problems = validateRevision(r);
    if (problems.length) throw new InputError(problems);
    for (const l of r.lines) result.set(l.lineId, { lineId: l.lineId, incomeOre: l.incomeOre, costOre: l.costOre });
  }
  return [...result.values()];
}

export interface BudgetSummary {
  readonly incomeOre: number;
  readonly costOre: number;
  /** income − cost (before financial items). */
  readonly resultOre: number;
  readonly costBySection: Record<Section, number>;
  readonly directCostOre: number;
  /** How much of earlier years' equity the budget uses: −result when negative, else 0. */
  readonly plannedUseOfEquityOre: number;
  /** opening equity + equity contributions + planned result; null when the opening equity is unknown. */
  readonly expectedClosingEquityOre: number | null;
  /** The operational plan's shares in whole per cent (largest remainder). */
  readonly planShares: {
    /** Administration vs direct costs, of total costs. */
    readonly administration: number;
    readonly direct: number;
    /** Individual interventions vs the rest of the direct costs (method development, structural and
     * process support — the plan counts process support there), of direct costs. */
    readonly individualOfDirect: number;
    readonly structuralOfDirect: number;
  };
}

function emptyBySection(): Record<Section, number> {
  return { income: 0, administration: 0, individual: 0, structural: 0, process_support: 0 };
}

/** Sums lines per section. */
export function sumBySection(lines: readonly LineAmounts[], lineById: ReadonlyMap<number, BudgetLine>): { cost: Record<Section, number>; income: Record<Section, number> } {
  const cost = emptyBySection();
  const income = emptyBySection();
  for (const l of lines) {
    const line = lineById.get(l.lineId);
    if (!line) throw new Error(`Okänd budgetpost ${l.lineId}`);
    cost[line.section] += l.costOre;
    income[line.section] += l.incomeOre;
  }
  return { cost, income };
}

export function summarizeBudget(
  lines: readonly LineAmounts[],
  lineById: ReadonlyMap<number, BudgetLine>,
  equity: { openingEquityOre: number | null; equityContributionsOre: number | null },
): BudgetSummary {
  const { cost } = sumBySection(lines, lineById);
  const incomeOre = lines.reduce((a, l) => a + l.incomeOre, 0);
  const costOre = lines.reduce((a, l) => a + l.costOre, 0);
  const resultOre = incomeOre - costOre;
  const directCostOre = directSections.reduce((a, s) => a + cost[s], 0);
  const [administration, direct] = wholePercentages([Math.max(0, cost.administration), Math.max(0, directCostOre)]) as [number, number];
  const [individualOfDirect, structuralOfDirect] = wholePercentages([
    Math.max(0, cost.individual),
    Math.max(0, cost.structural + cost.process_support),
  ]) as [number, number];
  return {
    incomeOre,
    costOre,
    resultOre,
    costBySection: cost,
    directCostOre,
    plannedUseOfEquityOre: resultOre < 0 ? -resultOre : 0,
    expectedClosingEquityOre: equity.openingEquityOre === null ? null : equity.openingEquityOre + (equity.equityContributionsOre ?? 0) + resultOre,
    planShares: { administration, direct, individualOfDirect, structuralOfDirect },
  };
}

export function totalAmounts(lines: readonly Amounts[]): Amounts {
  return lines.reduce<Amounts>((a, l) => ({ incomeOre: a.incomeOre + l.incomeOre, costOre: a.costOre + l.costOre }), { incomeOre: 0, costOre: 0 });
}

/**
 * A new year's budget income follows its allocation: the income section's lines (the members' contributions)
 * share the allocation by their income in the budget they were copied from (largest remainder, exact to the öre);
 * other lines are kept. Unchanged when the budget has no income-section line.
 */
export function budgetWithAllocation(budget: readonly LineAmounts[], lines: ReadonlyMap<number, BudgetLine>, allocationOre: number): LineAmounts[] {
  const income = budget.filter((b) => lines.get(b.lineId)?.section === 'income');
  if (!income.length) return [...budget];
  let weights = income.map((b) => Math.max(0, b.incomeOre));
  if (weights.every((w) => w === 0)) weights = income.map((_, i) => (i === 0 ? 1 : 0));
  const parts = largestRemainderSplit(allocationOre, weights);
  const byLine = new Map(income.map((b, i) => [b.lineId, parts[i]!]));
  return budget.map((b) => (byLine.has(b.lineId) ? { ...b, incomeOre: byLine.get(b.lineId)! } : b));
}
