import { formatNumber, formatPercent } from './format.ts';

/**
 * A presentable table: the one shape every exporter (CSV, XLSX) and the plain-text table writer take.
 * Cells hold what is shown: text, or numbers already rounded the way the report prints them.
 */
export type ColumnKind = 'text' | 'integer' | 'decimal' | 'percent';

export interface TableColumn {
  readonly key: string;
  /** Swedish heading. */
  readonly header: string;
  readonly kind: ColumnKind;
  /** Decimals for 'decimal' and 'percent' (a percent cell holds a share: 0.463 → "46,3 %"). */
  readonly decimals?: number;
}

export type Cell = string | number | null;

export interface TableRow {
  readonly cells: Readonly<Record<string, Cell>>;
  /** Subtotals and totals are shown bold. */
  readonly emphasis?: 'subtotal' | 'total';
}

export interface Table {
  readonly title: string;
  /** E.g. "Belopp i tkr". */
  readonly note?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/** A cell as text in sv-SE ("18 964", "46,3 %"), as every table writer shows it; empty for no value. */
export function formatCell(value: Cell, column: TableColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (column.kind === 'percent') return formatPercent(value, column.decimals ?? 0);
  return formatNumber(value, column.kind === 'decimal' ? (column.decimals ?? 2) : 0);
}
