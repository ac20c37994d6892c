import { registerRecord } from '../records/registry.ts';
import { today } from '../../core/calendar.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { BulkInserter } from './bulk.ts';
import { ensureFederation } from '../federations/federations.ts';
import { syncLedgerOutcome } from './economy-link.ts';
import { decideIdentity } from './identity.ts';

/*
 * The ledger's import use case, for any file format: a format's importer (src/importers/sie) reads its file and
 * hands plain records to the LedgerStaging it is given; this service stages them invisibly, then publishes the
 * year in one short transaction. Services never import a file format.
 */

export interface SieImportResult {
  readonly importId: number;
  readonly yearId: number;
  readonly yearStart: string;
  readonly yearEnd: string;
  readonly replacedImportId: number | null;
  readonly accounts: number;
  readonly vouchers: number;
  readonly transactions: number;
  readonly balances: number;
  readonly sha256: string;
  readonly federationId: number;
  readonly federationCreated: boolean;
  /** Notices that did not stop the import (an unbooked result, repeated voucher numbers); stored with the import. */
  readonly notices: readonly InputProblem[];
}

/** The förbund an import is for: its id, or its name (created in the import's transaction when no förbund has it). */
export type SieImportTarget = number | { readonly name: string };

/** The file being imported, as the service needs it besides its records. */
export interface LedgerFileInput {
  readonly fileName: string;
  /** The file's SHA-256 (hex), asked for once the whole file has been read. */
  readonly sha256: () => string;
  /**
   * The file is explicitly confirmed to be a predecessor's books (e.g. a förbund merged into this one): its
   * #ORGNR / #FNAMN may differ from the förbund's. Without it such a file is refused.
   */
  readonly predecessor?: boolean;
  /**
   * The kansli confirms that a file naming an organisation number is the förbund's own books, for a förbund
   * that has no number stored: must equal the file's #ORGNR, which then becomes the förbund's.
   */
  readonly organisationNumber?: string;
}

/** Dimension number → object code. */
export type LedgerObjects = Readonly<Record<string, string>>;

/** One row of a voucher: normal, added (counts) or removed (stored, never counts). */
export interface LedgerTransactionInput {
  readonly kind: 'normal' | 'added' | 'removed';
  readonly account: string;
  readonly objects: LedgerObjects | null;
  readonly amountOre: number;
  /** ISO date. */
  readonly date: string;
  readonly text: string | null;
}

export interface LedgerVoucherInput {
  readonly series: string;
  readonly number: string;
  readonly date: string;
  readonly text: string;
  readonly registeredOn: string | null;
  readonly transactions: readonly LedgerTransactionInput[];
}

/** A balance item as the file gives it (IB, UB, OIB, OUB, RES, PSALDO, PBUDGET), stored as it stands. */
export interface LedgerBalanceInput {
  readonly kind: string;
  readonly yearIndex: number;
  readonly period: string | null;
  readonly account: string;
  readonly objects: LedgerObjects | null;
  readonly amountOre: number;
}

/** What the importer knows once the whole file is read and checked. */
export interface LedgerFileFacts {
  readonly company: string | null;
  readonly organisationNumber: string | null;
  readonly program: string | null;
  readonly sieType: string | null;
  readonly accounts: ReadonlyMap<string, { readonly name: string; readonly type: string | null; readonly sru: string | null }>;
  readonly dimensions: readonly { readonly dimension: string; readonly name: string; readonly parent: string | null }[];
  readonly objects: readonly { readonly dimension: string; readonly code: string; readonly name: string }[];
  /** Opening and closing balance per account and year index (öre, debit positive), as the statements read them. */
  readonly totals: readonly { readonly account: string; readonly yearIndex: number; readonly openingOre: number; readonly closingOre: number }[];
  readonly notices: readonly InputProblem[];
}

