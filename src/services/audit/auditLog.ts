import type { Queryable } from '../../db/database.ts';
import { formatLocalDateTime } from '../../core/format.ts';
import { InputError } from '../../core/errors.ts';
import { parseIsoDate, valueOrThrow } from '../../core/input/index.ts';

export interface AuditEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly actor: string;
  readonly tableName: string;
  readonly rowId: string | null;
  readonly action: 'insert' | 'update' | 'delete';
  readonly oldValues: Record<string, unknown> | null;
  readonly newValues: Record<string, unknown> | null;
}

export interface AuditFilter {
  readonly actor?: string;
  readonly table?: string;
  /** ISO dates, inclusive, in Swedish time. */
  readonly from?: string;
  readonly to?: string;
  /** Free text matched against row id and the values before and after. */
  readonly text?: string;
  readonly limit?: number;
}

/** Reads a filter from query parameters; bad dates are an InputError naming the field. */
export function parseAuditFilter(q: Record<string, string | undefined>): AuditFilter {
  const f: { -readonly [K in keyof AuditFilter]: AuditFilter[K] } = {};
  for (const k of ['actor', 'table', 'text'] as const) {
    const v = q[k]?.trim();
    if (!v) continue;
    // A NUL or other control character is a 400 here, not a database error (a search is not stored, so
    // only the characters are checked, not identity numbers).
    if (/[\u0000-\u001f\u007f]/.test(v)) throw new InputError({ field: k, message: 'Sökningen innehåller otillåtna styrtecken.' });
    f[k] = v.slice(0, 200);
  }
  for (const k of ['from', 'to'] as const) {
    const v = q[k]?.trim();
    if (!v) continue;
    f[k] = valueOrThrow(parseIsoDate(v), { field: k });
  }
  return f;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

/** The förbund's audit entries matching the filter, newest first. */
export async function queryAuditLog(db: Queryable, federationId: number, filter: AuditFilter = {}): Promise<AuditEntry[]> {
  const where = ['federation_id = $1'];
  const params: unknown[] = [federationId];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.actor) add("actor ilike ? escape '\\'", `%${likeEscape(filter.actor)}%`);
  if (filter.table) add('table_name = ?', filter.table);
  if (filter.from) add("occurred_at >= (?::date)::timestamp at time zone 'Europe/Stockholm'", filter.from);
  if (filter.to) add("occurred_at < (?::date + 1)::timestamp at time zone 'Europe/Stockholm'", filter.to);
  if (filter.text) {
    add(
      "(coalesce(row_id, '') || ' ' || coalesce(old_values::text, '') || ' ' || coalesce(new_values::text, '')) ilike ? escape '\\'",
      `%${likeEscape(filter.text)}%`,
    );
  }
  params.push(Math.min(Math.max(filter.limit ?? 500, 1), 100_000));
  const rows = await db.query<AuditEntry>(
    `select id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt", actor,
            table_name as "tableName", row_id as "rowId", action, old_values as "oldValues", new_values as "newValues"
     from audit_log where ${where.join(' and ')} order by id desc limit $${params.length}`,
    params,
  );
  // Swedish local time, by the one helper for times shown to users.
  return rows.map((r) => ({ ...r, occurredAt: formatLocalDateTime(r.occurredAt, true) }));
}

/** The tables that occur in the förbund's log (for the filter's choice list). */
export async function auditedTables(db: Queryable, federationId: number): Promise<string[]> {
  const rows = await db.query<{ t: string }>('select distinct table_name as t from audit_log where federation_id = $1 order by 1', [federationId]);
  return rows.map((r) => r.t);
}

/** Which columns changed in an update (for display); all columns for insert and delete. */
export function changedColumns(e: Pick<AuditEntry, 'oldValues' | 'newValues'>): string[] {
  const o = e.oldValues ?? {};
  const n = e.newValues ?? {};
  const keys = [...new Set([...Object.keys(o), ...Object.keys(n)])];
  if (!e.oldValues || !e.newValues) return keys;
  return keys.filter((k) => JSON.stringify(o[k]) !== JSON.stringify(n[k]));
}
