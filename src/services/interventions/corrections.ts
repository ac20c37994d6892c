/**
 * Corrections: every record of an intervention that a user can add can also be changed or removed, by whoever
 * may write it. Each write is one transaction; the audit trigger records the row before and after.
 * Plausibility (src/core/interventions/plausibility.ts) is checked on adding and on changing alike.
 * Argument order: (db, federationId, …ids, input, actor).
 */
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import {
  parseActivityInput,
  parseGoalInput,
  parseGrantInput,
  parseRequisitionInput,
  parseStaffingInput,
} from '../../core/interventions/intervention.ts';
import { parseParticipationInput } from '../../core/interventions/participation.ts';
import { decisionDateProblems, interventionDateProblems, requisitionProblems } from '../../core/interventions/plausibility.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertMembersOf, memberMunicipalities } from '../members/members.ts';
import { today, yearOf } from '../../core/calendar.ts';

/** Today's date (UTC) as ISO; the plausibility rules measure "a year ahead" from it. */

function refuse(problems: readonly InputProblem[]): void {
  if (problems.length) throw new InputError(problems);
}

/** The intervention's start, locking its row so concurrent writes to its money are checked in turn. */
export async function interventionStart(tx: Queryable, federationId: number, interventionId: number): Promise<string> {
  const [row] = await tx.query<{ start: string }>(
    `select to_char(period_start, 'YYYY-MM-DD') as start from intervention where federation_id = $1 and id = $2 for update`,
    [federationId, interventionId],
  );
  if (!row) throw new NotFoundError('Insatsen finns inte.');
  return row.start;
}

/** Requisitions of the year may not exceed the year's grants (checked after the write, inside the transaction). */
export async function checkRequisitionsWithinGrants(tx: Queryable, federationId: number, interventionId: number, year: number, field = 'amount'): Promise<void> {
  const [row] = await tx.query<{ granted: string; used: string }>(
    `select (select coalesce(sum(decided_ore), 0) from intervention_grant where federation_id = $1 and intervention_id = $2 and year = $3)::text as granted,
            (select coalesce(sum(amount_ore), 0) from requisition where federation_id = $1 and intervention_id = $2
               and requisition_date between make_date($3, 1, 1) and make_date($3, 12, 31))::text as used`,
    [federationId, interventionId, year],
  );
  refuse(requisitionProblems(field, year, Number(row!.granted), Number(row!.used)));
}

async function one<T>(tx: Queryable, sql: string, params: unknown[], what: string): Promise<T> {
  const [row] = await tx.query<T & object>(sql, params);
  if (!row) throw new NotFoundError(`${what} finns inte.`);
  return row as T;
}

// --- Grants (beslut om medel) ---

export async function updateGrant(db: Database, federationId: number, interventionId: number, grantId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const g = parseGrantInput(raw);
  refuse(decisionDateProblems('decisionDate', g.decisionDate, today()));
  await db.transaction(async (tx) => {
    await interventionStart(tx, federationId, interventionId);
    const old = await one<{ year: number }>(tx, 'select year from intervention_grant where federation_id = $1 and intervention_id = $2 and id = $3', [federationId, interventionId, grantId], 'Beslutet');
    const dup = await tx.query('select 1 from intervention_grant where federation_id = $1 and intervention_id = $2 and year = $3 and reference = $4 and id <> $5', [federationId, interventionId, g.year, g.reference, grantId]);
    if (dup.length) throw new InputError({ field: 'reference', message: 'Beslutet finns redan för året (samma referens).' });
    await tx.query('update intervention_grant set year = $4, decided_ore = $5, decision_date = $6, reference = $7 where federation_id = $1 and intervention_id = $2 and id = $3', [
      federationId, interventionId, grantId, g.year, g.decidedOre, g.decisionDate, g.reference,
    ]);
    for (const y of new Set([old.year, g.year])) await checkRequisitionsWithinGrants(tx, federationId, interventionId, y, 'decided');
  }, actor);
}

/** Removes a grant; refused when the year's requisitions would then exceed what remains granted. */
export async function deleteGrant(db: Database, federationId: number, interventionId: number, grantId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await interventionStart(tx, federationId, interventionId);
    const old = await one<{ year: number }>(tx, 'delete from intervention_grant where federation_id = $1 and intervention_id = $2 and id = $3 returning year', [federationId, interventionId, grantId], 'Beslutet');
    try {
      await checkRequisitionsWithinGrants(tx, federationId, interventionId, old.year, 'decided');
    } catch (e) {
      if (e instanceof InputError) throw new InputError({ message: `Beslutet kan inte tas bort: rekvisitionerna ${old.year} skulle då överstiga beslutade medel. Ändra eller ta bort rekvisitionerna först.` });
      throw e;
    }
  }, actor);
}