/** The importer's part: read the file, hand its year and rows to `staging` as they come, return the facts (or throw an InputError). */
export type LedgerFileReader = (staging: LedgerStaging) => Promise<LedgerFileFacts>;

const TRANSACTION_SQL = `insert into ledger_transaction
  (federation_id, year_id, voucher_seq, row_no, kind, account, objects, amount_ore, transaction_date, text)
  select $1, $2, s, r, k, a, o::jsonb, m, d, t
  from unnest($3::int[], $4::int[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::date[], $10::text[]) as u(s, r, k, a, o, m, d, t)`;
const VOUCHER_SQL = `insert into ledger_voucher (federation_id, year_id, seq, series, number, voucher_date, text, registered_on)
  select $1, $2, s, se, n, d, t, rd
  from unnest($3::int[], $4::text[], $5::text[], $6::date[], $7::text[], $8::date[]) as u(s, se, n, d, t, rd)`;
const BALANCE_SQL = `insert into ledger_balance (federation_id, year_id, kind, year_index, period, account, objects, amount_ore)
  select $1, $2, k, y, p, a, o::jsonb, m
  from unnest($3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::bigint[]) as u(k, y, p, a, o, m)`;

const ACCOUNT_SQL = `insert into ledger_account (federation_id, year_id, account, name, account_type, sru)
  select $1, $2, a, n, t, s from unnest($3::text[], $4::text[], $5::text[], $6::text[]) as u(a, n, t, s)`;
const DIMENSION_SQL = `insert into ledger_dimension (federation_id, year_id, dimension, name, parent)
  select $1, $2, d, n, p from unnest($3::text[], $4::text[], $5::text[]) as u(d, n, p)`;
const OBJECT_SQL = `insert into ledger_object (federation_id, year_id, dimension, code, name)
  select $1, $2, d, c, n from unnest($3::text[], $4::text[], $5::text[]) as u(d, c, n)`;
const ACCOUNT_TOTAL_SQL = `insert into ledger_account_total (federation_id, year_id, year_index, account, opening_ore, closing_ore)
  select $1, $2, y, a, o, c from unnest($3::int[], $4::text[], $5::bigint[], $6::bigint[]) as u(y, a, o, c)`;

/**
 * Accounts the file uses without declaring them (#KONTO is optional in type 4I): named from the förbund's chart
 * (the account's name in its latest other imported year), else unnamed.
 */
const UNDECLARED_ACCOUNT_SQL = `insert into ledger_account (federation_id, year_id, account, name)
  select $1, $2, u.account, coalesce((
      select a.name from ledger_account a join ledger_year y on y.federation_id = a.federation_id and y.id = a.year_id
      where a.federation_id = $1 and a.account = u.account and y.state = 'active' and a.name <> ''
      order by y.start_date desc limit 1), '')
  from (select distinct account from ledger_account_total where federation_id = $1 and year_id = $2) u
  where not exists (select 1 from ledger_account d where d.federation_id = $1 and d.year_id = $2 and d.account = u.account)`;

/** The month (1–12) a row's amount is summed in: its date's, kept inside the year (an #RTRANS may be dated after it). */
function monthInYear(date: string, year: { start: string; end: string }): number {
  const d = date < year.start ? year.start : date > year.end ? year.end : date;
  return Number(d.slice(5, 7));
}

const MONTH_TOTAL_SQL = `insert into ledger_month_total (federation_id, year_id, account, objects, month, amount_ore)
  select $1, $2, a, o::jsonb, m, s from unnest($3::text[], $4::text[], $5::int[], $6::bigint[]) as u(a, o, m, s)`;

/**
 * Sums of the rows that count (not #BTRANS) per account, objects and month, as the file is read; written out
 * (as partial sums: readers group again) whenever MAX_KEYS keys are held, so memory stays bounded on any file.
 */
class MonthTotals {
  private static readonly MAX_KEYS = 20_000;
  private readonly sums = new Map<string, [account: string, objects: string | null, month: number, amountOre: number]>();
  constructor(private readonly write: (rows: readonly [string, string | null, number, number][]) => Promise<void>) {}

