/** Test helper: the whole economy state of the database as one string, to prove a failed write changed nothing. */
import type { Queryable } from '../../db/database.ts';

export const economyTables = [
  'federation',
  'member',
  'budget_line',
  'fiscal_year',
  'year_summary',
  'allocation_key',
  'allocation_key_weight',
  'contribution',
  'budget_amount',
  'budget_revision',
  'budget_revision_line',
  'outcome_entry',
] as const;

const replacedRows = new Set(['contribution', 'outcome_entry']);

export async function economySnapshot(q: Queryable): Promise<string> {
  const parts: string[] = [];
  for (const t of economyTables) {
    const rows = await q.query<Record<string, unknown>>(`select * from ${t}`);
    // Rows an import replaces get new surrogate ids: compare them by content.
    if (replacedRows.has(t)) rows.forEach((r) => delete r.id);
    parts.push(`${t}:${JSON.stringify(rows.map((r) => JSON.stringify(r, (_k, v) => (v instanceof Date ? v.toISOString() : v))).sort())}`);
  }
  return parts.join('\n');
}
