/**
 * Forecast for the year from the outcome so far: per line, linear by months elapsed
 * (outcome through month m × 12 / m, rounded half away from zero to öre).
 */
import { divideRounded } from '../rounding.ts';
import type { Amounts, LineAmounts, MonthlyOutcome } from './types.ts';

export interface LineForecast extends LineAmounts {
  readonly soFar: Amounts;
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

export function forecastYear(monthly: readonly MonthlyOutcome[], throughMonth: number): YearForecast {
  if (!Number.isInteger(throughMonth) || throughMonth < 0 || throughMonth > 12) throw new RangeError('månaden ska vara 0–12');
  const soFar = new Map<number, { incomeOre: number; costOre: number }>();
  for (const o of monthly) {
    if (o.month > throughMonth) continue;
    const a = soFar.get(o.lineId) ?? { incomeOre: 0, costOre: 0 };
    a.incomeOre += o.incomeOre;
    a.costOre += o.costOre;
    soFar.set(o.lineId, a);
  }
  const lines = [...soFar.entries()].map(([lineId, s]) => ({
    lineId,
    soFar: { incomeOre: s.incomeOre, costOre: s.costOre },
    incomeOre: throughMonth === 0 ? 0 : divideRounded(s.incomeOre * 12, throughMonth),
    costOre: throughMonth === 0 ? 0 : divideRounded(s.costOre * 12, throughMonth),
  }));
  return { throughMonth, lines };
}
