import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Database } from './database.ts';

const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/** Migrations are the .sql files in ./migrations, applied in name order, each once, each in its own transaction. */
export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

export async function migrate(db: Database, migrations = listMigrations()): Promise<string[]> {
  await db.exec(`create table if not exists schema_migration (
    name text primary key,
    applied_at timestamptz not null default now()
  )`);
  const done = new Set((await db.query<{ name: string }>('select name from schema_migration')).map((r) => r.name));
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migration (name) values ($1)', [m.name]);
    }, { id: 'migration' });
    applied.push(m.name);
  }
  // The audit trail (0070_audit.sql) attaches its trigger to every table that lacks it, including tables
  // that later migrations of other areas add.
  await db.transaction(async (tx) => {
    const [fn] = await tx.query<{ ok: boolean }>("select to_regproc('ensure_audit_triggers') is not null as ok");
    if (fn?.ok) await tx.query('select ensure_audit_triggers()');
  }, { id: 'migration' });
  return applied;
}