  async add(account: string, objects: string | null, month: number, amountOre: number): Promise<void> {
    const key = `${account}\u0000${objects ?? ''}\u0000${month}`;
    let s = this.sums.get(key);
    // A partial sum past 2^53 would lose öre: write what is held and start again (the database sums in bigint).
    if (s && !Number.isSafeInteger(s[3] + amountOre)) {
      await this.flush();
      s = undefined;
    }
    if (s) s[3] += amountOre;
    else this.sums.set(key, [account, objects, month, amountOre]);
    if (this.sums.size >= MonthTotals.MAX_KEYS) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.sums.size) return;
    const rows = [...this.sums.values()];
    this.sums.clear();
    await this.write(rows);
  }
}

/** Binds the first two parameters (förbund and year) of a bulk statement; each statement waits for `pause()` first. */
function bound(q: Queryable, federationId: number, yearId: number, pause: Pause): Queryable {
  return {
    query: async (sql, params) => {
      await pause();
      return q.query(sql, [federationId, yearId, ...(params ?? [])]);
    },
    exec: (sql) => q.exec(sql),
  };
}

/** Rows per statement while staging: small enough that one statement holds the embedded database only briefly. */
const STAGE_BATCH = 500;
/** A staging year older than this was left by an import that died (crash, kill); the förbund's next import deletes it. */
const ABANDONED_AFTER = '6 hours';

type Pause = () => Promise<void>;

/** Lets other requests at the database before each of the import's statements (see Database.giveWay). */
function pauseFor(db: Database): Pause {
  return db.giveWay ? () => db.giveWay!() : () => new Promise((resolve) => setImmediate(resolve));
}

interface Staged {
  readonly yearId: number;
  readonly start: string;
  readonly end: string;
  readonly summary: LedgerFileFacts;
  readonly accounts: number;
  readonly vouchers: number;
  readonly transactions: number;
  readonly balances: number;
}

/**
 * Imports a file as the förbund's ledger for the file's financial year. All or nothing: either the whole file
 * becomes the förbund's ledger for that year (an earlier import of the year is replaced as a whole) or nothing
 * visible changes; `read` (the format's importer) throws an InputError for any problem in the file. The import
 * history row records who, when, file name, SHA-256, counts and notices.
 *
 * How, for a förbund that exists (every upload): `read` streams the file and hands its rows to a LedgerStaging,
 * which writes them in short statements into a year in state 'staging' that no reader sees (they all read
 * 'active' years only); between statements other requests get the database (on the embedded database there is
 * one session, and a transaction would hold it for the whole import: tens of seconds for a large file). Then
 * ONE short transaction checks the file's identity, writes the history row, retires the year it replaces and
 * makes the staged year active, and rewrites the year's outcome. The retired year's rows are deleted
 * afterwards, again in short statements. A failure at any point before that transaction commits deletes the
 * staging year; a crash leaves it invisible, and the förbund's next import deletes it. Readers never see part
 * of a file, or two files for a year.
 *
 * A förbund given by a name that does not exist yet (the CLI creates it) is imported in one transaction from
 * start to end, creation included, so that a failed file leaves no förbund behind.
 */
