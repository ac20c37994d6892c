import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../core/errors.ts';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser } from '../../../test/support/auth.ts';
import { listMigrations, migrate, type Migration } from '../../db/migrate.ts';
import { backupToFile, restoreFromFile } from './backup.ts';
import { snapshot } from '../../../test/support/snapshot.ts';

// A table with the awkward types, added by a test migration (so the backup's schema includes it).
const typesMigration: Migration = {
  name: '9980_backup_types.sql',
  sql: `create table backup_types (
    id bigint generated always as identity primary key,
    federation_id integer not null references federation (id),
    at timestamptz, day date, amount_ore bigint, ratio numeric(12, 6), raw bytea, tags text[], doc jsonb, note text,
    amount_kr bigint generated always as (amount_ore / 100) stored
  );`,
};
const migrations = [...listMigrations(), typesMigration];

describe('backup and restore', () => {
  let dir: string;
  let source: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-backup-'));
    source = await createTestDb();
    await migrate(source, migrations);
    await source.transaction(async (tx) => {
      const [f] = await tx.query<{ id: number }>(`insert into federation (name, organisation_number, settings) values ('Förbund "Å"', '222000-0000', '{"minCellSize": 7}') returning id`);
      const fid = f!.id;
      for (let i = 0; i < 2500; i++) await tx.query("insert into member (federation_id, name, kind) values ($1, $2, 'municipality')", [fid, `Kommun ${i} – ”citat”\nrad två`]);
      await tx.query("insert into budget_line (federation_id, section, label) values ($1, 'income', 'Medlemsbidrag')", [fid]);
      await tx.query(
        `insert into backup_types (federation_id, at, day, amount_ore, ratio, raw, tags, doc, note)
         values ($1, '2025-03-01 12:34:56.789012+01', '2024-12-31', 9007199254740991, 0.123456, '\\x00ff10', '{a,"b c",NULL}', '{"x": [1, 2.5, null]}', null),
                ($1, null, null, -1, null, null, '{}', 'null', 'tab\there')`,
        [fid],
      );
    }, { id: 'kansli@a.se' });
    const [{ id: fid }] = (await source.query<{ id: number }>('select id from federation')) as [{ id: number }];
    await addTestUser(source, { email: 'kansli@a.se', federationId: fid, role: 'kansli' });
    // Gaps in the ids, so a restore that renumbered rows would show.
    await source.transaction((tx) => tx.query("delete from member where name like 'Kommun 1%'"), { id: 'kansli@a.se' });
  });
  afterAll(() => source.drop());

  it('round-trips every table row by row, audit trail included, and ids continue after the restored ones', async () => {
    const file = join(dir, 'full.samordna.gz');
    const summary = await backupToFile(source, file);
    const target = await createTestDb();
    try {
      const restored = await restoreFromFile(target, file, migrations);
      expect(restored).toEqual(summary);
      const [want, got] = [await snapshot(source), await snapshot(target)];
      expect(Object.keys(got)).toEqual(Object.keys(want));
      for (const t of Object.keys(want)) expect(got[t], t).toEqual(want[t]);
      expect(want.member!.length).toBeGreaterThan(1000);
      expect(want.audit_log!.length).toBeGreaterThan(1000);
      // The restore itself wrote nothing to the audit trail; new writes are audited again afterwards.
      const [{ max }] = (await target.query<{ max: number }>('select max(id)::int as max from member')) as [{ max: number }];
      const [row] = await target.transaction(
        (tx) => tx.query<{ id: number }>("insert into member (federation_id, name, kind) select id, 'Ny', 'region' from federation returning id"),
        { id: 'efter@a.se' },
      );
      expect(row!.id).toBeGreaterThan(max);
      expect((await target.query<{ n: number }>("select count(*)::int as n from audit_log where actor = 'efter@a.se'"))[0]!.n).toBe(1);
    } finally {
      await target.drop();
    }
  });

  it('restores an older backup and then brings the schema up to date', async () => {
    const file = join(dir, 'full.samordna.gz');
    const target = await createTestDb();
    try {
      // The target knows one more migration than the backup: it is applied after the rows are loaded.
      const later: Migration = { name: '9990_later.sql', sql: "alter table member add column note text not null default 'ny kolumn'" };
      await restoreFromFile(target, file, [...migrations, later]);
      const names = (await target.query<{ name: string }>('select name from schema_migration')).map((r) => r.name);
      expect(names).toContain('9990_later.sql');
      expect((await target.query<{ note: string }>('select distinct note from member')).map((r) => r.note)).toEqual(['ny kolumn']);
    } finally {
      await target.drop();
    }
  });

  it('refuses a backup from a newer schema, a database that is not empty, and a damaged file, changing nothing', async () => {
    const file = join(dir, 'full.samordna.gz');
    const target = await createTestDb();
    try {
      await expect(restoreFromFile(target, file /* without the types migration */)).rejects.toThrow(/nyare version av Samordna.*9980_backup_types/);

      const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
      const truncated = join(dir, 'truncated.gz');
      writeFileSync(truncated, gzipSync(lines.slice(0, Math.floor(lines.length * 0.8)).join('\n')));
      await expect(restoreFromFile(target, truncated, migrations)).rejects.toThrow(/avkortad/);
      expect(await target.query('select * from member')).toEqual([]);
      expect(await target.query('select * from audit_log')).toEqual([]);

      const notBackup = join(dir, 'other.gz');
      writeFileSync(notBackup, gzipSync('{"hello": 1}\n'));
      await expect(restoreFromFile(target, notBackup, migrations)).rejects.toThrow(/ingen säkerhetskopia/);

      await target.query("insert into federation (name) values ('Redan här')");
      await expect(restoreFromFile(target, file, migrations)).rejects.toThrow(/inte tom/);
      expect((await target.query('select name from federation'))).toEqual([{ name: 'Redan här' }]);
    } finally {
      await target.drop();
    }
  });

  it('refuses randomly damaged backups with an InputError and leaves the database empty', async () => {
    const file = join(dir, 'full.samordna.gz');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const target = await createTestDb();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: lines.length - 1 }),
          fc.constantFrom('drop', 'replace', 'truncate'),
          fc.string({ maxLength: 20 }),
          async (at, how, junk) => {
            const damaged = lines.slice();
            if (how === 'drop') damaged.splice(Math.max(1, at), 1);
            else if (how === 'replace') damaged[Math.max(1, at)] = junk.trim() || '1';
            else damaged.length = Math.max(1, at);
            const broken = join(dir, 'damaged.gz');
            writeFileSync(broken, gzipSync(damaged.join('\n') + '\n'));
            await expect(restoreFromFile(target, broken, migrations)).rejects.toBeInstanceOf(InputError);
          },
        ),
        { numRuns: 15 },
      );
      for (const t of ['federation', 'member', 'app_user', 'audit_log', 'backup_types']) {
        expect(await target.query(`select * from ${t}`), t).toEqual([]);
      }
    } finally {
      await target.drop();
    }
  });
});
