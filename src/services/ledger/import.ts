import { createHash } from 'node:crypto';
import { formatNumber } from '../../core/format.ts';
import { organisationDigits, parseOrganisationNumber, parseText, valueOrThrow } from '../../core/input/index.ts';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { MAX_PROBLEMS, SieParser } from '../../importers/sie/parser.ts';
import { readSie, sieLimits } from '../../importers/sie/read.ts';
import type { SieRecord } from '../../importers/sie/records.ts';
import { SieValidator } from '../../importers/sie/validate.ts';
import { BulkInserter } from './bulk.ts';
import { syncLedgerOutcome } from './economy-link.ts';

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
}

export interface SieImportInput {
  /** The förbund by id, or by name — created (in the same transaction) when no förbund has that name. */
  readonly federationId?: number;
  readonly federationName?: string;
  /** A file path, or a stream with its file name. */
  readonly source: string | Readable;
  readonly fileName?: string;
  readonly actor: Actor;
  /**
   * The file is explicitly confirmed to be a predecessor's books (e.g. a förbund merged into this one): its
   * #ORGNR / #FNAMN may differ from the förbund's. Without it such a file is refused.
   */
  readonly predecessor?: boolean;
}

const nameKey = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Is the file the förbund's own books? Its #ORGNR must be the förbund's organisation number; a förbund
 * without one takes it from its first SIE import that has one. A file without #ORGNR is compared by #FNAMN with
 * the förbund's name and the company names of its earlier imports (a förbund's first import is accepted).
 * Returns the problem, or null when the file is the förbund's (or confirmed as a predecessor's).
 */
async function checkSieIdentity(
  tx: Queryable,
  federationId: number,
  file: { company: string | null; organisationNumber: string | null },
  fileName: string,
  opts: { created: boolean },
): Promise<{ problem: InputProblem | null; adoptOrganisationNumber: string | null }> {
  const ok = { problem: null, adoptOrganisationNumber: null };
  const [f] = await tx.query<{ name: string; org: string | null }>('select name, organisation_number as org from federation where id = $1', [federationId]);
  const fileOrg = organisationDigits(file.organisationNumber);
  const ownOrg = organisationDigits(f!.org);
  const confirm = 'Är det en föregångares bokföring (t.ex. ett förbund som gått upp i detta), bekräfta det uttryckligen vid inläsningen.';
  if (fileOrg) {
    if (ownOrg && fileOrg !== ownOrg) {
      return {
        problem: { file: fileName, field: '#ORGNR', message: `Filen gäller organisationsnummer ${file.organisationNumber} (${file.company ?? 'okänt företag'}), men förbundets är ${f!.org}. Filen läses inte in. ${confirm}` },
        adoptOrganisationNumber: null,
      };
    }
    // A förbund without an organisation number takes it from its first own SIE file, when it is a legal
    // person's number (valid check digit) that no other förbund has.
    if (ownOrg) return ok;
    const adopt = parseOrganisationNumber(fileOrg);
    if (!adopt.ok) return ok;
    const [owner] = await tx.query<{ name: string }>('select name from federation where organisation_number = $1 and id <> $2', [adopt.value, federationId]);
    if (owner) {
      return {
        problem: { file: fileName, field: '#ORGNR', message: `Filen gäller organisationsnummer ${adopt.value}, som är ${owner.name}s. Filen läses inte in. ${confirm}` },
        adoptOrganisationNumber: null,
      };
    }
    return { problem: null, adoptOrganisationNumber: adopt.value };
  }
  if (opts.created || !file.company) return ok;
  const earlier = await tx.query<{ name: string | null }>('select distinct company_name as name from ledger_import where federation_id = $1 and company_name is not null and not predecessor', [federationId]);
  if (!earlier.length && !ownOrg) return ok;
  const known = new Set([f!.name, ...earlier.map((e) => e.name!)].map(nameKey));
  if (known.has(nameKey(file.company))) return ok;
  return { problem: { file: fileName, field: '#FNAMN', message: `Filen gäller ${file.company}, inte ${f!.name}, och anger inget organisationsnummer. Filen läses inte in. ${confirm}` }, adoptOrganisationNumber: null };
}

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

