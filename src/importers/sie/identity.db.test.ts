import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { listSieImports } from '../../services/ledger/history.ts';
import { OrganisationConfirmationNeeded } from '../../services/ledger/identity.ts';
import { importSieFile } from './import.ts';
import { ledgerStatements } from '../../services/ledger/statements.ts';

/** Whose books (issue 29, defect 7), notices stored with the import, and names for undeclared accounts. */
const actor = { id: 'test' };
let db: Database & { drop(): Promise<void> };

const sie = (head: string, body = '') => Buffer.from(`#FLAGGA 0
#PROGRAM "Testprogram" 1
#SIETYP 4
${head}
#RAR 0 20250101 20251231
#RAR -1 20240101 20241231
#KONTO 1930 Bank
#KONTO 2099 "Årets resultat"
#KONTO 3010 Bidrag
#IB 0 1930 1500.00
#IB 0 2099 -1000.00
#UB 0 1930 1600.00
#UB 0 2099 -1000.00
#RES 0 3010 -100.00
#VER A 1 20250301 Bidrag
{
#TRANS 1930 {} 100.00
#TRANS 3010 {} -100.00
}
${body}`, 'utf8');
const imp = (fed: number | { name: string }, buf: Buffer, extra: { organisationNumber?: string; predecessor?: boolean } = {}) =>
  importSieFile(db, fed, { source: Readable.from([buf]), fileName: 'bok.se', ...extra }, actor);
const newFed = async (name: string, org: string | null = null) =>
  (await db.query<{ id: number }>('insert into federation (name, organisation_number) values ($1, $2) returning id', [name, org]))[0]!.id;
const orgOf = async (fed: number) => (await db.query<{ org: string | null }>('select organisation_number as org from federation where id = $1', [fed]))[0]!.org;
const importsOf = async (fed: number) => (await db.query<{ n: number }>('select count(*)::int as n from ledger_import where federation_id = $1', [fed]))[0]!.n;

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(() => db.drop());

