/**
 * Any Table → XLSX (exceljs): a title row, an optional note ("Belopp i tkr"), bold Swedish headings, numbers
 * as numbers with number formats (Excel shows "18 964" with the user's Swedish separators, "23 %"),
 * subtotal and total rows bold.
 */
import ExcelJS from 'exceljs';
import type { Table, TableColumn } from '../core/table.ts';

export function numberFormat(column: TableColumn): string | undefined {
  switch (column.kind) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return `#,##0.${'0'.repeat(column.decimals ?? 2)}`;
    case 'percent':
      return (column.decimals ?? 0) > 0 ? `0.${'0'.repeat(column.decimals!)}%` : '0%';
    default:
      return undefined;
  }
}

/** Excel's rules for sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
export function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Blad1';
}

export interface TableSheetOptions {
  /** false: the headings are the sheet's first row (a list rather than a report); default true. */
  readonly titleRow?: boolean;
  readonly titleSize?: number;
}

/**
 * Writes the table below what the sheet already holds: title, note, bold headings, the rows (numbers as numbers
 * with their number format). Returns the heading row. Several tables can follow one another on one sheet.
 */
export function appendTable(ws: ExcelJS.Worksheet, table: Table, options: TableSheetOptions = {}): ExcelJS.Row {
  if (options.titleRow !== false) {
    ws.addRow([table.title]).font = { bold: true, size: options.titleSize ?? 14 };
    if (table.note) ws.addRow([table.note]).font = { italic: true };
  }
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'bottom' };
  const formats = table.columns.map(numberFormat);
  for (const row of table.rows) {
    const r = ws.addRow(table.columns.map((c) => row.cells[c.key] ?? null));
    if (row.emphasis) r.font = { bold: true };
    formats.forEach((fmt, i) => {
      if (fmt && typeof r.getCell(i + 1).value === 'number') r.getCell(i + 1).numFmt = fmt;
    });
  }
  return header;
}

export function addTableSheet(workbook: ExcelJS.Workbook, table: Table, name = sheetName(table.title), options: TableSheetOptions = {}): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name);
  const header = appendTable(ws, table, options);
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = numberFormat(c);
    if (fmt) col.numFmt = fmt;
    const longest = Math.max(c.kind === 'text' ? 10 : 8, ...table.rows.map((r) => String(r.cells[c.key] ?? '').length + 2));
    col.width = c.kind === 'text' ? Math.min(60, longest) : Math.min(18, Math.max(10, Math.ceil(c.header.length / 2)));
  });
  return ws;
}

/** One or more tables as an XLSX file (one sheet each); documentTitle goes into the file's properties. */
export async function tablesToXlsx(tables: readonly Table[], options: TableSheetOptions & { readonly documentTitle?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordna';
  if (options.documentTitle) wb.title = options.documentTitle;
  const used = new Set<string>();
  for (const t of tables) {
    let name = sheetName(t.title);
    for (let n = 2; used.has(name); n++) name = `${sheetName(t.title).slice(0, 28)} ${n}`;
    used.add(name);
    addTableSheet(wb, t, name, options);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function tableToXlsx(table: Table, options?: TableSheetOptions & { readonly documentTitle?: string }): Promise<Buffer> {
  return tablesToXlsx([table], options);
}
