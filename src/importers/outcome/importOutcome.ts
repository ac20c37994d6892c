/**
 * `npx samordna import outcome FILE --federation NAME`: outcome per line and month from an XLSX or CSV file
 * in the template's shape (docs/outcome-template.md). All or nothing: every row is checked (format, year
 * exists, budget line exists, no duplicates) before the file's rows replace the earlier file import of the
 * same years (source 'file'), in one transaction.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Actor, Database } from '../../db/database.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { listBudgetLines } from '../../services/economy/lines.ts';
import { replaceOutcome } from '../../services/economy/outcome.ts';
import { listFiscalYears } from '../../services/economy/years.ts';
import { parseOutcomeRows, readCsvRows, readXlsxRows, type RawRow } from './parseOutcome.ts';

export interface OutcomeImportResult {
  readonly rows: number;
  readonly years: readonly number[];
}

/** Reads the rows of an .xlsx or .csv file; InputError for other files or an XLSX that is not one. */
export async function readOutcomeFile(data: Uint8Array, file: string): Promise<RawRow[]> {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsxRows(data, file);
  if (ext === '.csv' || ext === '.txt') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(data);
    if (text.includes('\u0000') || (data[0] === 0x50 && data[1] === 0x4b)) throw new InputError({ file, message: 'Filen är inte en textfil (CSV).' });
    return readCsvRows(text, file);
  }
  throw new InputError({ file, message: 'Ange en .xlsx- eller .csv-fil enligt mallen.' });
}

export async function importOutcomeData(db: Database, federationId: number, data: Uint8Array, file: string, actor: Actor): Promise<OutcomeImportResult> {
  const rows = parseOutcomeRows(await readOutcomeFile(data, file), file);
  return db.transaction(async (tx) => {
    const years = new Set((await listFiscalYears(tx, federationId)).map((y) => y.year));
    const lines = new Map((await listBudgetLines(tx, federationId)).map((l) => [`${l.section}|${l.label}`, l.id]));
    const problems: InputProblem[] = [];
    for (const r of rows) {
      if (!years.has(r.year)) problems.push({ file, line: r.line, field: 'år', message: `Året ${r.year} finns inte för förbundet.` });
      if (!lines.has(`${r.section}|${r.label}`)) problems.push({ file, line: r.line, field: 'budgetpost', message: `Budgetposten "${r.label}" finns inte i det avsnittet; lägg till den i budgeten först.` });
    }
    if (problems.length) throw new InputError(problems);
    const fileYears = [...new Set(rows.map((r) => r.year))].sort();
    for (const y of fileYears) {
      await replaceOutcome(
        tx,
        federationId,
        y,
        'file',
        rows.filter((r) => r.year === y).map((r) => ({ lineId: lines.get(`${r.section}|${r.label}`)!, month: r.month, incomeOre: r.incomeOre, costOre: r.costOre })),
      );
    }
    return { rows: rows.length, years: fileYears };
  }, actor);
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
