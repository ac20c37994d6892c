/**
 * Outcome (utfall) per budget line and month: reading one year's counted outcome (the outcome page and API),
 * and writing it. Sources: 'manual' (entered), 'file' (XLSX/CSV import), 'reference' (reference JSON: one entry
 * per line in month 12), 'ledger' (SIE bookkeeping through the account mapping, src/services/ledger/economy-link.ts).
 * Which rows count — the rule against double counting — lives in the core (src/core/economy/outcomeSources.ts)
 * and nowhere else; the year's figures read outcome through src/services/economy/yearFacts.ts.
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { yearOutcome, type OutcomeSource, type YearOutcome } from '../../core/economy/outcomeSources.ts';
import type { MonthlyOutcome } from '../../core/economy/types.ts';
import { lineMap } from './lines.ts';
import { getFiscalYear } from './years.ts';

export type { OutcomeSource, YearOutcome } from '../../core/economy/outcomeSources.ts';

/** One year's counted outcome (one query: the rows and whether the year was imported from SIE). */
export async function loadYearOutcome(q: Queryable, federationId: number, year: number): Promise<YearOutcome> {
  const rows = await q.query<MonthlyOutcome & { source: OutcomeSource; ledger: boolean }>(
    `select budget_line_id as "lineId", month, income_ore as "incomeOre", cost_ore as "costOre", source, false as ledger
     from outcome_entry where federation_id = $1 and year = $2
     union all
     select 0, 0, 0, 0, 'ledger', true where exists (select 1 from ledger_year where federation_id = $1 and state = 'active' and extract(year from start_date) = $2)`,
    [federationId, year],
  );
  const ledgerImported = rows.some((r) => r.ledger);
  return yearOutcome(year, rows.filter((r) => !r.ledger), ledgerImported);
}

export interface OutcomeEntryInput {
  readonly lineId: number;
  readonly month: number;
  readonly incomeOre: number;
  readonly costOre: number;
}

export function validateOutcomeEntry(e: OutcomeEntryInput, prefix = ''): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(e.month) || e.month < 1 || e.month > 12) problems.push({ field: `${prefix}month`, message: 'Månaden ska vara 1–12.' });
  if (!Number.isSafeInteger(e.incomeOre)) problems.push({ field: `${prefix}income`, message: 'Intäkten ska vara ett belopp.' });
  if (!Number.isSafeInteger(e.costOre)) problems.push({ field: `${prefix}cost`, message: 'Kostnaden ska vara ett belopp.' });
  return problems;
}

/**
 * Replaces all of one source's outcome rows of a year, inside an open transaction (importers: a re-import
 * replaces, never adds). Several entries for the same line and month are summed.
 */
export async function replaceOutcome(tx: Queryable, federationId: number, year: number, source: OutcomeSource, entries: readonly OutcomeEntryInput[]): Promise<void> {
  const problems = entries.flatMap((e, i) => validateOutcomeEntry(e, `[${i}].`));
  if (problems.length) throw new InputError(problems);
  const known = await lineMap(tx, federationId);
  const unknown = entries.flatMap((e, i) => (known.has(e.lineId) ? [] : [{ field: `[${i}].lineId`, message: 'Budgetposten finns inte.' }]));
  if (unknown.length) throw new InputError(unknown);
  await tx.query('delete from outcome_entry where federation_id = $1 and year = $2 and source = $3', [federationId, year, source]);
  const summed = new Map<string, OutcomeEntryInput>();
  for (const e of entries) {
    const k = `${e.lineId}:${e.month}`;
    const s = summed.get(k);
    summed.set(k, s ? { ...e, incomeOre: s.incomeOre + e.incomeOre, costOre: s.costOre + e.costOre } : e);
  }
  for (const e of summed.values()) {
    await tx.query(
      'insert into outcome_entry (federation_id, year, month, budget_line_id, income_ore, cost_ore, source) values ($1, $2, $3, $4, $5, $6, $7)',
      [federationId, year, e.month, e.lineId, e.incomeOre, e.costOre, source],
    );
  }
}

