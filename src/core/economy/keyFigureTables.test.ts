import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { costDistributionTable, fiveYearTable } from './keyFigureTables.ts';

const source = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland-2025.source.json', import.meta.url), 'utf8'));

describe('key-figure tables', () => {
  it('prints the cost distribution as whole per cent per column', () => {
    const t = costDistributionTable(2025, {
      budget: { individual: 66, structural: 12, processSupport: 9, administration: 13 },
      outcome: { individual: 66, structural: 9, processSupport: 11, administration: 14 },
      previousOutcome: { individual: 66, structural: 11, processSupport: 10, administration: 13 },
    });
    expect(t.columns.map((c) => c.header)).toEqual(['Avsnitt', 'Budget 2025', 'Utfall 2025', 'Utfall 2024']);
    // The labels and order are the annual report's.
    expect(t.rows.map((r) => r.cells.label)).toEqual(source.cost_distribution.rows.map((r: { label: string }) => r.label));
    expect(t.rows[1]!.cells).toMatchObject({ budget: 0.12, outcome: 0.09, previous: 0.11 });
    const without = costDistributionTable(2025, { budget: { individual: 100, structural: 0, processSupport: 0, administration: 0 }, outcome: { individual: 0, structural: 0, processSupport: 0, administration: 0 }, previousOutcome: null });
    expect(without.columns).toHaveLength(3);
  });

  it('prints the five-year overview in tkr, each figure rounded from öre, costs negative', () => {
    const t = fiveYearTable([
      { year: 2025, incomeOre: 18_964_118_00, costOre: 18_763_370_00, resultOre: 345_299_00, equityRatio: 0.4627, employees: 2.6, basis: 'computed', note: null },
      { year: 2023, incomeOre: 7_130_000_00, costOre: 7_921_000_00, resultOre: -712_000_00, equityRatio: 0.157, employees: 1, basis: 'summary', note: null },
    ]);
    const row2025 = source.five_year_overview.rows.find((r: { year: number }) => r.year === 2025);
    expect(t.rows[0]!.cells).toEqual({ year: '2025', income: row2025.income_tkr, cost: row2025.costs_tkr, result: row2025.result_tkr, equityRatio: 0.4627, employees: row2025.employees });
    expect(t.rows[1]!.cells).toMatchObject({ cost: -7921, result: -712 });
  });
});
