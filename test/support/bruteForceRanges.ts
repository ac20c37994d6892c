import type { LinearTable } from '../../src/core/privacy/suppression.ts';

/**
 * Independent of the linear programme: enumerates every non-negative integer completion of the hidden cells
 * that agrees with the published cells and every relation, and returns each hidden cell's smallest and
 * largest value (capped at `cap`, which is above every true value).
 */
export function bruteForceRanges(table: LinearTable, hidden: readonly boolean[], cap: number): Map<number, { min: number; max: number }> {
  const unknown = table.values.map((_, i) => i).filter((i) => hidden[i]);
  const value: (number | null)[] = table.values.map((v, i) => (hidden[i] ? null : v));
  const ranges = new Map(unknown.map((c) => [c, { min: Infinity, max: -Infinity }]));
  let nodes = 0;
  /** Fills in every cell forced by a relation with one open member; false on a contradiction. */
  const propagate = (trail: number[]): boolean => {
    for (let again = true; again; ) {
      again = false;
      for (const rel of table.relations) {
        const members = [...rel.parts, rel.total];
        const open = members.filter((c) => value[c] === null);
        const partsSum = rel.parts.reduce((s, p) => s + (value[p] ?? 0), 0);
        const t = value[rel.total];
        if (open.length === 0 && partsSum !== t) return false;
        if (t !== null && partsSum > t!) return false;
        if (open.length === 1) {
          const c = open[0]!;
          const v = c === rel.total ? partsSum : t! - partsSum;
          if (v < 0 || v > cap) return false;
          value[c] = v;
          trail.push(c);
          again = true;
        }
      }
    }
    return true;
  };
  /** Largest value a cell can take given the known totals of the relations it is a part of. */
  const upperBound = (cell: number): number => {
    let ub = cap;
    for (const rel of table.relations) {
      const t = value[rel.total];
      if (t === null || !rel.parts.includes(cell)) continue;
      ub = Math.min(ub, t! - rel.parts.reduce((s, p) => s + (value[p] ?? 0), 0));
    }
    return ub;
  };
  const dfs = (): void => {
    if (++nodes > 2_000_000) throw new Error('brute force too large');
    const trail: number[] = [];
    if (propagate(trail)) {
      const cell = unknown.find((c) => value[c] === null);
      if (cell === undefined) {
        for (const c of unknown) {
          const r = ranges.get(c)!;
          r.min = Math.min(r.min, value[c]!);
          r.max = Math.max(r.max, value[c]!);
        }
      } else {
        const ub = upperBound(cell);
        for (let v = 0; v <= ub; v++) {
          value[cell] = v;
          dfs();
        }
        value[cell] = null;
      }
    }
    for (const c of trail) value[c] = null;
  };
  dfs();
  return ranges;
}

