import fc from 'fast-check';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { InputError } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { generateSie } from './testing/generate.ts';
import { applyMutation, mutationArb } from './testing/mutations.ts';
import { createTestDb } from '../../../test/support/db.ts';
import { importSieFile } from './import.ts';

let db: Database & { drop(): Promise<void> };
let fed: number;
const base = generateSie({ transactionRows: 120 });

async function state() {
  const [r] = await db.query<Record<string, string>>(
    `select (select count(*) from ledger_import)::text as imports, (select count(*) from ledger_year)::text as years,
            (select count(*) from ledger_voucher)::text as vouchers, (select count(*) from ledger_transaction)::text as transactions,
            (select count(*) from ledger_account_total)::text as totals, (select coalesce(max(id), 0) from ledger_import where replaced_at is null)::text as current`,
  );
  return r!;
}

beforeAll(async () => {
  db = await createTestDb();
  [{ id: fed }] = (await db.query<{ id: number }>("insert into federation (name, organisation_number) values ('Fuzzförbundet', '222000-0000') returning id")) as [{ id: number }];
  await importSieFile(db, fed, { source: Readable.from([base]), fileName: 'original.se' }, { id: 't' });
});
afterAll(() => db.drop());

it('a damaged file either imports completely or fails with an InputError and changes nothing (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), async (mutations) => {
      const damaged = mutations.reduce(applyMutation, base);
      const before = await state();
      const started = performance.now();
      const outcome: Awaited<ReturnType<typeof importSieFile>> | Error = await importSieFile(db, fed, { source: Readable.from([damaged]), fileName: 'skadad.se' }, { id: 't' }).catch((e: Error) => e);
      expect(performance.now() - started).toBeLessThan(10_000);
      if (outcome instanceof Error) {
        expect(outcome).toBeInstanceOf(InputError);
        expect(await state()).toEqual(before);
      } else {
        // A complete import: exactly what the result says is in the database, for one year.
        const [r] = await db.query<{ t: string; v: string }>(
          'select (select count(*) from ledger_transaction where year_id = $1)::text as t, (select count(*) from ledger_voucher where year_id = $1)::text as v',
          [outcome.yearId],
        );
        expect([Number(r!.t), Number(r!.v)]).toEqual([outcome.transactions, outcome.vouchers]);
      }
    }),
    { numRuns: 25 },
  );
});