// --- Requisitions ---

/** Adds a requisition: dated within the intervention (not before its start, not a year ahead), within the grants. */
export async function addCheckedRequisition(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const r = parseRequisitionInput(raw);
  return db.transaction(async (tx) => {
    const start = await interventionStart(tx, federationId, interventionId);
    refuse(interventionDateProblems('date', 'rekvisitionsdatum', r.date, start, today()));
    const [row] = await tx.query<{ id: number }>(
      'insert into requisition (federation_id, intervention_id, requisition_date, amount_ore, note) values ($1, $2, $3, $4, $5) returning id',
      [federationId, interventionId, r.date, r.amountOre, r.note],
    );
    await checkRequisitionsWithinGrants(tx, federationId, interventionId, yearOf(r.date));
    return row!.id;
  }, actor);
}

export async function updateRequisition(db: Database, federationId: number, interventionId: number, requisitionId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const r = parseRequisitionInput(raw);
  await db.transaction(async (tx) => {
    const start = await interventionStart(tx, federationId, interventionId);
    refuse(interventionDateProblems('date', 'rekvisitionsdatum', r.date, start, today()));
    await one(tx, 'update requisition set requisition_date = $4, amount_ore = $5, note = $6 where federation_id = $1 and intervention_id = $2 and id = $3 returning id', [
      federationId, interventionId, requisitionId, r.date, r.amountOre, r.note,
    ], 'Rekvisitionen');
    await checkRequisitionsWithinGrants(tx, federationId, interventionId, yearOf(r.date));
  }, actor);
}

export async function deleteRequisition(db: Database, federationId: number, interventionId: number, requisitionId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, 'delete from requisition where federation_id = $1 and intervention_id = $2 and id = $3 returning id', [federationId, interventionId, requisitionId], 'Rekvisitionen');
  }, actor);
}

// --- Staffing ---

export async function updateStaffing(db: Database, federationId: number, interventionId: number, staffingId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const s = parseStaffingInput(raw);
  await db.transaction(async (tx) => {
    await assertMembersOf(tx, federationId, [s.memberId], 'memberId');
    await one(tx, 'update intervention_staffing set member_id = $4, role = $5, fte = $6 where federation_id = $1 and intervention_id = $2 and id = $3 returning id', [
      federationId, interventionId, staffingId, s.memberId, s.role, s.fte,
    ], 'Bemanningen');
  }, actor);
}

export async function deleteStaffing(db: Database, federationId: number, interventionId: number, staffingId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, 'delete from intervention_staffing where federation_id = $1 and intervention_id = $2 and id = $3 returning id', [federationId, interventionId, staffingId], 'Bemanningen');
  }, actor);
}

// --- Goals and assessments (goals of an intervention, or of the förbund: interventionId null) ---

export async function updateGoal(db: Database, federationId: number, goalId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const g = parseGoalInput(raw);
  await db.transaction(async (tx) => {
    await one(tx, 'update goal set area = $3, text = $4 where federation_id = $1 and id = $2 returning id', [federationId, goalId, g.area, g.text], 'Målet');
  }, actor);
}

/** Removes a goal with its assessments (they describe nothing without it). */
export async function deleteGoal(db: Database, federationId: number, goalId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, 'delete from goal where federation_id = $1 and id = $2 returning id', [federationId, goalId], 'Målet');
  }, actor);
}

export async function deleteAssessment(db: Database, federationId: number, goalId: number, year: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, 'delete from goal_assessment where federation_id = $1 and goal_id = $2 and year = $3 returning goal_id', [federationId, goalId, year], 'Bedömningen');
  }, actor);
}

// --- Participations ---

/** Corrects what was registered about a participation (all its facts, including end date and exit outcome). */
export async function updateParticipation(db: Database, federationId: number, interventionId: number, participationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const p = parseParticipationInput(raw, {}, await memberMunicipalities(db, federationId));
  await db.transaction(async (tx) => {
    const start = await interventionStart(tx, federationId, interventionId);
    refuse([
      ...interventionDateProblems('startDate', 'startdatum', p.startDate, start, today()),
      ...interventionDateProblems('endDate', 'slutdatum', p.endDate, start, today()),
    ]);
    await assertMembersOf(tx, federationId, [p.referringMemberId], 'referringMemberId');
    await one(
      tx,
      `update participation set gender = $4, age_band = $5, home_municipality = $6, referring_member_id = $7, support_before = $8,
         support_duration = $9, education = $10, start_date = $11, end_date = $12, exit_outcome = $13, support_after = $14
       where federation_id = $1 and intervention_id = $2 and id = $3 returning id`,
      [federationId, interventionId, participationId, p.gender, p.ageBand, p.homeMunicipality, p.referringMemberId, p.supportBefore, p.supportDuration, p.education, p.startDate, p.endDate, p.exitOutcome, p.supportAfter],
      'Deltagandet',
    );
  }, actor);
}

