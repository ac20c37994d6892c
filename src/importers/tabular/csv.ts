import { guardCells, guardFileName } from './identity.ts';
import { InputError } from '../../core/errors.ts';
import { formatNumber } from '../../core/format.ts';
import { defaultTabularLimits, type TabularLimits } from './limits.ts';

/**
 * The one CSV reader of the importers (participants, outcome), RFC 4180 as spreadsheets save it: separator ";" (Swedish Excel) or ",",
 * detected from the header line; quoted fields with "" for a quote; CRLF or LF; a UTF-8 byte-order mark is
 * dropped. Returns rows of cells with their 1-based line numbers (the line where the row starts).
 */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * ";" whenever the header has one outside quotes (Swedish Excel's separator; a heading may well contain a
 * comma), else "," if it has one, else ";". Counting which is more frequent misreads a ";" file whose
 * headings hold commas.
 */
export function detectSeparator(headerLine: string): ';' | ',' {
  let quoted = false;
  let comma = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') return ';';
    else if (!quoted && ch === ',') comma = true;
  }
  return comma ? ',' : ';';
}

export function parseCsv(text: string, file: string, limits: TabularLimits = defaultTabularLimits): CsvRow[] {
  guardFileName(file);
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const sep = detectSeparator(src.split(/\r?\n/, 1)[0] ?? '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    if (cells.length > limits.maxColumns) throw new InputError({ file, line: rowLine, message: `Raden har fler än ${limits.maxColumns} kolumner.` });
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    if (rows.length > limits.maxRows) throw new InputError({ file, line: rowLine, message: `Filen har fler än ${formatNumber(limits.maxRows)} rader. Dela upp den.` });
    cells = [];
    cell = '';
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (ch === '\n') line++;
      cell += ch;
      if (cell.length > limits.maxCellLength) throw new InputError({ file, line: rowLine, message: `En cell har fler än ${formatNumber(limits.maxCellLength)} tecken (ett citattecken som aldrig stängs?).` });
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === sep) {
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && src[i + 1] === '\n') {
      i++;
    } else if (ch === '\n') {
      endRow();
      line++;
      rowLine = line;
      i++;
    } else {
      cell += ch;
      if (cell.length > limits.maxCellLength) throw new InputError({ file, line: rowLine, message: `En cell har fler än ${formatNumber(limits.maxCellLength)} tecken.` });
      i++;
    }
  }
  if (quoted) throw new InputError({ file, line: rowLine, message: 'Ett citattecken (") stängs aldrig.' });
  if (cell !== '' || cells.length) endRow();
  guardCells(rows, file);
  return rows;
}

/**
 * Writes one CSV line the way parseCsv reads it back (quoting only, no formula defusing): the reader's
 * round-trip counterpart for tests. Files for users are written by src/exports/csv.ts.
 */
export function csvLine(cells: readonly string[], sep = ';'): string {
  return cells.map((c) => (/[";\n\r,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);
}