describe('SIE import: whose books the file holds', () => {
  it('asks a förbund without a number to confirm the file’s #FNAMN/#ORGNR, imports nothing until then, then stores the number', async () => {
    const fed = await newFed('Samordningsförbundet Norr');
    const file = sie('#FNAMN "Annat Bolag AB"\n#ORGNR 222000-1586');
    const err = await imp(fed, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OrganisationConfirmationNeeded);
    expect(err).toMatchObject({ company: 'Annat Bolag AB', organisationNumber: '222000-1586' });
    expect((err as InputError).message).toMatch(/Annat Bolag AB, organisationsnummer 222000-1586.*bekräfta/);
    expect([await importsOf(fed), await orgOf(fed)]).toEqual([0, null]);
    // A confirmation with another number than the file's is refused.
    await expect(imp(fed, file, { organisationNumber: '556036-0793' })).rejects.toThrow(/556036-0793 är inte filens \(#ORGNR 222000-1586\)/);
    expect(await importsOf(fed)).toBe(0);
    await imp(fed, file, { organisationNumber: '222000-1586' });
    expect([await importsOf(fed), await orgOf(fed)]).toEqual([1, '222000-1586']);
    // From now on the same number imports without asking; another number is refused.
    await imp(fed, file);
    await expect(imp(fed, sie('#FNAMN "Tredje AB"\n#ORGNR 556036-0793'))).rejects.toThrow(/förbundets är 222000-1586/);
  });

  it('imports a file without #ORGNR whose #FNAMN is the förbund’s name, and refuses one with another name', async () => {
    const fed = await newFed('Samordningsförbundet Syd');
    await imp(fed, sie('#FNAMN "Samordningsförbundet Syd"'));
    expect(await importsOf(fed)).toBe(1);
    const other = await imp(fed, sie('#FNAMN "Någon Annan AB"')).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(InputError);
    expect((other as InputError).problems[0]).toMatchObject({ field: '#FNAMN', message: expect.stringMatching(/inget giltigt organisationsnummer.*"Någon Annan AB".*Exportera filen med organisationsnumret/) });
  });

  it('gives a förbund created by the import the file’s number', async () => {
    const r = await imp({ name: 'Nytt förbund' }, sie('#FNAMN "Nytt förbund"\n#ORGNR 222000-0000'));
    expect(r.federationCreated).toBe(true);
    expect(await orgOf(r.federationId)).toBe('222000-0000');
  });

  it('refuses a personnummer as #ORGNR even with a confirmation', async () => {
    const fed = await newFed('Samordningsförbundet Väst');
    await expect(imp(fed, sie('#FNAMN "Firma"\n#ORGNR 811228-9874'), { organisationNumber: '811228-9874' })).rejects.toThrow(/#ORGNR.*är ett personnummer/);
    expect(await importsOf(fed)).toBe(0);
  });
});

describe('SIE import: notices and accounts', () => {
  it('stores the notices with the import and lists them in the history', async () => {
    const fed = await newFed('Samordningsförbundet Öst', '222000-1586');
    const dup = '#VER A 1 20250302 Igen\n{\n#TRANS 1930 {} 0.00\n#TRANS 3010 {} 0.00\n}\n';
    const r = await imp(fed, sie('#FNAMN "Öst"\n#ORGNR 222000-1586', dup));
    expect(r.notices.map((n) => n.field)).toEqual(['#IB', 'vernr']);
    const [h] = await listSieImports(db, fed);
    expect(h!.notices).toEqual(r.notices);
    expect(h!.notices[0]!.message).toMatch(/^Föregående års resultat är inte bokfört mot eget kapital: 500\.00 kr/);
    // The unbooked result counts as equity: the balance sheet balances.
    const s = (await ledgerStatements(db, fed, 2025))!;
    expect(s.current.balance.totalAssetsOre).toBe(160000);
  });

  it('names the accounts of a type 4I file without #KONTO from the förbund’s chart, or leaves them unnamed', async () => {
    const fed = await newFed('Samordningsförbundet Mitt', '222000-1586');
    await imp(fed, sie('#FNAMN "Mitt"\n#ORGNR 222000-1586'));
    const fourI = Buffer.from('#FLAGGA 0\n#SIETYP 4\n#FNAMN "Mitt"\n#ORGNR 222000-1586\n#RAR 0 20260101 20261231\n#VER "" "" 20260301 Lön\n{\n#TRANS 3010 {} -100.00\n#TRANS 7010 {} 100.00\n}\n', 'utf8');
    await imp(fed, fourI);
    const names = await db.query<{ account: string; name: string }>(
      "select a.account, a.name from ledger_account a join ledger_year y on y.id = a.year_id where a.federation_id = $1 and y.start_date = '2026-01-01' order by account",
      [fed],
    );
    expect(names).toEqual([{ account: '3010', name: 'Bidrag' }, { account: '7010', name: '' }]);
  });

  it('sums an #RTRANS dated after the year end in the year (its copy #TRANS ignored), and never a #BTRANS', async () => {
    const fed = await newFed('Samordningsförbundet Rättelse', '222000-1586');
    const corr = '#VER A 2 20251220 Rättelse\n{\n#TRANS 1930 {} 50.00\n#TRANS 3010 {} -50.00\n#BTRANS 3010 {} -50.00\n#RTRANS 3010 {} -20.00 20260115\n#TRANS 3010 {} -20.00 20251220\n#RTRANS 1930 {} 20.00 20260115\n#TRANS 1930 {} 20.00 20251220\n}\n';
    const file = sie('#FNAMN "R"\n#ORGNR 222000-1586', corr).toString('utf8').replace('#UB 0 1930 1600.00', '#UB 0 1930 1670.00').replace('#RES 0 3010 -100.00', '#RES 0 3010 -170.00');
    await imp(fed, Buffer.from(file, 'utf8'));
    const months = await db.query<{ account: string; month: number; s: string }>(
      'select account, month, sum(amount_ore)::text as s from ledger_month_total where federation_id = $1 group by account, month order by account, month',
      [fed],
    );
    expect(months.map((m) => [m.account, m.month, Number(m.s)])).toEqual([['1930', 3, 10000], ['1930', 12, 7000], ['3010', 3, -10000], ['3010', 12, -7000]]);
    expect((await ledgerStatements(db, fed, 2025))!.current.income.resultOre).toBe(17000);
  });

  it('closes the previous year at zero for an account with #IB -1 but no #UB -1 (an omitted zero balance)', async () => {
    const fed = await newFed('Samordningsförbundet Fjol', '222000-1586');
    const prev = '#IB -1 1510 300.00\n#IB -1 1930 700.00\n#IB -1 2099 -1000.00\n#UB -1 1930 1000.00\n#UB -1 2099 -1000.00\n';
    await imp(fed, Buffer.from(sie('#FNAMN "F"\n#ORGNR 222000-1586').toString('utf8').replace('#KONTO 1930 Bank', `#KONTO 1510 Kund\n#KONTO 1930 Bank\n${prev}`), 'utf8'));
    const s = (await ledgerStatements(db, fed, 2025))!;
    expect(s.previous!.balance.totalAssetsOre).toBe(100000);
  });
});
