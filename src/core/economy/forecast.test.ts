import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { forecastYear, lastMonthWithOutcome } from './forecast.ts';

describe('forecast for the year', () => {
  it('extrapolates linearly by months elapsed, per line', () => {
    const f = forecastYear(
      [
        { lineId: 1, month: 1, incomeOre: 0, costOre: 100_00 },
        { lineId: 1, month: 2, incomeOre: 0, costOre: 200_00 },
        { lineId: 1, month: 3, incomeOre: 0, costOre: 300_00 },
        { lineId: 2, month: 2, incomeOre: 1000, costOre: 0 },
        { lineId: 2, month: 5, incomeOre: 999, costOre: 0 }, // after the forecast month: ignored
      ],
      3,
    );
    expect(f.lines).toEqual([
      { lineId: 1, soFar: { incomeOre: 0, costOre: 600_00 }, profile: 'even', incomeOre: 0, costOre: 2400_00 },
      { lineId: 2, soFar: { incomeOre: 1000, costOre: 0 }, profile: 'even', incomeOre: 4000, costOre: 0 },
    ]);
  });
  it('equals the outcome when the whole year is in', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ lineId: fc.integer({ min: 1, max: 5 }), month: fc.integer({ min: 1, max: 12 }), incomeOre: fc.integer({ min: -1e9, max: 1e9 }), costOre: fc.integer({ min: -1e9, max: 1e9 }) })), (monthly) => {
        const f = forecastYear(monthly, 12);
        for (const l of f.lines) {
          expect(l.incomeOre).toBe(l.soFar.incomeOre);
          expect(l.costOre).toBe(l.soFar.costOre);
        }
      }),
    );
  });
  it('a quarterly or yearly payment received in January is one quarter or the whole year, never twelve months', () => {
    // 2 291 tkr in January: linear would make it 27 492 tkr for the year.
    const jan = [{ lineId: 7, month: 1, incomeOre: 2_291_000_00, costOre: 0 }];
    expect(forecastYear(jan, 1).lines[0]!.incomeOre).toBe(27_492_000_00);
    expect(forecastYear(jan, 1, new Map([[7, 'quarterly']])).lines[0]!.incomeOre).toBe(9_164_000_00);
    expect(forecastYear(jan, 1, new Map([[7, 'yearly']])).lines[0]!.incomeOre).toBe(2_291_000_00);
    // Two quarterly payments by May: half the year.
    const twoQuarters = [...jan, { lineId: 7, month: 4, incomeOre: 2_291_000_00, costOre: 0 }];
    expect(forecastYear(twoQuarters, 5, new Map([[7, 'quarterly']])).lines[0]!.incomeOre).toBe(9_164_000_00);
  });
  it('finds the last month with outcome', () => {
    expect(lastMonthWithOutcome([])).toBe(0);
    expect(lastMonthWithOutcome([{ lineId: 1, month: 4, incomeOre: 0, costOre: 1 }, { lineId: 1, month: 7, incomeOre: 0, costOre: 0 }])).toBe(4);
  });
});
