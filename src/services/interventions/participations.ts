import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseParticipationInput, type ParticipationFacts, type ParticipationInput } from '../../core/interventions/participation.ts';
import { Validator } from '../../core/interventions/intervention.ts';
import { ExitOutcome, SupportSource } from '../../core/interventions/vocabulary.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertMembersOf, memberMunicipalities } from '../members/members.ts';
import { newParticipationCode } from './participationCode.ts';
import { assertInterventionExists } from './interventions.ts';
import { interventionStart } from './corrections.ts';
import { today } from '../../core/calendar.ts';
import { interventionDateProblems } from '../../core/interventions/plausibility.ts';

export interface Participation extends ParticipationFacts {
  readonly id: number;
  readonly code: string;
}

const factColumns = `p.intervention_id as "interventionId", p.gender, p.age_band as "ageBand", p.home_municipality as "homeMunicipality",
  p.referring_member_id as "referringMemberId", p.support_before as "supportBefore", p.support_duration as "supportDuration",
  p.education, to_char(p.start_date, 'YYYY-MM-DD') as "startDate", to_char(p.end_date, 'YYYY-MM-DD') as "endDate",
  p.exit_outcome as "exitOutcome", p.support_after as "supportAfter"`;


/**
 * Inserts validated participations (one transaction is the caller's): each gets a fresh random code. The same
 * date rule as a registration: nobody takes part in an intervention before it starts (its statistics would
 * otherwise show participants in years before it existed).
 */
export async function insertParticipations(tx: Queryable, federationId: number, interventionId: number, inputs: readonly ParticipationInput[]): Promise<{ id: number; code: string }[]> {
  const start = await interventionStart(tx, federationId, interventionId);
  const problems = inputs.flatMap((p, i) =>
    [...interventionDateProblems('startDate', 'startdatum', p.startDate, start, today()), ...interventionDateProblems('endDate', 'slutdatum', p.endDate, start, today())].map((x) => ({
      ...x,
      line: i + 1,
    })),
  );
  if (problems.length) throw new InputError(problems);
  await assertMembersOf(tx, federationId, inputs.map((i) => i.referringMemberId), 'referringMemberId');
  const out: { id: number; code: string }[] = [];
  for (const p of inputs) {
    for (let attempt = 0; ; attempt++) {
      const code = newParticipationCode();
      const rows = await tx.query<{ id: number }>(
        `insert into participation (federation_id, intervention_id, code, gender, age_band, home_municipality, referring_member_id,
           support_before, support_duration, education, start_date, end_date, exit_outcome, support_after)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         on conflict (federation_id, code) do nothing returning id`,
        [federationId, interventionId, code, p.gender, p.ageBand, p.homeMunicipality, p.referringMemberId, p.supportBefore, p.supportDuration, p.education, p.startDate, p.endDate, p.exitOutcome, p.supportAfter],
      );
      if (rows[0]) {
        out.push({ id: rows[0].id, code });
        break;
      }
      if (attempt > 5) throw new Error('Kunde inte skapa en unik deltagarkod.');
    }
  }
  return out;
}

export async function registerParticipation(db: Database, federationId: number, interventionId: number, raw: Record<string, unknown>, actor: Actor): Promise<{ id: number; code: string }> {
  const input = parseParticipationInput(raw, {}, await memberMunicipalities(db, federationId));
  return db.transaction(async (tx) => {
    const start = await interventionStart(tx, federationId, interventionId);
    const problems = [
      ...interventionDateProblems('startDate', 'startdatum', input.startDate, start, today()),
      ...interventionDateProblems('endDate', 'slutdatum', input.endDate, start, today()),
    ];
    if (problems.length) throw new InputError(problems);
    return (await insertParticipations(tx, federationId, interventionId, [input]))[0]!;
  }, actor);
}

/** Ends a participation: end date, exit outcome and (optionally) support source after. */
export async function closeParticipation(db: Database, federationId: number, interventionId: number, participationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const v = new Validator(raw);
  const endDate = v.date('endDate', 'slutdatum', true);
  const exitOutcome = v.oneOf('exitOutcome', 'avslutsorsak', ExitOutcome);
  const supportAfter = v.oneOf('supportAfter', 'försörjning efter', SupportSource, false);
  v.done();
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ startDate: string; endDate: string | null }>(
      `select to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate"
       from participation where federation_id = $1 and intervention_id = $2 and id = $3 for update`,
      [federationId, interventionId, participationId],
    );
    if (!row) throw new NotFoundError('Deltagandet finns inte.');
    if (row.endDate) throw new InputError({ field: 'endDate', message: 'Deltagandet är redan avslutat.' });
    if (endDate! < row.startDate) throw new InputError({ field: 'endDate', message: 'Slutdatum är före startdatum.' });
    const late = interventionDateProblems('endDate', 'slutdatum', endDate, null, today());
    if (late.length) throw new InputError(late);
    await tx.query(
      'update participation set end_date = $4, exit_outcome = $5, support_after = $6 where federation_id = $1 and intervention_id = $2 and id = $3',
      [federationId, interventionId, participationId, endDate, exitOutcome, supportAfter],
    );
  }, actor);
}

export async function listParticipations(db: Queryable, federationId: number, interventionId: number): Promise<Participation[]> {
  await assertInterventionExists(db, federationId, interventionId);
  return db.query<Participation>(
    `select p.id, p.code, ${factColumns} from participation p where p.federation_id = $1 and p.intervention_id = $2
     order by p.end_date is not null, p.start_date desc, p.id desc`,
    [federationId, interventionId],
  );
}

/** Counts per (start year, end year), for the series over time. */
export async function participationYearPairs(db: Queryable, federationId: number | null, interventionIds: readonly number[] | null): Promise<{ startYear: number; endYear: number | null; n: number }[]> {
  return db.query(
    `select extract(year from start_date)::int as "startYear", extract(year from end_date)::int as "endYear", count(*)::int as n
     from participation where ($1::int is null or federation_id = $1) and ($2::int[] is null or intervention_id = any($2::int[]))
     group by 1, 2`,
    [federationId, interventionIds],
  );
}
