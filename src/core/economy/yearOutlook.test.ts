import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings.ts';
import { forecastYear } from './forecast.ts';
import type { BudgetLine, FiscalYearFacts, MonthlyOutcome } from './types.ts';
import { yearOutlook } from './yearOutlook.ts';

const lines = new Map<number, BudgetLine>([
  [1, { id: 1, section: 'income', label: 'Medel från huvudmännen', sortOrder: 1 }],
  [2, { id: 2, section: 'individual', label: 'Samordningsteam', sortOrder: 1 }],
  [3, { id: 3, section: 'administration', label: 'Kansli', sortOrder: 1 }],
]);
const facts: FiscalYearFacts = {
  year: 2026,
  allocationOre: 1_000_000_00,
  openingEquityOre: 150_000_00,
  equityContributionsOre: null,
  totalAssetsOre: null,
  financialIncomeOre: null,
  financialCostOre: null,
  employees: null,
};
// Three months: income 250 000 kr per quarter-month pace, team 60 000 kr/month, kansli 10 000 kr/month.
const monthly: MonthlyOutcome[] = [1, 2, 3].flatMap((month) => [
  { lineId: 1, month, incomeOre: month === 1 ? 250_000_00 : 0, costOre: 0 },
  { lineId: 2, month, incomeOre: 0, costOre: 60_000_00 },
  { lineId: 3, month, incomeOre: 0, costOre: 10_000_00 },
]);
const outcome = [
  { lineId: 1, incomeOre: 250_000_00, costOre: 0 },
  { lineId: 2, incomeOre: 0, costOre: 180_000_00 },
  { lineId: 3, incomeOre: 0, costOre: 30_000_00 },
];

describe('yearOutlook', () => {
  it('forecasts the whole year linearly from the months so far, with the equity it leaves', () => {
    const o = yearOutlook({ federation: 'F', facts, lines, settings: defaultSettings, outcome, forecast: forecastYear(monthly, 3) });
    expect(o.isForecast).toBe(true);
    // ×12/3: income 1 000 000 kr, team 720 000 kr, kansli 120 000 kr → result 160 000 kr.
    expect(o.costBySection.individual).toBe(720_000_00);
    expect(o.costBySection.administration).toBe(120_000_00);
    expect(o.figures.resultOre).toBe(160_000_00);
    // Equity 150 000 + 160 000 = 310 000 kr = 31 % of the allocation, above the 20 % cap (200 000 kr).
    expect(o.equity.equityClosingOre).toBe(310_000_00);
    expect(o.equity.shareOfAllocation).toBe(0.31);
    expect(o.equity.capOre).toBe(200_000_00);
    expect(o.equity.status).toBe('above_cap');
  });

  it('uses the outcome itself for a complete year and when there is none', () => {
    const full = yearOutlook({ federation: 'F', facts, lines, settings: defaultSettings, outcome, forecast: forecastYear(monthly, 12) });
    expect(full.isForecast).toBe(false);
    expect(full.figures.resultOre).toBe(40_000_00);
    expect(full.equity.status).toBe('within');
    const none = yearOutlook({ federation: 'F', facts, lines, settings: defaultSettings, outcome: [], forecast: forecastYear([], 0) });
    expect(none.isForecast).toBe(false);
    expect(none.figures.resultOre).toBe(0);
  });
});
