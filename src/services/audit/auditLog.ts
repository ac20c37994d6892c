import type { Queryable } from '../../db/database.ts';
import { formatLocalDateTime } from '../../core/format.ts';
import { InputError } from '../../core/errors.ts';
import { participationFieldLabels } from '../../core/interventions/participation.ts';
import { parseIsoDate, valueOrThrow } from '../../core/input/index.ts';
import { changedColumns } from '../../core/audit/changes.ts';
import { auditKindLabels, auditTables, auditTablesOfKind, describeAuditChanges, type AuditFieldChange, type AuditKind, type AuditNames } from '../../core/audit/names.ts';

export interface AuditEntry {
  readonly id: number;
  readonly occurredAt: string;
  readonly actor: string;
  readonly tableName: string;
  readonly rowId: string | null;
  readonly action: 'insert' | 'update' | 'delete';
  readonly oldValues: Record<string, unknown> | null;
  readonly newValues: Record<string, unknown> | null;
  /**
   * Set for rows about participants (their attributes are what the statistics hide): a description such as
   * "deltagande D-AB12-CD34 ändrat: fält slutdatum, avslutsorsak", and then oldValues and newValues are null.
   */
  readonly summary?: string | null;
  /** The table's Swedish name (src/core/audit/names.ts). */
  readonly tableLabel: string;
  /** The person's name when the actor is a user account. */
  readonly actorName: string | null;
  /** The fields shown, by their Swedish names, amounts in kronor and names for ids (none for participant rows). */
  readonly changes: readonly AuditFieldChange[];
}

/**
 * Tables whose values the audit log never shows, to any role: the participants' attributes (a changed age band
 * or end date would undo the statistics' suppression) and the frozen statistics with their unsuppressed counts.
 * The values stay in the database for the system's own integrity; the log shows which row and which fields.
 */
export const maskedAuditTables = ['participation', 'progression_measurement', 'statistics_snapshot'] as const;

const columnLabels: Record<string, string> = {
  ...Object.fromEntries(Object.entries(participationFieldLabels).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v])),
  intervention_id: 'insats',
  participation_id: 'deltagande',
  measured_on: 'mätdatum',
  indicator: 'indikator',
  score: 'värde',
  year: 'år',
  scope: 'omfattning',
  counts: 'underlag',
  published: 'publicerade tal',
  frozen_at: 'fryst',
};
const bookkeeping = new Set(['id', 'federation_id', 'code', 'created_at']);

function participantSummary(e: AuditEntry, code: string | null): string {
  const fields = changedColumns(e).filter((k) => !bookkeeping.has(k)).map((k) => columnLabels[k] ?? k);
  const list = fields.length ? `: fält ${fields.join(', ')}` : '';
  const verb = { insert: 'registrerat', update: 'ändrat', delete: 'borttaget' }[e.action];
  if (e.tableName === 'participation') return `deltagande ${code ?? '(okänd kod)'} ${verb}${list}`;
  if (e.tableName === 'progression_measurement') return `progressionsmätning för deltagande ${code ?? '(borttaget)'} ${verb}${list}`;
  const v = e.newValues ?? e.oldValues ?? {};
  return `deltagarstatistik ${String(v.year ?? '')} fryst (${verb}) – talen visas på statistiksidan, maskerade`;
}

/** Replaces a participant row's values by its description (see maskedAuditTables); names and formats the others'. */
function readable(e: Omit<AuditEntry, 'changes' | 'tableLabel'> & { participantCode?: string | null }, names: AuditNames): AuditEntry {
  const { participantCode, ...entry } = e;
  const tableLabel = auditTables[e.tableName]?.label ?? e.tableName;
  if (!(maskedAuditTables as readonly string[]).includes(e.tableName)) return { ...entry, tableLabel, changes: describeAuditChanges(e.oldValues, e.newValues, names) };
  return { ...entry, tableLabel, oldValues: null, newValues: null, changes: [], summary: participantSummary({ ...entry, tableLabel, changes: [] }, participantCode ?? null) };
}

