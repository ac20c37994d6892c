/**
 * From a budget line's outcome back to the bookkeeping it came from (issue 28, what the auditor needs): the SIE
 * file that holds the year (name, SHA-256, who read it in and when), the accounts and dimension objects the
 * förbund's mapping sends to the line with their sums per month, and the vouchers (#VER) behind them. The
 * accounts are chosen by the core's mapping rule (amountsOfLine), the same choice that made the line's figure,
 * so what is listed adds up to it.
 */
import { classify } from '../../core/ledger/classification.ts';
import { amountsOfLine } from '../../core/ledger/mapping.ts';
import { formatLocalDateTime } from '../../core/format.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { Queryable } from '../../db/database.ts';
import { parseInt8 } from '../../db/database.ts';
import { listMappings } from './ledgerOutcome.ts';
import { findLedgerYear, loadAccountBalances, loadClassRanges, type LedgerYearRef } from './statements.ts';

/** A file read in: what it was called, its SHA-256 (SIE) and who read it in when (Swedish local time). */
export interface SourceFile {
  readonly importId: number;
  readonly fileName: string;
  readonly sha256: string | null;
  /** The audit trail's actor (e-mail, or "cli", "demo-loader" …) and the person's name when it is an account. */
  readonly importedBy: string;
  readonly importedByName: string | null;
  readonly importedAt: string;
}

export interface TracedObject {
  readonly dimension: string;
  readonly code: string;
  readonly name: string | null;
}

export interface TracedAccount {
  readonly account: string;
  readonly accountName: string | null;
  readonly objects: readonly TracedObject[];
  /** The objects as the ledger stores them (JSON text, null for none): pass back to ledgerLineVouchers. */
  readonly objectsKey: string | null;
  readonly kind: 'income' | 'cost';
  /** Booked per month (debit positive), index 0 = January; empty when the ledger holds only year balances. */
  readonly monthsOre: readonly number[];
  /** Booked in the year (debit positive). */
  readonly totalOre: number;
}

export interface LedgerLineTrace {
  readonly file: SourceFile;
  readonly yearStart: string;
  readonly yearEnd: string;
  /** vouchers: per month from the file's #VER; balances: the file has year balances only (SIE types 1–3). */
  readonly basis: 'vouchers' | 'balances';
  readonly accounts: readonly TracedAccount[];
}

/**
 * The ledger's side of one budget line in one year; null when the year was not imported from SIE itself (a
 * year known only as a later file's previous year takes its outcome from elsewhere: the source rule).
 */
export async function traceLedgerLine(db: Queryable, federationId: number, year: number, budgetLineId: number): Promise<LedgerLineTrace | null> {
  const ref = await findLedgerYear(db, federationId, year);
  if (!ref || ref.yearIndex !== 0) return null;
  const [file, { basis, mine, kindOf }] = await Promise.all([ledgerFile(db, federationId, ref.yearId), lineAmounts(db, federationId, ref, budgetLineId)]);
  const byKey = new Map<string, { account: string; objectsKey: string | null; objects: Record<string, string> | null; months: number[]; total: number }>();
  for (const a of mine) {
    const k = `${a.account}\u0000${a.objectsKey ?? ''}`;
    let t = byKey.get(k);
    if (!t) byKey.set(k, (t = { account: a.account, objectsKey: a.objectsKey, objects: a.objects, months: basis === 'vouchers' ? new Array<number>(12).fill(0) : [], total: 0 }));
    if (a.month !== null) t.months[a.month - 1]! += a.amountOre;
    t.total += a.amountOre;
  }
  const names = await namesOf(db, federationId, ref.yearId, [...new Set(mine.map((a) => a.account))]);
  const accounts = [...byKey.values()]
    .map((t): TracedAccount => ({
      account: t.account,
      accountName: names.accounts.get(t.account) ?? null,
      objects: Object.entries(t.objects ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([dimension, code]) => ({ dimension, code, name: names.objects.get(`${dimension}\u0000${code}`) ?? null })),
      objectsKey: t.objectsKey,
      kind: kindOf(t.account)!,
      monthsOre: t.months,
      totalOre: t.total,
    }))
    .sort((a, b) => a.account.localeCompare(b.account) || (a.objectsKey ?? '').localeCompare(b.objectsKey ?? ''));
  return { file, yearStart: ref.start, yearEnd: ref.end, basis, accounts };
}

