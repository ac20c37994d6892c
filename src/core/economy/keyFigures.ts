/**
 * Key figures of a year (nyckeltal), exactly the reference's output contract, plus the cost distribution in
 * whole per cent, equity against the configured cap and floor, and the five-year overview.
 */
import { oreAsKronor, ratio, wholePercentages } from '../rounding.ts';
import type { FederationSettings } from '../settings.ts';
import type { BudgetLine, FiscalYearFacts, LineAmounts, Section, YearSummary } from './types.ts';
import { sumBySection } from './budget.ts';

export interface CostShares {
  readonly individual: number;
  readonly structural: number;
  readonly processSupport: number;
  readonly administration: number;
}

/** The contract's key figures, in öre (toKeyFiguresJson converts to kronor). */
export interface KeyFigures {
  readonly federation: string;
  readonly year: number;
  readonly allocationOre: number | null;
  readonly operatingIncomeOre: number;
  readonly operatingCostOre: number;
  readonly operatingResultOre: number;
  readonly financialIncomeOre: number;
  readonly financialCostOre: number;
  readonly resultOre: number;
  /** opening + contributions + result; null when the opening equity is unknown. */
  readonly equityClosingOre: number | null;
  /** equityClosing / allocation, 4 decimals. */
  readonly equityShareOfAllocation: number | null;
  /** soliditet: equityClosing / totalAssets, 4 decimals; null if unknown. */
  readonly equityRatio: number | null;
  readonly costShares: CostShares | null;
  readonly directCostShare: number | null;
  readonly budget: { readonly operatingCostOre: number; readonly resultOre: number; readonly costShares: CostShares | null };
}

export interface KeyFiguresInput {
  readonly federation: string;
  readonly facts: FiscalYearFacts;
  readonly lines: ReadonlyMap<number, BudgetLine>;
  readonly outcome: readonly LineAmounts[];
  /** Latest revised budget. */
  readonly budget: readonly LineAmounts[];
}

function shares(cost: Record<Section, number>, totalCost: number): CostShares | null {
  if (totalCost === 0) return null;
  return {
    individual: ratio(cost.individual, totalCost, 4),
    structural: ratio(cost.structural, totalCost, 4),
    processSupport: ratio(cost.process_support, totalCost, 4),
    administration: ratio(cost.administration, totalCost, 4),
  };
}

export function computeKeyFigures(input: KeyFiguresInput): KeyFigures {
  const { facts } = input;
  const outcomeBySection = sumBySection(input.outcome, input.lines).cost;
  const budgetBySection = sumBySection(input.budget, input.lines).cost;
  const operatingIncomeOre = input.outcome.reduce((a, l) => a + l.incomeOre, 0);
  const operatingCostOre = input.outcome.reduce((a, l) => a + l.costOre, 0);
  const operatingResultOre = operatingIncomeOre - operatingCostOre;
  const financialIncomeOre = facts.financialIncomeOre ?? 0;
  const financialCostOre = facts.financialCostOre ?? 0;
  const resultOre = operatingResultOre + financialIncomeOre - financialCostOre;
  const equityClosingOre = facts.openingEquityOre === null ? null : facts.openingEquityOre + (facts.equityContributionsOre ?? 0) + resultOre;
  const direct = outcomeBySection.individual + outcomeBySection.structural + outcomeBySection.process_support;
  const budgetIncome = input.budget.reduce((a, l) => a + l.incomeOre, 0);
  const budgetCost = input.budget.reduce((a, l) => a + l.costOre, 0);
  return {
    federation: input.federation,
    year: facts.year,
    allocationOre: facts.allocationOre,
    operatingIncomeOre,
    operatingCostOre,
    operatingResultOre,
    financialIncomeOre,
    financialCostOre,
    resultOre,
    equityClosingOre,
    equityShareOfAllocation: equityClosingOre !== null && facts.allocationOre ? ratio(equityClosingOre, facts.allocationOre, 4) : null,
    equityRatio: equityClosingOre !== null && facts.totalAssetsOre ? ratio(equityClosingOre, facts.totalAssetsOre, 4) : null,
    costShares: shares(outcomeBySection, operatingCostOre),
    directCostShare: operatingCostOre === 0 ? null : ratio(direct, operatingCostOre, 4),
    budget: { operatingCostOre: budgetCost, resultOre: budgetIncome - budgetCost, costShares: shares(budgetBySection, budgetCost) },
  };
}

const kr = oreAsKronor;
const krOrNull = (ore: number | null) => (ore === null ? null : kr(ore));

