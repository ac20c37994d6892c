import ExcelJS from 'exceljs';
import type { StatTable } from '../core/statistics/statTable.ts';

/**
 * Minimal writers for suppressed statistic tables (CSV for Swedish Excel, XLSX). Hidden cells are written
 * as "–" with an explanatory note, never as a number. (If a generic exporter arrives in src/exports, these
 * can move onto it.)
 */
export const hiddenMark = '–';
export const suppressionNote = (minCellSize: number) =>
  `– = dolt: färre än ${minCellSize} personer, eller en cell som annars skulle kunna räknas fram ur summorna.`;

/** The table as rows of text: header, body, column totals. */
export function tableRows(t: StatTable): string[][] {
  const fmt = (v: number | null) => (v === null ? hiddenMark : String(v));
  const header = [t.rowHeader, ...t.colLabels, ...(t.rowTotals ? ['Totalt'] : [])];
  const body = t.rowLabels.map((label, i) => [label, ...t.cells[i]!.map(fmt), ...(t.rowTotals ? [fmt(t.rowTotals[i]!)] : [])]);
  const totals = t.colTotals ? [['Totalt', ...t.colTotals.map(fmt), ...(t.rowTotals ? [fmt(t.total)] : [])]] : [];
  return [header, ...body, ...totals];
}

/** Quotes where needed; text Excel would take for a formula gets an apostrophe first (CSV injection). */
function csvCell(c: string): string {
  const safe = /^[=+\-@\t\r]/.test(c) && !/^-?\d+$/.test(c) ? `'${c}` : c;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with ";" and a BOM so Excel opens it in Swedish; a title line, the tables, the note. */
export function statTablesCsv(title: string, tables: readonly StatTable[], minCellSize: number): string {
  const lines: string[] = [csvCell(title), ''];
  for (const t of tables) {
    lines.push(csvCell(t.title));
    for (const row of tableRows(t)) lines.push(row.map(csvCell).join(';'));
    lines.push('');
  }
  lines.push(csvCell(suppressionNote(minCellSize)));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function statTablesXlsx(title: string, tables: readonly StatTable[], minCellSize: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordna';
  const ws = wb.addWorksheet('Uppföljning');
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  for (const t of tables) {
    ws.addRow([t.title]).font = { bold: true };
    tableRows(t).forEach((row, i) => {
      const r = ws.addRow(row.map((c, j) => (j > 0 && /^\d+$/.test(c) ? Number(c) : c)));
      if (i === 0) r.font = { bold: true };
    });
    ws.addRow([]);
  }
  ws.addRow([suppressionNote(minCellSize)]).font = { italic: true };
  ws.getColumn(1).width = 36;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
