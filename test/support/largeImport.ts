/**
 * A stand-alone process for the crash test: opens the embedded database in a data directory and imports
 * many rows in ONE transaction, the way an importer does, printing progress after each batch so that the
 * test can kill it (kill -9) in the middle.
 *   node --import tsx test/support/largeImport.ts DATA_DIR baseline   → commits a small förbund
 *   node --import tsx test/support/largeImport.ts DATA_DIR import N   → N batches of 500 rows in one transaction
 */
import { openDatabase } from '../../src/db/open.ts';

const [dataDir, mode, batchesArg] = process.argv.slice(2);
if (!dataDir || !mode) throw new Error('usage: largeImport.ts DATA_DIR baseline|import [batches]');
const db = await openDatabase({ ...process.env, DATABASE_URL: '', SAMORDNA_DATA_DIR: dataDir });

if (mode === 'baseline') {
  await db.transaction(async (tx) => {
    const [f] = await tx.query<{ id: number }>("insert into federation (name) values ('Förbund före importen') returning id");
    for (let i = 0; i < 10; i++) await tx.query("insert into member (federation_id, name, kind) values ($1, $2, 'municipality')", [f!.id, `Kommun ${i}`]);
  }, { id: 'baseline' });
  await db.close();
  console.log('baseline done');
} else {
  const batches = Number(batchesArg ?? 1000);
  await db.transaction(async (tx) => {
    const [f] = await tx.query<{ id: number }>("insert into federation (name) values ('Förbund under import') returning id");
    for (let b = 0; b < batches; b++) {
      await tx.query(
        `insert into member (federation_id, name, kind)
         select $1, 'Rad ' || ($2::int * 500 + g), 'municipality' from generate_series(1, 500) g`,
        [f!.id, b],
      );
      await tx.query("insert into budget_line (federation_id, section, label) values ($1, 'structural', $2)", [f!.id, `Post ${b}`]);
      console.log(`batch ${b + 1}`);
    }
  }, { id: 'import' });
  await db.close();
  console.log('import done');
}
