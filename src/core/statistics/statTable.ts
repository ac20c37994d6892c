import { publishCrossTable } from '../privacy/suppression.ts';

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
  /** Do the rows add up (each person in one row)? Then column totals and a grand total are published too. */
  readonly rowsAddUp: boolean;
  readonly withPercentages?: boolean;
}

export function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((100 * part) / whole);
}

export function buildTable(def: TableDefinition, counts: readonly (readonly number[])[], minCellSize: number): StatTable {
  const p = publishCrossTable(counts, minCellSize, def.rowsAddUp);
  return {
    key: def.key,
    title: def.title,
    rowHeader: def.rowHeader,
    rowLabels: def.rowLabels,
    colLabels: def.colLabels,
    cells: p.cells,
    rowTotals: p.rowTotals,
    colTotals: def.rowsAddUp ? p.colTotals : null,
    total: p.total,
    percentages: def.withPercentages ? p.cells.map((row, i) => row.map((c) => percentOf(c, p.rowTotals[i]!))) : null,
    hiddenCount: p.hiddenCount,
  };
}

/**
 * Rows that overlap but columns that add up (e.g. interventions × active/new/ended): suppressed as the
 * transposed table (each measure summed over interventions), then turned back.
 */
export function buildTransposedTable(def: Omit<TableDefinition, 'rowsAddUp'>, counts: readonly (readonly number[])[], minCellSize: number): StatTable {
  const cols = def.colLabels.length;
  const transposed = Array.from({ length: cols }, (_, j) => counts.map((row) => row[j]!));
  const p = publishCrossTable(transposed, minCellSize, false);
  return {
    key: def.key,
    title: def.title,
    rowHeader: def.rowHeader,
    rowLabels: def.rowLabels,
    colLabels: def.colLabels,
    cells: counts.map((_, i) => p.cells.map((col) => col[i]!)),
    rowTotals: null,
    colTotals: p.rowTotals,
    total: null,
    percentages: null,
    hiddenCount: p.hiddenCount,
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
  return n >= 1 && n < minCellSize ? null : n;
}
