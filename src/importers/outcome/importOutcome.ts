/**
 * `npx samordna import outcome FILE --federation NAME`: outcome per line and month from an XLSX or CSV file
 * in the template's shape (docs/outcome-template.md). All or nothing: every row is checked (format, year
 * exists, budget line exists, no duplicates) and every error listed; then the file's cells (year, month,
 * line) replace the same cells of earlier file imports (source 'file') and nothing else, in one transaction.
 * The page shows planOutcomeImport's changes (old → new) and asks for confirmation first.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { sectionLabels, type Section } from '../../core/economy/types.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { listBudgetLines } from '../../services/economy/lines.ts';
import { listFiscalYears } from '../../services/economy/years.ts';
import { fileOutcomeCells, saveFileOutcomeCells } from '../../services/economy/outcome.ts';
import { fileRowHeader, readCsvRows, readOutcomeRows, readXlsxRows, type RawRow } from './parseOutcome.ts';

export interface OutcomeImportResult {
  /** The import's row in outcome_import (what the outcome's drill-down and the audit log name). */
  readonly importId: number;
  readonly rows: number;
  readonly years: readonly number[];
  /** Cells whose amounts changed. */
  readonly changed: number;
}

/** Reads the rows of an .xlsx or .csv file (`as`: read as this format whatever the name says); InputError for other files or an XLSX that is not one. */
export async function readOutcomeFile(data: Uint8Array, file: string, as?: 'csv'): Promise<RawRow[]> {
  const ext = as ? `.${as}` : extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxRows(data, file);
  if (ext === '.csv' || ext === '.txt') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
    if (text.includes('\u0000') || (data[0] === 0x50 && data[1] === 0x4b)) throw new InputError({ file, message: 'Filen är inte en textfil (CSV).' });
    return readCsvRows(text, file);
  }
  throw new InputError({ file, message: 'Ange en .xlsx- eller .csv-fil enligt mallen.' });
}

/** One cell of the outcome (year, month, budget line) that a file sets: what it was (from earlier files) and what it becomes. */
export interface OutcomeChange {
  readonly year: number;
  readonly month: number;
  readonly lineId: number;
  /** The row of the file it is on. */
  readonly fileRow: number;
  readonly section: Section;
  readonly label: string;
  /** The earlier file's amounts for the cell, or null when no file had it. */
  readonly before: { readonly incomeOre: number; readonly costOre: number } | null;
  readonly after: { readonly incomeOre: number; readonly costOre: number };
}

export interface OutcomePlan {
  readonly file: string;
  readonly rows: number;
  readonly years: readonly number[];
  /** Every cell of the file, in year, line and month order (unchanged ones have before equal to after). */
  readonly cells: readonly OutcomeChange[];
  /** The cells whose amounts change. */
  readonly changes: readonly OutcomeChange[];
}

/**
 * Reads and checks an outcome file against the förbund (years, budget lines) without writing anything, and
 * says what it would change. Every error in the file is listed (InputError with all problems), not just the first.
 */
export async function planOutcomeImport(db: Queryable, federationId: number, data: Uint8Array, file: string, as?: 'csv'): Promise<OutcomePlan> {
  const read = readOutcomeRows(await readOutcomeFile(data, file, as), file);
  const years = new Set((await listFiscalYears(db, federationId)).map((y) => y.year));
  const lines = new Map((await listBudgetLines(db, federationId)).map((l) => [`${l.section}|${l.label}`, l.id]));
  const problems: InputProblem[] = [...read.problems];
  for (const r of read.rows) {
    if (!years.has(r.year)) problems.push({ file, line: r.line, field: 'år', message: `Året ${r.year} finns inte för förbundet.` });
    if (!lines.has(`${r.section}|${r.label}`)) problems.push({ file, line: r.line, field: 'budgetpost', message: `Budgetposten "${r.label}" finns inte i det avsnittet; lägg till den i budgeten först.` });
  }
  if (problems.length) throw new InputError([...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)));
  const fileYears = [...new Set(read.rows.map((r) => r.year))].sort();
  const existing = await fileOutcomeCells(db, federationId, fileYears);
  const cells = read.rows
    .map((r): OutcomeChange => {
      const lineId = lines.get(`${r.section}|${r.label}`)!;
      return { year: r.year, month: r.month, lineId, fileRow: r.fileRow, section: r.section, label: r.label, before: existing.get(`${r.year}|${r.month}|${lineId}`) ?? null, after: { incomeOre: r.incomeOre, costOre: r.costOre } };
    })
    .sort((a, b) => a.year - b.year || a.lineId - b.lineId || a.month - b.month);
  const changes = cells.filter((c) => !c.before || c.before.incomeOre !== c.after.incomeOre || c.before.costOre !== c.after.costOre);
  return { file, rows: read.rows.length, years: fileYears, cells, changes };
}

/**
 * Imports an outcome file: its cells (year, month, budget line) replace the same cells of earlier files; every
 * other month and line stays (uploading March and then April keeps March). All or nothing, one transaction.
 * The import is recorded (file name, who, when) and every cell it sets points at it and at its row in the
 * file; a cell whose amounts the file leaves unchanged keeps pointing at the file that set them.
 * `named.as`: the data's format when the name is the original file's but the data is not (the page's
 * confirmation posts the previewed cells back as CSV under the name of the XLSX that was read in).
 */
export async function importOutcomeData(db: Database, federationId: number, data: Uint8Array, named: string | { readonly name: string; readonly as: 'csv' }, actor: Actor): Promise<OutcomeImportResult> {
  const file = typeof named === 'string' ? named : named.name;
  const as = typeof named === 'string' ? undefined : named.as;
  return db.transaction(async (tx) => {
    const plan = await planOutcomeImport(tx, federationId, data, file, as);
    const importId = await saveFileOutcomeCells(tx, federationId, { name: file, rows: plan.rows }, plan.cells.map((c) => ({ year: c.year, month: c.month, lineId: c.lineId, fileRow: c.fileRow, ...c.after })), actor);
    return { importId, rows: plan.rows, years: plan.years, changed: plan.changes.length };
  }, actor);
}

/** The file's cells as CSV in the template's shape, to confirm an import after its preview (the page posts it back). */
export function outcomeCellsCsv(cells: readonly OutcomeChange[]): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const kr = (ore: number) => `${ore < 0 ? '-' : ''}${Math.floor(Math.abs(ore) / 100)},${String(Math.abs(ore) % 100).padStart(2, '0')}`;
  const head = `år;avsnitt;budgetpost;månad;intäkt;kostnad;${fileRowHeader}`;
  return [head, ...cells.map((c) => [String(c.year), q(sectionLabels[c.section]), q(c.label), String(c.month), kr(c.after.incomeOre), kr(c.after.costOre), String(c.fileRow)].join(';'))].join('\r\n');
}

export async function importOutcomeFile(db: Database, federationId: number, path: string, actor: Actor): Promise<OutcomeImportResult> {
  let data: Uint8Array;
  try {
    data = await readFile(path);
  } catch (e) {
    throw new InputError({ file: basename(path), message: `Filen kan inte läsas: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
  }
  return importOutcomeData(db, federationId, data, basename(path), actor);
}