export async function importLedgerFile(db: Database, federation: SieImportTarget, file: LedgerFileInput, read: LedgerFileReader, actor: Actor): Promise<SieImportResult> {
  if (typeof federation !== 'number' && !federation.name) throw new NotFoundError('Förbundet finns inte.');
  const existing = await findFederation(db, federation);
  if (existing === null) {
    const { retiredYearId: _none, ...published } = await db.transaction(async (tx) => {
      const fed = await ensureFederation(tx, (federation as { name: string }).name);
      const staging = new LedgerStaging(tx, fed, file.fileName, async () => {});
      const staged = await staging.finish(await read(staging));
      return await publish(tx, fed, staged, file, actor, { created: true });
    }, actor);
    return published;
  }
  const fed = existing;
  const pause = pauseFor(db);
  await deleteLeftovers(db, fed, pause);
  const staging = new LedgerStaging(db, fed, file.fileName, pause);
  let result: SieImportResult & { retiredYearId: number | null };
  try {
    const staged = await staging.finish(await read(staging));
    result = await db.transaction((tx) => publish(tx, fed, staged, file, actor, { created: false }), actor);
  } catch (e) {
    if (staging.yearId !== null) await deleteYear(db, fed, staging.yearId, pause).catch(() => {});
    throw e;
  }
  const { retiredYearId, ...published } = result;
  // The replaced year is no longer visible; its rows go now, in short steps (or with the next import if this fails).
  if (retiredYearId !== null) await deleteYear(db, fed, retiredYearId, pause).catch(() => {});
  return published;
}

/**
 * A year being staged: the importer gives it the financial year (`begin`), then balances and vouchers as it
 * reads them; they are written into a new year in state 'staging' (invisible to every reader), in statements
 * of STAGE_BATCH rows with `pause()` before each. Sums per account, objects and month are kept as the rows
 * pass. `finish` writes the chart of accounts and the per-account totals. Holds no more than a batch of rows.
 */
export class LedgerStaging {
  /** The staging year's id once it exists (so that a failure can delete what was written). */
  yearId: number | null = null;
  private year: { start: string; end: string } | null = null;
  private writers: { vouchers: BulkInserter; transactions: BulkInserter; balances: BulkInserter; q: Queryable } | null = null;
  private readonly monthTotals: MonthTotals;
  private vouchers = 0;
  private transactions = 0;
  private balances = 0;

  constructor(
    private readonly q: Queryable,
    private readonly fed: number,
    private readonly fileName: string,
    private readonly pause: Pause,
  ) {
    this.monthTotals = new MonthTotals(async (rows) => {
      const inserter = new BulkInserter(this.w().q, MONTH_TOTAL_SQL, 4, STAGE_BATCH);
      for (const r of rows) await inserter.add(...r);
      await inserter.flush();
    });
  }

  /** Whether `begin` has been called. */
  get begun(): boolean {
    return this.writers !== null;
  }

  /** Creates the staging year: the file's financial year and the previous one it carries, if any. */
  async begin(year: { start: string; end: string }, previous: { start: string; end: string } | null): Promise<void> {
    if (this.writers) return;
    const [y] = await this.q.query<{ id: number }>(
      `insert into ledger_year (federation_id, import_id, start_date, end_date, previous_start_date, previous_end_date, state)
       values ($1, null, $2, $3, $4, $5, 'staging') returning id`,
      [this.fed, year.start, year.end, previous?.start ?? null, previous?.end ?? null],
    );
    this.yearId = y!.id;
    this.year = year;
    const b = bound(this.q, this.fed, y!.id, this.pause);
    this.writers = {
      q: b,
      vouchers: new BulkInserter(b, VOUCHER_SQL, 6, STAGE_BATCH),
      transactions: new BulkInserter(b, TRANSACTION_SQL, 8, STAGE_BATCH),
      balances: new BulkInserter(b, BALANCE_SQL, 6, STAGE_BATCH),
    };
  }

  private w() {
    if (!this.writers) throw new InputError({ file: this.fileName, message: 'Räkenskapsåret måste anges före saldon och verifikationer.' });
    return this.writers;
  }

  async addBalance(b: LedgerBalanceInput): Promise<void> {
    this.balances++;
    await this.w().balances.add(b.kind, b.yearIndex, b.period, b.account, b.objects ? JSON.stringify(b.objects) : null, b.amountOre);
  }

