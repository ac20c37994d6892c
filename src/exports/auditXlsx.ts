import ExcelJS from 'exceljs';
import type { AuditEntry } from '../services/audit/auditLog.ts';

const actionLabels: Record<AuditEntry['action'], string> = { insert: 'Ny', update: 'Ändrad', delete: 'Borttagen' };

/** The audit entries as an XLSX workbook: one row per entry, values before and after as JSON text. */
export async function auditLogToXlsx(entries: readonly AuditEntry[], federationName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Samordna';
  const ws = wb.addWorksheet('Granskningslogg');
  ws.columns = [
    { header: 'Nr', key: 'id', width: 8 },
    { header: 'Tid', key: 'occurredAt', width: 20 },
    { header: 'Användare', key: 'actor', width: 28 },
    { header: 'Tabell', key: 'tableName', width: 22 },
    { header: 'Rad', key: 'rowId', width: 10 },
    { header: 'Åtgärd', key: 'action', width: 11 },
    { header: 'Före', key: 'oldValues', width: 60 },
    { header: 'Efter', key: 'newValues', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const e of entries) {
    ws.addRow({
      ...e,
      action: actionLabels[e.action],
      oldValues: e.oldValues ? JSON.stringify(e.oldValues) : '',
      newValues: e.newValues ? JSON.stringify(e.newValues) : '',
    });
  }
  wb.title = `Granskningslogg – ${federationName}`;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
