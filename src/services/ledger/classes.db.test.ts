import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { setClassRange } from './classes.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import { ledgerStatements } from './statements.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let fed: number;
beforeAll(async () => {
  db = await createTestDb();
  const r = await importSieFile(db, { name: 'Klassförbundet' }, { source: Readable.from([generateSie({ transactionRows: 200 })]), fileName: 'k.se' }, { id: 't' });
  fed = r.federationId;
});
afterAll(() => db.drop());

it('a förbund can reclassify a range: interest income booked as an operating item moves between the statement rows', async () => {
  const before = (await ledgerStatements(db, fed, 2025))!.current.income;
  await setClassRange(db, fed, { from: '8410', to: '8410', class: 'operating_income' }, { id: 't' });
  const after = (await ledgerStatements(db, fed, 2025))!.current.income;
  expect(after.operatingIncomeOre - before.operatingIncomeOre).toBe(18055100); // Finansiella intäkter 2025: 180 551 kr
  expect(after.financialIncomeOre).toBe(0);
  expect(after.resultOre).toBe(before.resultOre);
  await expect(setClassRange(db, fed, { from: '84', to: '8499', class: 'cash' }, { id: 't' })).rejects.toBeInstanceOf(InputError);
  await expect(setClassRange(db, fed, { from: '8400', to: '8499', class: 'nonsense' }, { id: 't' })).rejects.toThrow(/Okänd klass/);
});
