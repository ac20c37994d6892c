import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { formatNumber } from '../../core/format.ts';
import { parseText, valueOrThrow } from '../../core/input/index.ts';
import type { Actor, Database } from '../../db/database.ts';
import { importLedgerFile, type LedgerFileFacts, type LedgerStaging, type SieImportResult, type SieImportTarget } from '../../services/ledger/import.ts';
import { MAX_PROBLEMS, SieParser } from './parser.ts';
import { readSie, sieLimits } from './read.ts';
import type { BalanceRecord, SieRecord } from './records.ts';
import { SieValidator } from './validate.ts';

export interface SieImportInput {
  /** A file path, or a stream with its file name. */
  readonly source: string | Readable;
  readonly fileName?: string;
  /** The file is confirmed to be a predecessor's books (see LedgerFileInput). */
  readonly predecessor?: boolean;
  /** The kansli's confirmation that the file's #ORGNR is the förbund's (see LedgerFileInput). */
  readonly organisationNumber?: string;
}

const failWith = (fileName: string) => (problems: readonly InputProblem[]) =>
  new InputError(problems.length ? problems : [{ file: fileName, message: 'Filen kunde inte läsas in.' }]);

/**
 * Imports an SIE 4 file (types 1–4, 4E, 4I) as the förbund's ledger for the file's financial year (#RAR 0),
 * all or nothing (see importLedgerFile). The file is streamed: SieParser turns its lines into records,
 * SieValidator checks them as they pass, and the year, balances and vouchers go to the ledger service's staging
 * as they come; any problem (see SieParser, SieValidator) is thrown as an InputError and nothing is published.
 */
export async function importSieFile(db: Database, federation: SieImportTarget, input: SieImportInput, actor: Actor): Promise<SieImportResult> {
  const fileName = valueOrThrow(parseText(input.fileName ?? (typeof input.source === 'string' ? basename(input.source) : 'SIE-fil'), { kind: 'fileName' }), { field: 'filnamn' });
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
  try {
    return await importLedgerFile(
      db,
      federation,
      {
        fileName,
        sha256: () => hash.digest('hex'),
        ...(input.predecessor !== undefined ? { predecessor: input.predecessor } : {}),
        ...(input.organisationNumber !== undefined ? { organisationNumber: input.organisationNumber } : {}),
      },
      (staging) => readIntoStaging(tap, raw, fileName, staging),
      actor,
    );
  } finally {
    raw.destroy();
  }
}

/** Reads the whole file, handing its year and rows to the staging; returns the checked facts or throws. */
async function readIntoStaging(tap: Readable, raw: Readable, fileName: string, staging: LedgerStaging): Promise<LedgerFileFacts> {
  const parser = new SieParser(fileName);
  const validator = new SieValidator(fileName);
  const fail = failWith(fileName);
  let year: { start: string; end: string } | null = null;
  let previous: { start: string; end: string } | null = null;
  const accounts = new Map<string, { name: string; type: string | null; sru: string | null }>();
  const dimensions: Extract<SieRecord, { type: 'dimension' }>[] = [];
  const objects: Extract<SieRecord, { type: 'object' }>[] = [];
  // Balances before the first voucher wait for #RAR -1 (which may follow them) to be known.
  const pendingBalances: BalanceRecord[] = [];
  const begin = async (line: number) => {
    if (staging.begun) return;
    if (!year) throw fail([{ file: fileName, line, field: '#RAR', message: 'Räkenskapsåret saknas (#RAR 0) före filens saldon och verifikationer. Exportera med räkenskapsårets start- och slutdatum i filhuvudet.' }]);
    await staging.begin(year, previous);
    for (const b of pendingBalances.splice(0)) await staging.addBalance(b);
  };

  for await (const batch of readSie(tap, parser)) {
    for (const r of batch) {
      validator.add(r);
      switch (r.type) {
        case 'year':
          if (r.yearIndex === 0 && !year) year = { start: r.start, end: r.end };
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
          if (!staging.begun) pendingBalances.push(r);
          else await staging.addBalance(r);
          break;
        case 'voucher':
          await begin(r.line);
          await staging.addVoucher(r);
          break;
        default:
          break;
      }
    }
    if (parser.problems.length + validator.problems.length >= MAX_PROBLEMS) break;
    // Reading buffered data resolves in microtasks only: without this, a long stretch of lines that write
    // nothing (20 000 #KONTO) would keep every other request off the event loop until it ends.
    await new Promise((resolve) => setImmediate(resolve));
  }
  raw.destroy();
  const summary = validator.finish();
  const problems = [...parser.problems, ...validator.problems];
  if (problems.length) throw fail(problems.slice(0, MAX_PROBLEMS));
  await begin(0);
  return { ...summary, accounts, dimensions, objects };
}
