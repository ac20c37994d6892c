/**
 * Which outcome rows count, per year — the ONE source rule (no double counting):
 *   1. A year imported from SIE (its own file, #RAR 0) takes its outcome from the ledger alone, mapped or not:
 *      manual, file and reference rows of that year are ignored, and unmapped accounts simply add nothing.
 *   2. Otherwise, when the year has any 'ledger' rows, only they count.
 *   3. Otherwise ONE bulk source counts: 'file' if the year has file rows, else 'reference'; a 'manual' entry
 *      replaces the bulk source's amount for the same line and month (entries for other months add).
 * Each import replaces its own source's rows for the years it holds, so a re-import never adds.
 */
import type { LineAmounts, MonthlyOutcome } from './types.ts';

export type OutcomeSource = 'manual' | 'file' | 'reference' | 'ledger';

/** Applies rules 2–3 to the rows of one year (rule 1 needs to know about the import: countedOutcomeRows). */
export function selectCountedRows<T extends { lineId: number; month: number; source: OutcomeSource }>(rows: readonly T[]): T[] {
  if (rows.some((r) => r.source === 'ledger')) return rows.filter((r) => r.source === 'ledger');
  const bulk: OutcomeSource = rows.some((r) => r.source === 'file') ? 'file' : 'reference';
  const manual = rows.filter((r) => r.source === 'manual');
  const overridden = new Set(manual.map((r) => `${r.lineId}:${r.month}`));
  return [...rows.filter((r) => r.source === bulk && !overridden.has(`${r.lineId}:${r.month}`)), ...manual];
}

/** The whole rule for one year's rows; `ledgerImported`: the year was imported from SIE itself. */
export function countedOutcomeRows<T extends { lineId: number; month: number; source: OutcomeSource }>(rows: readonly T[], ledgerImported: boolean): T[] {
  return ledgerImported ? rows.filter((r) => r.source === 'ledger') : selectCountedRows(rows);
}

export interface YearOutcome {
  readonly year: number;
  /** Per line and month (summed over the sources that count). */
  readonly monthly: readonly MonthlyOutcome[];
  /** Per line for the whole year. */
  readonly byLine: readonly LineAmounts[];
  /** The sources that counted. */
  readonly sources: readonly OutcomeSource[];
}

/** A year's outcome: the counted rows summed per line and month and per line. */
export function yearOutcome(year: number, rows: readonly (MonthlyOutcome & { source: OutcomeSource })[], ledgerImported: boolean): YearOutcome {
  const counted = countedOutcomeRows(rows, ledgerImported);
  const monthly = new Map<string, { lineId: number; month: number; incomeOre: number; costOre: number }>();
  const byLine = new Map<number, { lineId: number; incomeOre: number; costOre: number }>();
  for (const r of [...counted].sort((a, b) => a.lineId - b.lineId || a.month - b.month)) {
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
