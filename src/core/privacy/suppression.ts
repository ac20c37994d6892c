import { prepareLp } from './linearProgram.ts';
import type { Relation } from './relation.ts';
import { unknownIntervals, type CellInterval, type ComponentSolver } from './intervals.ts';

/**
 * Statistical disclosure control for count tables: nothing Samordna shows or exports may single out a person.
 *
 * A table is a list of cells (inner cells and totals alike) and the additive relations between them
 * ("these parts sum to that total"). The rules:
 * - Primary suppression: a count from 1 to minCellSize − 1 is hidden. **Zero is shown**: "nobody" discloses
 *   nothing about an individual, and hiding zeros would force far more secondary suppression.
 * - Secondary suppression: further cells are hidden until no hidden cell can be worked out from what is
 *   published. "Worked out" is checked exactly: for each hidden cell the smallest and largest value consistent
 *   with every published cell, every relation and non-negativity is computed by linear programming.
 *   A hidden cell is safe when that range is not a single value; a primarily hidden (small) cell must in
 *   addition not be pinned inside 1..minCellSize − 1: its range must reach 0 or minCellSize.
 *   (Count tables with sums are network matrices, so the linear bounds equal the integer bounds.)
 * - Complements are chosen to lose as little as possible: the smallest non-zero inner cell of the same
 *   relation first, totals only when nothing else helps.
 * - What earlier publications (fixed cells) alone already give away cannot be taken back: such a count must
 *   only not be narrowed further, and nothing is hidden in vain for it.
 */
export type { Relation } from './relation.ts';

export interface LinearTable {
  /** Every cell's true count (non-negative integers), inner cells and totals. */
  readonly values: readonly number[];
  readonly relations: readonly Relation[];
  /** Cells that are totals (suppressed only as a last resort). */
  readonly totals: ReadonlySet<number>;
  /** Cells already published elsewhere (a frozen earlier year): they stay shown, never a complement. */
  readonly fixedShown?: ReadonlySet<number>;
  /** Cells already hidden elsewhere (a frozen earlier year): they stay hidden and must stay protected. */
  readonly fixedHidden?: ReadonlySet<number>;
  /**
   * Counts that are never published but follow from the relations, such as "new in 2025, women aged 20–24"
   * between two years' tables. Always hidden; when small (1 … min − 1) they are protected like a small cell.
   */
  readonly latent?: ReadonlySet<number>;
  /**
   * Auxiliary unknowns that only carry a bound ("x ≤ 7" as x + slack = 7): always hidden, never protected,
   * never a complement.
   */
  readonly aux?: ReadonlySet<number>;
}

export interface SuppressionOptions {
  /** Every hidden cell's deducible range must be at least this wide (max − min); default 1 (not pinned). */
  readonly protectionInterval?: number;
  /**
   * Hidden cells whose deducible range must stay at least this wide (by cell): what a reader already knew of
   * them before this publication, which it must not narrow (the national view: a förbund's cells as its own
   * publications and the earlier national years leave them).
   */
  readonly keepRanges?: ReadonlyMap<number, { readonly min: number; readonly max: number }>;
  /** The audit's linear programming per component (default: the core's dense simplex; see ComponentSolver). */
  readonly solveComponent?: ComponentSolver;
}

export type HiddenReason = 'primary' | 'secondary';

export interface Suppression {
  /** Per cell: null when shown, else why it is hidden. */
  readonly hidden: readonly (HiddenReason | null)[];
}

export interface CellRange {
  readonly min: number;
  readonly max: number; // Infinity when unbounded
}

/** The range a reader can deduce for cell `cell` from everything published (hidden cells unknown, ≥ 0). */
export function feasibleRanges(table: LinearTable, hidden: readonly boolean[]): Map<number, CellRange> {
  const unknown = table.values.map((_, i) => i).filter((i) => hidden[i]);
  const index = new Map(unknown.map((cell, k) => [cell, k]));
  const a: number[][] = [];
  const b: number[] = [];
  for (const rel of table.relations) {
    const row = new Array<number>(unknown.length).fill(0);
    let rhs = 0;
    let any = false;
    const add = (cell: number, coef: number) => {
      const k = index.get(cell);
      if (k === undefined) rhs -= coef * table.values[cell]!;
      else {
        row[k]! += coef;
        any = true;
      }
    };
    for (const p of rel.parts) add(p, 1);
    add(rel.total, -1);
    if (any) {
      a.push(row);
      b.push(rhs);
    }
  }
  const solve = prepareLp(a, b, unknown.length);
  const ranges = new Map<number, CellRange>();
  unknown.forEach((cell, k) => {
    const c = new Array<number>(unknown.length).fill(0);
    c[k] = 1;
    const lo = solve(c);
    c[k] = -1;
    const hi = solve(c);
    if (lo.status === 'infeasible' || hi.status === 'infeasible') throw new Error('Tabellen är inte additiv.');
    ranges.set(cell, {
      min: lo.status === 'optimal' ? Math.round(lo.value) : 0,
      max: hi.status === 'optimal' ? Math.round(-hi.value) : Infinity,
    });
  });
  return ranges;
}

