/**
 * The one-off check for identity numbers already stored: rows written before the identity guard read every
 * spelling (other scripts' digits, any separator, look-alike letters) may hold a personnummer. Every text,
 * JSON and array column of every table is read through the same guard as new input (src/core/privacy), and
 * each finding is kept as table, column and row — never the value — in `privacy_finding`, which the kansli
 * sees on the förbund's start page. A scan replaces the earlier findings of its scope, so a row that was
 * corrected disappears from the list at the next scan. Nothing is changed or deleted silently: correcting the
 * row is the kansli's decision (the audit log keeps old values and cannot be rewritten; such findings say so).
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { holdsIdentityNumber, isPhoneField } from '../../core/privacy/identityGuard.ts';

export interface StoredIdentityFinding {
  readonly federationId: number | null;
  readonly table: string;
  readonly column: string;
  /** The row's id (or, without an id column, its position in the table as PostgreSQL names it). */
  readonly row: string;
}

// Secrets are hashes and tokens, never shown: a digit run in a hash is no personnummer anyone can read.
const notText = /(_hash|^token|_token)$/;
const skippedTables = new Set(['privacy_finding', 'schema_migration']);
const batch = 2000;

/** Every row of the scope (one förbund, or the whole installation) whose text holds an identity number. */
export async function findStoredIdentityNumbers(db: Queryable, federationId: number | null): Promise<StoredIdentityFinding[]> {
  const columns = await db.query<{ table: string; column: string; hasId: boolean; hasFederation: boolean }>(
    `select c.table_name as "table", c.column_name as "column",
            exists (select 1 from information_schema.columns i where i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id') as "hasId",
            exists (select 1 from information_schema.columns i where i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'federation_id') as "hasFederation"
     from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
       and c.data_type in ('text', 'character varying', 'json', 'jsonb', 'ARRAY')
     order by c.table_name, c.column_name`,
  );
  const found: StoredIdentityFinding[] = [];
  for (const c of columns) {
    if (skippedTables.has(c.table) || notText.test(c.column)) continue;
    const federationColumn = c.table === 'federation' ? 'id' : c.hasFederation ? 'federation_id' : null;
    // A förbund's scan reads its own rows only; rows outside any förbund belong to the installation's scan.
    if (federationId !== null && federationColumn === null) continue;
    const key = c.hasId ? 'id::text' : 'ctid::text';
    const fed = federationColumn ? `${federationColumn}::int` : 'null::int';
    for (let offset = 0; ; offset += batch) {
      // Only values with a digit-like character (any script, or a look-alike letter) can hold a number.
      const rows = await db.query<{ key: string; federation: number | null; value: string }>(
        `select ${key} as key, ${fed} as federation, "${c.column}"::text as value from "${c.table}"
         where "${c.column}" is not null and "${c.column}"::text ~ '[0-9]|[^\x01-\x7f]'
           ${federationId !== null ? `and ${federationColumn} = $1` : ''}
         order by 1 limit ${batch} offset ${offset}`,
        federationId !== null ? [federationId] : [],
      );
      for (const r of rows) {
        if (holdsIdentityNumber(r.value, { phone: isPhoneField(camel(c.column)) })) found.push({ federationId: r.federation, table: c.table, column: c.column, row: r.key });
      }
      if (rows.length < batch) break;
    }
  }
  return found;
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** Scans and keeps the findings for the kansli (replacing the scope's earlier ones), in one transaction. */
export async function scanStoredIdentityNumbers(db: Database, federationId: number | null, actor: Actor): Promise<StoredIdentityFinding[]> {
  return db.transaction(async (tx) => {
    const found = await findStoredIdentityNumbers(tx, federationId);
    if (federationId === null) await tx.query('delete from privacy_finding');
    else await tx.query('delete from privacy_finding where federation_id = $1', [federationId]);
    for (const f of found) {
      await tx.query(
        'insert into privacy_finding (federation_id, table_name, column_name, row_key) values ($1, $2, $3, $4) on conflict do nothing',
        [f.federationId, f.table, f.column, f.row],
      );
    }
    return found;
  }, actor);
}

/** The kept findings of one förbund, for its kansli (table, column, row — never the value). */
export async function listStoredIdentityFindings(db: Queryable, federationId: number): Promise<StoredIdentityFinding[]> {
  return db.query<StoredIdentityFinding>(
    `select federation_id as "federationId", table_name as "table", column_name as "column", row_key as "row"
     from privacy_finding where federation_id = $1 order by table_name, column_name, row_key`,
    [federationId],
  );
}