/** The contract's JSON (amounts in kronor). */
export function toKeyFiguresJson(k: KeyFigures) {
  return {
    federation: k.federation,
    year: k.year,
    allocation: krOrNull(k.allocationOre),
    operatingIncome: kr(k.operatingIncomeOre),
    operatingCost: kr(k.operatingCostOre),
    operatingResult: kr(k.operatingResultOre),
    financialIncome: kr(k.financialIncomeOre),
    financialCost: kr(k.financialCostOre),
    result: kr(k.resultOre),
    equityClosing: krOrNull(k.equityClosingOre),
    equityShareOfAllocation: k.equityShareOfAllocation,
    equityRatio: k.equityRatio,
    costShares: k.costShares,
    directCostShare: k.directCostShare,
    budget: { operatingCost: kr(k.budget.operatingCostOre), result: kr(k.budget.resultOre), costShares: k.budget.costShares },
  };
}

/** Cost distribution in whole per cent (largest remainder), in the report's row order. */
export interface CostDistribution {
  readonly individual: number;
  readonly structural: number;
  readonly processSupport: number;
  readonly administration: number;
}

export function costDistribution(lines: readonly LineAmounts[], lineById: ReadonlyMap<number, BudgetLine>): CostDistribution {
  const c = sumBySection(lines, lineById).cost;
  const [individual, structural, processSupport, administration] = wholePercentages(
    [c.individual, c.structural, c.process_support, c.administration].map((v) => Math.max(0, v)),
  ) as [number, number, number, number];
  return { individual, structural, processSupport, administration };
}

export type EquityStatus = 'above_cap' | 'below_floor' | 'within' | 'unknown';

export interface EquityAssessment {
  readonly equityClosingOre: number | null;
  readonly capShare: number;
  /** allocation × cap share, rounded to öre; null when the allocation is unknown. */
  readonly capOre: number | null;
  readonly floorOre: number | null;
  readonly shareOfAllocation: number | null;
  readonly status: EquityStatus;
}

/**
 * THE equity rule: the recommended cap as a share of the allocation, by the staircase (the highest step whose
 * threshold the allocation reaches; below every step, equityCapShare). Default: one step, 20 %. Used by the
 * dashboard, the key figures, the state allocation model and the national view.
 */
export function equityCapShareFor(allocationOre: number | null, settings: Pick<FederationSettings, 'equityCapShare' | 'equityCapSteps'>): number {
  let share = settings.equityCapShare;
  if (allocationOre === null) return share;
  for (const step of settings.equityCapSteps ?? []) if (allocationOre >= step.fromAllocationOre) share = step.share;
  return share;
}

/** The cap in öre for an allocation (allocation × the staircase's share, rounded to öre). */
export function equityCapOre(allocationOre: number, settings: Pick<FederationSettings, 'equityCapShare' | 'equityCapSteps'>): number {
  return Math.round(allocationOre * equityCapShareFor(allocationOre, settings));
}

export function assessEquity(k: KeyFigures, settings: FederationSettings): EquityAssessment {
  const capShare = equityCapShareFor(k.allocationOre, settings);
  const capOre = k.allocationOre === null ? null : equityCapOre(k.allocationOre, settings);
  let status: EquityStatus = 'unknown';
  if (k.equityClosingOre !== null) {
    if (capOre !== null && k.equityClosingOre > capOre) status = 'above_cap';
    else if (settings.equityFloorOre !== null && k.equityClosingOre < settings.equityFloorOre) status = 'below_floor';
    else if (capOre !== null || settings.equityFloorOre !== null) status = 'within';
  }
  return { equityClosingOre: k.equityClosingOre, capShare, capOre, floorOre: settings.equityFloorOre, shareOfAllocation: k.equityShareOfAllocation, status };
}

/** A row of the five-year overview ("Översikt över verksamhetens utveckling"). */
export interface OverviewRow extends YearSummary {
  /** 'computed' from the year's lines, or 'summary' (printed totals only, e.g. a predecessor förbund). */
  readonly basis: 'computed' | 'summary';
  /** 'closed': the year's outcome (bokslut); 'forecast': the open year's forecast ("prognos"); 'open': an earlier
   * year not yet closed, its outcome to date. */
  readonly status: OverviewStatus;
}

export type OverviewStatus = 'closed' | 'forecast' | 'open';

/** The overview for `year` and the four years before, newest first; a year with neither is left out. */
export function fiveYearOverview(
  year: number,
  computed: ReadonlyMap<number, { key: KeyFigures; employees: number | null; status?: OverviewStatus }>,
  summaries: ReadonlyMap<number, YearSummary>,
): OverviewRow[] {
  const rows: OverviewRow[] = [];
  for (let y = year; y > year - 5; y--) {
    const c = computed.get(y);
    const s = summaries.get(y);
    if (c) {
      rows.push({ year: y, incomeOre: c.key.operatingIncomeOre, costOre: c.key.operatingCostOre, resultOre: c.key.resultOre, equityRatio: c.key.equityRatio, employees: c.employees, basis: 'computed', note: null, status: c.status ?? 'closed' });
    } else if (s) {
      rows.push({ year: y, incomeOre: s.incomeOre, costOre: s.costOre, resultOre: s.resultOre, equityRatio: s.equityRatio, employees: s.employees, basis: 'summary', note: s.note, status: 'closed' });
    }
  }
  return rows;
}
