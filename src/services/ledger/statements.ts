import { effectiveRanges, type AccountClass, type ClassRange } from '../../core/ledger/classification.ts';
import { layoutStatements, type StatementLayout } from '../../core/ledger/layout.ts';
import { computeStatements, type AccountBalance, type YearStatements } from '../../core/ledger/statements.ts';
import type { Queryable } from '../../db/database.ts';
import { parseInt8 } from '../../db/database.ts';
import { yearOf } from '../../core/calendar.ts';

export interface LedgerYearRef {
  readonly yearId: number;
  readonly start: string;
  readonly end: string;
  /** The year index in that file: 0 when the year was imported itself, -1 when it comes as the previous year of a later file. */
  readonly yearIndex: 0 | -1;
}

/** The financial years the förbund has a ledger for (including previous years carried in a later file). */
export async function listLedgerYears(db: Queryable, federationId: number): Promise<{ year: number; start: string; end: string; imported: boolean }[]> {
  const rows = await db.query<{ start: string; end: string; prev_start: string | null; prev_end: string | null }>(
    `select to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end,
            to_char(previous_start_date, 'YYYY-MM-DD') as prev_start, to_char(previous_end_date, 'YYYY-MM-DD') as prev_end
     from ledger_year where federation_id = $1 and state = 'active' order by start_date`,
    [federationId],
  );
  const years = new Map<number, { year: number; start: string; end: string; imported: boolean }>();
  for (const r of rows) {
    if (r.prev_start && r.prev_end) {
      const y = yearOf(r.prev_start);
      if (!years.has(y)) years.set(y, { year: y, start: r.prev_start, end: r.prev_end, imported: false });
    }
  }
  for (const r of rows) {
    const y = yearOf(r.start);
    years.set(y, { year: y, start: r.start, end: r.end, imported: true });
  }
  return [...years.values()].sort((a, b) => b.year - a.year);
}

/** Which ledger holds a calendar year (the financial year starting in it): its own import, else a later file's previous year. */
export async function findLedgerYear(db: Queryable, federationId: number, year: number): Promise<LedgerYearRef | null> {
  const own = await db.query<{ id: number; start: string; end: string }>(
    `select id, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end
     from ledger_year where federation_id = $1 and state = 'active' and extract(year from start_date) = $2`,
    [federationId, year],
  );
  if (own[0]) return { yearId: own[0].id, start: own[0].start, end: own[0].end, yearIndex: 0 };
  const later = await db.query<{ id: number; start: string; end: string }>(
    `select id, to_char(previous_start_date, 'YYYY-MM-DD') as start, to_char(previous_end_date, 'YYYY-MM-DD') as end
     from ledger_year where federation_id = $1 and state = 'active' and extract(year from previous_start_date) = $2 order by start_date limit 1`,
    [federationId, year],
  );
  return later[0] ? { yearId: later[0].id, start: later[0].start, end: later[0].end, yearIndex: -1 } : null;
}

export async function loadAccountBalances(db: Queryable, federationId: number, ref: LedgerYearRef): Promise<AccountBalance[]> {
  const rows = await db.query<{ account: string; opening_ore: string; closing_ore: string }>(
    `select account, opening_ore::text, closing_ore::text from ledger_account_total
     where federation_id = $1 and year_id = $2 and year_index = $3 order by account`,
    [federationId, ref.yearId, ref.yearIndex],
  );
  return rows.map((r) => ({ account: r.account, openingOre: parseInt8(r.opening_ore), closingOre: parseInt8(r.closing_ore) }));
}

export async function loadClassRanges(db: Queryable, federationId: number): Promise<ClassRange[]> {
  const own = await db.query<{ account_from: string; account_to: string; class: AccountClass }>(
    'select account_from, account_to, class from ledger_class_range where federation_id = $1 order by account_from',
    [federationId],
  );
  return effectiveRanges(own.map((r) => ({ from: r.account_from, to: r.account_to, class: r.class })));
}

export interface LedgerStatements {
  readonly year: number;
  readonly current: YearStatements;
  readonly previous: YearStatements | null;
  readonly layout: StatementLayout[];
}

/** The statements of a year and the year before, from the ledger alone; null when there is no ledger for the year. */
export async function ledgerStatements(db: Queryable, federationId: number, year: number): Promise<LedgerStatements | null> {
  const ref = await findLedgerYear(db, federationId, year);
  if (!ref) return null;
  const ranges = await loadClassRanges(db, federationId);
  const current = computeStatements(await loadAccountBalances(db, federationId, ref), ranges);
  // The previous year: the same file's #RAR -1 when the year was imported itself, else that year's own ledger.
  let previous: YearStatements | null = null;
  const prevRef: LedgerYearRef | null = ref.yearIndex === 0 ? { ...ref, yearIndex: -1 } : await findLedgerYear(db, federationId, year - 1);
  if (prevRef) {
    const balances = await loadAccountBalances(db, federationId, prevRef);
    if (balances.length) previous = computeStatements(balances, ranges);
  }
  return { year, current, previous, layout: layoutStatements(current, previous) };
}
