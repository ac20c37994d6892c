/**
 * Types of the economy domain. Money is integer öre everywhere (a safe integer); costs are positive amounts
 * in a `costOre` field (a refund makes a cost negative), as in the reference import format.
 */

/** Sections of the budget and of the driftredovisning, in the order the report prints them. */
export const sections = ['income', 'administration', 'individual', 'structural', 'process_support'] as const;
export type Section = (typeof sections)[number];

/** The sections whose costs are "direkta insatskostnader". */
export const directSections: readonly Section[] = ['individual', 'structural', 'process_support'];

/** Swedish names of the sections as the driftredovisning prints them. */
export const sectionLabels: Record<Section, string> = {
  income: 'Intäkter',
  administration: 'Administration',
  individual: 'Individinsatser',
  structural: 'Strukturpåverkande insatser',
  process_support: 'Processtöd samverkansinsatser',
};

/** Swedish subtotal labels of the driftredovisning. */
export const sectionSubtotalLabels: Record<Section, string> = {
  income: 'Summa intäkter',
  administration: 'Summa administrativa kostnader',
  individual: 'Summa kostnader individinsatser',
  structural: 'Summa kostnader strukturpåverkande insatser',
  process_support: 'Summa processtöd samverkansinsatser',
};

export const memberKinds = ['state_fk', 'state_af', 'region', 'municipality'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const memberKindLabels: Record<MemberKind, string> = {
  state_fk: 'Försäkringskassan',
  state_af: 'Arbetsförmedlingen',
  region: 'Region',
  municipality: 'Kommun',
};

export function isSection(v: unknown): v is Section {
  return typeof v === 'string' && (sections as readonly string[]).includes(v);
}
export function isMemberKind(v: unknown): v is MemberKind {
  return typeof v === 'string' && (memberKinds as readonly string[]).includes(v);
}

export interface Member {
  readonly id: number;
  readonly name: string;
  readonly kind: MemberKind;
  readonly sortOrder: number;
}

/** A line of the budget and driftredovisning (the same line across years). */
export interface BudgetLine {
  readonly id: number;
  readonly section: Section;
  readonly label: string;
  readonly sortOrder: number;
}

/** Income and cost of something, in öre. Net = income − cost. */
export interface Amounts {
  readonly incomeOre: number;
  readonly costOre: number;
}

export const zeroAmounts: Amounts = { incomeOre: 0, costOre: 0 };

export function addAmounts(a: Amounts, b: Amounts): Amounts {
  return { incomeOre: a.incomeOre + b.incomeOre, costOre: a.costOre + b.costOre };
}

export function netOre(a: Amounts): number {
  return a.incomeOre - a.costOre;
}

/** Amounts of one line (by id). */
export interface LineAmounts extends Amounts {
  readonly lineId: number;
}

/** Outcome of one line in one month. */
export interface MonthlyOutcome extends LineAmounts {
  readonly month: number;
}

/** Financial items (finansiella intäkter och kostnader), both positive. */
export interface FinancialItems {
  readonly incomeOre: number;
  readonly costOre: number;
}

/** A year's facts other than lines. Missing means unknown (or coming from the ledger). */
export interface FiscalYearFacts {
  readonly year: number;
  readonly allocationOre: number | null;
  readonly openingEquityOre: number | null;
  readonly equityContributionsOre: number | null;
  readonly totalAssetsOre: number | null;
  readonly financialIncomeOre: number | null;
  readonly financialCostOre: number | null;
  readonly employees: number | null;
}

/** Printed totals of a year without lines (e.g. a predecessor förbund), for the five-year overview. */
export interface YearSummary {
  readonly year: number;
  readonly incomeOre: number;
  /** Positive; excluding financial items. */
  readonly costOre: number;
  /** After financial items. */
  readonly resultOre: number;
  readonly equityRatio: number | null;
  readonly employees: number | null;
  readonly note: string | null;
}
