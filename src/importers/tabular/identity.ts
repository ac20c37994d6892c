/**
 * The identity guard of the importers' spreadsheet readers: every cell of every CSV and XLSX file, and the
 * file's name, before any importer sees them. One refusal lists every cell that holds a personnummer or
 * samordningsnummer (line and column, never the value), so the file is refused whole and nothing is written.
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import { holdsIdentityNumber, identityRefusalMessage } from '../../core/privacy/identityGuard.ts';
import { cellText, type RawCell } from './cells.ts';

/** Cells named in one refusal at most: enough to find them, not a wall of text. */
const MAX_REPORTED = 50;

/** "A", "B", … "AA": the column as a spreadsheet names it. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Throws when the file's name holds an identity number (the refusal does not name the file). */
export function guardFileName(file: string): void {
  if (holdsIdentityNumber(file)) throw new InputError({ field: 'filnamn', message: `Filnamnet: ${identityRefusalMessage}` });
}

/** Throws one InputError naming every cell that holds an identity number. */
export function guardCells(rows: readonly { readonly line: number; readonly cells: readonly RawCell[] }[], file: string): void {
  const problems: InputProblem[] = [];
  // A column is named by its heading on the first line, as the importers name it, or else by its letter.
  const first = rows[0]?.line === 1 ? rows[0].cells.map((c) => cellText(c).trim()) : [];
  const column = (i: number) => (first[i] && first[i].length <= 100 && !holdsIdentityNumber(first[i]) ? first[i] : `kolumn ${columnName(i)}`);
  for (const row of rows) {
    row.cells.forEach((c, i) => {
      if (problems.length < MAX_REPORTED && holdsIdentityNumber(cellText(c))) problems.push({ file, line: row.line, field: column(i), message: identityRefusalMessage });
    });
  }
  if (problems.length) throw new InputError(problems);
}
