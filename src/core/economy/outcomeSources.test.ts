import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectCountedRows, type OutcomeSource } from './outcomeSources.ts';

const row = (lineId: number, month: number, source: OutcomeSource, costOre = 1) => ({ lineId, month, source, costOre });

describe('which outcome counts (no double counting)', () => {
  it('the ledger alone when present', () => {
    const rows = [row(1, 1, 'manual'), row(1, 12, 'reference'), row(1, 1, 'ledger'), row(2, 2, 'file')];
    expect(selectCountedRows(rows)).toEqual([row(1, 1, 'ledger')]);
  });
  it('a file import replaces the reference totals; manual entries replace the bulk per line and month', () => {
    const rows = [row(1, 12, 'reference'), row(1, 1, 'file', 5), row(1, 2, 'file', 6), row(1, 2, 'manual', 7), row(2, 3, 'manual', 8)];
    expect(selectCountedRows(rows)).toEqual([row(1, 1, 'file', 5), row(1, 2, 'manual', 7), row(2, 3, 'manual', 8)]);
  });
  it('property: at most one row counts per line and month', () => {
    const sources: OutcomeSource[] = ['manual', 'file', 'reference', 'ledger'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(...sources)), { selector: (t) => t.join(':') }), (tuples) => {
        const counted = selectCountedRows(tuples.map(([l, m, s]) => row(l, m, s)));
        const keys = counted.map((r) => `${r.lineId}:${r.month}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
    );
  });
});
