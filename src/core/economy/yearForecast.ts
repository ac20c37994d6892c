/**
 * The full-year forecast of a period (period.ts), per line and in total, with its method in words. The rules:
 *  - a complete (closed) year: the forecast IS the outcome;
 *  - an open year without outcome: the forecast is the (revised) budget;
 *  - an open year with outcome through month m: each line's outcome to date divided by the share of the year its
 *    budget profile expects by then (forecast.ts: evenly spread ×12/m, quarterly by quarters, yearly ×1);
 *  - the members' contributions (the income section's income, paid quarterly or yearly) are not extrapolated:
 *    they are forecast at the allocation decided for the year, shared over the income section's lines by their
 *    budgeted income;
 *  - ledger amounts on accounts not mapped to a budget line are extrapolated evenly (×12/m);
 *  - financial items enter as far as they are known (the ledger to date, or the year's entered figures) and are
 *    not extrapolated: interest and fees do not accrue by the month in a förbund's books.
 * Pure; exact öre.
 */
import { formatMonth, formatMonthsFromJanuary, tkrText } from '../format.ts';
import { divideRounded, largestRemainderSplit } from '../rounding.ts';
import type { BudgetProfile } from './budgetProfile.ts';
import { forecastYear } from './forecast.ts';
import type { YearPeriod } from './period.ts';
import type { Amounts, BudgetLine, FinancialItems, LineAmounts, MonthlyOutcome } from './types.ts';

/** How a line's full-year figure was reached. */
export type ForecastBasis = 'outcome' | 'profile' | 'allocation' | 'budget';

export interface FullYearLine extends LineAmounts {
  /** Outcome to date. */
  readonly soFar: Amounts;
  readonly profile: BudgetProfile;
  readonly basis: ForecastBasis;
}

export interface FullYearForecast {
  readonly throughMonth: number;
  readonly complete: boolean;
  /** Per line, the full year (incomeOre, costOre) and the outcome to date it rests on. */
  readonly lines: readonly FullYearLine[];
  /** Ledger amounts on accounts no budget line maps (0 without a ledger): to date and forecast. */
  readonly unmapped: { readonly soFar: Amounts; readonly forecast: Amounts };
  /** Operating income and cost for the full year: the lines plus the unmapped ledger amounts. */
  readonly operating: Amounts;
  /** Financial items as known (not extrapolated); null when none are known. */
  readonly financial: FinancialItems | null;
  /** The allocation the members' contributions were forecast at, or null (not decided: extrapolated). */
  readonly allocationOre: number | null;
  /** The method in Swedish, for every page and document that shows the forecast. */
  readonly method: string;
}

export interface FullYearInput {
  readonly period: Pick<YearPeriod, 'throughMonth' | 'complete'>;
  /** The counted outcome per line and month. */
  readonly monthly: readonly MonthlyOutcome[];
  readonly lines: ReadonlyMap<number, BudgetLine>;
  readonly profiles: ReadonlyMap<number, BudgetProfile>;
  /** The year's budget as revised. */
  readonly budget: readonly LineAmounts[];
  /** The allocation decided for the year (the members' contributions together), or null when not decided. */
  readonly allocationOre: number | null;
  /** Ledger amounts to date on unmapped accounts (zero without a ledger). */
  readonly unmappedSoFar: Amounts;
  readonly financial: FinancialItems | null;
}

const zero: Amounts = { incomeOre: 0, costOre: 0 };

/** The allocation shared over the income section's lines by budgeted income (else outcome to date, else the first line). */
function shareAllocation(allocationOre: number, incomeLines: readonly BudgetLine[], budget: ReadonlyMap<number, Amounts>, soFar: ReadonlyMap<number, Amounts>): Map<number, number> {
  const out = new Map<number, number>();
  if (!incomeLines.length) return out;
  const pick = (f: (id: number) => number) => incomeLines.map((l) => Math.max(0, f(l.id)));
  let weights = pick((id) => budget.get(id)?.incomeOre ?? 0);
  if (weights.every((w) => w === 0)) weights = pick((id) => soFar.get(id)?.incomeOre ?? 0);
  if (weights.every((w) => w === 0)) weights = incomeLines.map((_, i) => (i === 0 ? 1 : 0));
  const parts = largestRemainderSplit(allocationOre, weights);
  incomeLines.forEach((l, i) => out.set(l.id, parts[i]!));
  return out;
}

