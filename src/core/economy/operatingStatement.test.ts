import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildOperatingStatement, type StatementFigures } from './operatingStatement.ts';
import { statementTableRows } from './statementTable.ts';
import { sections, type BudgetLine, type LineAmounts } from './types.ts';
import { oreToTkr } from '../rounding.ts';

const amount = fc.integer({ min: -50_000_000_00, max: 50_000_000_00 });
const lineAmounts = (ids: number[]) =>
  fc.array(fc.record({ lineId: fc.constantFrom(...ids), incomeOre: amount, costOre: amount }), { maxLength: 40 });

const arbInput = fc
  .array(fc.record({ section: fc.constantFrom(...sections), label: fc.string({ minLength: 1, maxLength: 8 }) }), { minLength: 1, maxLength: 15 })
  .chain((defs) => {
    const lines: BudgetLine[] = defs.map((d, i) => ({ id: i + 1, section: d.section, label: d.label, sortOrder: i }));
    const ids = lines.map((l) => l.id);
    return fc.record({
      lines: fc.constant(lines),
      outcome: lineAmounts(ids),
      budget: lineAmounts(ids),
      previousOutcome: fc.option(lineAmounts(ids), { nil: null }),
      financial: fc.option(fc.record({ incomeOre: amount, costOre: amount }), { nil: null }),
    });
  });

const sum = (fs: readonly StatementFigures[], pick: (f: StatementFigures) => number) => fs.reduce((a, f) => a + pick(f), 0);
const picks: ((f: StatementFigures) => number)[] = [
  (f) => f.outcome.incomeOre,
  (f) => f.outcome.costOre,
  (f) => f.budget.incomeOre,
  (f) => f.budget.costOre,
  (f) => f.deviationOre,
  (f) => f.previousOutcome?.incomeOre ?? 0,
  (f) => f.previousOutcome?.costOre ?? 0,
];

describe('operating statement', () => {
  it('property: every subtotal equals the sum of its lines, in öre; SUMMA the sum of the sections', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const s = buildOperatingStatement({ year: 2025, ...input, previousFinancial: null });
        for (const sec of s.sections) {
          for (const p of picks) expect(p(sec.subtotal)).toBe(sum(sec.lines.map((l) => l.figures), p));
          expect(sec.subtotal.deviationOre).toBe(
            sec.subtotal.outcome.incomeOre - sec.subtotal.outcome.costOre - (sec.subtotal.budget.incomeOre - sec.subtotal.budget.costOre),
          );
        }
        for (const p of picks) {
          expect(p(s.total)).toBe(sum(s.sections.map((x) => x.subtotal), p));
          expect(p(s.directCosts)).toBe(sum(s.sections.filter((x) => ['individual', 'structural', 'process_support'].includes(x.section)).map((x) => x.subtotal), p));
        }
        // Every line of the input's outcome and budget is accounted for exactly once.
        const allOutcome = input.outcome.reduce((a, l) => a + l.incomeOre - l.costOre, 0);
        expect(s.total.outcome.incomeOre - s.total.outcome.costOre).toBe(allOutcome);
        expect(s.result.outcome.incomeOre - s.result.outcome.costOre).toBe(allOutcome + (input.financial ? input.financial.incomeOre - input.financial.costOre : 0));
      }),
    );
  });

  it('presents each line and each subtotal rounded separately from öre (2025 administration: 608 + 1 970 but 2 579)', () => {
    const lines: BudgetLine[] = [
      { id: 1, section: 'administration', label: 'Styrelse, Interimsstyrelse', sortOrder: 1 },
      { id: 2, section: 'administration', label: 'Kansli + Bilkonto', sortOrder: 2 },
    ];
    const outcome: LineAmounts[] = [
      { lineId: 1, incomeOre: 0, costOre: 60_810_200 },
      { lineId: 2, incomeOre: 500_000, costOre: 197_040_000 },
    ];
    const s = buildOperatingStatement({ year: 2025, lines, outcome, budget: [], previousOutcome: null, financial: null, previousFinancial: null });
    const rows = statementTableRows(s);
    expect(rows.filter((r) => r.key === 'line').map((r) => r.cells.outcomeCost)).toEqual([-608, -1970]);
    expect(rows.find((r) => r.key === 'administration')!.cells.outcomeCost).toBe(-2579);
    expect(oreToTkr(-(60_810_200 + 197_040_000))).toBe(-2579);
  });

  it('shows no previous-year columns when there is no previous year', () => {
    const lines: BudgetLine[] = [{ id: 1, section: 'individual', label: 'Team', sortOrder: 1 }];
    const s = buildOperatingStatement({ year: 2025, lines, outcome: [{ lineId: 1, incomeOre: 0, costOre: 100 }], budget: [], previousOutcome: null, financial: null, previousFinancial: null });
    expect(s.total.previousOutcome).toBeNull();
    expect(statementTableRows(s).every((r) => r.cells.previousNet === null)).toBe(true);
  });
});
