import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divideRounded, kronorToOre, largestRemainderSplit, oreToTkr, ratio, wholePercentages } from './rounding.ts';

describe('oreToTkr (half away from zero)', () => {
  it('rounds the printed examples', () => {
    expect(oreToTkr(257_850_200)).toBe(2579); // 2 578 502 kr → 2 579 tkr (administration 2025)
    expect(oreToTkr(-257_850_200)).toBe(-2579);
    expect(oreToTkr(50_000)).toBe(1); // 500 kr → 1 tkr (half up)
    expect(oreToTkr(-50_000)).toBe(-1); // −500 kr → −1 tkr (half away from zero)
    expect(oreToTkr(49_999)).toBe(0);
    expect(oreToTkr(0)).toBe(0);
  });
  it('is symmetric and within half a unit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), fc.integer({ min: 1, max: 1e7 }), (n, d) => {
        const q = divideRounded(n, d);
        expect(divideRounded(-n, d)).toBe(q === 0 ? 0 : -q);
        expect(Math.abs(q * d - n) * 2).toBeLessThanOrEqual(d);
      }),
    );
  });
});

describe('largestRemainderSplit', () => {
  it('always adds up exactly to the total, each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }).filter((w) => w.some((x) => x > 0)),
        (total, weights) => {
          const parts = largestRemainderSplit(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = (total * weights[i]!) / sum;
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-6 * Math.max(1, exact));
          });
        },
      ),
    );
  });
  it('refuses an impossible split', () => {
    expect(() => largestRemainderSplit(10, [0, 0])).toThrow(RangeError);
    expect(largestRemainderSplit(0, [0, 0])).toEqual([0, 0]);
  });
});

describe('wholePercentages reproduces the 2025 cost-distribution columns', () => {
  // Costs in kronor from the reference: driftredovisning subtotals (budget) and Not 3 (outcome 2025, 2024).
  // Order: individual, structural, process support, administration.
  it('outcome 2025: 66/9/11/14 (Not 3)', () => {
    expect(wholePercentages([12_398_937, 1_749_420, 2_036_511, 2_578_502])).toEqual([66, 9, 11, 14]);
  });
  it('outcome 2024: 66/11/10/13 (Not 3; plain rounding would give 9 % process support)', () => {
    expect(wholePercentages([12_705_567, 2_190_763, 1_814_996, 2_435_872])).toEqual([66, 11, 10, 13]);
  });
  it('budget 2025: 66/12/9/13 (plain rounding would print 10 % for process support, 9.61 %)', () => {
    // Budget lines of vastmanland.import.json 2025 summed per section (independent of the code).
    expect(wholePercentages([13_842_499, 2_474_000, 2_017_000, 2_653_000])).toEqual([66, 12, 9, 13]);
  });
  it('always sums to 100', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e10 }), { minLength: 1, maxLength: 8 }).filter((v) => v.some((x) => x > 0)), (v) => {
        expect(wholePercentages(v).reduce((a, b) => a + b, 0)).toBe(100);
      }),
    );
  });
});

describe('ratio and kronorToOre', () => {
  it('rounds shares to 4 decimals half away from zero', () => {
    expect(ratio(437_378_500, 1_895_800_000, 4)).toBe(0.2307);
    expect(ratio(437_378_500, 945_328_800, 4)).toBe(0.4627);
    expect(ratio(1, 8, 2)).toBe(0.13);
    expect(ratio(-1, 8, 2)).toBe(-0.13);
  });
  it('converts kronor to öre exactly', () => {
    expect(kronorToOre(18_958_000)).toBe(1_895_800_000);
    expect(kronorToOre(12.34)).toBe(1234);
    expect(() => kronorToOre(1.234)).toThrow(RangeError);
    expect(() => kronorToOre(Number.NaN)).toThrow(RangeError);
  });
});
