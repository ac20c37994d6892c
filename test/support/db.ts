import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { openEmbedded } from '../../src/db/embedded.ts';
import { openServer } from '../../src/db/server.ts';
import { migrate } from '../../src/db/migrate.ts';

/**
 * A fresh, migrated, empty database for one test file or test: embedded (from the migrated template) by
 * default, or a new database on the server named by DATABASE_URL. Close it with `drop()`.
 */
export async function createTestDb(): Promise<Database & { drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `samordna_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openServer(u.toString());
    await migrate(db);
    return Object.assign(db, {
      async drop() {
        await db.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        // pool.end() resolves before its clients' connections have closed; forcing the drop while one is
        // still closing makes that client throw an unhandled error. Wait for them to go first.
        for (let i = 0; i < 50; i++) {
          const [r] = (await a.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name])).rows;
          if (!r.n) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    });
  }
  const template = inject('samordnaTemplate');
  const db = await openEmbedded({ loadDataDir: new Blob([readFileSync(template)]) });
  await migrate(db); // no-op unless a migration was added after the template was made
  return Object.assign(db, { drop: () => db.close() });
}
