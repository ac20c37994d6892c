/**
 * Reading the förbund's account mapping and the ledger's outcome per budget line through it. Kept apart from
 * mapping.ts (which writes the mapping and then re-syncs through economy-link.ts) so that no module imports
 * itself round the ledger's services.
 */
import { classify } from '../../core/ledger/classification.ts';
import { outcomeByBudgetLine, type LineOutcome, type MappingRule, type UnmappedAmount } from '../../core/ledger/mapping.ts';
import type { Queryable } from '../../db/database.ts';
import { parseInt8 } from '../../db/database.ts';
import { findLedgerYear, loadAccountBalances, loadClassRanges } from './statements.ts';

export interface MappingRow extends MappingRule {
  readonly budgetLineLabel: string;
  readonly budgetLineSection: string;
}

export async function listMappings(db: Queryable, federationId: number): Promise<MappingRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `select m.id, m.budget_line_id, m.account_from, m.account_to, m.dimension, m.object_code, b.label, b.section
     from ledger_mapping m join budget_line b on b.federation_id = m.federation_id and b.id = m.budget_line_id
     where m.federation_id = $1 order by b.sort_order, b.label, m.id`,
    [federationId],
  );
  return rows.map((r) => ({
    id: r.id as number,
    budgetLineId: r.budget_line_id as number,
    accountFrom: (r.account_from as string | null) ?? null,
    accountTo: (r.account_to as string | null) ?? null,
    dimension: (r.dimension as string | null) ?? null,
    objectCode: (r.object_code as string | null) ?? null,
    budgetLineLabel: r.label as string,
    budgetLineSection: r.section as string,
  }));
}

export interface LedgerOutcome {
  readonly year: number;
  /** vouchers: per month from the transactions; balances: year totals only (a file without #VER). */
  readonly source: 'vouchers' | 'balances';
  readonly lines: LineOutcome[];
  readonly unmapped: UnmappedAmount[];
}

/**
 * Outcome per budget line (per month when the ledger has vouchers) of a year, from the ledger through the
 * förbund's mapping; null when there is no ledger for the year. Operating accounts only (classes 3–7 by
 * default); financial items are not budget lines.
 */
export async function loadLedgerOutcome(db: Queryable, federationId: number, year: number): Promise<LedgerOutcome | null> {
  const ref = await findLedgerYear(db, federationId, year);
  if (!ref) return null;
  const ranges = await loadClassRanges(db, federationId);
  const rules = await listMappings(db, federationId);
  const kindOf = (account: string) => {
    const c = classify(account, ranges);
    return c === 'operating_income' ? 'income' : c === 'operating_cost' ? 'cost' : null;
  };
  let source: LedgerOutcome['source'] = 'balances';
  let amounts: { account: string; objects: Record<string, string> | null; month: number | null; amountOre: number }[] = [];
  if (ref.yearIndex === 0) {
    // The import's sums per account, objects and month (ledger_month_total), not the transaction rows themselves.
    const rows = await db.query<{ account: string; objects: string | null; month: number; amount: string }>(
      `select account, objects::text as objects, month, sum(amount_ore)::text as amount
       from ledger_month_total where federation_id = $1 and year_id = $2
       group by account, objects::text, month`,
      [federationId, ref.yearId],
    );
    if (rows.length) {
      source = 'vouchers';
      amounts = rows.map((r) => ({ account: r.account, objects: r.objects ? JSON.parse(r.objects) : null, month: r.month, amountOre: parseInt8(r.amount) }));
    }
  }
  if (source === 'balances') {
    amounts = (await loadAccountBalances(db, federationId, ref)).map((b) => ({ account: b.account, objects: null, month: null, amountOre: b.closingOre - b.openingOre }));
  }
  const { lines, unmapped } = outcomeByBudgetLine(amounts, rules, kindOf);
  return { year, source, lines, unmapped };
}

