import ExcelJS from 'exceljs';
import { hiddenMark, type StatTable } from '../core/statistics/statTable.ts';
import type { Cell, Table, TableColumn } from '../core/table.ts';
import { csvDocument, csvText, tableCsvLines } from './csv.ts';
import { appendTable } from './xlsx.ts';

/**
 * Suppressed statistic tables through the shared Table writers (csv.ts, xlsx.ts). Hidden cells are written
 * as "–" with an explanatory note, never as a number.
 */
export const suppressionNote = (minCellSize: number) =>
  `– = dolt: färre än ${minCellSize} personer, eller en cell som annars skulle kunna räknas fram ur summorna.`;

/** A StatTable as a presentable Table: the row labels, one count column per label, row totals, column totals last. */
export function statTableAsTable(t: StatTable): Table {
  const cell = (v: number | null): Cell => (v === null ? hiddenMark : v);
  const counts: TableColumn[] = t.colLabels.map((header, j) => ({ key: `c${j}`, header, kind: 'integer' }));
  if (t.rowTotals) counts.push({ key: 'total', header: 'Totalt', kind: 'integer' });
  const row = (label: string, values: readonly (number | null)[], total: number | null) => ({
    cells: Object.fromEntries([['label', label], ...values.map((v, j) => [`c${j}`, cell(v)]), ...(t.rowTotals ? [['total', cell(total)]] : [])]),
  });
  return {
    title: t.title,
    columns: [{ key: 'label', header: t.rowHeader, kind: 'text' }, ...counts],
    rows: [
      ...t.rowLabels.map((label, i) => row(label, t.cells[i]!, t.rowTotals?.[i] ?? null)),
      ...(t.colTotals ? [{ ...row('Totalt', t.colTotals, t.total), emphasis: 'total' as const }] : []),
    ],
  };
}

/** The table as rows of text (header, body, column totals), e.g. for the terminal. */
export function tableRows(t: StatTable): string[][] {
  const table = statTableAsTable(t);
  return [table.columns.map((c) => c.header), ...table.rows.map((r) => table.columns.map((c) => String(r.cells[c.key])))];
}

/** CSV for Swedish Excel: a title line, the tables (each with its title), the note. */
export function statTablesCsv(title: string, tables: readonly StatTable[], minCellSize: number): string {
  const lines: string[] = [csvText(title), ''];
  for (const t of tables) lines.push(csvText(t.title), ...tableCsvLines(statTableAsTable(t)), '');
  lines.push(csvText(suppressionNote(minCellSize)));
  return csvDocument(lines);
}

export async function statTablesXlsx(title: string, tables: readonly StatTable[], minCellSize: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordna';
  const ws = wb.addWorksheet('Uppföljning');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  for (const t of tables) {
    appendTable(ws, statTableAsTable(t), { titleSize: 11 });
    ws.addRow([]);
  }
  ws.addRow([suppressionNote(minCellSize)]).font = { italic: true };
  ws.getColumn(1).width = 36;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