  async addVoucher(v: LedgerVoucherInput): Promise<void> {
    const w = this.w();
    const seq = ++this.vouchers;
    await w.vouchers.add(seq, v.series, v.number, v.date, v.text, v.registeredOn);
    let row = 0;
    for (const t of v.transactions) {
      this.transactions++;
      const objectsJson = t.objects ? JSON.stringify(t.objects) : null;
      await w.transactions.add(seq, ++row, t.kind, t.account, objectsJson, t.amountOre, t.date, t.text);
      if (t.kind !== 'removed') await this.monthTotals.add(t.account, objectsJson, monthInYear(t.date, this.year!), t.amountOre);
    }
  }

  /** Writes what is left, the chart of accounts and the per-account totals; the staged year is then ready to publish. */
  async finish(facts: LedgerFileFacts): Promise<Staged> {
    const w = this.w();
    await w.vouchers.flush();
    await w.transactions.flush();
    await w.balances.flush();
    await this.monthTotals.flush();
    const accountRows = new BulkInserter(w.q, ACCOUNT_SQL, 4, STAGE_BATCH);
    for (const [a, v] of facts.accounts) await accountRows.add(a, v.name, v.type, v.sru);
    await accountRows.flush();
    const dimensionRows = new BulkInserter(w.q, DIMENSION_SQL, 3, STAGE_BATCH);
    for (const d of new Map(facts.dimensions.map((d) => [d.dimension, d])).values()) await dimensionRows.add(d.dimension, d.name, d.parent);
    await dimensionRows.flush();
    const objectRows = new BulkInserter(w.q, OBJECT_SQL, 3, STAGE_BATCH);
    for (const o of new Map(facts.objects.map((o) => [`${o.dimension}\u0000${o.code}`, o])).values()) await objectRows.add(o.dimension, o.code, o.name);
    await objectRows.flush();
    const totalRows = new BulkInserter(w.q, ACCOUNT_TOTAL_SQL, 4, STAGE_BATCH);
    for (const t of facts.totals) await totalRows.add(t.yearIndex, t.account, t.openingOre, t.closingOre);
    await totalRows.flush();
    await w.q.query(UNDECLARED_ACCOUNT_SQL);
    return {
      yearId: this.yearId!,
      start: this.year!.start,
      end: this.year!.end,
      summary: facts,
      accounts: facts.accounts.size,
      vouchers: this.vouchers,
      transactions: this.transactions,
      balances: this.balances,
    };
  }
}

/**
 * The one short transaction that makes a staged year the förbund's: checks the file's identity, retires the
 * year it replaces, writes the history row, activates the staged year and rewrites the year's outcome.
 */
