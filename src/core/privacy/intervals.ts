import { prepareLpWithPoint } from './linearProgram.ts';
import type { Relation } from './relation.ts';

/**
 * What a reader can deduce about every unpublished cell of a large linked system of count tables
 * (many tables, scopes and years at once): the smallest and largest INTEGER value consistent with every
 * published cell, every relation "parts sum to total" and non-negativity.
 *
 * Built for size: cells forced by a relation with one unknown member are filled in first (they are pinned),
 * the rest is split into independent components (unknowns linked by relations), and each component gets
 * one phase-1 simplex. A cell whose bounds do not matter yet can be settled by feasible points alone
 * (the optimal points of earlier solves): `settled(cell, low, high)` gets an inner estimate [low, high] of
 * its range (two values it can really take) and says whether that already answers the question; only the
 * others get their own two linear programmes (min and max).
 *
 * The linear bounds are rounded inwards (ceil of the minimum, floor of the maximum): every integer solution
 * lies inside, so a range of width 0 after rounding is a cell pinned to one integer.
 */
export interface CellInterval {
  readonly min: number;
  /** Infinity when unbounded. */
  readonly max: number;
  /** false when settled from feasible points only: then the true range is at least [min, max]. */
  readonly exact: boolean;
}

export type Settled = (cell: number, low: number, high: number) => boolean;

const TOL = 1e-6;

/**
 * The linear system left once everything forced is filled in: `value` (published cells and those pinned by a
 * relation with one unknown member), `out` (the intervals of the pinned ones), and the independent components
 * of the remaining unknowns, each with its relations as sparse rows over its own cells: Σ coef·x = rhs.
 */
export interface ReducedSystem {
  readonly value: readonly (number | null)[];
  readonly out: Map<number, CellInterval>;
  readonly components: readonly { cells: number[]; rows: { cols: number[]; coefs: number[]; rhs: number }[] }[];
}

