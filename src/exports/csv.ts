/**
 * Any Table → CSV that opens right in Swedish Excel: UTF-8 with BOM, semicolon separators, decimal comma,
 * CRLF line ends, a header row of Swedish headings. Numbers are written plainly (no grouping) so Excel reads
 * them as numbers; percentages as "46,3%". Text that Excel would take for a formula is prefixed with an
 * apostrophe (CSV injection).
 */
import type { Cell, Table, TableColumn } from '../core/table.ts';

const BOM = '\ufeff';

function quote(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvNumber(value: number, decimals: number): string {
  const fixed = value.toFixed(decimals);
  return (/^-0(\.0+)?$/.test(fixed) ? fixed.slice(1) : fixed).replace('.', ',');
}

export function csvCell(value: Cell, column: TableColumn): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    switch (column.kind) {
      case 'percent':
        return `${csvNumber(value * 100, column.decimals ?? 0)}%`;
      case 'decimal':
        return csvNumber(value, column.decimals ?? 2);
      case 'integer':
        return csvNumber(value, 0);
      default:
        return csvNumber(value, column.decimals ?? 0);
    }
  }
  return csvText(value);
}

/** A text cell: text Excel would take for a formula gets an apostrophe first (CSV injection), then quoting. */
export function csvText(value: string): string {
  return quote(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** The table's header line and one line per row, without BOM or line ends (for files holding several tables). */
export function tableCsvLines(table: Table): string[] {
  const lines = [table.columns.map((c) => quote(c.header)).join(';')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row.cells[c.key] ?? null, c)).join(';'));
  return lines;
}

/** Lines already written with csvCell/csvText → the file: BOM, CRLF after every line. */
export function csvDocument(lines: readonly string[]): string {
  return BOM + lines.join('\r\n') + '\r\n';
}

export function tableToCsv(table: Table): string {
  return csvDocument(tableCsvLines(table));
}
