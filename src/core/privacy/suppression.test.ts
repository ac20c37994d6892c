import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { crossLayout, feasibleRanges, publishCrossTable, suppress, type LinearTable } from './suppression.ts';
import { prepareLp } from './linearProgram.ts';
import { bruteForceRanges } from '../../../test/support/bruteForceRanges.ts';

const smallTable = fc
  .record({ rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 2, max: 3 }) })
  .chain(({ rows, cols }) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 9 })), { minLength: cols, maxLength: cols }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('linear programme', () => {
  it('finds the range of x in x + y = 10, x + z = 4 (x, y, z ≥ 0): 0..4', () => {
    const solve = prepareLp([[1, 1, 0], [1, 0, 1]], [10, 4], 3);
    expect(solve([1, 0, 0])).toEqual({ status: 'optimal', value: 0 });
    expect(solve([-1, 0, 0])).toEqual({ status: 'optimal', value: -4 });
    expect(solve([0, -1, 0])).toEqual({ status: 'optimal', value: -10 });
  });
  it('says unbounded and infeasible', () => {
    expect(prepareLp([[1, -1]], [0], 2)([-1, 0]).status).toBe('unbounded');
    expect(prepareLp([[1, 1]], [-3], 2)([1, 0]).status).toBe('infeasible');
  });
});

describe('suppression', () => {
  it('shows a table without small counts unchanged', () => {
    const t = publishCrossTable([[5, 12], [7, 0]], 5);
    expect(t).toEqual({ cells: [[5, 12], [7, 0]], rowTotals: [17, 7], colTotals: [12, 12], total: 24, hiddenCount: 0 });
  });

  it('hides a small count and enough around it (worked example)', () => {
    // 2 is primary. Row 0 and column 0 then need a second hidden cell each; 8 (row) and 6 (column) are the
    // smallest non-zero choices, and cell (1,1)=9 closes the cycle so none of the four can be worked out.
    const t = publishCrossTable([[2, 8], [6, 9]], 5);
    expect(t.cells).toEqual([[null, null], [null, null]]);
    expect(t.rowTotals).toEqual([10, 15]);
    expect(t.colTotals).toEqual([8, 17]);
    expect(t.total).toBe(25);
  });

  it('treats zeros as safe and does not use a zero as the only complement', () => {
    // Row [3, 0] with total 3: the 3 cannot be hidden by hiding the 0, so the row total goes too.
    const t = publishCrossTable([[3, 0], [10, 12]], 5);
    expect(t.cells[0]![0]).toBeNull();
    const ranges = feasibleRanges(crossLayout([[3, 0], [10, 12]]), [true, false, false, false, true, false, true, false, true]);
    expect(ranges.get(0)!.max).toBeGreaterThan(ranges.get(0)!.min);
  });

  it('uses the configured minimum cell size', () => {
    expect(publishCrossTable([[7, 20, 30]], 10, false).cells[0]![0]).toBeNull();
    expect(publishCrossTable([[7, 20, 30]], 5, false).cells[0]).toEqual([7, 20, 30]);
  });

  it('property: no hidden cell can be recovered from the published cells and totals (brute force over every completion)', () => {
    fc.assert(
      fc.property(smallTable, fc.constantFrom(3, 5), (cells, minCellSize) => {
        const layout = crossLayout(cells);
        const { hidden } = suppress(layout, minCellSize);
        const cap = layout.values[layout.values.length - 1]! + minCellSize + 1;
        // every primary candidate is hidden
        layout.values.forEach((v, i) => {
          if (v >= 1 && v < minCellSize) expect(hidden[i]).toBeTruthy();
        });
        const ranges = bruteForceRanges(layout, hidden.map(Boolean), cap);
        for (const [cell, r] of ranges) {
          const v = layout.values[cell]!;
          expect(r.min).toBeLessThanOrEqual(v);
          expect(r.max).toBeGreaterThanOrEqual(v);
          // not determined …
          expect(r.max).toBeGreaterThan(r.min);
          // … and a small count is not pinned to "between 1 and minCellSize − 1"
          if (hidden[cell] === 'primary') expect(r.min === 0 || r.max >= minCellSize).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('property: one-way tables with a total (active by gender) are protected too', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 5 }), (row) => {
        const layout = crossLayout([row], false);
        const { hidden } = suppress(layout, 5);
        const ranges = bruteForceRanges(layout, hidden.map(Boolean), row.reduce((a, b) => a + b, 0) + 6);
        for (const [cell, r] of ranges) {
          expect(r.max).toBeGreaterThan(r.min);
          if (hidden[cell] === 'primary') expect(r.min === 0 || r.max >= 5).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('protects a complement pinned through the flow identity by hiding the new count, not the totals', () => {
    // Last year (fixed shown): active and ended by gender. This year: active and new by gender; per gender
    // active(Y) + ended(Y−1) = X = active(Y−1) + new(Y), with X never published (latent). "Other" (g3) is 2 in
    // both rows. The complement for active "other" is active men (18), whose flow pins it while new men (12) are
    // shown.
    const a24 = [40, 10, 15, 0];
    const e24 = [10, 4, 5, 0];
    const n25 = [20, 12, 8, 2];
    const a25 = a24.map((v, g) => v - e24[g]! + n25[g]!);
    const flow = a25.map((v, g) => v + e24[g]!);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const values = [...a24, sum(a24), ...e24, sum(e24), ...a25, sum(a25), ...n25, sum(n25), ...flow];
    const row = (start: number) => ({ parts: [start, start + 1, start + 2, start + 3], total: start + 4 });
    const table: LinearTable = {
      values,
      relations: [row(0), row(5), row(10), row(15), ...[0, 1, 2, 3].flatMap((g) => [{ parts: [10 + g, 5 + g], total: 20 + g }, { parts: [0 + g, 15 + g], total: 20 + g }])],
      totals: new Set([4, 9, 14, 19]),
      fixedShown: new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      latent: new Set([20, 21, 22, 23]),
    };
    const { hidden } = suppress(table, 5);
    expect(hidden[13]).toBe('primary');
    expect(hidden[18]).toBe('primary');
    expect([hidden[14], hidden[19], hidden[10], hidden[15]]).toEqual([null, null, null, null]);
    const ranges = feasibleRanges(table, hidden.map(Boolean));
    for (const [cell, r] of ranges) {
      if (table.latent!.has(cell)) continue;
      expect(r.max, `cell ${cell}`).toBeGreaterThan(r.min);
      if (hidden[cell] === 'primary') expect(r.min === 0 || r.max >= 5).toBe(true);
    }
  });

  it('does not hide this year for a count that earlier publications alone already pin', () => {
    // Last year (fixed shown): 20 active with a support source, 17 of them ended. So 3 went on into this year
    // (slack, never published): small, but given away by last year's own figures. This year: 12 active with
    // the source (9 new), 30 without; 42 in all. Hiding this year's figures cannot unpin the 3.
    const [before, ended, slack, now, fresh, flow, other, total] = [0, 1, 2, 3, 4, 5, 6, 7];
    const table: LinearTable = {
      values: [20, 17, 3, 12, 9, 29, 30, 42],
      relations: [
        { parts: [ended, slack], total: before },
        { parts: [now, ended], total: flow },
        { parts: [before, fresh], total: flow },
        { parts: [now, other], total },
      ],
      totals: new Set([total]),
      fixedShown: new Set([before, ended]),
      latent: new Set([slack, fresh, flow]),
    };
    const { hidden } = suppress(table, 5);
    expect([hidden[now], hidden[other], hidden[total]]).toEqual([null, null, null]);
    expect(hidden[slack]).toBe('primary');
  });
});
