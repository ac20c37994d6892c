import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unknownIntervals } from '../../core/privacy/intervals.ts';
import { crossLayout } from '../../core/privacy/suppression.ts';
import { sparseComponentSolver, type SparseRun } from './sparseIntervals.ts';

// A table big enough that its hidden cells form one component over the sparse solver's threshold (150 cells):
// 16 × 12 with margins is 221 cells.
const table = fc.record({
  cells: fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 }), { minLength: 16, maxLength: 16 }),
  hiddenShare: fc.double({ min: 0.75, max: 0.95, noNaN: true }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

describe('the sparse (HiGHS) component solver', () => {
  it('gives the same exact intervals as the core’s dense simplex on random large tables', async () => {
    const run: SparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };
    const sparse = await sparseComponentSolver(run);
    fc.assert(
      fc.property(table, ({ cells, hiddenShare, seed }) => {
        const t = crossLayout(cells);
        let s = seed;
        const random = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
        const published = t.values.map((v) => (random() < hiddenShare ? null : v));
        const dense = unknownIntervals(t.values.length, t.relations, published);
        const got = unknownIntervals(t.values.length, t.relations, published, () => false, sparse);
        expect([...got.keys()].sort((a, b) => a - b)).toEqual([...dense.keys()].sort((a, b) => a - b));
        for (const [cell, r] of dense) expect({ cell, min: got.get(cell)!.min, max: got.get(cell)!.max }).toEqual({ cell, min: r.min, max: r.max });
      }),
      {
        numRuns: Number(process.env.SPARSE_RUNS ?? 15),
        // Found by this property: a warm-started solve that HiGHS ended with "unknown" (solved again from scratch).
        examples: [[{ cells: [[0, 0, 5, 0, 0, 0, 1, 13, 0, 0, 20, 0], [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 26, 0], [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 7, 2], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0], [0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 21, 0, 8, 0], [0, 3, 0, 0, 0, 0, 0, 0, 2, 0, 20, 0], [0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 4], [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0], [0, 1, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], hiddenShare: 0.8401660919189454, seed: 667898770 }]],
      },
    );
    expect(run.largest).toBeGreaterThan(150); // the sparse path was taken, not only the dense fallback
    expect(run.lps).toBeGreaterThan(0);
  }, 240_000);

  it('settles a cell from feasible points when told so, with fewer linear programmes', async () => {
    const t = crossLayout(Array.from({ length: 16 }, (_, i) => Array.from({ length: 12 }, (_, j) => (i * 7 + j * 3) % 20)));
    const published = t.values.map((v, i) => (i % 11 === 0 ? v : null));
    const exact: SparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };
    const settled: SparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };
    const all = unknownIntervals(t.values.length, t.relations, published, () => false, await sparseComponentSolver(exact));
    const some = unknownIntervals(t.values.length, t.relations, published, (_, lo, hi) => hi > lo, await sparseComponentSolver(settled));
    expect(exact.largest).toBeGreaterThan(150);
    expect(settled.lps).toBeLessThan(exact.lps);
    for (const [cell, r] of some) {
      const e = all.get(cell)!;
      // An inner estimate: values the cell really takes, inside the exact range.
      expect(r.min).toBeGreaterThanOrEqual(e.min);
      expect(r.max).toBeLessThanOrEqual(e.max);
    }
  });
});
