import { NotFoundError } from '../../core/errors.ts';
import { parseActivityInput, type ActivityInput } from '../../core/interventions/intervention.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertMembersOf } from '../members/members.ts';
import { checkActivityDates } from './corrections.ts';

/** A recorded structural activity: what was entered (ActivityInput), its id, and the members' names. */
export interface Activity extends Omit<ActivityInput, 'participantsByMember'> {
  readonly id: number;
  readonly participantsByMember: readonly { memberId: number; memberName: string; participants: number }[];
}

/** Records a structural activity (training, meeting place) with its participants, by member where known. */
export async function addActivity(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const a = parseActivityInput(raw);
  return db.transaction(async (tx) => {
    if (a.interventionId !== null) {
      const rows = await tx.query('select 1 from intervention where federation_id = $1 and id = $2', [federationId, a.interventionId]);
      if (!rows.length) throw new NotFoundError('Insatsen finns inte.');
    }
    await checkActivityDates(tx, federationId, a);
    await assertMembersOf(tx, federationId, a.participantsByMember.map((b) => b.memberId), 'participantsByMember');
    const [row] = await tx.query<{ id: number }>(
      `insert into activity (federation_id, intervention_id, year, name, target_group, sessions, day_length, scope_note, first_date, last_date,
         participants, evaluation_score, sort_order)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, (select coalesce(max(sort_order), 0) + 1 from activity where federation_id = $1 and year = $3))
       returning id`,
      [federationId, a.interventionId, a.year, a.name, a.targetGroup, a.sessions, a.dayLength, a.scopeNote, a.firstDate, a.lastDate, a.participants, a.evaluationScore],
    );
    for (const b of a.participantsByMember) {
      await tx.query('insert into activity_participants (federation_id, activity_id, member_id, participants) values ($1, $2, $3, $4)', [federationId, row!.id, b.memberId, b.participants]);
    }
    return row!.id;
  }, actor);
}

export async function listActivities(db: Queryable, federationId: number, year: number): Promise<Activity[]> {
  const rows = await db.query<Omit<Activity, 'participantsByMember' | 'evaluationScore'> & { evaluationScore: string | null }>(
    `select id, intervention_id as "interventionId", year, name, target_group as "targetGroup", sessions, day_length as "dayLength",
       scope_note as "scopeNote", to_char(first_date, 'YYYY-MM-DD') as "firstDate", to_char(last_date, 'YYYY-MM-DD') as "lastDate",
       participants, evaluation_score::text as "evaluationScore"
     from activity where federation_id = $1 and year = $2 order by sort_order, id`,
    [federationId, year],
  );
  const byMember = await db.query<{ activityId: number; memberId: number; memberName: string; participants: number }>(
    `select ap.activity_id as "activityId", ap.member_id as "memberId", m.name as "memberName", ap.participants
     from activity_participants ap join member m on m.federation_id = ap.federation_id and m.id = ap.member_id
     join activity a on a.federation_id = ap.federation_id and a.id = ap.activity_id
     where ap.federation_id = $1 and a.year = $2 order by m.sort_order, m.name`,
    [federationId, year],
  );
  return rows.map((r) => ({
    ...r,
    evaluationScore: r.evaluationScore === null ? null : Number(r.evaluationScore),
    participantsByMember: byMember.filter((b) => b.activityId === r.id).map(({ activityId: _, ...b }) => b),
  }));
}
