import type { AuditEntry } from '../services/audit/auditLog.ts';
import type { Table } from '../core/table.ts';
import { tableToXlsx } from './xlsx.ts';

const actionLabels: Record<AuditEntry['action'], string> = { insert: 'Ny', update: 'Ändrad', delete: 'Borttagen' };

/** The audit entries as a Table: one row per entry, values before and after as JSON text. */
export function auditLogTable(entries: readonly AuditEntry[]): Table {
  return {
    title: 'Granskningslogg',
    columns: [
      { key: 'id', header: 'Nr', kind: 'integer' },
      { key: 'occurredAt', header: 'Tid', kind: 'text' },
      { key: 'actor', header: 'Användare', kind: 'text' },
      { key: 'tableName', header: 'Tabell', kind: 'text' },
      { key: 'rowId', header: 'Rad', kind: 'text' },
      { key: 'action', header: 'Åtgärd', kind: 'text' },
      { key: 'oldValues', header: 'Före', kind: 'text' },
      { key: 'newValues', header: 'Efter', kind: 'text' },
      { key: 'summary', header: 'Beskrivning', kind: 'text' },
    ],
    rows: entries.map((e) => ({
      cells: {
        id: e.id,
        occurredAt: e.occurredAt,
        actor: e.actor,
        tableName: e.tableName,
        rowId: e.rowId,
        action: actionLabels[e.action],
        oldValues: e.oldValues ? JSON.stringify(e.oldValues) : '',
        newValues: e.newValues ? JSON.stringify(e.newValues) : '',
        // Participant rows: which fields changed, never their values (see maskedAuditTables).
        summary: e.summary ?? '',
      },
    })),
  };
}

/** The audit entries as an XLSX workbook (sheet "Granskningslogg", headings in the first row). */
export function auditLogToXlsx(entries: readonly AuditEntry[], federationName: string): Promise<Buffer> {
  return tableToXlsx(auditLogTable(entries), { titleRow: false, documentTitle: `Granskningslogg – ${federationName}` });
}