/** Primary suppression: a count from 1 to minCellSize − 1 is small (hidden); zero is not. */
export function isSmallCount(value: number, minCellSize: number): boolean {
  return value >= 1 && value < minCellSize;
}

/**
 * The rule every hidden cell is held to (suppress()): its deducible range is at least `width` wide, and a small
 * count (1 … minCellSize − 1) is not pinned inside 1 … minCellSize − 1 (the range reaches 0 or minCellSize). A
 * latent count (never published, see LinearTable.latent) is held to it only when small.
 */
export function rangeProtects(value: number, range: CellRange, minCellSize: number, opts: { readonly width?: number; readonly latent?: boolean } = {}): boolean {
  const small = isSmallCount(value, minCellSize);
  if (opts.latent && !small) return true;
  if (range.max - range.min < Math.max(1, opts.width ?? 1)) return false;
  return !small || range.min <= 0 || range.max >= minCellSize;
}

export function suppress(table: LinearTable, minCellSize: number, options: SuppressionOptions = {}): Suppression {
  return drain(suppressSteps(table, minCellSize, options));
}

/** Runs a step generator to its end, synchronously. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * suppress() in steps: yields after each exact audit (one linear-programming pass over the whole system), so
 * that a caller on a server can let other work run between steps (see drainAsync in the services).
 */
export function* suppressSteps(table: LinearTable, minCellSize: number, options: SuppressionOptions = {}): Generator<void, Suppression> {
  const { values, relations, totals } = table;
  const width = Math.max(1, options.protectionInterval ?? 1);
  const fixedShown = table.fixedShown ?? new Set<number>();
  const latent = table.latent ?? new Set<number>();
  const aux = table.aux ?? new Set<number>();
  const small = (v: number) => isSmallCount(v, minCellSize);
  const hidden: (HiddenReason | null)[] = values.map((v, i) =>
    aux.has(i) ? 'secondary' : latent.has(i) || table.fixedHidden?.has(i) ? (small(v) ? 'primary' : 'secondary') : !fixedShown.has(i) && small(v) ? 'primary' : null,
  );
  if (!hidden.some(Boolean)) return { hidden };
  const membersOf = (rel: Relation) => [...rel.parts, rel.total];
  /** The published cell to hide next among candidates: smallest non-zero inner cell, then totals, then zeros. */
  const pickComplement = (candidates: readonly number[]): number | null => {
    const open = candidates.filter((c) => !hidden[c] && !fixedShown.has(c) && !latent.has(c));
    const cost = (c: number) => (values[c] === 0 ? 2e12 : 0) + (totals.has(c) ? 1e12 : 0) + values[c]!;
    open.sort((x, y) => cost(x) - cost(y) || x - y);
    return open[0] ?? null;
  };
  const byCell = new Map<number, Relation[]>();
  for (const rel of relations) for (const c of membersOf(rel)) byCell.set(c, [...(byCell.get(c) ?? []), rel]);
  // An unpublished count in exactly two relations (the flow identity: active(Y) + ended(Y−1) = L =
  // active(Y−1) + new(Y)) joins them into one: its members other than L, as one relation with L eliminated.
  const joined = [...latent].flatMap((l) => {
    const rels = byCell.get(l) ?? [];
    return rels.length === 2 ? [[...new Set(rels.flatMap(membersOf))].filter((c) => c !== l)] : [];
  });
  /** The member lists rule 1 walks: every relation's, then the joined ones. */
  const groups = [...relations.map(membersOf), ...joined];
  const protects = (cell: number, lo: number, hi: number) => aux.has(cell) || rangeProtects(values[cell]!, { min: lo, max: hi }, minCellSize, { width, latent: latent.has(cell) });
  // What the fixed cells alone (earlier publications) already tell: a count they pin, such as "active with a
  // support source last year minus ended with it last year", cannot be protected now, however much more is
  // hidden; this publication must only not narrow it further. Such a count fails `protects` whatever else is
  // hidden, so it can only matter once the audit finds a cell exposed: it is worked out then (one linear
  // programming pass over the year), not for the many publications whose first audit passes.
  let given: Map<number, CellInterval> | null = null;
  const givenAway = () => {
    const fixedOnly = values.map((v, i) => (fixedShown.has(i) ? v : null));
    return new Map(fixedShown.size ? [...unknownIntervals(values.length, relations, fixedOnly, protects, options.solveComponent)].filter(([cell, r]) => !protects(cell, r.min, r.max)) : []);
  };
  /** Is a hidden cell safe, given an (inner or exact) range of what a reader can deduce? */
  const safe = (cell: number, lo: number, hi: number) => {
    const keep = options.keepRanges?.get(cell);
    if (keep && (lo > keep.min || hi < keep.max)) return false;
    const before = given?.get(cell);
    return before ? lo <= before.min && hi >= before.max : protects(cell, lo, hi);
  };

  for (;;) {
    // 1. No relation may have exactly one hidden member (it would equal total minus the published parts), nor
    // two relations joined through an unpublished count: "active men this year", hidden, is pinned by "new men
    // this year" as long as that is shown (last year's counts are published), whatever else is hidden.
    let changed = true;
    while (changed) {
      changed = false;
      for (const members of groups) {
        const hiddenMembers = members.filter((c) => hidden[c]);
        if (hiddenMembers.length === 1 && !aux.has(hiddenMembers[0]!) && !(latent.has(hiddenMembers[0]!) && !small(values[hiddenMembers[0]!]!))) {
          const c = pickComplement(members);
          if (c !== null) {
            hidden[c] = 'secondary';
            changed = true;
          }
        }
      }
    }
    // 2. The exact audit: every hidden cell's deducible range must protect it.
    const published = values.map((v, i) => (hidden[i] ? null : v));
    const ranges = unknownIntervals(values.length, relations, published, safe, options.solveComponent);
    yield;
    const isExposed = ([cell, r]: [number, CellInterval]) => !safe(cell, r.min, r.max);
    let exposed = [...ranges].find(isExposed);
    if (exposed && given === null) {
      // (A cell settled above from feasible points protects, so it is none of these: its exact range is there.)
      given = givenAway();
      yield;
      exposed = [...ranges].find(isExposed);
    }
    if (!exposed) return { hidden };
    const cell = exposed[0];
    // The nearest cells that can still be hidden: the cell's relations, then theirs (breadth first).
    let c: number | null = null;
    const seen = new Set<number>([cell]);
    let frontier = [cell];
    while (c === null && frontier.length) {
      const next = [...new Set(frontier.flatMap((f) => (byCell.get(f) ?? []).flatMap(membersOf)))].filter((x) => !seen.has(x));
      next.forEach((x) => seen.add(x));
      c = pickComplement(next);
      frontier = next;
    }
    if (c === null) return { hidden }; // nothing left that may be hidden: nothing more can be done
    hidden[c] = 'secondary';
  }
}

