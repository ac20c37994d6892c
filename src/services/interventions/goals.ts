import { NotFoundError } from '../../core/errors.ts';
import { parseGoalAssessmentInput, parseGoalInput } from '../../core/interventions/intervention.ts';
import type { GoalAssessment } from '../../core/interventions/vocabulary.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';

export interface Goal {
  readonly id: number;
  readonly interventionId: number | null;
  readonly area: string;
  readonly text: string;
  readonly assessments: readonly { year: number; assessment: GoalAssessment; comment: string }[];
}

/** Goals of one intervention, or of the förbund itself (interventionId null). */
export async function listGoals(db: Queryable, federationId: number, interventionId: number | null): Promise<Goal[]> {
  const goals = await db.query<Omit<Goal, 'assessments'>>(
    `select id, intervention_id as "interventionId", area, text from goal
     where federation_id = $1 and intervention_id is not distinct from $2 order by sort_order, id`,
    [federationId, interventionId],
  );
  const assessments = await db.query<{ goalId: number; year: number; assessment: GoalAssessment; comment: string }>(
    `select a.goal_id as "goalId", a.year, a.assessment, a.comment from goal_assessment a join goal g on g.federation_id = a.federation_id and g.id = a.goal_id
     where a.federation_id = $1 and g.intervention_id is not distinct from $2 order by a.year`,
    [federationId, interventionId],
  );
  return goals.map((g) => ({ ...g, assessments: assessments.filter((a) => a.goalId === g.id).map(({ goalId: _, ...a }) => a) }));
}

export async function addGoal(db: Database, federationId: number, interventionId: number | null, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const g = parseGoalInput(raw);
  return db.transaction(async (tx) => {
    if (interventionId !== null) {
      const rows = await tx.query('select 1 from intervention where federation_id = $1 and id = $2', [federationId, interventionId]);
      if (!rows.length) throw new NotFoundError('Insatsen finns inte.');
    }
    const [row] = await tx.query<{ id: number }>(
      `insert into goal (federation_id, intervention_id, area, text, sort_order)
       values ($1, $2, $3, $4, (select coalesce(max(sort_order), 0) + 1 from goal where federation_id = $1)) returning id`,
      [federationId, interventionId, g.area, g.text],
    );
    return row!.id;
  }, actor);
}

/** Sets (or replaces) the year's assessment of a goal. */
export async function assessGoal(db: Database, federationId: number, goalId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const a = parseGoalAssessmentInput(raw);
  await db.transaction(async (tx) => {
    const rows = await tx.query('select 1 from goal where federation_id = $1 and id = $2', [federationId, goalId]);
    if (!rows.length) throw new NotFoundError('Målet finns inte.');
    await tx.query(
      `insert into goal_assessment (federation_id, goal_id, year, assessment, comment) values ($1, $2, $3, $4, $5)
       on conflict (federation_id, goal_id, year) do update set assessment = excluded.assessment, comment = excluded.comment`,
      [federationId, goalId, a.year, a.assessment, a.comment],
    );
  }, actor);
}

export async function goalInterventionId(db: Queryable, federationId: number, goalId: number): Promise<number | null> {
  const [row] = await db.query<{ interventionId: number | null }>('select intervention_id as "interventionId" from goal where federation_id = $1 and id = $2', [federationId, goalId]);
  if (!row) throw new NotFoundError('Målet finns inte.');
  return row.interventionId;
}
