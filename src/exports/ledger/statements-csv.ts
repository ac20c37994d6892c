import type { StatementLayout } from '../../core/ledger/layout.ts';

/**
 * The statements as CSV (sv-SE: semicolon separated, decimal comma, UTF-8 with BOM so Excel opens it right):
 * statement; row; note; year; previous year — in kronor with öre. Kept separate from the shared exporters so it
 * can move onto them.
 */
export function statementsCsv(layout: readonly StatementLayout[], year: number): string {
  const cell = (s: string) => (/[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const kr = (ore: number | null) => (ore === null ? '' : (ore / 100).toFixed(2).replace('.', ','));
  const lines = [['Rapport', 'Rad', 'Not', String(year), String(year - 1)].join(';')];
  for (const s of layout) {
    for (const r of s.rows) lines.push([cell(s.title), cell(r.label), r.note ? String(r.note) : '', kr(r.currentOre), kr(r.previousOre)].join(';'));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
