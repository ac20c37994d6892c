import { NotFoundError } from '../../core/errors.ts';
import {
  addFollowUp,
  assertFollowUp,
  emptyFollowUpCounts,
  followUpDue,
  parseFollowUp,
  type FollowUpCounts,
  type FollowUpMonths,
  type FollowUpStatus,
} from '../../core/interventions/followUp.ts';
import type { SupportSource } from '../../core/interventions/vocabulary.ts';
import { today as todayIn } from '../../core/calendar.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertInterventionExists } from './interventions.ts';

/**
 * Records (or replaces) the status 6 or 12 months after an ended participation's exit. Refused on an open
 * participation and for a status dated before the exit.
 */
export async function recordFollowUp(db: Database, federationId: number, interventionId: number, participationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const status = parseFollowUp(raw);
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ endDate: string | null }>(
      `select to_char(end_date, 'YYYY-MM-DD') as "endDate" from participation where federation_id = $1 and intervention_id = $2 and id = $3 for update`,
      [federationId, interventionId, participationId],
    );
    if (!row) throw new NotFoundError('Deltagandet finns inte.');
    assertFollowUp(status, row.endDate, todayIn());
    await tx.query(
      `insert into participation_follow_up (federation_id, participation_id, months, status_date, reached, support_source, work_or_studies)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (federation_id, participation_id, months) do update
         set status_date = excluded.status_date, reached = excluded.reached, support_source = excluded.support_source,
             work_or_studies = excluded.work_or_studies, recorded_at = now()`,
      [federationId, participationId, status.months, status.statusDate, status.reached, status.supportSource, status.workOrStudies],
    );
  }, actor);
}

/** One follow-up that falls due: the participation's code, exit and due date, and what is recorded. */
export interface DueFollowUp {
  readonly participationId: number;
  readonly code: string;
  readonly endDate: string;
  readonly months: FollowUpMonths;
  readonly dueDate: string;
  readonly recorded: FollowUpStatus | null;
}

interface FollowUpRow {
  participationId: number;
  code: string;
  endDate: string;
  months: FollowUpMonths;
  statusDate: string | null;
  reached: boolean | null;
  supportSource: SupportSource | null;
  workOrStudies: boolean | null;
}

const dueRows = (monthsExpr: string) => `
  select p.id as "participationId", p.code, to_char(p.end_date, 'YYYY-MM-DD') as "endDate", m.months,
         to_char(f.status_date, 'YYYY-MM-DD') as "statusDate", f.reached, f.support_source as "supportSource", f.work_or_studies as "workOrStudies"
  from participation p
  cross join (values (6), (12)) as m (months)
  left join participation_follow_up f on f.federation_id = p.federation_id and f.participation_id = p.id and f.months = m.months
  where p.federation_id = $1 and p.end_date is not null and ${monthsExpr}`;

const toDue = (r: FollowUpRow): DueFollowUp => ({
  participationId: r.participationId,
  code: r.code,
  endDate: r.endDate,
  months: r.months,
  dueDate: followUpDue(r.endDate, r.months),
  recorded:
    r.reached === null ? null : { months: r.months, statusDate: r.statusDate!, reached: r.reached, supportSource: r.supportSource, workOrStudies: r.workOrStudies },
});

/**
 * The follow-ups of an intervention that fall due in a month (exit + 6 or 12 months in it), recorded or not,
 * and those due earlier that are still not recorded (overdue).
 */
export async function dueFollowUps(db: Queryable, federationId: number, interventionId: number, year: number, month: number): Promise<{ due: DueFollowUp[]; overdue: DueFollowUp[] }> {
  await assertInterventionExists(db, federationId, interventionId);
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const rows = await db.query<FollowUpRow>(
    `${dueRows(`p.intervention_id = $2 and (p.end_date + make_interval(months => m.months))::date < ($3::date + interval '1 month')::date`)}
     order by (p.end_date + make_interval(months => m.months)), p.code`,
    [federationId, interventionId, first],
  );
  const all = rows.map(toDue);
  return {
    due: all.filter((d) => d.dueDate >= first),
    overdue: all.filter((d) => d.dueDate < first && d.recorded === null),
  };
}

/** The follow-ups recorded for one participation. */
export async function followUpsOf(db: Queryable, federationId: number, interventionId: number, participationId: number): Promise<DueFollowUp[]> {
  const rows = await db.query<FollowUpRow>(`${dueRows('p.intervention_id = $2 and p.id = $3')} order by m.months`, [federationId, interventionId, participationId]);
  return rows.map(toDue);
}

/**
 * The förbund's follow-ups due in `year` over the given (individual) interventions, by status: counted by the
 * database in one statement, equal to countFollowUps in the core (tested).
 */
export async function countFollowUpsInDb(db: Queryable, federationId: number, year: number, interventionIds: readonly number[]): Promise<FollowUpCounts> {
  const rows = await db.query<{ months: FollowUpMonths; reached: boolean | null; supportSource: SupportSource | null; workOrStudies: boolean | null; n: number }>(
    `select m.months, f.reached, f.support_source as "supportSource", f.work_or_studies as "workOrStudies", count(*)::int as n
     from participation p
     cross join (values (6), (12)) as m (months)
     left join participation_follow_up f on f.federation_id = p.federation_id and f.participation_id = p.id and f.months = m.months
     where p.federation_id = $1 and p.intervention_id = any($2::int[]) and p.end_date is not null
       and (p.end_date + make_interval(months => m.months))::date between $3::date and $4::date
     group by 1, 2, 3, 4`,
    [federationId, interventionIds, `${year}-01-01`, `${year}-12-31`],
  );
  const c = emptyFollowUpCounts();
  for (const r of rows) addFollowUp(c, r.reached === null ? null : { reached: r.reached, supportSource: r.supportSource, workOrStudies: r.workOrStudies }, r.months, r.n);
  return c;
}
