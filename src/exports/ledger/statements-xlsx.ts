import ExcelJS from 'exceljs';
import type { StatementLayout } from '../../core/ledger/layout.ts';

/**
 * The statements as an XLSX workbook, one sheet per statement, amounts in kronor (exact, with öre) formatted
 * as whole kronor with grouping. Kept separate from the shared exporters so it can move onto them.
 */
export async function statementsXlsx(layout: readonly StatementLayout[], year: number, federationName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordna';
  for (const s of layout) {
    const ws = wb.addWorksheet(s.title);
    ws.addRow([`${federationName} – ${s.title}`]).font = { bold: true };
    const header = ws.addRow(['', 'Not', String(year), String(year - 1)]);
    header.font = { bold: true };
    for (const r of s.rows) {
      const row = ws.addRow([r.label, r.note ?? null, r.currentOre === null ? null : r.currentOre / 100, r.previousOre === null ? null : r.previousOre / 100]);
      if (r.kind !== 'row') row.font = { bold: true };
    }
    ws.getColumn(1).width = 58;
    ws.getColumn(2).width = 6;
    for (const c of [3, 4]) {
      ws.getColumn(c).width = 16;
      ws.getColumn(c).numFmt = '#,##0;-#,##0';
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
