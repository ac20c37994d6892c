/**
 * Outcome (utfall) per budget line and month. loadYearOutcome is the ONE read path: every report, key figure
 * and forecast reads outcome through it. Sources: 'manual' (entered), 'file' (XLSX/CSV import), 'reference'
 * (reference JSON: one entry per line in month 12), 'ledger' (SIE bookkeeping, a later area).
 *
 * Rule against double counting, per year:
 *   1. When the year has any 'ledger' rows, only the ledger counts.
 *   2. Otherwise ONE bulk source counts: 'file' if the year has file rows, else 'reference'; and a 'manual'
 *      entry replaces the bulk source's amount for the same line and month (entries for other months add).
 * Each import replaces its own source's rows for the years it holds, so a re-import never adds.
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import type { LineAmounts, MonthlyOutcome } from '../../core/economy/types.ts';
import { selectCountedRows, type OutcomeSource } from '../../core/economy/outcomeSources.ts';
import { lineMap } from './lines.ts';
import { getFiscalYear } from './years.ts';
import { hasLedgerYear } from '../ledger/economy-link.ts';

export type { OutcomeSource } from '../../core/economy/outcomeSources.ts';

export interface YearOutcome {
  readonly year: number;
  /** Per line and month (summed over the sources that count). */
  readonly monthly: readonly MonthlyOutcome[];
  /** Per line for the whole year. */
  readonly byLine: readonly LineAmounts[];
  /** The sources that counted. */
  readonly sources: readonly OutcomeSource[];
}

export async function loadYearOutcome(q: Queryable, federationId: number, year: number): Promise<YearOutcome> {
  const rows = await q.query<MonthlyOutcome & { source: OutcomeSource }>(
    `select budget_line_id as "lineId", month, income_ore as "incomeOre", cost_ore as "costOre", source
     from outcome_entry where federation_id = $1 and year = $2 order by budget_line_id, month`,
    [federationId, year],
  );
  // A year imported from SIE takes its outcome from the ledger alone, mapped or not (src/services/ledger/economy-link.ts).
  const counted = (await hasLedgerYear(q, federationId, year)) ? rows.filter((r) => r.source === 'ledger') : selectCountedRows(rows);
  const monthly = new Map<string, { lineId: number; month: number; incomeOre: number; costOre: number }>();
  const byLine = new Map<number, { lineId: number; incomeOre: number; costOre: number }>();
  for (const r of counted) {
    const k = `${r.lineId}:${r.month}`;
    const m = monthly.get(k) ?? { lineId: r.lineId, month: r.month, incomeOre: 0, costOre: 0 };
    m.incomeOre += r.incomeOre;
    m.costOre += r.costOre;
    monthly.set(k, m);
    const l = byLine.get(r.lineId) ?? { lineId: r.lineId, incomeOre: 0, costOre: 0 };
    l.incomeOre += r.incomeOre;
    l.costOre += r.costOre;
    byLine.set(r.lineId, l);
  }
  return { year, monthly: [...monthly.values()], byLine: [...byLine.values()], sources: [...new Set(counted.map((r) => r.source))] };
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
