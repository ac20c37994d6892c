import type { Table, TableRow } from '../table.ts';
import type { StatementLayout } from './layout.ts';

const kr = (ore: number | null) => (ore === null ? null : ore / 100);

function rows(layout: StatementLayout, withStatement: boolean): TableRow[] {
  return layout.rows.map((r) => ({
    cells: { ...(withStatement ? { statement: layout.title } : {}), label: r.label, note: r.note ?? null, current: kr(r.currentOre), previous: kr(r.previousOre) },
    ...(r.kind === 'subtotal' || r.kind === 'total' ? { emphasis: r.kind } : {}),
  }));
}

function columns(year: number, withStatement: boolean): Table['columns'] {
  return [
    ...(withStatement ? [{ key: 'statement', header: 'Rapport', kind: 'text' as const }] : []),
    { key: 'label', header: 'Post', kind: 'text' },
    { key: 'note', header: 'Not', kind: 'integer' },
    { key: 'current', header: String(year), kind: 'decimal', decimals: 2 },
    { key: 'previous', header: String(year - 1), kind: 'decimal', decimals: 2 },
  ];
}

/** The statements as presentable tables (one per statement), amounts in kronor with öre, for the shared exporters. */
export function statementTables(layout: readonly StatementLayout[], year: number): Table[] {
  return layout.map((l) => ({ title: l.title, note: 'Belopp i kronor', columns: columns(year, false), rows: rows(l, false) }));
}

/** All three statements in one table (a CSV file), with the statement named on each row. */
export function statementsTable(layout: readonly StatementLayout[], year: number): Table {
  return { title: `Räkenskaper ${year}`, note: 'Belopp i kronor', columns: columns(year, true), rows: layout.flatMap((l) => rows(l, true)) };
}
