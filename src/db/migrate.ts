import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/**
 * Migrations are the .sql files in ./migrations, one numbered sequence applied in name order, each once, each
 * in its own transaction. A new file takes the next number after the newest (no number ranges per area).
 */
export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

export async function migrate(db: Database, migrations = listMigrations()): Promise<string[]> {
  // Every command opens the database through here: when nothing is pending, it only reads (no DDL, no write).
  const [table] = await db.query<{ ok: boolean }>("select to_regclass('schema_migration') is not null as ok");
  if (!table?.ok) {
    await db.exec(`create table if not exists schema_migration (
      name text primary key,
      applied_at timestamptz not null default now()
    )`);
  }
  const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
  // One sequence: a migration numbered below one already applied would run after it here and before it on a
  // fresh database — two schemas from the same files. Refuse instead of guessing.
  const newest = [...done].sort().at(-1);
  const late = migrations.filter((m) => !done.has(m.name) && newest !== undefined && m.name < newest);
  if (late.length) {
    throw new Error(
      `Migreringen ${late.map((m) => m.name).join(', ')} har ett lägre nummer än ${newest}, som redan har körts. ` +
        `En ny migrering ska ha nästa nummer efter den senaste; byt namn på filen.`,
    );
  }
  const pending = migrations.filter((m) => !done.has(m.name));
  for (const [i, m] of pending.entries()) {
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (name) values ($1)', [m.name]);
      // The audit trail (0070_audit.sql) attaches its trigger to every table that lacks it, including tables
      // that later migrations of other areas add: after the last migration, in its transaction, so a database
      // whose migrations are all recorded has its triggers too (and an open with nothing pending need not look).
      if (i === pending.length - 1) {
        const [fn] = await tx.query<{ ok: boolean }>("select to_regproc('ensure_audit_triggers') is not null as ok");
        if (fn?.ok) await tx.query('select ensure_audit_triggers()');
      }
    }, { id: 'migration' });
  }
  return pending.map((m) => m.name);
}
