import { isSmallCount } from '../privacy/suppression.ts';

/**
 * A published statistic: counts that went through suppression (null = hidden, shown as "–").
 * Row totals are always there; column totals and the grand total when the rows add up.
 */
export interface StatTable {
  readonly key: string;
  readonly title: string;
  readonly rowHeader: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly cells: readonly (readonly (number | null)[])[];
  readonly rowTotals: readonly (number | null)[] | null;
  readonly colTotals: readonly (number | null)[] | null;
  readonly total: number | null;
  /** Per row, each published cell as a whole percentage of its published row total (distributions). */
  readonly percentages: readonly (readonly (number | null)[])[] | null;
  readonly hiddenCount: number;
}

export interface TableDefinition {
  readonly key: string;
  readonly title: string;
  readonly rowHeader: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly withPercentages?: boolean;
}

export function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((100 * part) / whole);
}

/** Where a table's cells live in a suppressed TableFamily (see core/privacy/linkedTables.ts). */
export interface TableKeys {
  readonly inner: (i: number, j: number) => string;
  readonly rowTotal?: (i: number) => string;
  readonly colTotal?: (j: number) => string;
  readonly grand?: string;
}

/** Reads a table's published cells (null = hidden) out of a suppressed family. */
export function readTable(def: TableDefinition, published: (key: string) => number | null, keys: TableKeys): StatTable {
  let hiddenCount = 0;
  const get = (key: string) => {
    const v = published(key);
    if (v === null) hiddenCount++;
    return v;
  };
  const rows = def.rowLabels.length;
  const cols = def.colLabels.length;
  const cells = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => get(keys.inner(i, j))));
  const rowTotals = keys.rowTotal ? Array.from({ length: rows }, (_, i) => get(keys.rowTotal!(i))) : null;
  const colTotals = keys.colTotal ? Array.from({ length: cols }, (_, j) => get(keys.colTotal!(j))) : null;
  const total = keys.grand !== undefined ? get(keys.grand) : null;
  return {
    key: def.key,
    title: def.title,
    rowHeader: def.rowHeader,
    rowLabels: def.rowLabels,
    colLabels: def.colLabels,
    cells,
    rowTotals,
    colTotals,
    total,
    percentages: def.withPercentages && rowTotals ? cells.map((row, i) => row.map((c) => percentOf(c, rowTotals[i]!))) : null,
    hiddenCount,
  };
}

/**
 * The count of a group of columns in row `row`, only when it follows from what is already published
 * (all its cells shown, or all the other cells and the row total shown) — so publishing it reveals nothing new.
 */
export function publishedGroupCount(table: StatTable, row: number, columns: readonly number[]): number | null {
  const cells = table.cells[row]!;
  const inGroup = columns.map((j) => cells[j]!);
  if (inGroup.every((c) => c !== null)) return inGroup.reduce<number>((s, c) => s + c!, 0);
  const others = cells.filter((_, j) => !columns.includes(j));
  const total = table.rowTotals?.[row] ?? null;
  if (total !== null && others.every((c) => c !== null)) return total - others.reduce<number>((s, c) => s + c!, 0);
  return null;
}

/** A single count with no relation to others (a series over years): hidden when small. */
export function publishCount(n: number, minCellSize: number): number | null {
  return isSmallCount(n, minCellSize) ? null : n;
}

/** How a hidden (suppressed) cell is printed in every table. */
export const hiddenMark = '–';