/** Binds the first two parameters (förbund and year) of a bulk statement. */
function bound(tx: Queryable, federationId: number, yearId: number): Queryable {
  return {
    query: (sql, params) => tx.query(sql, [federationId, yearId, ...(params ?? [])]),
    exec: (sql) => tx.exec(sql),
  };
}

/**
 * Imports an SIE 4 file as the förbund's ledger for the file's financial year (#RAR 0), streaming it into the
 * database in ONE transaction: an earlier import of the same year is replaced as a whole, and any problem in
 * the file (see SieParser, SieValidator) rolls everything back and is thrown as an InputError. The import
 * history row records who, when, file name, SHA-256 and counts.
 */
export async function importSieFile(db: Database, input: SieImportInput): Promise<SieImportResult> {
  const fileName = valueOrThrow(parseText(input.fileName ?? (typeof input.source === 'string' ? basename(input.source) : 'SIE-fil'), { kind: 'fileName' }), { field: 'filnamn' });
  if (input.federationId === undefined && !input.federationName) throw new NotFoundError('Förbundet finns inte.');
  const raw = typeof input.source === 'string' ? createReadStream(input.source, { highWaterMark: 256 * 1024 }) : input.source;
  const hash = createHash('sha256');
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  raw.on('error', (e: Error) => tap.destroy(e));
  raw.pipe(tap);

  const parser = new SieParser(fileName);
  const validator = new SieValidator(fileName);
  const fail = (problems: readonly InputProblem[]) => new InputError(problems.length ? problems : [{ file: fileName, message: 'Filen kunde inte läsas in.' }]);

  try {
    return await db.transaction(async (tx) => {
      const { id: fed, created } = await resolveFederation(tx, input);
      let year: { id: number; importId: number; start: string; end: string; replaced: number | null } | null = null;
      let yearStart: { start: string; end: string } | null = null;
      let previous: { start: string; end: string } | null = null;
      const accounts = new Map<string, { name: string; type: string | null; sru: string | null }>();
      const dimensions: SieRecord[] = [];
      const objects: SieRecord[] = [];
      const pendingBalances: Extract<SieRecord, { type: 'balance' }>[] = [];
      let vouchers: BulkInserter | null = null;
      let transactions: BulkInserter | null = null;
      let balances: BulkInserter | null = null;
      let seq = 0;
      let transactionCount = 0;
      let balanceCount = 0;

      const ensureYear = async (line: number) => {
        if (year) return year;
        if (!yearStart) throw fail([{ file: fileName, line, field: '#RAR', message: 'Räkenskapsåret (#RAR 0) måste anges före saldon och verifikationer.' }]);
        const old = await tx.query<{ id: number; import_id: number }>(
          'select id, import_id from ledger_year where federation_id = $1 and start_date = $2',
          [fed, yearStart.start],
        );
        if (old[0]) {
          await tx.query('delete from ledger_year where federation_id = $1 and id = $2', [fed, old[0].id]);
          await tx.query('update ledger_import set replaced_at = now() where federation_id = $1 and id = $2', [fed, old[0].import_id]);
        }
        const [imp] = await tx.query<{ id: number }>(
          `insert into ledger_import (federation_id, file_name, sha256, imported_by, year_start, year_end, account_count, voucher_count, transaction_count, balance_count)
           values ($1, $2, $3, $4, $5, $6, 0, 0, 0, 0) returning id`,
          [fed, fileName, '0'.repeat(64), input.actor.id, yearStart.start, yearStart.end],
        );
        const [y] = await tx.query<{ id: number }>(
          `insert into ledger_year (federation_id, import_id, start_date, end_date, previous_start_date, previous_end_date)
           values ($1, $2, $3, $4, $5, $6) returning id`,
          [fed, imp!.id, yearStart.start, yearStart.end, previous?.start ?? null, previous?.end ?? null],
        );
        year = { id: y!.id, importId: imp!.id, start: yearStart.start, end: yearStart.end, replaced: old[0]?.import_id ?? null };
        const q = bound(tx, fed, y!.id);
        vouchers = new BulkInserter(q, VOUCHER_SQL, 6);
        transactions = new BulkInserter(q, TRANSACTION_SQL, 8);
        balances = new BulkInserter(q, BALANCE_SQL, 6);
        return year;
      };

      const addBalance = async (b: Extract<SieRecord, { type: 'balance' }>) => {
        balanceCount++;
        await balances!.add(b.kind, b.yearIndex, b.period, b.account, b.objects ? JSON.stringify(b.objects) : null, b.amountOre);
      };

      for await (const batch of readSie(tap, parser)) {
        for (const r of batch) {
          validator.add(r);
          switch (r.type) {
            case 'year':
              if (r.yearIndex === 0 && !yearStart) yearStart = { start: r.start, end: r.end };
              if (r.yearIndex === -1 && !previous) previous = { start: r.start, end: r.end };
              break;
            case 'account': {
              if (!accounts.has(r.account) && accounts.size >= sieLimits.accounts) throw fail([{ file: fileName, line: r.line, field: '#KONTO', message: `Filen deklarerar fler än ${formatNumber(sieLimits.accounts)} konton.` }]);
              const a = accounts.get(r.account);
              accounts.set(r.account, { name: r.name, type: a?.type ?? null, sru: a?.sru ?? null });
              break;
            }
            case 'accountType':
            case 'sru': {
              const a = accounts.get(r.account) ?? { name: '', type: null, sru: null };
              if (r.type === 'accountType') a.type = r.accountType;
              else a.sru = r.code;
              accounts.set(r.account, a);
              break;
            }
            case 'dimension':
              if (dimensions.length >= sieLimits.dimensions) throw fail([{ file: fileName, line: r.line, field: '#DIM', message: `Filen deklarerar fler än ${formatNumber(sieLimits.dimensions)} dimensioner.` }]);
              dimensions.push(r);
              break;
            case 'object':
              if (objects.length >= sieLimits.objects) throw fail([{ file: fileName, line: r.line, field: '#OBJEKT', message: `Filen deklarerar fler än ${formatNumber(sieLimits.objects)} objekt.` }]);
              objects.push(r);
              break;
            case 'balance':
              if (!year) pendingBalances.push(r);
              else await addBalance(r);
              break;
            case 'voucher': {
              await ensureYear(r.line);
              for (const b of pendingBalances.splice(0)) await addBalance(b);
              seq++;
              await vouchers!.add(seq, r.series, r.number, r.date, r.text, r.registeredOn);
              let row = 0;
              for (const t of r.transactions) {
                transactionCount++;
                await transactions!.add(seq, ++row, t.kind, t.account, t.objects ? JSON.stringify(t.objects) : null, t.amountOre, t.date, t.text);
              }
              break;
            }
            default:
              break;
          }
        }
        if (parser.problems.length + validator.problems.length >= MAX_PROBLEMS) break;
      }
      raw.destroy();
      const summary = validator.finish();
      const problems = [...parser.problems, ...validator.problems];
      if (problems.length) throw fail(problems.slice(0, MAX_PROBLEMS));
      const identity = await checkSieIdentity(tx, fed, summary, fileName, { created });
      if (identity.problem && input.predecessor !== true) throw fail([identity.problem]);
      // Recorded as a predecessor's books only when confirmed so; such a file never gives the förbund its number.
      const predecessor = input.predecessor === true;
      if (!predecessor && identity.adoptOrganisationNumber) {
        await tx.query('update federation set organisation_number = $2 where id = $1', [fed, identity.adoptOrganisationNumber]);
      }
      const y = await ensureYear(0);
      for (const b of pendingBalances.splice(0)) await addBalance(b);
      await vouchers!.flush();
      await transactions!.flush();
      await balances!.flush();

      const q = bound(tx, fed, y.id);
      const acc = [...accounts];
      await q.query(
        `insert into ledger_account (federation_id, year_id, account, name, account_type, sru)
         select $1, $2, a, n, t, s from unnest($3::text[], $4::text[], $5::text[], $6::text[]) as u(a, n, t, s)`,
        [acc.map(([a]) => a), acc.map(([, v]) => v.name), acc.map(([, v]) => v.type), acc.map(([, v]) => v.sru)],
      );
      const dims = dimensions as Extract<SieRecord, { type: 'dimension' }>[];
      const uniqueDims = [...new Map(dims.map((d) => [d.dimension, d])).values()];
      await q.query(
        `insert into ledger_dimension (federation_id, year_id, dimension, name, parent)
         select $1, $2, d, n, p from unnest($3::text[], $4::text[], $5::text[]) as u(d, n, p)`,
        [uniqueDims.map((d) => d.dimension), uniqueDims.map((d) => d.name), uniqueDims.map((d) => d.parent)],
      );
      const objs = [...new Map((objects as Extract<SieRecord, { type: 'object' }>[]).map((o) => [`${o.dimension}\u0000${o.code}`, o])).values()];
      await q.query(
        `insert into ledger_object (federation_id, year_id, dimension, code, name)
         select $1, $2, d, c, n from unnest($3::text[], $4::text[], $5::text[]) as u(d, c, n)`,
        [objs.map((o) => o.dimension), objs.map((o) => o.code), objs.map((o) => o.name)],
      );
      await q.query(
        `insert into ledger_account_total (federation_id, year_id, year_index, account, opening_ore, closing_ore)
         select $1, $2, y, a, o, c from unnest($3::int[], $4::text[], $5::bigint[], $6::bigint[]) as u(y, a, o, c)`,
        [summary.totals.map((t) => t.yearIndex), summary.totals.map((t) => t.account), summary.totals.map((t) => t.openingOre), summary.totals.map((t) => t.closingOre)],
      );
      await syncLedgerOutcome(tx, fed, Number(y.start.slice(0, 4)));
      const sha256 = hash.digest('hex');
      await tx.query(
        `update ledger_import set sha256 = $3, company_name = $4, program = $5, sie_type = $6,
           account_count = $7, voucher_count = $8, transaction_count = $9, balance_count = $10, predecessor = $11
         where federation_id = $1 and id = $2`,
        [fed, y.importId, sha256, summary.company, summary.program, summary.sieType, accounts.size, seq, transactionCount, balanceCount, predecessor],
      );
      return {
        importId: y.importId,
        yearId: y.id,
        yearStart: y.start,
        yearEnd: y.end,
        replacedImportId: y.replaced,
        accounts: accounts.size,
        vouchers: seq,
        transactions: transactionCount,
        balances: balanceCount,
        sha256,
        federationId: fed,
        federationCreated: created,
      };
    }, input.actor);
  } finally {
    raw.destroy();
  }
}

async function resolveFederation(tx: Queryable, input: SieImportInput): Promise<{ id: number; created: boolean }> {
  if (input.federationId !== undefined) {
    const rows = await tx.query<{ id: number }>('select id from federation where id = $1', [input.federationId]);
    if (!rows[0]) throw new NotFoundError('Förbundet finns inte.');
    return { id: rows[0].id, created: false };
  }
  const name = input.federationName!;
  const rows = await tx.query<{ id: number }>('select id from federation where name = $1', [name]);
  if (rows[0]) return { id: rows[0].id, created: false };
  const [made] = await tx.query<{ id: number }>('insert into federation (name) values ($1) returning id', [name]);
  return { id: made!.id, created: true };
}
