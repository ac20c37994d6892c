/**
 * The intervention a justerat board decision creates (issue 21): written inside the caller's transaction (the
 * justering), from the plan the core made of the application, so nobody retypes title, owner, period, goals or
 * the granted amounts.
 */
import { ConflictError } from '../../core/errors.ts';
import type { InterventionPlan } from '../../core/applications/decision.ts';
import type { Queryable } from '../../db/database.ts';

export async function createDecidedIntervention(tx: Queryable, federationId: number, plan: InterventionPlan, decisionDate: string, reference: string): Promise<number> {
  const dup = await tx.query('select 1 from intervention where federation_id = $1 and name = $2', [federationId, plan.name]);
  if (dup.length) throw new ConflictError(`Det finns redan en insats som heter "${plan.name}"; byt ansökans rubrik eller insatsens namn före justeringen.`);
  const [row] = await tx.query<{ id: number }>(
    `insert into intervention (federation_id, name, kind, owner_member_id, period_start, period_end, target_group)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [federationId, plan.name, plan.kind, plan.ownerMemberId, plan.periodStart, plan.periodEnd, plan.targetGroup],
  );
  const id = row!.id;
  for (const memberId of plan.participatingMemberIds) {
    await tx.query('insert into intervention_member (federation_id, intervention_id, member_id) values ($1, $2, $3)', [federationId, id, memberId]);
  }
  for (const g of plan.grants) {
    await tx.query(
      'insert into intervention_grant (federation_id, intervention_id, year, decided_ore, decision_date, reference) values ($1, $2, $3, $4, $5, $6)',
      [federationId, id, g.year, g.amountOre, decisionDate, reference],
    );
  }
  for (const [i, text] of plan.goals.entries()) {
    await tx.query('insert into goal (federation_id, intervention_id, area, text, sort_order) values ($1, $2, $3, $4, $5)', [federationId, id, '', text, i + 1]);
  }
  return id;
}
