/**
 * How a budget line's year amount falls over the months (periodisering), per line:
 *  - 'even':      1/12 each month (salaries, rent, most costs);
 *  - 'quarterly': 1/4 in the first month of each quarter (January, April, July, October) — member payments
 *                 that come four times a year;
 *  - 'yearly':    the whole amount in January, as entered — a payment that comes once a year.
 * A line without a chosen profile takes defaultProfile(section): income quarterly (the members' payments),
 * costs even. Budget to date and the forecast (forecast.ts) both read the profile from here.
 */
import { divideRounded } from '../rounding.ts';
import type { LineAmounts, Section } from './types.ts';

export const budgetProfiles = ['even', 'quarterly', 'yearly'] as const;
export type BudgetProfile = (typeof budgetProfiles)[number];

export const budgetProfileLabels: Record<BudgetProfile, string> = {
  even: 'jämnt över året',
  quarterly: 'kvartalsvis (januari, april, juli, oktober)',
  yearly: 'en gång om året (januari)',
};

export function isBudgetProfile(v: unknown): v is BudgetProfile {
  return typeof v === 'string' && (budgetProfiles as readonly string[]).includes(v);
}

export function defaultProfile(section: Section): BudgetProfile {
  return section === 'income' ? 'quarterly' : 'even';
}

/** The line's profile: its own, else the default of its section. */
export function profileOf(line: { readonly section: Section; readonly profile?: BudgetProfile | null }): BudgetProfile {
  return line.profile ?? defaultProfile(line.section);
}

/**
 * The share of the year's amount expected through `month` (0–12) as an exact fraction [numerator, denominator]:
 * even m/12, quarterly ⌈m/3⌉/4, yearly 1 from January.
 */
export function shareToDate(profile: BudgetProfile, month: number): readonly [number, number] {
  if (!Number.isInteger(month) || month < 0 || month > 12) throw new RangeError('månaden ska vara 0–12');
  switch (profile) {
    case 'even':
      return [month, 12];
    case 'quarterly':
      return [Math.ceil(month / 3), 4];
    case 'yearly':
      return [month === 0 ? 0 : 1, 1];
  }
}

/** An amount's part through `month` (exact öre, rounded half away from zero; the whole amount at month 12). */
export function amountToDate(amountOre: number, profile: BudgetProfile, month: number): number {
  const [num, den] = shareToDate(profile, month);
  return divideRounded(amountOre * num, den);
}

/** A year's budget line by line, spread over the twelve months: months[i] is month i + 1; they sum to the year exactly. */
export function budgetByMonth(amount: LineAmounts, profile: BudgetProfile): LineAmounts[] {
  const out: LineAmounts[] = [];
  for (let m = 1; m <= 12; m++) {
    out.push({
      lineId: amount.lineId,
      incomeOre: amountToDate(amount.incomeOre, profile, m) - amountToDate(amount.incomeOre, profile, m - 1),
      costOre: amountToDate(amount.costOre, profile, m) - amountToDate(amount.costOre, profile, m - 1),
    });
  }
  return out;
}

/**
 * Budget to date: each line's (revised) budget through `month` by its profile. `profiles` gives each line's
 * profile (lines missing there are spread evenly).
 */
export function budgetToDate(budget: readonly LineAmounts[], profiles: ReadonlyMap<number, BudgetProfile>, month: number): LineAmounts[] {
  return budget.map((b) => {
    const p = profiles.get(b.lineId) ?? 'even';
    return { lineId: b.lineId, incomeOre: amountToDate(b.incomeOre, p, month), costOre: amountToDate(b.costOre, p, month) };
  });
}