export function forecastFullYear(input: FullYearInput): FullYearForecast {
  const { period, profiles } = input;
  const m = period.throughMonth;
  const open = !period.complete;
  const counted = period.complete ? input.monthly : input.monthly.filter((o) => o.month <= m);
  const perLine = forecastYear(counted, period.complete ? 12 : m, profiles);
  const soFar = new Map(perLine.lines.map((l) => [l.lineId, l.soFar]));
  const budget = new Map(input.budget.map((b) => [b.lineId, b]));
  const profileOf = (id: number): BudgetProfile => profiles.get(id) ?? 'even';

  const result = new Map<number, FullYearLine>();
  if (period.complete) {
    for (const l of perLine.lines) result.set(l.lineId, { ...l, incomeOre: l.soFar.incomeOre, costOre: l.soFar.costOre, basis: 'outcome' });
  } else if (m === 0) {
    for (const b of input.budget) result.set(b.lineId, { lineId: b.lineId, soFar: zero, profile: profileOf(b.lineId), incomeOre: b.incomeOre, costOre: b.costOre, basis: 'budget' });
  } else {
    for (const l of perLine.lines) result.set(l.lineId, { ...l, basis: m === 12 ? 'outcome' : 'profile' });
  }

  // The members' contributions: the allocation decided, not an extrapolation of the payments so far.
  let allocationOre: number | null = null;
  if (open && input.allocationOre !== null) {
    const ids = new Set([...result.keys(), ...budget.keys()]);
    const incomeLines = [...ids]
      .map((id) => input.lines.get(id))
      .filter((l): l is BudgetLine => !!l && l.section === 'income')
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    if (incomeLines.length) {
      allocationOre = input.allocationOre;
      for (const [id, incomeOre] of shareAllocation(input.allocationOre, incomeLines, budget, soFar)) {
        const l = result.get(id);
        result.set(id, { lineId: id, soFar: l?.soFar ?? zero, profile: profileOf(id), incomeOre, costOre: l?.costOre ?? 0, basis: 'allocation' });
      }
    }
  }

  const u = input.unmappedSoFar;
  const scaleEven = (ore: number) => (open && m > 0 && m < 12 ? divideRounded(ore * 12, m) : ore);
  const unmapped = { soFar: u, forecast: { incomeOre: scaleEven(u.incomeOre), costOre: scaleEven(u.costOre) } };
  const lines = [...result.values()].sort((a, b) => a.lineId - b.lineId);
  const operating = lines.reduce((a, l) => ({ incomeOre: a.incomeOre + l.incomeOre, costOre: a.costOre + l.costOre }), unmapped.forecast);
  const hasUnmapped = u.incomeOre !== 0 || u.costOre !== 0;
  return {
    throughMonth: period.complete ? 12 : m,
    complete: period.complete,
    lines,
    unmapped,
    operating,
    financial: input.financial,
    allocationOre,
    method: methodText(period, allocationOre, open && hasUnmapped && m > 0 && m < 12, input.financial),
  };
}

function methodText(period: Pick<YearPeriod, 'throughMonth' | 'complete'>, allocationOre: number | null, unmappedScaled: boolean, financial: FinancialItems | null): string {
  if (period.complete) return 'Året är stängt (bokslut): prognosen för helåret är årets utfall.';
  const m = period.throughMonth;
  const parts: string[] = [];
  if (m === 0) parts.push('Det finns inget utfall för året ännu: prognosen för helåret är budgeten.');
  else if (m === 12) parts.push('Utfallet omfattar januari–december men året är inte stängt: prognosen för helåret är utfallet hittills.');
  else
    parts.push(
      `Prognosen för helåret bygger på utfallet ${formatMonthsFromJanuary(m)} per budgetpost, uppräknat efter postens periodisering ` +
        `(utfallet hittills delat med den andel av året som periodiseringen väntar sig till och med ${formatMonth(m)}; ` +
        `en jämnt fördelad post räknas upp med 12/${m}).`,
    );
  if (allocationOre !== null) parts.push(`Medlemmarnas bidrag räknas inte upp: de ingår med den beslutade medelstilldelningen, ${tkrText(allocationOre)}.`);
  if (unmappedScaled) parts.push('Belopp i huvudboken på konton som inte är kopplade till någon budgetpost räknas upp jämnt.');
  parts.push(financial ? 'Finansiella poster ingår med det som är känt hittills och räknas inte upp.' : 'Inga finansiella poster är kända för året.');
  return parts.join(' ');
}