type LineAmount = { account: string; objectsKey: string | null; objects: Record<string, string> | null; month: number | null; amountOre: number };

/** The year's booked amounts (per account, objects and month; year totals for a file without vouchers) that the mapping sends to the line. */
async function lineAmounts(db: Queryable, federationId: number, ref: LedgerYearRef, budgetLineId: number) {
  const [ranges, rules, rows] = await Promise.all([
    loadClassRanges(db, federationId),
    listMappings(db, federationId),
    db.query<{ account: string; objects: string | null; month: number; amount: string }>(
      `select account, objects::text as objects, month, sum(amount_ore)::text as amount
       from ledger_month_total where federation_id = $1 and year_id = $2 group by account, objects::text, month`,
      [federationId, ref.yearId],
    ),
  ]);
  const kindOf = (account: string) => {
    const c = classify(account, ranges);
    return c === 'operating_income' ? 'income' : c === 'operating_cost' ? 'cost' : null;
  };
  const basis: LedgerLineTrace['basis'] = rows.length ? 'vouchers' : 'balances';
  const amounts: LineAmount[] = rows.length
    ? rows.map((r) => ({ account: r.account, objectsKey: r.objects, objects: r.objects ? JSON.parse(r.objects) : null, month: r.month, amountOre: parseInt8(r.amount) }))
    : (await loadAccountBalances(db, federationId, ref)).map((b) => ({ account: b.account, objectsKey: null, objects: null, month: null, amountOre: b.closingOre - b.openingOre }));
  return { basis, kindOf, mine: amountsOfLine(amounts, rules, kindOf, budgetLineId) };
}

async function ledgerFile(db: Queryable, federationId: number, yearId: number): Promise<SourceFile> {
  const [r] = await db.query<{ id: number; file_name: string; sha256: string; imported_by: string; name: string | null; at: string }>(
    `select i.id, i.file_name, i.sha256, i.imported_by, u.display_name as name,
            to_char(i.imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at
     from ledger_year y join ledger_import i on i.federation_id = y.federation_id and i.id = y.import_id
     left join app_user u on u.email = i.imported_by
     where y.federation_id = $1 and y.id = $2`,
    [federationId, yearId],
  );
  if (!r) throw new NotFoundError('Huvudbokens fil finns inte.');
  return { importId: r.id, fileName: r.file_name, sha256: r.sha256, importedBy: r.imported_by, importedByName: r.name, importedAt: formatLocalDateTime(r.at) };
}

async function namesOf(db: Queryable, federationId: number, yearId: number, accounts: readonly string[]) {
  const [acc, obj] = await Promise.all([
    db.query<{ account: string; name: string }>('select account, name from ledger_account where federation_id = $1 and year_id = $2 and account = any($3::text[])', [federationId, yearId, accounts]),
    db.query<{ dimension: string; code: string; name: string }>('select dimension, code, name from ledger_object where federation_id = $1 and year_id = $2', [federationId, yearId]),
  ]);
  return {
    accounts: new Map(acc.filter((a) => a.name).map((a) => [a.account, a.name])),
    objects: new Map(obj.filter((o) => o.name).map((o) => [`${o.dimension}\u0000${o.code}`, o.name])),
  };
}

/** One transaction row of a voucher behind a line, with its voucher (#VER). */
export interface TracedVoucherRow {
  readonly series: string;
  readonly number: string;
  readonly voucherDate: string;
  readonly voucherText: string;
  readonly account: string;
  readonly objectsKey: string | null;
  readonly transactionDate: string;
  readonly rowText: string | null;
  /** Debit positive, as booked. */
  readonly amountOre: number;
  /** #RTRANS rows are marked: added afterwards to a voucher. */
  readonly added: boolean;
}

