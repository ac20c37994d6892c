/**
 * Where a year's outcome came from (issue 28): for the outcome page, which source each line and month has; for a
 * figure of the driftredovisning or the outcome page, every outcome row of the line (and month) with its origin —
 * the file and its row and who read it in when (file outcome), who wrote it when (manual and reference outcome,
 * from the audit trail). For a ledger year the SIE file, accounts, objects and vouchers are the ledger area's
 * (src/services/ledger/trace.ts); the page puts the two side by side. Which rows count is the core's rule (src/core/economy/outcomeSources.ts).
 */
import type { Queryable } from '../../db/database.ts';
import { parseInt8 } from '../../db/database.ts';
import { countedOutcomeRows, type OutcomeSource } from '../../core/economy/outcomeSources.ts';
import type { Section } from '../../core/economy/types.ts';
import { formatLocalDateTime } from '../../core/format.ts';
import { NotFoundError } from '../../core/errors.ts';
import { getFiscalYear } from './years.ts';

export interface OutcomeCellSource {
  readonly lineId: number;
  readonly month: number;
  readonly source: OutcomeSource;
}

interface EntryRow {
  id: number;
  lineId: number;
  month: number;
  source: OutcomeSource;
  income: string;
  cost: string;
  sourceRow: number | null;
  importId: number | null;
  fileName: string | null;
  importedBy: string | null;
  importedByName: string | null;
  importedAt: string | null;
  writtenBy: string | null;
  writtenByName: string | null;
  writtenAt: string | null;
  action: string | null;
}

const ledgerImported = `exists (select 1 from ledger_year where federation_id = $1 and state = 'active' and extract(year from start_date) = $2)`;

/** Per line and month with outcome, the source that counts there (one per cell: a manual entry replaces the file's or reference's). */
export async function outcomeCellSources(db: Queryable, federationId: number, year: number): Promise<OutcomeCellSource[]> {
  const rows = await db.query<{ lineId: number; month: number; source: OutcomeSource; ledger: boolean }>(
    `select budget_line_id as "lineId", month, source, ${ledgerImported} as ledger from outcome_entry where federation_id = $1 and year = $2`,
    [federationId, year],
  );
  const counted = countedOutcomeRows(rows, rows[0]?.ledger ?? false);
  return counted.map((r) => ({ lineId: r.lineId, month: r.month, source: r.source })).sort((a, b) => a.lineId - b.lineId || a.month - b.month);
}

/** Who wrote a row and when (the audit trail's latest entry for it). */
export interface Written {
  readonly by: string;
  readonly byName: string | null;
  readonly at: string;
  readonly action: 'insert' | 'update';
}

export interface TracedEntry {
  readonly month: number;
  readonly source: OutcomeSource;
  readonly incomeOre: number;
  readonly costOre: number;
  /** Whether the row counts (a file row a manual entry replaced, or any row of a year the ledger holds, does not). */
  readonly counted: boolean;
  /** File outcome: the file, and the row of it the amounts were on. */
  readonly file: {
    readonly importId: number;
    readonly fileName: string;
    readonly row: number | null;
    readonly importedBy: string;
    readonly importedByName: string | null;
    readonly importedAt: string;
  } | null;
  readonly written: Written | null;
}

export interface OutcomeTrace {
  readonly year: number;
  readonly line: { readonly id: number; readonly label: string; readonly section: Section };
  /** The month traced, or null for the whole year. */
  readonly month: number | null;
  readonly entries: readonly TracedEntry[];
}

/** Every outcome row of one line (in one month, or the year) with where it came from. */
export async function traceOutcome(db: Queryable, federationId: number, year: number, lineId: number, month: number | null): Promise<OutcomeTrace> {
  await getFiscalYear(db, federationId, year);
  const [line] = await db.query<{ id: number; label: string; section: Section }>('select id, label, section from budget_line where federation_id = $1 and id = $2', [federationId, lineId]);
  if (!line) throw new NotFoundError('Budgetposten finns inte.');
  const rows = await db.query<EntryRow & { ledger: boolean }>(
    `select e.id, e.budget_line_id as "lineId", e.month, e.source, e.income_ore::text as income, e.cost_ore::text as cost, e.source_row as "sourceRow",
            i.id as "importId", i.file_name as "fileName", i.imported_by as "importedBy", ui.display_name as "importedByName",
            to_char(i.imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "importedAt",
            a.actor as "writtenBy", ua.display_name as "writtenByName",
            to_char(a.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "writtenAt", a.action,
            ${ledgerImported} as ledger
     from outcome_entry e
     left join outcome_import i on i.federation_id = e.federation_id and i.id = e.import_id
     left join app_user ui on ui.email = i.imported_by
     left join lateral (
       select l.actor, l.occurred_at, l.action from audit_log l
       where l.federation_id = e.federation_id and l.table_name = 'outcome_entry' and l.row_id = e.id::text
       order by l.id desc limit 1) a on true
     left join app_user ua on ua.email = a.actor
     where e.federation_id = $1 and e.year = $2 and e.budget_line_id = $3 and ($4::int is null or e.month = $4)
     order by e.month, e.source`,
    [federationId, year, lineId, month],
  );
  // Whether a row counts depends on the other rows of its line and month only (and on the ledger).
  const counted = new Set(countedOutcomeRows(rows, rows[0]?.ledger ?? false).map((r) => r.id));
  const entries = rows.map(
    (r): TracedEntry => ({
      month: r.month,
      source: r.source,
      incomeOre: parseInt8(r.income),
      costOre: parseInt8(r.cost),
      counted: counted.has(r.id),
      file:
        r.importId === null
          ? null
          : { importId: r.importId, fileName: r.fileName!, row: r.sourceRow, importedBy: r.importedBy!, importedByName: r.importedByName, importedAt: formatLocalDateTime(r.importedAt!) },
      written: r.writtenBy === null ? null : { by: r.writtenBy, byName: r.writtenByName, at: formatLocalDateTime(r.writtenAt!), action: r.action === 'insert' ? 'insert' : 'update' },
    }),
  );
  return { year, line, month, entries };
}
