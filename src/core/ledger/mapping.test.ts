import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcomeByBudgetLine, resolveBudgetLine, type MappingRule } from './mapping.ts';

const rule = (id: number, budgetLineId: number, r: Partial<MappingRule>): MappingRule => ({
  id, budgetLineId, accountFrom: null, accountTo: null, dimension: null, objectCode: null, ...r,
});

describe('resolveBudgetLine', () => {
  const rules = [
    rule(1, 100, { accountFrom: '4000', accountTo: '7999' }),
    rule(2, 200, { accountFrom: '4610', accountTo: '4610' }),
    rule(3, 300, { dimension: '6', objectCode: 'P01' }),
    rule(4, 400, { dimension: '6', objectCode: 'P01', accountFrom: '3000', accountTo: '3999' }),
  ];
  it('prefers object + range, then object, then a single account, then a wide range', () => {
    expect(resolveBudgetLine(rules, '3990', { '6': 'P01' })).toBe(400);
    expect(resolveBudgetLine(rules, '4610', { '6': 'P01' })).toBe(300);
    expect(resolveBudgetLine(rules, '4610', { '6': 'P02' })).toBe(200);
    expect(resolveBudgetLine(rules, '46101', null)).toBe(200);
    expect(resolveBudgetLine(rules, '5010', null)).toBe(100);
    expect(resolveBudgetLine(rules, '3410', null)).toBeNull();
  });
  it('breaks ties by the older rule', () => {
    expect(resolveBudgetLine([rule(9, 1, { accountFrom: '5000', accountTo: '5999' }), rule(3, 2, { accountFrom: '5000', accountTo: '5999' })], '5500', null)).toBe(2);
  });
});

describe('outcomeByBudgetLine', () => {
  const kindOf = (a: string) => (a[0] === '3' ? 'income' : a[0]! >= '4' && a[0]! <= '7' ? 'cost' : null) as 'income' | 'cost' | null;
  it('never drops an amount: mapped + unmapped equal the operating total (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ account: fc.constantFrom('3410', '3990', '4610', '5010', '6010', '8410', '1930'), obj: fc.constantFrom(null, 'P01', 'P02'), month: fc.integer({ min: 1, max: 12 }), amount: fc.integer({ min: -1e9, max: 1e9 }) })),
        (rows) => {
          const amounts = rows.map((r) => ({ account: r.account, objects: r.obj ? { '6': r.obj } : null, month: r.month, amountOre: r.amount }));
          const { lines, unmapped } = outcomeByBudgetLine(amounts, [rule(1, 1, { dimension: '6', objectCode: 'P01' }), rule(2, 2, { accountFrom: '5000', accountTo: '5999' })], kindOf);
          const net = (i: number, c: number) => i - c;
          const total = amounts.reduce((s, a) => s + (kindOf(a.account) ? -a.amountOre : 0), 0);
          const got = lines.reduce((s, l) => s + net(l.incomeOre, l.costOre), 0) + unmapped.reduce((s, u) => s + net(u.incomeOre, u.costOre), 0);
          expect(got).toBe(total);
          for (const l of lines) {
            expect(l.months.reduce((s, m) => s + m.costOre, 0)).toBe(l.costOre);
            expect(l.months.reduce((s, m) => s + m.incomeOre, 0)).toBe(l.incomeOre);
          }
        },
      ),
    );
  });
  it('lists unmapped accounts with their amounts', () => {
    const { unmapped } = outcomeByBudgetLine([{ account: '6010', objects: null, month: 3, amountOre: 500 }, { account: '6010', objects: null, month: 4, amountOre: 700 }], [], kindOf);
    expect(unmapped).toEqual([{ account: '6010', objects: null, incomeOre: 0, costOre: 1200 }]);
  });
});