export interface TracedVouchers {
  /** The sum of every row behind the line in the period (debit positive): the line's booked amount. */
  readonly sumOre: number;
  /** The rows of this page, by date, voucher and row. */
  readonly rows: readonly TracedVoucherRow[];
  readonly offset: number;
  readonly limit: number;
  /** Whether rows follow this page. */
  readonly more: boolean;
}

export const voucherPageSize = 200;

/**
 * The voucher rows behind one budget line of a ledger year (one month, or the whole year when month is null):
 * the rows on the accounts and objects `traceLedgerLine` lists, #BTRANS (removed) never. A page at a time, by
 * date, voucher and row; the sum covers every row (from the import's monthly sums). Each account and object set
 * is read through the index in that order (ledger_transaction_trace), at most offset + limit + 1 rows of each.
 */
export async function ledgerLineVouchers(
  db: Queryable,
  federationId: number,
  year: number,
  budgetLineId: number,
  month: number | null,
  page: { offset?: number; limit?: number } = {},
): Promise<TracedVouchers> {
  const limit = Math.min(Math.max(page.limit ?? voucherPageSize, 1), 1000);
  const offset = Math.min(Math.max(page.offset ?? 0, 0), 10_000_000);
  const none = { sumOre: 0, rows: [], offset, limit, more: false };
  const ref = await findLedgerYear(db, federationId, year);
  if (!ref || ref.yearIndex !== 0) return none;
  const { basis, mine } = await lineAmounts(db, federationId, ref, budgetLineId);
  const inPeriod = mine.filter((a) => month === null || a.month === month);
  // Only the accounts and objects with rows in the period.
  const keys = [...new Map(inPeriod.map((a) => [`${a.account}\u0000${a.objectsKey ?? ''}`, a])).values()];
  if (basis !== 'vouchers' || !keys.length) return none;
  const sumOre = inPeriod.reduce((s, a) => s + a.amountOre, 0);
  const from = month === null ? ref.start : `${ref.start.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
  const to = month === null ? null : month === 12 ? `${Number(ref.start.slice(0, 4)) + 1}-01-01` : `${ref.start.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
  const params: unknown[] = [federationId, ref.yearId, from, to, offset + limit + 1];
  const parts = keys.map((k) => {
    params.push(k.account);
    const account = `$${params.length}`;
    let objects = 't.objects is null';
    if (k.objectsKey !== null) {
      params.push(k.objectsKey);
      objects = `t.objects = $${params.length}::jsonb`;
    }
    return `(select t.voucher_seq, t.row_no, t.account, t.objects, t.transaction_date, t.text, t.amount_ore, t.kind from ledger_transaction t
       where t.year_id = $2 and t.account = ${account} and ${objects} and t.transaction_date >= $3::date and ($4::date is null or t.transaction_date < $4::date)
         and t.federation_id = $1 and t.kind <> 'removed'
       order by t.transaction_date, t.voucher_seq, t.row_no limit $5)`;
  });
  params.push(limit + 1, offset);
  const rows = await db.query<{ series: string; number: string; vdate: string; vtext: string; account: string; objects: string | null; tdate: string; ttext: string | null; amount: string; kind: string }>(
    `select v.series, v.number, to_char(v.voucher_date, 'YYYY-MM-DD') as vdate, v.text as vtext, p.account, p.objects::text as objects,
            to_char(p.transaction_date, 'YYYY-MM-DD') as tdate, p.text as ttext, p.amount_ore::text as amount, p.kind
     from (select * from (${parts.join(' union all ')}) u order by u.transaction_date, u.voucher_seq, u.row_no limit $${params.length - 1} offset $${params.length}) p
     join ledger_voucher v on v.year_id = $2 and v.seq = p.voucher_seq
     order by p.transaction_date, p.voucher_seq, p.row_no`,
    params,
  );
  return {
    sumOre,
    offset,
    limit,
    more: rows.length > limit,
    rows: rows.slice(0, limit).map((r) => ({
      series: r.series,
      number: r.number,
      voucherDate: r.vdate,
      voucherText: r.vtext,
      account: r.account,
      objectsKey: r.objects,
      transactionDate: r.tdate,
      rowText: r.ttext,
      amountOre: parseInt8(r.amount),
      added: r.kind === 'added',
    })),
  };
}
