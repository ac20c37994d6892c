/** Any Table → aligned plain text for the terminal, numbers in sv-SE ("18 964", "−2 029", "23 %"). */
import { formatNumber, formatPercent } from '../core/format.ts';
import type { Cell, Table, TableColumn } from '../core/table.ts';

export function formatCell(value: Cell, column: TableColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (column.kind === 'percent') return formatPercent(value, column.decimals ?? 0);
  return formatNumber(value, column.kind === 'decimal' ? (column.decimals ?? 2) : 0);
}

export function tableToText(table: Table): string {
  const cells = table.rows.map((r) => table.columns.map((c) => formatCell(r.cells[c.key] ?? null, c)));
  const widths = table.columns.map((c, i) => Math.max(c.header.length, ...cells.map((row) => row[i]!.length)));
  const fmt = (row: readonly string[]) =>
    row.map((s, i) => (table.columns[i]!.kind === 'text' ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ').trimEnd();
  const out = [table.title];
  if (table.note) out.push(table.note);
  out.push('', fmt(table.columns.map((c) => c.header)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt));
  return out.join('\n') + '\n';
}
