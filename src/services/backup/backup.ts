import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Database, Queryable } from '../../db/database.ts';
import { listMigrations, migrate, type Migration } from '../../db/migrate.ts';
import { InputError } from '../../core/errors.ts';

/**
 * Samordna's portable backup: gzip'd JSON lines, the same for the embedded and the server database.
 *   line 1: {"format":"samordna-backup","version":1,"migrations":[…],"createdAt":"…","tables":N}
 *   then per table, parents before children: {"table":"name","rows":n} followed by n lines, each one
 *   row as PostgreSQL's to_jsonb(row) text (exact: timestamps to the microsecond, numeric, jsonb, arrays).
 * Restore goes into an empty database in one transaction and refuses a backup from a newer schema.
 */
export const backupFormat = 'samordna-backup';
export const backupVersion = 1;

interface Header {
  readonly format: string;
  readonly version: number;
  readonly migrations: readonly string[];
  readonly createdAt: string;
  readonly tables: number;
}

/** Tables in the current schema, parents before children (by foreign keys); schema_migration excluded. */
export async function tablesInDependencyOrder(db: Queryable): Promise<string[]> {
  const tables = (
    await db.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = current_schema() and c.relname <> 'schema_migration'
       order by c.relname`,
    )
  ).map((r) => r.name);
  const edges = await db.query<{ child: string; parent: string }>(
    `select ch.relname as child, pa.relname as parent
     from pg_constraint k
     join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
     join pg_namespace n on n.oid = ch.relnamespace
     where k.contype = 'f' and n.nspname = current_schema()`,
  );
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`Kretsberoende mellan tabeller vid ${t}.`);
    state.set(t, 'visiting');
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of tables) visit(t);
  return order;
}

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

async function appliedMigrations(db: Queryable): Promise<string[]> {
  const [exists] = await db.query<{ ok: boolean }>("select to_regclass('schema_migration') is not null as ok");
  if (!exists?.ok) return [];
  return (await db.query<{ name: string }>('select name from schema_migration order by name')).map((r) => r.name);
}

export interface BackupSummary {
  readonly tables: number;
  readonly rows: number;
}

/** Writes every table of the database to `file`, from one consistent state (writers wait meanwhile). */
export async function backupToFile(db: Database, file: string): Promise<BackupSummary> {
  const gzip = createGzip();
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  let rows = 0;
  let tableCount = 0;
  try {
    await db.transaction(async (tx) => {
      const tables = await tablesInDependencyOrder(tx);
      tableCount = tables.length;
      // Share locks on every table at once: readers go on, writers wait until the backup is read.
      if (tables.length) await tx.exec(`lock table ${tables.map(quoteIdent).join(', ')} in share mode`);
      const header: Header = {
        format: backupFormat,
        version: backupVersion,
        migrations: await appliedMigrations(tx),
        createdAt: new Date().toISOString(),
        tables: tables.length,
      };
      await write(JSON.stringify(header));
      for (const t of tables) {
        const data = await tx.query<{ j: string }>(`select to_jsonb(t)::text as j from ${quoteIdent(t)} t`);
        await write(JSON.stringify({ table: t, rows: data.length }));
        for (const r of data) await write(r.j);
        rows += data.length;
      }
    }, { id: 'backup' });
  } finally {
    gzip.end();
    await done;
  }
  return { tables: tableCount, rows };
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) if (line.length) yield line;
}

function parseHeader(line: string | undefined, file: string): Header {
  let h: Partial<Header> | null = null;
  try {
    h = line ? (JSON.parse(line) as Partial<Header>) : null;
  } catch {
    h = null;
  }
  if (!h || h.format !== backupFormat || !Array.isArray(h.migrations)) {
    throw new InputError({ file, line: 1, message: 'Filen är ingen säkerhetskopia från Samordna.' });
  }
  if (h.version !== backupVersion) {
    throw new InputError({ file, line: 1, field: 'version', message: `Säkerhetskopians format ${h.version} stöds inte av den här versionen (${backupVersion}).` });
  }
  return h as Header;
}

/**
 * Restores a backup into an empty database (migrated or not). The database is first brought to the
 * backup's schema, the rows are loaded in one transaction (all or nothing), then later migrations run.
 */
export async function restoreFromFile(db: Database, file: string, migrations: readonly Migration[] = listMigrations()): Promise<BackupSummary> {
  const lines = readLines(file);
  const first = await lines.next();
  const header = parseHeader(first.done ? undefined : first.value, file);
  const known = new Set(migrations.map((m) => m.name));
  const unknown = header.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new InputError({
      file,
      line: 1,
      field: 'migrations',
      message: `Säkerhetskopian kommer från en nyare version av Samordna (okända migreringar: ${unknown.join(', ')}). Uppdatera Samordna först.`,
    });
  }
  const inBackup = new Set(header.migrations);
  const already = await appliedMigrations(db);
  const extra = already.filter((m) => !inBackup.has(m));
  if (extra.length) {
    throw new InputError({ file, message: `Databasen har redan en nyare struktur än säkerhetskopian (${extra.join(', ')}). Återställ till en tom databas.` });
  }
  await migrate(db, migrations.filter((m) => inBackup.has(m.name)));

  let rows = 0;
  let tables = 0;
  let lineNo = 1;
  await db.transaction(async (tx) => {
    await tx.query("select set_config('samordna.restoring', 'on', true)");
    const existing = await tablesInDependencyOrder(tx);
    for (const t of existing) {
      const [r] = await tx.query<{ any: boolean }>(`select exists (select 1 from ${quoteIdent(t)}) as any`);
      if (r?.any) throw new InputError({ file, message: `Databasen är inte tom (tabellen ${t} har rader). Återställ till en tom databas.` });
    }
    // Generated columns are computed again, not copied.
    const columns = new Map<string, string>();
    for (const r of await tx.query<{ t: string; c: string }>(
      `select table_name as t, string_agg(quote_ident(column_name), ', ' order by ordinal_position) as c
       from information_schema.columns where table_schema = current_schema() and is_generated = 'NEVER' group by table_name`,
    )) {
      columns.set(r.t, r.c);
    }
    const flush = async (table: string, batch: string[]) => {
      if (!batch.length) return;
      const cols = columns.get(table)!;
      try {
        await tx.query(
          `insert into ${quoteIdent(table)} (${cols}) overriding system value
           select ${cols} from jsonb_populate_recordset(null::${quoteIdent(table)}, $1::jsonb)`,
          ['[' + batch.join(',') + ']'],
        );
      } catch (e) {
        throw new InputError({
          file,
          line: lineNo - batch.length + 1,
          field: table,
          message: `Raderna ${lineNo - batch.length + 1}–${lineNo} kunde inte läsas in i tabellen ${table}: ${(e as Error).message}`,
        });
      }
    };
    let table: string | null = null;
    let remaining = 0;
    let batch: string[] = [];
    for await (const line of lines) {
      lineNo += 1;
      if (remaining === 0) {
        let h: { table?: string; rows?: number } = {};
        try {
          h = JSON.parse(line) as typeof h;
        } catch {
          // reported below as an unknown table
        }
        if (typeof h.table !== 'string' || !existing.includes(h.table) || !Number.isSafeInteger(h.rows)) {
          throw new InputError({ file, line: lineNo, field: 'table', message: `Okänd tabell i säkerhetskopian: ${String(h.table)}.` });
        }
        table = h.table;
        remaining = h.rows!;
        tables += 1;
        continue;
      }
      batch.push(line);
      remaining -= 1;
      rows += 1;
      if (batch.length >= 1000 || remaining === 0) {
        await flush(table!, batch);
        batch = [];
      }
    }
    if (remaining !== 0) throw new InputError({ file, line: lineNo, message: 'Säkerhetskopian är avkortad: rader saknas i slutet.' });
    if (tables !== header.tables) throw new InputError({ file, message: `Säkerhetskopian är avkortad: ${tables} av ${header.tables} tabeller.` });
    // Identity columns continue after the restored ids.
    const identities = await tx.query<{ table: string; column: string }>(
      `select table_name as "table", column_name as "column" from information_schema.columns
       where table_schema = current_schema() and is_identity = 'YES'`,
    );
    for (const { table: t, column: col } of identities) {
      await tx.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${quoteIdent(col)}) from ${quoteIdent(t)}), 0) + 1, false)`,
        [quoteIdent(t), col],
      );
    }
  }, { id: 'restore' });
  await migrate(db, [...migrations]);
  return { tables, rows };
}
