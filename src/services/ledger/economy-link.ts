/**
 * Where the ledger (SIE) meets the economy area (driftredovisning, key figures):
 *  - The outcome per budget line and month of a year imported from SIE is written as the 'ledger' source of
 *    outcome_entry, the table economy's loadYearOutcome reads; for such a year only the ledger counts (see
 *    src/services/economy/outcome.ts), so manual or file outcome and the SIE file never double count.
 *    It is rewritten whenever the year is imported again and whenever the mapping changes.
 *  - Key figures of a year with a ledger take income, costs, financial items, result, equity and soliditet
 *    from the ledger's accounts (ledgerKeyFigureFacts), whether or not the accounts are mapped.
 */
import type { Queryable } from '../../db/database.ts';
import { ratio } from '../../core/rounding.ts';
import type { KeyFigures } from '../../core/economy/keyFigures.ts';
import { replaceOutcome } from '../economy/outcome.ts';
import { loadLedgerOutcome } from './mapping.ts';
import { ledgerStatements } from './statements.ts';

/** Whether the year was imported from SIE (its own file, #RAR 0). */
export async function hasLedgerYear(q: Queryable, federationId: number, year: number): Promise<boolean> {
  const rows = await q.query('select 1 from ledger_year where federation_id = $1 and extract(year from start_date) = $2', [federationId, year]);
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
  const years = await tx.query<{ year: number }>('select extract(year from start_date)::int as year from ledger_year where federation_id = $1', [federationId]);
  for (const y of years) await syncLedgerOutcome(tx, federationId, y.year);
}

export interface LedgerKeyFigureFacts {
  readonly operatingIncomeOre: number;
  readonly operatingCostOre: number;
  readonly financialIncomeOre: number;
  readonly financialCostOre: number;
  readonly resultOre: number;
  readonly openingEquityOre: number;
  readonly equityClosingOre: number;
  readonly totalAssetsOre: number;
  readonly equityRatio: number | null;
}

/** The key-figure facts of a year from the ledger alone (its own import or a later file's previous year); null without one. */
export async function ledgerKeyFigureFacts(q: Queryable, federationId: number, year: number): Promise<LedgerKeyFigureFacts | null> {
  const s = await ledgerStatements(q, federationId, year);
  if (!s) return null;
  const { income, balance } = s.current;
  return {
    operatingIncomeOre: income.operatingIncomeOre,
    operatingCostOre: income.operatingCostOre,
    financialIncomeOre: income.financialIncomeOre,
    financialCostOre: income.financialCostOre,
    resultOre: income.resultOre,
    openingEquityOre: balance.openingEquityOre,
    equityClosingOre: balance.equityOre,
    totalAssetsOre: balance.totalAssetsOre,
    equityRatio: balance.totalAssetsOre > 0 ? ratio(balance.equityOre, balance.totalAssetsOre, 4) : null,
  };
}

/** The financial items of a year from the ledger, for the driftredovisning; null without a ledger. */
export async function ledgerFinancial(q: Queryable, federationId: number, year: number): Promise<{ incomeOre: number; costOre: number } | null> {
  const f = await ledgerKeyFigureFacts(q, federationId, year);
  return f ? { incomeOre: f.financialIncomeOre, costOre: f.financialCostOre } : null;
}

/**
 * Key figures with the ledger's figures in place of those computed from outcome lines and entered facts.
 * Cost shares stay those of the mapped outcome (null until accounts are mapped to budget lines).
 */
export function withLedgerFigures(k: KeyFigures, ledger: LedgerKeyFigureFacts | null, allocationOre: number | null): KeyFigures {
  if (!ledger) return k;
  return {
    ...k,
    operatingIncomeOre: ledger.operatingIncomeOre,
    operatingCostOre: ledger.operatingCostOre,
    operatingResultOre: ledger.operatingIncomeOre - ledger.operatingCostOre,
    financialIncomeOre: ledger.financialIncomeOre,
    financialCostOre: ledger.financialCostOre,
    resultOre: ledger.resultOre,
    equityClosingOre: ledger.equityClosingOre,
    equityShareOfAllocation: allocationOre ? ratio(ledger.equityClosingOre, allocationOre, 4) : null,
    equityRatio: ledger.equityRatio,
  };
}
