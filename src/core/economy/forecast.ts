/**
 * Forecast for the year from the outcome so far, per line, by the line's budget profile (budgetProfile.ts):
 * the outcome through month m divided by the share of the year the profile expects by then
 * (rounded half away from zero to öre). For an evenly spread line that is outcome × 12 / m; a quarterly
 * member payment received in January counts as one quarter (× 4), a yearly one as the whole year (× 1) —
 * a payment is never extrapolated as if it came every month.
 */
import { divideRounded } from '../rounding.ts';
import { shareToDate, type BudgetProfile } from './budgetProfile.ts';
import type { Amounts, LineAmounts, MonthlyOutcome } from './types.ts';

export interface LineForecast extends LineAmounts {
  readonly soFar: Amounts;
  /** The profile the forecast used for this line. */
  readonly profile: BudgetProfile;
}

export interface YearForecast {
  /** Months the forecast is based on (1–12); 0 means no outcome yet. */
  readonly throughMonth: number;
  readonly lines: readonly LineForecast[];
}

/** The last month with any outcome (0 when none). */
export function lastMonthWithOutcome(monthly: readonly MonthlyOutcome[]): number {
  return monthly.reduce((m, o) => (o.incomeOre !== 0 || o.costOre !== 0 ? Math.max(m, o.month) : m), 0);
}

/** `profiles` gives each line's budget profile; lines not in it are spread evenly. */
export function forecastYear(monthly: readonly MonthlyOutcome[], throughMonth: number, profiles: ReadonlyMap<number, BudgetProfile> = new Map()): YearForecast {
  if (!Number.isInteger(throughMonth) || throughMonth < 0 || throughMonth > 12) throw new RangeError('månaden ska vara 0–12');
  const soFar = new Map<number, { incomeOre: number; costOre: number }>();
  for (const o of monthly) {
    if (o.month > throughMonth) continue;
    const a = soFar.get(o.lineId) ?? { incomeOre: 0, costOre: 0 };
    a.incomeOre += o.incomeOre;
    a.costOre += o.costOre;
    soFar.set(o.lineId, a);
  }
  const lines = [...soFar.entries()].map(([lineId, s]) => {
    const profile = profiles.get(lineId) ?? 'even';
    const [num, den] = shareToDate(profile, throughMonth);
    const scale = (ore: number) => (num === 0 ? 0 : divideRounded(ore * den, num));
    return { lineId, soFar: { incomeOre: s.incomeOre, costOre: s.costOre }, profile, incomeOre: scale(s.incomeOre), costOre: scale(s.costOre) };
  });
  return { throughMonth, lines };
}