/** A table of counts with rows, columns, row totals, column totals and a grand total. */
export interface CrossTable {
  readonly cells: readonly (readonly number[])[];
}

export interface PublishedCrossTable {
  /** null = hidden ("–"). */
  readonly cells: readonly (readonly (number | null)[])[];
  readonly rowTotals: readonly (number | null)[];
  readonly colTotals: readonly (number | null)[];
  readonly total: number | null;
  readonly hiddenCount: number;
}

/**
 * Lays out an R×C table with margins as a LinearTable: inner cell (i, j) is i*C + j, row totals follow,
 * then column totals, then the grand total. `withColumnTotals: false` is for rows that overlap (e.g.
 * "active", "new", "ended" by gender), which have row totals only.
 */
export function crossLayout(cells: readonly (readonly number[])[], withColumnTotals = true): LinearTable {
  const r = cells.length;
  const c = cells[0]?.length ?? 0;
  const values: number[] = cells.flat();
  const rowTotal = (i: number) => r * c + i;
  const colTotal = (j: number) => r * c + r + j;
  const grand = r * c + r + c;
  const relations: Relation[] = [];
  for (let i = 0; i < r; i++) {
    values.push(cells[i]!.reduce((s, v) => s + v, 0));
    relations.push({ parts: cells[i]!.map((_, j) => i * c + j), total: rowTotal(i) });
  }
  const totals = new Set<number>(cells.map((_, i) => rowTotal(i)));
  if (withColumnTotals) {
    for (let j = 0; j < c; j++) {
      values.push(cells.reduce((s, row) => s + row[j]!, 0));
      relations.push({ parts: cells.map((_, i) => i * c + j), total: colTotal(j) });
      totals.add(colTotal(j));
    }
    values.push(values.slice(0, r * c).reduce((s, v) => s + v, 0));
    relations.push({ parts: cells.map((_, i) => rowTotal(i)), total: grand });
    relations.push({ parts: Array.from({ length: c }, (_, j) => colTotal(j)), total: grand });
    totals.add(grand);
  }
  return { values, relations, totals };
}

/** Suppresses an R×C table with its margins and returns what may be published. */
export function publishCrossTable(cells: readonly (readonly number[])[], minCellSize: number, withColumnTotals = true): PublishedCrossTable {
  const layout = crossLayout(cells, withColumnTotals);
  const { hidden } = suppress(layout, minCellSize);
  const show = (i: number) => (hidden[i] ? null : layout.values[i]!);
  const r = cells.length;
  const c = cells[0]?.length ?? 0;
  return {
    cells: cells.map((row, i) => row.map((_, j) => show(i * c + j))),
    rowTotals: cells.map((_, i) => show(r * c + i)),
    colTotals: withColumnTotals ? Array.from({ length: c }, (_, j) => show(r * c + r + j)) : [],
    total: withColumnTotals ? show(r * c + r + c) : null,
    hiddenCount: hidden.filter(Boolean).length,
  };
}
