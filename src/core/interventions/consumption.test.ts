import { describe, expect, it } from 'vitest';
import { consumption, consumptionRate } from './consumption.ts';

const kr = (n: number) => n * 100;

describe('consumption rate', () => {
  it('reproduces the reference: 929 129 / 929 129 = 100 %, 3 950 544 of 4 119 000 = 96 %, 9 117 278 of 13 069 681 = 70 %', () => {
    expect(consumptionRate(kr(929129), kr(929129))).toBe(100);
    expect(consumptionRate(kr(3950544), kr(4119000))).toBe(96);
    expect(consumptionRate(kr(9117278), kr(13069681))).toBe(70);
  });

  it('sums per year and over the period; requisitions count in the year of their date', () => {
    const lines = consumption(
      [{ year: 2024, decidedOre: kr(1000) }, { year: 2025, decidedOre: kr(3000) }],
      [{ date: '2024-03-31', amountOre: kr(250) }, { date: '2024-12-31', amountOre: kr(750) }, { date: '2025-06-30', amountOre: kr(1500) }],
    );
    expect(lines).toEqual([
      { year: 2024, decidedOre: kr(1000), usedOre: kr(1000), ratePercent: 100 },
      { year: 2025, decidedOre: kr(3000), usedOre: kr(1500), ratePercent: 50 },
      { year: null, decidedOre: kr(4000), usedOre: kr(2500), ratePercent: 63 },
    ]);
  });

  it('has no rate without a decision', () => {
    expect(consumptionRate(100, 0)).toBeNull();
  });
});
