import { drain, suppressSteps, type Relation, type SuppressionOptions } from './suppression.ts';
import { unknownIntervals, type ComponentSolver } from './intervals.ts';

/** Suppression options, with the ranges to keep by cell key (see SuppressionOptions.keepRanges). */
export type FamilyOptions = Omit<SuppressionOptions, 'keepRanges'> & { readonly keep?: ReadonlyMap<string, { readonly min: number; readonly max: number }> };

/** A cell decided elsewhere: shown or hidden in an already published (frozen) table, or never published. */
export type CellKind = 'fixedShown' | 'fixedHidden' | 'latent' | 'aux';

/**
 * Several published tables that share cells — the same total, the same "active women" count in the gender
 * table and as a column total of the age × gender table — must be suppressed TOGETHER: a cell hidden in
 * one table but shown in another is not hidden, and a total hidden here but printed there gives the
 * hidden cells away. A TableFamily names every cell by a key (a shared cell has one key wherever it is
 * printed), collects the additive relations of all tables, and suppresses them as one system.
 */
export class TableFamily {
  private readonly values: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly relations: Relation[] = [];
  private readonly totals = new Set<number>();
  private readonly kinds = new Map<number, CellKind>();

  /** Registers a cell (or returns the one already under that key, which must hold the same count). */
  cell(key: string, value: number, isTotal = false, kind?: CellKind): number {
    const existing = this.index.get(key);
    if (existing !== undefined && kind) this.kinds.set(existing, kind);
    if (existing !== undefined) {
      if (this.values[existing] !== value) throw new Error(`Cell ${key} registered with ${this.values[existing]} and ${value}.`);
      if (isTotal) this.totals.add(existing);
      return existing;
    }
    const i = this.values.push(value) - 1;
    this.index.set(key, i);
    if (kind) this.kinds.set(i, kind);
    if (isTotal) this.totals.add(i);
    return i;
  }

  /** parts sum to total */
  relate(parts: readonly string[], total: string): void {
    this.relations.push({ parts: parts.map((k) => this.index.get(k)!), total: this.index.get(total)! });
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  /** The kind a cell was registered with (undefined: an ordinary cell of this publication). */
  kindOf(key: string): CellKind | undefined {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.kinds.get(i);
  }

  /**
   * What a reader of the published cells can deduce about some hidden ones: the exact integer range of each
   * key in `wanted` (hidden by `isHidden`), by linear programming over every relation of the family.
   */
  deducibleRanges(
    isHidden: (key: string) => boolean,
    wanted: readonly string[],
    /** A wanted cell whose range is known to hold at least lo … hi may stop there (see Settled in intervals.ts). */
    enough?: (key: string, lo: number, hi: number) => boolean,
    solveComponent?: ComponentSolver,
  ): Map<string, { min: number; max: number }> {
    const published = [...this.index].reduce<(number | null)[]>((out, [k, i]) => ((out[i] = isHidden(k) ? null : this.values[i]!), out), []);
    const want = new Set(wanted.map((k) => this.index.get(k)!).filter((i) => i !== undefined && published[i] === null));
    const keys = enough ? [...this.index].reduce<string[]>((out, [k, i]) => ((out[i] = k), out), []) : [];
    const ranges = unknownIntervals(this.values.length, this.relations, published, (cell, lo, hi) => !want.has(cell) || (enough !== undefined && enough(keys[cell]!, lo, hi)), solveComponent);
    const out = new Map<string, { min: number; max: number }>();
    for (const k of wanted) {
      const i = this.index.get(k);
      const r = i === undefined ? undefined : ranges.get(i);
      if (r) out.set(k, { min: r.min, max: r.max });
    }
    return out;
  }

  /** Every registered key with its true count. */
  entries(): [string, number][] {
    return [...this.index].map(([k, i]) => [k, this.values[i]!]);
  }

  /** Suppresses everything registered; returns the published value per key (null = hidden). */
  publish(minCellSize: number, options: FamilyOptions = {}): (key: string) => number | null {
    return drain(this.publishSteps(minCellSize, options));
  }

  /** publish() in steps (see suppressSteps): yields between the audits. */
  *publishSteps(minCellSize: number, options: FamilyOptions = {}): Generator<void, (key: string) => number | null> {
    const of = (kind: CellKind) => new Set([...this.kinds].filter(([, k]) => k === kind).map(([i]) => i));
    const { keep, ...rest } = options;
    const keepRanges = keep && new Map([...keep].flatMap(([k, r]) => (this.index.has(k) ? [[this.index.get(k)!, r] as const] : [])));
    const { hidden } = yield* suppressSteps(
      { values: this.values, relations: this.relations, totals: this.totals, fixedShown: of('fixedShown'), fixedHidden: of('fixedHidden'), latent: of('latent'), aux: of('aux') },
      minCellSize,
      { ...rest, ...(keepRanges ? { keepRanges } : {}) },
    );
    return (key) => {
      const i = this.index.get(key);
      if (i === undefined) throw new Error(`Unknown cell ${key}`);
      return hidden[i] ? null : this.values[i]!;
    };
  }
}

/** Keys for the cells of one R×C table; give a key function to share rows', columns' or totals' cells. */
export interface CrossKeys {
  readonly inner: (i: number, j: number) => string;
  readonly rowTotal: (i: number) => string;
  /** Omit when the rows overlap (no column totals). */
  readonly colTotal?: (j: number) => string;
  readonly grand?: string;
}

export function registerCross(family: TableFamily, counts: readonly (readonly number[])[], keys: CrossKeys): void {
  const cols = counts[0]?.length ?? 0;
  counts.forEach((row, i) => {
    row.forEach((v, j) => family.cell(keys.inner(i, j), v));
    family.cell(keys.rowTotal(i), row.reduce((a, b) => a + b, 0), true);
    family.relate(row.map((_, j) => keys.inner(i, j)), keys.rowTotal(i));
  });
  if (keys.colTotal && keys.grand !== undefined) {
    for (let j = 0; j < cols; j++) {
      family.cell(keys.colTotal(j), counts.reduce((s, row) => s + row[j]!, 0), true);
      family.relate(counts.map((_, i) => keys.inner(i, j)), keys.colTotal(j));
    }
    family.cell(keys.grand, counts.flat().reduce((a, b) => a + b, 0), true);
    family.relate(counts.map((_, i) => keys.rowTotal(i)), keys.grand);
    family.relate(Array.from({ length: cols }, (_, j) => keys.colTotal!(j)), keys.grand);
  }
}