export function reduceSystem(cellCount: number, relations: readonly Relation[], published: readonly (number | null)[]): ReducedSystem {
  const value: (number | null)[] = Array.from({ length: cellCount }, (_, i) => published[i] ?? null);
  const out = new Map<number, CellInterval>();
  const members = relations.map((r) => [...r.parts, r.total]);
  // 1. Propagate relations with exactly one unknown member (those cells are pinned).
  const byCell = new Map<number, number[]>();
  members.forEach((ms, ri) => ms.forEach((c) => byCell.set(c, [...(byCell.get(c) ?? []), ri])));
  const queue = relations.map((_, i) => i);
  const queued = new Set(queue);
  while (queue.length) {
    const ri = queue.pop()!;
    queued.delete(ri);
    const rel = relations[ri]!;
    const open = members[ri]!.filter((c) => value[c] === null);
    if (open.length !== 1) continue;
    const c = open[0]!;
    const partsSum = rel.parts.reduce((s, p) => s + (p === c ? 0 : value[p]!), 0);
    const v = c === rel.total ? partsSum : value[rel.total]! - partsSum;
    value[c] = v;
    out.set(c, { min: v, max: v, exact: true });
    for (const other of byCell.get(c) ?? []) {
      if (!queued.has(other)) {
        queued.add(other);
        queue.push(other);
      }
    }
  }

  // 2. Components of the remaining unknowns.
  const unknown = value.map((v, i) => (v === null ? i : -1)).filter((i) => i >= 0);
  const parent = new Map(unknown.map((c) => [c, c]));
  const find = (c: number): number => {
    let r = c;
    while (parent.get(r) !== r) r = parent.get(r)!;
    while (parent.get(c) !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  const live: number[] = [];
  relations.forEach((rel, ri) => {
    const open = members[ri]!.filter((c) => value[c] === null);
    if (!open.length) return;
    live.push(ri);
    for (const c of open.slice(1)) parent.set(find(c), find(open[0]!));
  });
  const components = new Map<number, { cells: number[]; rels: number[] }>();
  for (const c of unknown) {
    const r = find(c);
    if (!components.has(r)) components.set(r, { cells: [], rels: [] });
    components.get(r)!.cells.push(c);
  }
  for (const ri of live) components.get(find(members[ri]!.find((c) => value[c] === null)!))!.rels.push(ri);

  const result: { cells: number[]; rows: { cols: number[]; coefs: number[]; rhs: number }[] }[] = [];
  for (const { cells, rels } of components.values()) {
    const local = new Map(cells.map((c, k) => [c, k]));
    const rows = rels.map((ri) => {
      const rel = relations[ri]!;
      const coef = new Map<number, number>();
      let rhs = 0;
      const add = (c: number, x: number) => {
        const k = local.get(c);
        if (k === undefined) rhs -= x * value[c]!;
        else coef.set(k, (coef.get(k) ?? 0) + x);
      };
      for (const p of rel.parts) add(p, 1);
      add(rel.total, -1);
      const cols = [...coef.keys()].filter((k) => coef.get(k) !== 0);
      return { cols, coefs: cols.map((k) => coef.get(k)!), rhs };
    });
    result.push({ cells, rows });
  }
  return { value, out, components: result };
}

export function unknownIntervals(
  cellCount: number,
  relations: readonly Relation[],
  published: readonly (number | null)[],
  settled: Settled = () => false,
  solveComponent: ComponentSolver = componentIntervals,
): Map<number, CellInterval> {
  const { out, components } = reduceSystem(cellCount, relations, published);
  for (const { cells, rows } of components) solveComponent(cells, rows, settled, out);
  return out;
}

/**
 * Solves one component of a ReducedSystem: adds each cell's interval to `out`. The core's is a dense simplex
 * (componentIntervals), meant for tables of tens to hundreds of cells; a caller with a national family of
 * thousands passes a sparse solver (services/solver/sparseIntervals.ts), which the core cannot import.
 */
export type ComponentSolver = (cells: readonly number[], rows: ReducedSystem['components'][number]['rows'], settled: Settled, out: Map<number, CellInterval>) => void;

/** The intervals of one component's cells (a dense simplex; see reduceSystem), added to `out`. */
export function componentIntervals(cells: readonly number[], rows: ReducedSystem['components'][number]['rows'], settled: Settled, out: Map<number, CellInterval>): void {
  if (!rows.length) {
    for (const c of cells) out.set(c, { min: 0, max: Infinity, exact: true });
    return;
  }
  const n = cells.length;
  const a: number[][] = [];
  const b: number[] = [];
  for (const r of rows) {
    const row = new Array<number>(n).fill(0);
    r.cols.forEach((k, i) => (row[k] = r.coefs[i]!));
    a.push(row);
    b.push(r.rhs);
  }
  const cost = (f: (k: number) => number) => Array.from({ length: n }, (_, k) => f(k));
  intervalsFromSolver(cells, prepareLpWithPoint(a, b, n), [cost(() => 1), cost(() => -1), cost((k) => (k % 2 ? 1 : -1)), cost((k) => (k % 2 ? -1 : 1))], settled, out);
}

/** One linear programme over a component's cells with the cost `c` (minimised), as any solver answers it. */
export type ComponentLp = (c: readonly number[]) => { status: 'optimal'; value: number; point: ArrayLike<number> } | { status: 'unbounded' } | { status: 'infeasible' };

/**
 * The intervals of a component's cells from a solver: first the optimal points of `costs` (values the cells
 * really take), which settle most cells; then min and max for each of the others. Bounds are rounded inwards.
 */
export function intervalsFromSolver(cells: readonly number[], solve: ComponentLp, costs: readonly (readonly number[])[], settled: Settled, out: Map<number, CellInterval>): void {
  const n = cells.length;
  const low = new Array<number>(n).fill(Infinity);
  const high = new Array<number>(n).fill(-Infinity);
  const seen = (point: ArrayLike<number>) => {
    for (let k = 0; k < n; k++) {
      low[k] = Math.min(low[k]!, point[k]!);
      high[k] = Math.max(high[k]!, point[k]!);
    }
  };
  for (const c of costs) {
    const r = solve(c);
    if (r.status === 'infeasible') throw new Error('Det publicerade går inte ihop med sambanden (ingen lösning).');
    if (r.status === 'optimal') seen(r.point);
  }
  const rounded = (x: number, up: boolean) => (up ? Math.ceil(x - TOL) : Math.floor(x + TOL)) + 0;
  cells.forEach((cell, k) => {
    if (low[k]! <= high[k]! && settled(cell, rounded(low[k]!, true), rounded(high[k]!, false))) {
      out.set(cell, { min: rounded(low[k]!, true), max: rounded(high[k]!, false), exact: false });
      return;
    }
    const c = new Array<number>(n).fill(0);
    c[k] = 1;
    const lo = solve(c);
    if (lo.status === 'optimal') seen(lo.point);
    c[k] = -1;
    const hi = solve(c);
    if (hi.status === 'optimal') seen(hi.point);
    out.set(cell, {
      min: lo.status === 'optimal' ? rounded(lo.value, true) : 0,
      max: hi.status === 'optimal' ? rounded(-hi.value, false) : Infinity,
      exact: true,
    });
  });
}
