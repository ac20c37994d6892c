import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { applyRevisions, summarizeBudget } from './budget.ts';
import type { BudgetLine, LineAmounts, Section } from './types.ts';
import { InputError } from '../errors.ts';

const plan = JSON.parse(readFileSync(new URL('../../../test/fixtures/verksamhetsplan-2024.source.json', import.meta.url), 'utf8')) as {
  budget_summary: { total_costs_tkr: number; member_allocation_tkr: number; use_of_equity_tkr: number; expected_closing_equity_tkr: number };
  budget_2024: {
    lines: { section: string; label: string; amount: number }[];
    totals: { key: string; amount: number }[];
    funds_available: { rows: { key: string; amount: number }[] };
    percentage_split: { rows: { key: string; pct: number }[] };
  };
};
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url), 'utf8')) as {
  years: { year: number; budget: { section: Section; label: string; income: number; cost: number }[]; openingEquity: number; equityContributions: number }[];
};

describe('the 2024 operational plan is reproduced', () => {
  const y2024 = fixture.years.find((y) => y.year === 2024)!;
  const lines: BudgetLine[] = y2024.budget.map((l, i) => ({ id: i + 1, section: l.section, label: l.label, sortOrder: i }));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const amounts: LineAmounts[] = y2024.budget.map((l, i) => ({ lineId: i + 1, incomeOre: l.income * 100, costOre: l.cost * 100 }));
  const total = (key: string) => -plan.budget_2024.totals.find((t) => t.key === key)!.amount * 100;
  const pct = (key: string) => plan.budget_2024.percentage_split.rows.find((r) => r.key === key)!.pct;
  // The plan's own estimate of the opening capital: the three merged förbund's transfers (Medel till förfogande).
  const transfers = plan.budget_2024.funds_available.rows.filter((r) => r.key.startsWith('transfer_')).reduce((a, r) => a + r.amount, 0) * 100;
  const s = summarizeBudget(amounts, byId, { openingEquityOre: transfers, equityContributionsOre: 0 });

  it('totals: costs 20 983 tkr, allocation 19 038 tkr, result and use of equity 1 945 tkr', () => {
    expect(s.costOre).toBe(total('total_costs'));
    expect(s.costOre).toBe(plan.budget_summary.total_costs_tkr * 100_000);
    expect(s.incomeOre).toBe(plan.budget_summary.member_allocation_tkr * 100_000);
    expect(s.resultOre).toBe(plan.budget_2024.totals.find((t) => t.key === 'result')!.amount * 100);
    expect(s.plannedUseOfEquityOre).toBe(plan.budget_summary.use_of_equity_tkr * 100_000);
  });
  it('section totals: administration 2 850 000, individual 13 925 000, direct 18 133 000', () => {
    expect(s.costBySection.administration).toBe(total('admin'));
    expect(s.costBySection.individual).toBe(total('individual'));
    // The plan counts process support inside "struktur-insatser".
    expect(s.costBySection.structural + s.costBySection.process_support).toBe(total('structural'));
    expect(s.directCostOre).toBe(total('direct'));
  });
  it('shares: administration 14 % / direct 86 %, individual 77 % / structural 23 %', () => {
    expect(s.planShares.administration).toBe(pct('admin_of_total'));
    expect(s.planShares.direct).toBe(pct('direct_of_total'));
    expect(s.planShares.individualOfDirect).toBe(pct('individual_of_direct'));
    expect(s.planShares.structuralOfDirect).toBe(pct('structural_of_direct'));
  });
  it('expected closing equity 1 918 tkr from the plan’s estimated opening capital', () => {
    expect(s.expectedClosingEquityOre).toBe(plan.budget_summary.expected_closing_equity_tkr * 100_000);
  });
});

describe('applyRevisions', () => {
  const original: LineAmounts[] = [
    { lineId: 1, incomeOre: 100, costOre: 0 },
    { lineId: 2, incomeOre: 0, costOre: 50 },
  ];
  it('replaces and adds lines in decision-date order, keeping the original', () => {
    const revised = applyRevisions(original, [
      { decidedOn: '2025-09-01', decision: 'Andra', lines: [{ lineId: 2, incomeOre: 0, costOre: 80 }] },
      { decidedOn: '2025-05-14', decision: 'Första', lines: [{ lineId: 2, incomeOre: 0, costOre: 70 }, { lineId: 3, incomeOre: 0, costOre: 10 }] },
    ]);
    expect(revised).toEqual([
      { lineId: 1, incomeOre: 100, costOre: 0 },
      { lineId: 2, incomeOre: 0, costOre: 80 },
      { lineId: 3, incomeOre: 0, costOre: 10 },
    ]);
    expect(original[1]!.costOre).toBe(50);
  });
  it('rejects a revision without a valid date or decision, naming the fields', () => {
    try {
      applyRevisions(original, [{ decidedOn: '2025-02-30', decision: ' ', lines: [] }]);
      expect.fail('should throw');
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.field)).toEqual(['decidedOn', 'decision']);
    }
  });
});
