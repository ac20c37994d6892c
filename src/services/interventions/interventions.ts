import { InputError, NotFoundError } from '../../core/errors.ts';
import {
  parseGrantInput,
  parseInterventionInput,
  parseStaffingInput,
  type InterventionInput,
} from '../../core/interventions/intervention.ts';
import { consumption, type ConsumptionLine } from '../../core/interventions/consumption.ts';
import type { InterventionKind } from '../../core/interventions/vocabulary.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertMembersOf } from '../members/members.ts';
import { addCheckedRequisition } from './corrections.ts';
import { today } from '../../core/calendar.ts';
import { decisionDateProblems } from '../../core/interventions/plausibility.ts';

export interface InterventionSummary {
  readonly id: number;
  readonly name: string;
  readonly kind: InterventionKind;
  readonly ownerMemberId: number | null;
  readonly ownerName: string | null;
  readonly periodStart: string;
  readonly periodEnd: string | null;
  readonly capacity: number | null;
}

export interface Intervention extends InterventionSummary {
  readonly targetGroup: string;
  readonly municipalitiesServed: readonly string[];
  readonly steeringGroup: string;
  readonly budgetLineId: number | null;
  readonly budgetLineLabel: string | null;
  readonly fkFollowUpMethod: string;
  readonly esfFinanced: boolean;
  readonly participatingMembers: readonly { id: number; name: string }[];
  readonly staffing: readonly { id: number; memberId: number; memberName: string; role: string; fte: number }[];
  readonly grants: readonly { id: number; year: number; decidedOre: number; decisionDate: string; reference: string }[];
  readonly requisitions: readonly { id: number; date: string; amountOre: number; note: string }[];
  readonly consumption: readonly ConsumptionLine[];
}

const summaryColumns = `i.id, i.name, i.kind, i.owner_member_id as "ownerMemberId", m.name as "ownerName",
  to_char(i.period_start, 'YYYY-MM-DD') as "periodStart", to_char(i.period_end, 'YYYY-MM-DD') as "periodEnd", i.capacity`;

export async function listInterventions(db: Queryable, federationId: number): Promise<InterventionSummary[]> {
  return db.query<InterventionSummary>(
    `select ${summaryColumns} from intervention i left join member m on m.federation_id = i.federation_id and m.id = i.owner_member_id
     where i.federation_id = $1 order by i.kind, i.name`,
    [federationId],
  );
}

async function checkReferences(tx: Queryable, federationId: number, input: InterventionInput): Promise<void> {
  await assertMembersOf(tx, federationId, [input.ownerMemberId], 'ownerMemberId');
  await assertMembersOf(tx, federationId, input.participatingMemberIds, 'participatingMemberIds');
  if (input.budgetLineId !== null) {
    const rows = await tx.query('select 1 from budget_line where federation_id = $1 and id = $2', [federationId, input.budgetLineId]);
    if (!rows.length) throw new InputError({ field: 'budgetLineId', message: 'Okänd budgetpost.' });
  }
}

async function writeParticipatingMembers(tx: Queryable, federationId: number, interventionId: number, ids: readonly number[]): Promise<void> {
  await tx.query('delete from intervention_member where federation_id = $1 and intervention_id = $2', [federationId, interventionId]);
  for (const memberId of new Set(ids)) {
    await tx.query('insert into intervention_member (federation_id, intervention_id, member_id) values ($1, $2, $3)', [federationId, interventionId, memberId]);
  }
}

export async function createIntervention(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const input = parseInterventionInput(raw);
  return db.transaction(async (tx) => {
    await checkReferences(tx, federationId, input);
    const dup = await tx.query('select 1 from intervention where federation_id = $1 and name = $2', [federationId, input.name]);
    if (dup.length) throw new InputError({ field: 'name', message: 'Det finns redan en insats med det namnet.' });
    const [row] = await tx.query<{ id: number }>(
      `insert into intervention (federation_id, name, kind, owner_member_id, period_start, period_end, target_group,
         municipalities_served, capacity, steering_group, budget_line_id, fk_follow_up_method, esf_financed)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9, $10, $11, $12, $13) returning id`,
      [federationId, input.name, input.kind, input.ownerMemberId, input.periodStart, input.periodEnd, input.targetGroup, input.municipalitiesServed, input.capacity, input.steeringGroup, input.budgetLineId, input.fkFollowUpMethod, input.esfFinanced],
    );
    await writeParticipatingMembers(tx, federationId, row!.id, input.participatingMemberIds);
    return row!.id;
  }, actor);
}

export async function updateIntervention(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const input = parseInterventionInput(raw);
  await db.transaction(async (tx) => {
    await checkReferences(tx, federationId, input);
    const rows = await tx.query(
      `update intervention set name = $3, kind = $4, owner_member_id = $5, period_start = $6, period_end = $7, target_group = $8,
         municipalities_served = $9::text[], capacity = $10, steering_group = $11, budget_line_id = $12, fk_follow_up_method = $13, esf_financed = $14
       where federation_id = $1 and id = $2 returning id`,
      [federationId, interventionId, input.name, input.kind, input.ownerMemberId, input.periodStart, input.periodEnd, input.targetGroup, input.municipalitiesServed, input.capacity, input.steeringGroup, input.budgetLineId, input.fkFollowUpMethod, input.esfFinanced],
    );
    if (!rows.length) throw new NotFoundError('Insatsen finns inte.');
    await writeParticipatingMembers(tx, federationId, interventionId, input.participatingMemberIds);
  }, actor);
}

