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

  it('refuse a new migration numbered below one already applied (it would run in another order on a fresh database)', async () => {
    const db = await createTestDb();
    try {
      const all = listMigrations();
      const last = all.at(-1)!;
      const before = await db.query('select name from schema_migration order by name');
      await expect(migrate(db, [...all, { name: '0002_late.sql', sql: 'create table late_one (id int)' }])).rejects.toThrow(/0002_late.sql har ett lägre nummer än .*som redan har körts/);
      expect(await db.query('select name from schema_migration order by name')).toEqual(before);
      expect(await db.query("select to_regclass('late_one') is null as absent")).toEqual([{ absent: true }]);
      expect(await migrate(db, [...all, { name: `${last.name.slice(0, 4).replace(/\d+/, (n) => String(Number(n) + 1).padStart(4, '0'))}_next.sql`, sql: 'create table next_one (id int)' }])).toHaveLength(1);
    } finally {
      await db.drop();
    }
  });

  it('are one numbered sequence: four-digit numbers, none used twice', () => {
    const numbers = listMigrations().map((m) => m.name.slice(0, 4));
    for (const m of listMigrations()) expect(m.name).toMatch(/^\d{4}_[a-z0-9_]+\.sql$/);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});