/** Reopens a closed participation: end date, exit outcome and support after are cleared. */
export async function reopenParticipation(db: Database, federationId: number, interventionId: number, participationId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await one<{ closed: boolean }>(tx, 'select end_date is not null as closed from participation where federation_id = $1 and intervention_id = $2 and id = $3 for update', [federationId, interventionId, participationId], 'Deltagandet');
    if (!row.closed) throw new InputError({ message: 'Deltagandet är inte avslutat.' });
    await tx.query('update participation set end_date = null, exit_outcome = null, support_after = null where federation_id = $1 and intervention_id = $2 and id = $3', [federationId, interventionId, participationId]);
  }, actor);
}

/** Removes a participation registered by mistake (with its progression measurements). */
export async function deleteParticipation(db: Database, federationId: number, interventionId: number, participationId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, 'delete from participation where federation_id = $1 and intervention_id = $2 and id = $3 returning id', [federationId, interventionId, participationId], 'Deltagandet');
  }, actor);
}

/** The intervention a participation belongs to (for permission checks), or NotFound. */
export async function participationIntervention(db: Queryable, federationId: number, participationId: number): Promise<number> {
  const row = await one<{ interventionId: number }>(db, 'select intervention_id as "interventionId" from participation where federation_id = $1 and id = $2', [federationId, participationId], 'Deltagandet');
  return row.interventionId;
}

// --- Structural activities ---

async function activityDateProblems(tx: Queryable, federationId: number, interventionId: number | null, dates: { firstDate: string | null; lastDate: string | null }): Promise<InputProblem[]> {
  const start = interventionId === null ? null : await interventionStart(tx, federationId, interventionId);
  return [
    ...interventionDateProblems('firstDate', 'första datum', dates.firstDate, start, today()),
    ...interventionDateProblems('lastDate', 'sista datum', dates.lastDate, start, today()),
  ];
}

/** The intervention an activity belongs to (null: the förbund's own), or NotFound. */
export async function activityIntervention(db: Queryable, federationId: number, activityId: number): Promise<{ interventionId: number | null; year: number }> {
  return one(db, 'select intervention_id as "interventionId", year from activity where federation_id = $1 and id = $2', [federationId, activityId], 'Aktiviteten');
}

/** Refuses activity dates before the intervention's start or more than a year ahead. */
export async function checkActivityDates(tx: Queryable, federationId: number, a: { interventionId: number | null; firstDate: string | null; lastDate: string | null }): Promise<void> {
  refuse(await activityDateProblems(tx, federationId, a.interventionId, a));
}

export async function updateActivity(db: Database, federationId: number, activityId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const a = parseActivityInput(raw);
  await db.transaction(async (tx) => {
    refuse(await activityDateProblems(tx, federationId, a.interventionId, a));
    await assertMembersOf(tx, federationId, a.participantsByMember.map((b) => b.memberId), 'participantsByMember');
    await one(
      tx,
      `update activity set intervention_id = $3, year = $4, name = $5, target_group = $6, sessions = $7, day_length = $8, scope_note = $9,
         first_date = $10, last_date = $11, participants = $12, evaluation_score = $13
       where federation_id = $1 and id = $2 returning id`,
      [federationId, activityId, a.interventionId, a.year, a.name, a.targetGroup, a.sessions, a.dayLength, a.scopeNote, a.firstDate, a.lastDate, a.participants, a.evaluationScore],
      'Aktiviteten',
    );
    if ('participantsByMember' in raw) {
      await tx.query('delete from activity_participants where federation_id = $1 and activity_id = $2', [federationId, activityId]);
      for (const b of a.participantsByMember) {
        await tx.query('insert into activity_participants (federation_id, activity_id, member_id, participants) values ($1, $2, $3, $4)', [federationId, activityId, b.memberId, b.participants]);
      }
    }
  }, actor);
}

export async function deleteActivity(db: Database, federationId: number, activityId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await one(tx, 'delete from activity where federation_id = $1 and id = $2 returning id', [federationId, activityId], 'Aktiviteten');
  }, actor);
}

