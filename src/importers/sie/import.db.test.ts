import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { generateSie } from './testing/generate.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { listSieImports } from '../../services/ledger/history.ts';
import { importSieFile } from './import.ts';
import { ledgerStatements } from '../../services/ledger/statements.ts';

const ref = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland-2025.source.json', import.meta.url), 'utf8'));
const actor = { id: 'test-user' };
let db: Database & { drop(): Promise<void> };
let fed: number;

/** Every ledger table's row count and a digest of its content: equal snapshots mean nothing changed. */
async function snapshot() {
  const out: Record<string, unknown> = {};
  for (const t of ['ledger_import', 'ledger_year', 'ledger_account', 'ledger_dimension', 'ledger_object', 'ledger_balance', 'ledger_account_total', 'ledger_voucher', 'ledger_transaction']) {
    const [r] = await db.query<{ n: string; d: string | null }>(`select count(*)::text as n, md5(string_agg(t::text, '|' order by t::text)) as d from ${t} t`);
    out[t] = r;
  }
  return out;
}

const importBuffer = (buf: Buffer, fileName = 'bokslut-2025.se') => importSieFile(db, fed, { source: Readable.from([buf]), fileName }, actor);

beforeAll(async () => {
  db = await createTestDb();
  [{ id: fed }] = (await db.query<{ id: number }>("insert into federation (name, organisation_number) values ('Samordningsförbundet Västmanland', '222000-0000') returning id")) as [{ id: number }];
});
afterAll(() => db.drop());

describe('importSieFile', () => {
  it('imports a generated file with its history row, and the statements from the database equal the reference', async () => {
    const buf = generateSie({ transactionRows: 2000 });
    const result = await importBuffer(buf);
    expect(result.yearStart).toBe('2025-01-01');
    expect(result.sha256).toBe(createHash('sha256').update(buf).digest('hex'));
    const [counts] = await db.query<{ v: string; t: string }>('select (select count(*) from ledger_voucher)::text as v, (select count(*) from ledger_transaction)::text as t');
    expect(Number(counts!.v)).toBe(result.vouchers);
    expect(Number(counts!.t)).toBe(result.transactions);
    const history = await listSieImports(db, fed);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ fileName: 'bokslut-2025.se', importedBy: 'test-user', sha256: result.sha256, vouchers: result.vouchers, replacedAt: null });

    const s = (await ledgerStatements(db, fed, 2025))!;
    const is = ref.income_statement.rows as { label: string; y2025: number; y2024: number }[];
    const income = s.layout.find((l) => l.key === 'income')!.rows;
    for (const r of is) {
      const row = income.find((x) => x.label === r.label)!;
      expect([row.currentOre! / 100, row.previousOre! / 100], r.label).toEqual([r.y2025, r.y2024]);
    }
    expect(s.current.balance.equityOre / 100).toBe(4373785); // Not 5 prints 4 373 784: reference README, expect the computed value
    expect(s.current.cashFlow.cashClosingOre / 100).toBe(9350453);
    // The previous year alone (from the same file's #RAR -1).
    const prev = (await ledgerStatements(db, fed, 2024))!;
    expect(prev.current.income.resultOre / 100).toBe(81778);
    expect(prev.previous).toBeNull();
  });

  it('refuses a file declaring more accounts or objects than a chart of accounts can hold, at the first one over, changing nothing', async () => {
    const before = await snapshot();
    const head = '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n';
    const accounts = Array.from({ length: 20_001 }, (_, i) => `#KONTO ${10000 + i} "Konto ${i}"`).join('\n');
    await expect(importBuffer(Buffer.from(`${head}${accounts}\n`), 'konton.se')).rejects.toThrow(/konton.se, rad 20004, fält "#KONTO": Filen deklarerar fler än 20\s000 konton/);
    const objects = Array.from({ length: 100_001 }, (_, i) => `#OBJEKT 6 P${i} "Projekt ${i}"`).join('\n');
    await expect(importBuffer(Buffer.from(`${head}#DIM 6 Projekt\n${objects}\n`), 'objekt.se')).rejects.toThrow(/fält "#OBJEKT": Filen deklarerar fler än 100\s000 objekt/);
    expect(await snapshot()).toEqual(before);
  });

  it('re-importing the same year replaces it atomically and keeps the history', async () => {
    const before = await ledgerStatements(db, fed, 2025);
    const result = await importBuffer(generateSie({ transactionRows: 500, encoding: 'utf8' }), 'bokslut-2025-v2.se');
    expect(result.replacedImportId).not.toBeNull();
    const history = await listSieImports(db, fed);
    expect(history.map((h) => [h.fileName, h.replacedAt === null])).toEqual([
      ['bokslut-2025-v2.se', true],
      ['bokslut-2025.se', false],
    ]);
    const [{ n }] = (await db.query<{ n: string }>('select count(*)::text as n from ledger_transaction')) as [{ n: string }];
    expect(Number(n)).toBe(result.transactions);
    expect((await ledgerStatements(db, fed, 2025))!.current).toEqual(before!.current);
  });

  it.each([
    ['an unbalanced voucher', (t: string) => t.replace('#TRANS 1930 {} -', '#TRANS 1930 {} -1'), /balanserar inte/],
    ['a malformed amount', (t: string) => t.replace(/#TRANS 1930 \{\} (-?\d+)\.(\d\d)/, '#TRANS 1930 {} $1,$2x'), /inte ett giltigt belopp/],
    ['a date outside the year', (t: string) => t.replace('#VER A 2 2025', '#VER A 2 2024'), /utanför räkenskapsåret/],
    ['an undeclared account', (t: string) => t.replace('#KONTO 8510 "Räntekostnader"', ''), /8510 används men är inte deklarerat/],
    ['another company’s books', (t: string) => t.replace('#ORGNR 222000-0000', '#ORGNR 556036-0793'), /förbundets är 222000-0000/],
    ['a closing balance that does not match', (t: string) => t.replace('#UB 0 1930 9350453.00', '#UB 0 1930 9350454.00'), /utgående balans/],
    ['a truncated file', (t: string) => t.slice(0, Math.floor(t.length * 0.7)), /avkortad/],
  ])('rejects %s with file and line, and leaves the database unchanged', async (_name, mutate, message) => {
    const before = await snapshot();
    const text = mutate(generateSie({ transactionRows: 400, encoding: 'utf8', lineEnding: '\n' }).toString('utf8'));
    const err = await importBuffer(Buffer.from(text, 'utf8'), 'trasig.se').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(message);
    expect((err as InputError).problems[0]!.file).toBe('trasig.se');
    expect(await snapshot()).toEqual(before);
  });

  it('imports the SIE group example file (PC-8, objects, #RAR -1)', async () => {
    const [{ id }] = (await db.query<{ id: number }>("insert into federation (name, organisation_number) values ('Exempelförbundet', '555555-5555') returning id")) as [{ id: number }];
    const result = await importSieFile(db, id, { source: 'test/fixtures/SIE4-exempelfil.SE' }, actor);
    expect(result).toMatchObject({ yearStart: '2021-01-01', vouchers: 295, transactions: 1330, accounts: 530 });
    const [row] = await db.query<{ name: string }>("select name from ledger_object where federation_id = $1 and code = 'Nord'", [id]);
    expect(row!.name).toBe('Kontor Nord');
    const [v] = await db.query<{ text: string }>('select text from ledger_voucher where federation_id = $1 and seq = 1', [id]);
    expect(v!.text).toBe('Kaffebröd');
  });
});
