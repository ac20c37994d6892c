/** Any Table → aligned plain text for the terminal, numbers in sv-SE ("18 964", "−2 029", "23 %"). */
import { formatCell, type Table } from '../core/table.ts';


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
