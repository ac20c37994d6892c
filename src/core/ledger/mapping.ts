import { inAccountRange } from './classification.ts';

/**
 * A rule mapping ledger rows to a budget line: an account range (one account when from = to), a dimension
 * object (cost centre, project …), or both (the object's rows within the range).
 */
export interface MappingRule {
  readonly id: number;
  readonly budgetLineId: number;
  readonly accountFrom: string | null;
  readonly accountTo: string | null;
  readonly dimension: string | null;
  readonly objectCode: string | null;
}

export function ruleMatches(rule: MappingRule, account: string, objects: Readonly<Record<string, string>> | null): boolean {
  if (rule.accountFrom !== null && rule.accountTo !== null && !inAccountRange(account, rule.accountFrom, rule.accountTo)) return false;
  if (rule.dimension !== null && (!objects || objects[rule.dimension] !== rule.objectCode)) return false;
  return true;
}

/** Sort key: larger is more specific. Object + range > object > single account > narrow range > wide range. */
function specificity(rule: MappingRule): [number, number, number, number] {
  const hasObject = rule.dimension !== null ? 1 : 0;
  const hasRange = rule.accountFrom !== null ? 1 : 0;
  const digits = rule.accountFrom?.length ?? 0;
  const span = rule.accountFrom !== null ? Number(rule.accountTo) - Number(rule.accountFrom) : Number.MAX_SAFE_INTEGER;
  return [hasObject, hasRange, digits, -span];
}

/**
 * The budget line a ledger row belongs to: the most specific matching rule (ties: the rule made first).
 * Null when no rule matches — the caller lists such rows as unmapped, never drops them.
 */
export function resolveBudgetLine(rules: readonly MappingRule[], account: string, objects: Readonly<Record<string, string>> | null): number | null {
  let best: MappingRule | null = null;
  let bestKey: [number, number, number, number] | null = null;
  for (const r of rules) {
    if (!ruleMatches(r, account, objects)) continue;
    const key = specificity(r);
    if (!bestKey || compare(key, bestKey) > 0 || (compare(key, bestKey) === 0 && r.id < best!.id)) {
      best = r;
      bestKey = key;
    }
  }
  return best ? best.budgetLineId : null;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** One aggregated group of ledger rows: account, objects, month (1–12, null when only the year total is known). */
export interface LedgerAmount {
  readonly account: string;
  readonly objects: Readonly<Record<string, string>> | null;
  readonly month: number | null;
  /** Debit positive. */
  readonly amountOre: number;
}

export interface LineOutcome {
  readonly budgetLineId: number;
  incomeOre: number;
  costOre: number;
  /** Per month 1–12 (index 0 = January); empty when the ledger has no vouchers. */
  readonly months: { incomeOre: number; costOre: number }[];
}

export interface UnmappedAmount {
  readonly account: string;
  readonly objects: Readonly<Record<string, string>> | null;
  readonly incomeOre: number;
  readonly costOre: number;
}

/**
 * Outcome per budget line (and month) from ledger amounts on operating accounts: income is the credit of an
 * income account, cost the debit of a cost account (a refund makes it negative). Rows no rule maps are summed
 * per account and object set into `unmapped`.
 */
export function outcomeByBudgetLine(
  amounts: readonly LedgerAmount[],
  rules: readonly MappingRule[],
  kindOf: (account: string) => 'income' | 'cost' | null,
): { lines: LineOutcome[]; unmapped: UnmappedAmount[] } {
  const lines = new Map<number, LineOutcome>();
  const unmapped = new Map<string, { account: string; objects: Readonly<Record<string, string>> | null; incomeOre: number; costOre: number }>();
  for (const a of amounts) {
    const kind = kindOf(a.account);
    if (!kind) continue;
    const income = kind === 'income' ? -a.amountOre : 0;
    const cost = kind === 'cost' ? a.amountOre : 0;
    const lineId = resolveBudgetLine(rules, a.account, a.objects);
    if (lineId === null) {
      const key = `${a.account}|${a.objects ? JSON.stringify(Object.entries(a.objects).sort()) : ''}`;
      const u = unmapped.get(key) ?? { account: a.account, objects: a.objects, incomeOre: 0, costOre: 0 };
      u.incomeOre += income;
      u.costOre += cost;
      unmapped.set(key, u);
      continue;
    }
    let line = lines.get(lineId);
    if (!line) {
      line = { budgetLineId: lineId, incomeOre: 0, costOre: 0, months: [] };
      lines.set(lineId, line);
    }
    line.incomeOre += income;
    line.costOre += cost;
    if (a.month !== null) {
      if (line.months.length === 0) for (let m = 0; m < 12; m++) line.months.push({ incomeOre: 0, costOre: 0 });
      line.months[a.month - 1]!.incomeOre += income;
      line.months[a.month - 1]!.costOre += cost;
    }
  }
  const nonZero = [...unmapped.values()].filter((u) => u.incomeOre !== 0 || u.costOre !== 0);
  return { lines: [...lines.values()], unmapped: nonZero.sort((x, y) => x.account.localeCompare(y.account)) };
}

/**
 * The ledger amounts that make up one budget line's outcome (the drill-down from a figure to its source): those
 * on operating accounts (`kindOf` not null) whose most specific rule maps them to the line. The same choice as
 * outcomeByBudgetLine makes, so the amounts shown add up to the line's figure.
 */
export function amountsOfLine<T extends LedgerAmount>(
  amounts: readonly T[],
  rules: readonly MappingRule[],
  kindOf: (account: string) => 'income' | 'cost' | null,
  budgetLineId: number,
): T[] {
  const line = new Map<string, boolean>();
  return amounts.filter((a) => {
    if (!kindOf(a.account)) return false;
    const key = `${a.account}|${a.objects ? JSON.stringify(Object.entries(a.objects).sort()) : ''}`;
    let mine = line.get(key);
    if (mine === undefined) line.set(key, (mine = resolveBudgetLine(rules, a.account, a.objects) === budgetLineId));
    return mine;
  });
}
