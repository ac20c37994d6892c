/**
 * Where the ledger (SIE) meets the economy area (driftredovisning, key figures):
 *  - The outcome per budget line and month of a year imported from SIE is written as the 'ledger' source of
 *    outcome_entry; for such a year only the ledger counts (the source rule in src/core/economy/outcomeSources.ts),
 *    so manual or file outcome and the SIE file never double count. It is rewritten whenever the year is
 *    imported again and whenever the mapping changes.
 *  - Key figures of a year with a ledger take income, costs, financial items, result, equity and soliditet
 *    from the ledger's accounts, whether or not they are mapped: that rule is the core's
 *    (src/core/economy/yearFigures.ts, withLedgerFigures), fed by src/services/economy/yearFacts.ts.
 */
import type { Queryable } from '../../db/database.ts';
import { replaceOutcome } from '../economy/outcome.ts';
import { loadLedgerOutcome } from './ledgerOutcome.ts';

/** Whether the year was imported from SIE (its own file, #RAR 0). */
export async function hasLedgerYear(q: Queryable, federationId: number, year: number): Promise<boolean> {
  const rows = await q.query("select 1 from ledger_year where federation_id = $1 and state = 'active' and extract(year from start_date) = $2", [federationId, year]);
  return rows.length > 0;
}

/** Rewrites the 'ledger' outcome rows of one imported year from the vouchers through the mapping (inside a transaction). */
export async function syncLedgerOutcome(tx: Queryable, federationId: number, year: number): Promise<void> {
  if (!(await hasLedgerYear(tx, federationId, year))) return;
  await tx.query('insert into fiscal_year (federation_id, year) values ($1, $2) on conflict do nothing', [federationId, year]);
  const outcome = await loadLedgerOutcome(tx, federationId, year);
  const entries = (outcome?.lines ?? []).flatMap((l) =>
    l.months.length
      ? l.months.flatMap((m, i) => (m.incomeOre || m.costOre ? [{ lineId: l.budgetLineId, month: i + 1, incomeOre: m.incomeOre, costOre: m.costOre }] : []))
      : [{ lineId: l.budgetLineId, month: 12, incomeOre: l.incomeOre, costOre: l.costOre }],
  );
  await replaceOutcome(tx, federationId, year, 'ledger', entries);
}

/** After a mapping change: every imported year of the förbund. */
export async function syncAllLedgerOutcome(tx: Queryable, federationId: number): Promise<void> {
  const years = await tx.query<{ year: number }>("select extract(year from start_date)::int as year from ledger_year where federation_id = $1 and state = 'active'", [federationId]);
  for (const y of years) await syncLedgerOutcome(tx, federationId, y.year);
}