export async function getIntervention(db: Queryable, federationId: number, interventionId: number): Promise<Intervention> {
  const [row] = await db.query<Omit<Intervention, 'participatingMembers' | 'staffing' | 'grants' | 'requisitions' | 'consumption'>>(
    `select ${summaryColumns}, i.target_group as "targetGroup", i.municipalities_served as "municipalitiesServed",
       i.steering_group as "steeringGroup", i.budget_line_id as "budgetLineId", b.label as "budgetLineLabel",
       i.fk_follow_up_method as "fkFollowUpMethod", i.esf_financed as "esfFinanced"
     from intervention i
     left join member m on m.federation_id = i.federation_id and m.id = i.owner_member_id
     left join budget_line b on b.federation_id = i.federation_id and b.id = i.budget_line_id
     where i.federation_id = $1 and i.id = $2`,
    [federationId, interventionId],
  );
  if (!row) throw new NotFoundError('Insatsen finns inte.');
  const p = [federationId, interventionId];
  const participatingMembers = await db.query<{ id: number; name: string }>(
    `select m.id, m.name from intervention_member im join member m on m.federation_id = im.federation_id and m.id = im.member_id
     where im.federation_id = $1 and im.intervention_id = $2 order by m.sort_order, m.name`, p);
  const staffing = (
    await db.query<{ id: number; memberId: number; memberName: string; role: string; fte: string }>(
      `select s.id, s.member_id as "memberId", m.name as "memberName", s.role, s.fte::text as fte
       from intervention_staffing s join member m on m.federation_id = s.federation_id and m.id = s.member_id
       where s.federation_id = $1 and s.intervention_id = $2 order by m.sort_order, m.name, s.id`, p)
  ).map((s) => ({ ...s, fte: Number(s.fte) }));
  const grants = await db.query<Intervention['grants'][number]>(
    `select id, year, decided_ore as "decidedOre", to_char(decision_date, 'YYYY-MM-DD') as "decisionDate", reference
     from intervention_grant where federation_id = $1 and intervention_id = $2 order by year, decision_date, id`, p);
  const requisitions = await db.query<Intervention['requisitions'][number]>(
    `select id, to_char(requisition_date, 'YYYY-MM-DD') as date, amount_ore as "amountOre", note
     from requisition where federation_id = $1 and intervention_id = $2 order by requisition_date, id`, p);
  return { ...row, participatingMembers, staffing, grants, requisitions, consumption: consumption(grants, requisitions) };
}

/** Throws NotFoundError unless the intervention exists in this förbund (ids of another förbund look missing). */
export async function assertInterventionExists(tx: Queryable, federationId: number, interventionId: number): Promise<void> {
  const rows = await tx.query('select 1 from intervention where federation_id = $1 and id = $2', [federationId, interventionId]);
  if (!rows.length) throw new NotFoundError('Insatsen finns inte.');
}

export async function addStaffing(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const s = parseStaffingInput(raw);
  await db.transaction(async (tx) => {
    await assertInterventionExists(tx, federationId, interventionId);
    await assertMembersOf(tx, federationId, [s.memberId], 'memberId');
    await tx.query('insert into intervention_staffing (federation_id, intervention_id, member_id, role, fte) values ($1, $2, $3, $4, $5)', [federationId, interventionId, s.memberId, s.role, s.fte]);
  }, actor);
}

export async function addGrant(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const g = parseGrantInput(raw);
  const late = decisionDateProblems('decisionDate', g.decisionDate, today());
  if (late.length) throw new InputError(late);
  await db.transaction(async (tx) => {
    await assertInterventionExists(tx, federationId, interventionId);
    const dup = await tx.query('select 1 from intervention_grant where federation_id = $1 and intervention_id = $2 and year = $3 and reference = $4', [federationId, interventionId, g.year, g.reference]);
    if (dup.length) throw new InputError({ field: 'reference', message: 'Beslutet finns redan för året (samma referens).' });
    await tx.query(
      'insert into intervention_grant (federation_id, intervention_id, year, decided_ore, decision_date, reference) values ($1, $2, $3, $4, $5, $6)',
      [federationId, interventionId, g.year, g.decidedOre, g.decisionDate, g.reference],
    );
  }, actor);
}

/** Adds a requisition, checked for plausibility (see addCheckedRequisition in corrections.ts). */
export async function addRequisition(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  await addCheckedRequisition(db, federationId, interventionId, raw, actor);
}

/** Budget lines an intervention can be linked to (the intervention sections of the budget). */
export async function listInterventionBudgetLines(db: Queryable, federationId: number): Promise<{ id: number; label: string }[]> {
  return db.query(
    `select id, label from budget_line where federation_id = $1 and section in ('individual', 'structural', 'process_support') order by sort_order, label`,
    [federationId],
  );
}