async function publish(
  tx: Queryable,
  fed: number,
  staged: Staged,
  file: LedgerFileInput,
  actor: Actor,
  opts: { created: boolean },
): Promise<SieImportResult & { retiredYearId: number | null }> {
  // Two imports of one förbund publish one after the other (a PostgreSQL server runs them side by side).
  await tx.query('select id from federation where id = $1 for update', [fed]);
  const predecessor = file.predecessor === true;
  const identity = await decideIdentity(tx, fed, staged.summary, file.fileName, {
    created: opts.created,
    predecessor,
    confirmedOrganisationNumber: file.organisationNumber ?? null,
  });
  if (identity.adoptOrganisationNumber) {
    await tx.query('update federation set organisation_number = $2 where id = $1', [fed, identity.adoptOrganisationNumber]);
  }
  const [old] = await tx.query<{ id: number; import_id: number }>(
    "select id, import_id from ledger_year where federation_id = $1 and start_date = $2 and state = 'active'",
    [fed, staged.start],
  );
  if (old) {
    await tx.query("update ledger_year set state = 'retired' where federation_id = $1 and id = $2", [fed, old.id]);
    await tx.query('update ledger_import set replaced_at = now() where federation_id = $1 and id = $2', [fed, old.import_id]);
  }
  const sha256 = file.sha256();
  const { summary } = staged;
  const [imp] = await tx.query<{ id: number }>(
    `insert into ledger_import (federation_id, file_name, sha256, imported_by, year_start, year_end, company_name, program, sie_type,
       account_count, voucher_count, transaction_count, balance_count, predecessor, notices)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb) returning id`,
    [fed, file.fileName, sha256, actor.id, staged.start, staged.end, summary.company, summary.program, summary.sieType,
      staged.accounts, staged.vouchers, staged.transactions, staged.balances, predecessor, JSON.stringify(summary.notices)],
  );
  await tx.query("update ledger_year set state = 'active', import_id = $3 where federation_id = $1 and id = $2 and state = 'staging'", [fed, staged.yearId, imp!.id]);
  // The file is bookkeeping material (räkenskapsinformation): it registers itself in the registry, once per file.
  await registerRecord(tx, fed, { kind: 'sie_import', ref: sha256, date: today(), subject: `Huvudbok (SIE) ${staged.start}–${staged.end}: ${file.fileName}`.slice(0, 1000) }, actor.id);
  await syncLedgerOutcome(tx, fed, Number(staged.start.slice(0, 4)));
  return {
    importId: imp!.id,
    yearId: staged.yearId,
    yearStart: staged.start,
    yearEnd: staged.end,
    replacedImportId: old?.import_id ?? null,
    accounts: staged.accounts,
    vouchers: staged.vouchers,
    transactions: staged.transactions,
    balances: staged.balances,
    sha256,
    federationId: fed,
    federationCreated: opts.created,
    notices: summary.notices,
    retiredYearId: old?.id ?? null,
  };
}

/** The ledger tables that hang on a year, largest first. */
const YEAR_TABLES = ['ledger_transaction', 'ledger_voucher', 'ledger_balance', 'ledger_month_total', 'ledger_object', 'ledger_account_total', 'ledger_account', 'ledger_dimension'] as const;
const DELETE_BATCH = 5000;

/** Deletes a year that is not active (staging or retired) with its rows, in short statements. */
export async function deleteYear(q: Queryable, fed: number, yearId: number, pause: Pause): Promise<void> {
  const [y] = await q.query<{ state: string }>('select state from ledger_year where federation_id = $1 and id = $2', [fed, yearId]);
  if (!y || y.state === 'active') return;
  for (const table of YEAR_TABLES) {
    for (;;) {
      await pause();
      const [r] = await q.query<{ n: number }>(
        `with gone as (delete from ${table} where ctid = any(array(select ctid from ${table} where federation_id = $1 and year_id = $2 limit ${DELETE_BATCH})) returning 1)
         select count(*)::int as n from gone`,
        [fed, yearId],
      );
      if (r!.n < DELETE_BATCH) break;
    }
  }
  await q.query("delete from ledger_year where federation_id = $1 and id = $2 and state <> 'active'", [fed, yearId]);
}

/** Retired years not yet deleted, and staging years of imports that died, of one förbund. */
async function deleteLeftovers(q: Queryable, fed: number, pause: Pause): Promise<void> {
  const rows = await q.query<{ id: number }>(
    `select id from ledger_year where federation_id = $1
       and (state = 'retired' or (state = 'staging' and created_at < now() - interval '${ABANDONED_AFTER}'))`,
    [fed],
  );
  for (const r of rows) await deleteYear(q, fed, r.id, pause);
}

/** The förbund's id; null when it is given by a name no förbund has (it will be created). */
async function findFederation(q: Queryable, federation: SieImportTarget): Promise<number | null> {
  if (typeof federation === 'number') {
    const rows = await q.query<{ id: number }>('select id from federation where id = $1', [federation]);
    if (!rows[0]) throw new NotFoundError('Förbundet finns inte.');
    return rows[0].id;
  }
  const rows = await q.query<{ id: number }>('select id from federation where name = $1', [federation.name]);
  return rows[0]?.id ?? null;
}

