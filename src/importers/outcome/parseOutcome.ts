/**
 * Outcome rows from a CSV or XLSX file in the template's shape. Every problem names file, line (the row
 * number in the file) and field (the column heading); nothing is returned unless every row is valid.
 */
import ExcelJS from 'exceljs';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { parseKronor } from '../../core/input/index.ts';
import type { Section } from '../../core/economy/types.ts';
import { outcomeColumns, sectionFromText, type OutcomeColumn } from './outcomeTemplate.ts';

export interface OutcomeRow {
  readonly line: number;
  readonly year: number;
  readonly section: Section;
  readonly label: string;
  readonly month: number;
  readonly incomeOre: number;
  readonly costOre: number;
}

/** A raw cell: text from CSV, or what exceljs gives (number, string, rich text, formula result). */
export type RawCell = string | number | null | undefined | { result?: unknown; richText?: { text: string }[]; text?: string };

/** A row of raw cells with its 1-based line number in the file. */
export interface RawRow {
  readonly line: number;
  readonly cells: readonly RawCell[];
}

function cellText(c: RawCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return String(c);
  if (typeof c === 'string') return c;
  if (Array.isArray(c.richText)) return c.richText.map((r) => r.text).join('');
  if (c.result !== undefined) return cellText(c.result as RawCell);
  if (typeof c.text === 'string') return c.text;
  return String(c);
}

/** Kronor from a cell → öre, or a problem (the boundary's kronor rule, src/core/input); empty = 0. */
export function parseKronorCell(c: RawCell): { ore: number } | { error: string } {
  const r = typeof c === 'number' ? parseKronor(c, { allowNegative: true }) : parseKronor(cellText(c).trim() || '0', { allowNegative: true });
  return r.ok ? { ore: r.value } : { error: r.message };
}

function parseInteger(c: RawCell): number | null {
  const t = cellText(c).trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

/** Validates raw rows (the first must be the header row). */
export function parseOutcomeRows(rows: readonly RawRow[], file: string): OutcomeRow[] {
  const problems: InputProblem[] = [];
  const nonEmpty = rows.filter((r) => r.cells.some((c) => cellText(c).trim() !== ''));
  const text = (r: RawRow) => r.cells.map((c) => cellText(c).trim().toLowerCase());
  // Title rows above the headings (as in the XLSX template) are skipped.
  const headerAt = Math.max(0, nonEmpty.findIndex((r) => text(r).includes('budgetpost')));
  const header = nonEmpty[headerAt];
  if (!header) throw new InputError({ file, message: 'Filen är tom: den ska ha rubrikraden år, avsnitt, budgetpost, månad, intäkt, kostnad.' });
  const index = new Map<OutcomeColumn, number>();
  const headings = text(header);
  for (const col of outcomeColumns) {
    const i = headings.indexOf(col.header);
    if (i < 0) problems.push({ file, line: header.line, field: col.header, message: `Kolumnen "${col.header}" saknas i rubrikraden.` });
    else index.set(col.key, i);
  }
  if (problems.length) throw new InputError(problems);
  const at = (r: RawRow, k: OutcomeColumn) => r.cells[index.get(k)!];

  const out: OutcomeRow[] = [];
  const seen = new Map<string, number>();
  for (const r of nonEmpty.slice(headerAt + 1)) {
    const p = (field: string, message: string) => problems.push({ file, line: r.line, field, message });
    const year = parseInteger(at(r, 'year'));
    if (year === null || year < 1990 || year > 2200) p('år', 'Ange året, t.ex. 2025.');
    const sectionText = cellText(at(r, 'section')).trim();
    const section = sectionFromText(sectionText);
    if (!section) p('avsnitt', `Okänt avsnitt "${sectionText}": ange Intäkter, Administration, Individinsatser, Strukturpåverkande insatser eller Processtöd samverkansinsatser.`);
    const label = cellText(at(r, 'label')).trim();
    if (!label) p('budgetpost', 'Ange budgetpostens namn.');
    const month = parseInteger(at(r, 'month'));
    if (month === null || month < 1 || month > 12) p('månad', 'Månaden ska vara 1–12.');
    const income = parseKronorCell(at(r, 'income'));
    if ('error' in income) p('intäkt', income.error);
    const cost = parseKronorCell(at(r, 'cost'));
    if ('error' in cost) p('kostnad', cost.error);
    if (year !== null && section && label && month !== null && 'ore' in income && 'ore' in cost) {
      const key = `${year}|${section}|${label}|${month}`;
      const first = seen.get(key);
      if (first !== undefined) p('budgetpost', `Samma budgetpost och månad finns redan på rad ${first}.`);
      else seen.set(key, r.line);
      out.push({ line: r.line, year, section, label, month, incomeOre: income.ore, costOre: cost.ore });
    }
  }
  if (problems.length) throw new InputError(problems);
  if (out.length === 0) throw new InputError({ file, line: header.line, message: 'Filen har inga utfallsrader under rubrikraden.' });
  return out;
}

/** RFC 4180-style CSV with ';' or ',' (detected from the header line), optional BOM, CRLF or LF. */
export function readCsvRows(text: string): RawRow[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: RawRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === sep) cells.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      cells.push(field);
      rows.push({ line: rowLine, cells });
      cells = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || cells.length) rows.push({ line: rowLine, cells: [...cells, field] });
  return rows;
}

/** The first worksheet's rows with their Excel row numbers. InputError when the bytes are not an XLSX file. */
export async function readXlsxRows(data: Uint8Array, file: string): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new InputError({ file, message: 'Filen är inte en giltig XLSX-fil (Excel-arbetsbok).' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new InputError({ file, message: 'Arbetsboken har inget blad.' });
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cell.value as RawCell;
    });
    rows.push({ line: n, cells });
  });
  return rows;
}
