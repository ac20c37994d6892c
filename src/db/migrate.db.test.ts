import { afterAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { listMigrations, migrate } from './migrate.ts';

describe('migrations', () => {
  it('apply from an empty database, once each, and a second run changes nothing', async () => {
    const db = await createTestDb();
    try {
      const names = (await db.query<{ name: string }>('select name from schema_migration order by name')).map((r) => r.name);
      expect(names).toEqual(listMigrations().map((m) => m.name));
      expect(await migrate(db)).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('roll a failed transaction back completely', async () => {
    const db = await createTestDb();
    try {
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into federation (name) values ('Förbund A')");
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await db.query('select * from federation')).toEqual([]);
    } finally {
      await db.drop();
    }
  });

  it('makes the acting user visible to triggers within a transaction', async () => {
    const db = await createTestDb();
    try {
      const rows = await db.transaction(
        (tx) => tx.query<{ actor: string }>("select current_setting('samordna.actor', true) as actor"),
        { id: 'user-42' },
      );
      expect(rows[0]?.actor).toBe('user-42');
    } finally {
      await db.drop();
    }
  });
});
