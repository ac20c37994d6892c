import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { amountToDate, budgetByMonth, budgetProfiles, budgetToDate, shareToDate } from './budgetProfile.ts';

describe('budget profiles', () => {
  it('spread a year exactly over the twelve months (öre sum to the year), never decreasing to date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...budgetProfiles), fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e12, max: 1e12 }), (profile, incomeOre, costOre) => {
        const months = budgetByMonth({ lineId: 1, incomeOre, costOre }, profile);
        expect(months).toHaveLength(12);
        expect(months.reduce((a, m) => a + m.incomeOre, 0)).toBe(incomeOre);
        expect(months.reduce((a, m) => a + m.costOre, 0)).toBe(costOre);
        for (let m = 1; m <= 12; m++) expect(Math.abs(amountToDate(costOre, profile, m))).toBeGreaterThanOrEqual(Math.abs(amountToDate(costOre, profile, m - 1)));
      }),
    );
  });
  it('quarterly falls in January, April, July and October; yearly in January; even by twelfths', () => {
    const q = budgetByMonth({ lineId: 1, incomeOre: 18_958_000_00, costOre: 0 }, 'quarterly').map((m) => m.incomeOre);
    expect(q).toEqual([4_739_500_00, 0, 0, 4_739_500_00, 0, 0, 4_739_500_00, 0, 0, 4_739_500_00, 0, 0]);
    expect(budgetByMonth({ lineId: 1, incomeOre: 1200, costOre: 0 }, 'yearly').map((m) => m.incomeOre)).toEqual([1200, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // 100 öre evenly: 8,33… each; rounded to date so that the months still add up to 100.
    expect(budgetByMonth({ lineId: 1, incomeOre: 0, costOre: 100 }, 'even').map((m) => m.costOre)).toEqual([8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9, 8]);
    expect(shareToDate('quarterly', 5)).toEqual([2, 4]);
    expect(() => shareToDate('even', 13)).toThrow(RangeError);
  });
  it('budget to date per line by its profile (lines without one: even)', () => {
    const b = [
      { lineId: 1, incomeOre: 1200, costOre: 0 },
      { lineId: 2, incomeOre: 0, costOre: 1200 },
    ];
    expect(budgetToDate(b, new Map([[1, 'quarterly']]), 3)).toEqual([
      { lineId: 1, incomeOre: 300, costOre: 0 },
      { lineId: 2, incomeOre: 0, costOre: 300 },
    ]);
    expect(budgetToDate(b, new Map([[1, 'quarterly']]), 4)[0]!.incomeOre).toBe(600);
  });
});