/** One cell of the outcome (year, month, budget line) with its amounts. */
export interface OutcomeCell {
  readonly year: number;
  readonly month: number;
  readonly lineId: number;
  readonly incomeOre: number;
  readonly costOre: number;
}

/** The cells earlier outcome files set for these years, keyed `year|month|lineId` (to show what a new file changes). */
export async function fileOutcomeCells(q: Queryable, federationId: number, years: readonly number[]): Promise<Map<string, { incomeOre: number; costOre: number }>> {
  const rows = await q.query<OutcomeCell>(
    `select year, month, budget_line_id as "lineId", income_ore as "incomeOre", cost_ore as "costOre" from outcome_entry
     where federation_id = $1 and source = 'file' and year = any($2::int[])`,
    [federationId, years],
  );
  return new Map(rows.map((e) => [`${e.year}|${e.month}|${e.lineId}`, { incomeOre: Number(e.incomeOre), costOre: Number(e.costOre) }]));
}

/**
 * Writes an outcome file's cells over the same cells of earlier files (source 'file'), leaving every other
 * month and line as it is, inside an open transaction (the outcome import). The import is recorded (file
 * name, who, when: outcome_import) and each cell whose amounts change points at it and at its row in the file
 * (`fileRow`); a cell the file leaves unchanged keeps pointing at the file that set it. Returns the import's id.
 */
export async function saveFileOutcomeCells(
  tx: Queryable,
  federationId: number,
  file: { readonly name: string; readonly rows: number },
  cells: readonly (OutcomeCell & { readonly fileRow: number })[],
  actor: Actor,
): Promise<number> {
  const changed = [];
  const existing = await fileOutcomeCells(tx, federationId, [...new Set(cells.map((c) => c.year))]);
  for (const c of cells) {
    const before = existing.get(`${c.year}|${c.month}|${c.lineId}`);
    if (!before || before.incomeOre !== c.incomeOre || before.costOre !== c.costOre) changed.push(c);
  }
  const [imp] = await tx.query<{ id: number }>(
    'insert into outcome_import (federation_id, file_name, imported_by, row_count, changed_count) values ($1, $2, $3, $4, $5) returning id',
    [federationId, file.name, actor.id, file.rows, changed.length],
  );
  for (const c of changed) {
    await tx.query(
      `insert into outcome_entry (federation_id, year, month, budget_line_id, income_ore, cost_ore, source, import_id, source_row) values ($1, $2, $3, $4, $5, $6, 'file', $7, $8)
       on conflict (federation_id, year, month, budget_line_id, source) do update
         set income_ore = excluded.income_ore, cost_ore = excluded.cost_ore, import_id = excluded.import_id, source_row = excluded.source_row`,
      [federationId, c.year, c.month, c.lineId, c.incomeOre, c.costOre, imp!.id, c.fileRow],
    );
  }
  return imp!.id;
}

/** Enters (or corrects) the manual outcome of one line in one month. The year and line must exist. */
export async function saveOutcomeEntry(db: Database, federationId: number, year: number, entry: OutcomeEntryInput, actor: Actor): Promise<void> {
  const problems = validateOutcomeEntry(entry);
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    await getFiscalYear(tx, federationId, year);
    if (!(await lineMap(tx, federationId)).has(entry.lineId)) throw new InputError({ field: 'lineId', message: 'Budgetposten finns inte.' });
    await tx.query(
      `insert into outcome_entry (federation_id, year, month, budget_line_id, income_ore, cost_ore, source) values ($1, $2, $3, $4, $5, $6, 'manual')
       on conflict (federation_id, year, month, budget_line_id, source) do update set income_ore = excluded.income_ore, cost_ore = excluded.cost_ore`,
      [federationId, year, entry.month, entry.lineId, entry.incomeOre, entry.costOre],
    );
  }, actor);
}
