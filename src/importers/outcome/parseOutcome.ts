/**
 * Outcome rows from a CSV or XLSX file in the template's shape. Every problem names file, line (the row
 * number in the file) and field (the column heading); nothing is returned unless every row is valid.
 */
import { cellText, type RawCell, type RawRow } from '../tabular/cells.ts';
import { parseCsv } from '../tabular/csv.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { parseKronor } from '../../core/input/index.ts';
import type { Section } from '../../core/economy/types.ts';
import { outcomeColumns, sectionFromText, type OutcomeColumn } from './outcomeTemplate.ts';

export interface OutcomeRow {
  readonly line: number;
  /**
   * The row of the file the user read in, which the outcome's drill-down names: the same as `line`, except in
   * the page's confirmation, whose CSV carries each cell's row of the original file in "rad i filen".
   */
  readonly fileRow: number;
  readonly year: number;
  readonly section: Section;
  readonly label: string;
  readonly month: number;
  readonly incomeOre: number;
  readonly costOre: number;
}

export type { RawCell, RawRow } from '../tabular/cells.ts';

/** The optional column of the page's confirmation CSV: each cell's row in the file first read in. */
export const fileRowHeader = 'rad i filen';

/** Kronor from a cell → öre, or a problem (the boundary's kronor rule, src/core/input); empty = 0. */
export function parseKronorCell(c: RawCell): { ore: number } | { error: string } {
  const r = typeof c === 'number' ? parseKronor(c, { allowNegative: true }) : parseKronor(cellText(c).trim() || '0', { allowNegative: true });
  return r.ok ? { ore: r.value } : { error: r.message };
}

function parseInteger(c: RawCell): number | null {
  const t = cellText(c).trim();
  return /^\d{1,4}$/.test(t) ? Number(t) : null;
}

/** Validates raw rows (the first must be the header row); throws InputError listing every problem. */
export function parseOutcomeRows(rows: readonly RawRow[], file: string): OutcomeRow[] {
  const r = readOutcomeRows(rows, file);
  if (r.problems.length) throw new InputError(r.problems);
  return r.rows;
}

/**
 * The file's valid rows and every problem of the others (file, line, column), so an importer can add its own
 * checks of the valid rows and list all of the file's errors at once. A bad header row stops at the header.
 */
export function readOutcomeRows(rows: readonly RawRow[], file: string): { rows: OutcomeRow[]; problems: InputProblem[] } {
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
  if (problems.length) return { rows: [], problems };
  const at = (r: RawRow, k: OutcomeColumn) => r.cells[index.get(k)!];
  const fileRowAt = headings.indexOf(fileRowHeader);

  const out: OutcomeRow[] = [];
  const seen = new Map<string, number>();
  for (const r of nonEmpty.slice(headerAt + 1)) {
    let rowOk = true;
    const p = (field: string, message: string) => {
      rowOk = false;
      problems.push({ file, line: r.line, field, message });
    };
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
    let fileRow = r.line;
    if (fileRowAt >= 0) {
      const t = cellText(r.cells[fileRowAt]).trim();
      if (!/^[1-9]\d{0,6}$/.test(t)) p(fileRowHeader, 'Ange radnumret i den ursprungliga filen.');
      else fileRow = Number(t);
    }
    if (year !== null && section && label && month !== null && 'ore' in income && 'ore' in cost) {
      const key = `${year}|${section}|${label}|${month}`;
      const first = seen.get(key);
      if (first !== undefined) p('budgetpost', `Samma budgetpost och månad finns redan på rad ${first}.`);
      else seen.set(key, r.line);
      if (rowOk) out.push({ line: r.line, fileRow, year, section, label, month, incomeOre: income.ore, costOre: cost.ore });
    }
  }
  if (out.length === 0 && problems.length === 0) problems.push({ file, line: header.line, message: 'Filen har inga utfallsrader under rubrikraden.' });
  return { rows: out, problems };
}

/** The rows of a CSV text through the importers' one CSV reader. */
export function readCsvRows(text: string, file = 'fil.csv'): RawRow[] {
  return parseCsv(text, file);
}

/** The first worksheet's rows with their Excel row numbers, through the importers' one bounded XLSX reader. */
export { readXlsxRows } from '../tabular/xlsx.ts';
