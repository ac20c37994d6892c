/**
 * Which outcome rows count, per year (see src/services/economy/outcome.ts): the ledger alone when present;
 * otherwise one bulk source ('file' before 'reference') with 'manual' entries replacing it per line and month.
 */
export type OutcomeSource = 'manual' | 'file' | 'reference' | 'ledger';

/** Applies the rule above to the rows of one year . */
export function selectCountedRows<T extends { lineId: number; month: number; source: OutcomeSource }>(rows: readonly T[]): T[] {
  if (rows.some((r) => r.source === 'ledger')) return rows.filter((r) => r.source === 'ledger');
  const bulk: OutcomeSource = rows.some((r) => r.source === 'file') ? 'file' : 'reference';
  const manual = rows.filter((r) => r.source === 'manual');
  const overridden = new Set(manual.map((r) => `${r.lineId}:${r.month}`));
  return [...rows.filter((r) => r.source === bulk && !overridden.has(`${r.lineId}:${r.month}`)), ...manual];
}