/** The förbund's names for the ids its log holds: budget lines, members, interventions and user accounts. */
async function auditNames(db: Queryable, federationId: number): Promise<AuditNames> {
  const rows = await db.query<{ k: keyof AuditNames; id: number; name: string }>(
    `select 'budgetLines' as k, id, label as name from budget_line where federation_id = $1
     union all select 'members', id, name from member where federation_id = $1
     union all select 'interventions', id, name from intervention where federation_id = $1
     union all select 'users', u.id, u.display_name from app_user u join federation_role r on r.user_id = u.id and r.federation_id = $1`,
    [federationId],
  );
  const names = { budgetLines: new Map<number, string>(), members: new Map<number, string>(), interventions: new Map<number, string>(), users: new Map<number, string>() };
  for (const r of rows) names[r.k].set(r.id, r.name);
  return names;
}

export interface AuditFilter {
  /** The person: part of the e-mail address or of the name. */
  readonly actor?: string;
  readonly table?: string;
  /** The kind of record (a group of tables: src/core/audit/names.ts). */
  readonly kind?: AuditKind;
  /** ISO dates, inclusive, in Swedish time. */
  readonly from?: string;
  readonly to?: string;
  /** Free text matched against row id and the values before and after. */
  readonly text?: string;
  readonly limit?: number;
}

const maskedList = `array[${maskedAuditTables.map((t) => `'${t}'`).join(', ')}]::text[]`;

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
  const kind = q.kind?.trim();
  if (kind) {
    if (!(kind in auditKindLabels)) throw new InputError({ field: 'kind', message: 'Okänd sorts uppgift.' });
    f.kind = kind as AuditKind;
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
  if (filter.actor) {
    // The person by e-mail address or by name.
    params.push(`%${likeEscape(filter.actor)}%`);
    const p = `$${params.length}`;
    where.push(`(actor ilike ${p} escape '\\' or actor in (select u.email from app_user u where u.display_name ilike ${p} escape '\\'))`);
  }
  if (filter.table) add('table_name = ?', filter.table);
  if (filter.kind) add('table_name = any(?::text[])', auditTablesOfKind(filter.kind));
  if (filter.from) add("occurred_at >= (?::date)::timestamp at time zone 'Europe/Stockholm'", filter.from);
  if (filter.to) add("occurred_at < (?::date + 1)::timestamp at time zone 'Europe/Stockholm'", filter.to);
  if (filter.text) {
    // Participant rows match on their row id and code only: searching their values would answer
    // "which participant is a woman aged 20–24" one query at a time.
    add(
      `(case when table_name = any(${maskedList}) then coalesce(row_id, '') || ' ' || coalesce(new_values ->> 'code', old_values ->> 'code', '')
             else coalesce(row_id, '') || ' ' || coalesce(old_values::text, '') || ' ' || coalesce(new_values::text, '') end) ilike ? escape '\\'`,
      `%${likeEscape(filter.text)}%`,
    );
  }
  params.push(Math.min(Math.max(filter.limit ?? 500, 1), 100_000));
  const names = await auditNames(db, federationId);
  const rows = await db.query<Omit<AuditEntry, 'changes' | 'tableLabel'> & { participantCode: string | null }>(
    `select a.id, to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt", a.actor,
            a.table_name as "tableName", a.row_id as "rowId", a.action, a.old_values as "oldValues", a.new_values as "newValues",
            (select u.display_name from app_user u where u.email = a.actor) as "actorName",
            case when a.table_name = 'participation' then coalesce(a.new_values ->> 'code', a.old_values ->> 'code')
                 when a.table_name = 'progression_measurement' then (
                   select p.code from participation p
                   where p.federation_id = a.federation_id and p.id = (coalesce(a.new_values, a.old_values) ->> 'participation_id')::int)
            end as "participantCode"
     from (select * from audit_log where ${where.join(' and ')} order by id desc limit $${params.length}) a
     order by a.id desc`,
    params,
  );
  // Swedish local time, by the one helper for times shown to users; participant rows without their values.
  return rows.map((r) => readable({ ...r, occurredAt: formatLocalDateTime(r.occurredAt, true) }, names));
}

/** The tables that occur in the förbund's log (for the filter's choice list). */
export async function auditedTables(db: Queryable, federationId: number): Promise<string[]> {
  const rows = await db.query<{ t: string }>('select distinct table_name as t from audit_log where federation_id = $1 order by 1', [federationId]);
  return rows.map((r) => r.t);
}

