import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { registerCross, TableFamily } from './linkedTables.ts';
import { bruteForceRanges } from '../../../test/support/bruteForceRanges.ts';
import { suppress } from './suppression.ts';
import { unknownIntervals } from './intervals.ts';

/** The family's cells and relations, for the brute-force check (white-box, read-only). */
const internals = (f: TableFamily) => f as unknown as { values: number[]; relations: { parts: number[]; total: number }[]; totals: Set<number>; index: Map<string, number> };

describe('linked tables', () => {
  it('a shared cell is one cell: hidden everywhere or nowhere', () => {
    // "Active by gender" is both a row of the flow table and the column totals of age × gender.
    const f = new TableFamily();
    registerCross(f, [[5, 3]], { inner: (_, j) => `A:g${j}`, rowTotal: () => 'A' });
    registerCross(f, [[4, 1], [1, 2]], { inner: (i, j) => `age:${i}:${j}`, rowTotal: (i) => `age:r${i}`, colTotal: (j) => `A:g${j}`, grand: 'A' });
    const get = f.publish(5);
    expect(get('A:g1')).toBeNull(); // 3 men: hidden in both tables at once
    expect(get('A')).toBe(8);
  });

  it('refuses the same key with two different counts', () => {
    const f = new TableFamily();
    f.cell('A', 3);
    expect(() => f.cell('A', 4)).toThrow();
  });

  it('property: tables sharing totals and margins leak no hidden cell, even combined', () => {
    const small = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 5, max: 9 }));
    fc.assert(
      fc.property(fc.array(fc.array(small, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }), fc.array(small, { minLength: 1, maxLength: 2 }), (age, extra) => {
        // gender totals of the age table = the flow row; a second decomposition of the same total (support source)
        const byGender = [0, 1].map((j) => age[0]![j]! + age[1]![j]!);
        const total = byGender[0]! + byGender[1]!;
        const rest = total - extra.reduce((a, b) => a + b, 0);
        if (rest < 0) return;
        const f = new TableFamily();
        registerCross(f, [byGender], { inner: (_, j) => `A:g${j}`, rowTotal: () => 'A' });
        registerCross(f, age, { inner: (i, j) => `age:${i}:${j}`, rowTotal: (i) => `age:r${i}`, colTotal: (j) => `A:g${j}`, grand: 'A' });
        registerCross(f, [[...extra, rest]], { inner: (_, j) => `sb:${j}`, rowTotal: () => 'A' });
        const t = internals(f);
        const { hidden } = suppress({ values: t.values, relations: t.relations, totals: t.totals }, 5);
        const ranges = bruteForceRanges({ values: t.values, relations: t.relations, totals: t.totals }, hidden.map(Boolean), total + 6);
        for (const [cell, r] of ranges) {
          expect(r.max).toBeGreaterThan(r.min);
          if (hidden[cell] === 'primary') expect(r.min === 0 || r.max >= 5).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('linked tables across years (fixed cells of a frozen year, latent flows)', () => {
  it('the issue\'s attack (b): active 10 → 12, none ended, 2 new — the 2 cannot be worked out from the flow identity', () => {
    const f = new TableFamily();
    f.cell('2024:A', 10, true, 'fixedShown');
    f.cell('2024:E', 0, true, 'fixedShown');
    f.cell('2025:A', 12, true);
    f.cell('2025:N', 2, true);
    // active(2025) + ended(2024) = active(2024) + new(2025), through a latent cell
    f.cell('X', 12, false, 'latent');
    f.relate(['2025:A', '2024:E'], 'X');
    f.relate(['2024:A', '2025:N'], 'X');
    const get = f.publish(5);
    expect(get('2025:N')).toBeNull();
    expect(get('2024:A')).toBe(10); // frozen: stays shown
    expect(get('2024:E')).toBe(0);
    // Something else had to go: the only cell that may still be hidden is active 2025.
    expect(get('2025:A')).toBeNull();
    const internal = f as unknown as { values: number[]; relations: { parts: number[]; total: number }[]; index: Map<string, number> };
    const published = internal.values.map((v, i) => ([...internal.index].find(([, j]) => j === i)![0] === 'X' ? null : get([...internal.index].find(([, j]) => j === i)![0])));
    const r = unknownIntervals(internal.values.length, internal.relations, published);
    const n = r.get(internal.index.get('2025:N')!)!;
    expect(n.max).toBeGreaterThanOrEqual(5);
    expect(n.min).toBe(0);
  });

  it('a small latent flow is protected; a large one may be known', () => {
    const f = new TableFamily();
    f.cell('a', 20, true, 'fixedShown');
    f.cell('b', 23, true);
    f.cell('new', 3, false, 'latent');
    f.relate(['a', 'new'], 'b');
    expect(f.publish(5)('b')).toBeNull(); // else new = 23 − 20 = 3
    const g = new TableFamily();
    g.cell('a', 20, true, 'fixedShown');
    g.cell('b', 27, true);
    g.cell('new', 7, false, 'latent');
    g.relate(['a', 'new'], 'b');
    expect(g.publish(5)('b')).toBe(27);
  });
});
