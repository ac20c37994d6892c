import { emptyCounts, indexOf as idx, type RawCounts } from '../../core/statistics/participantStatistics.ts';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import type { Queryable } from '../../db/database.ts';

interface GroupRow {
  set: number;
  unit: number | null;
  gender: string | null;
  age_band: string | null;
  support_before: string | null;
  support_duration: string | null;
  education: string | null;
  referring_member_id: number | null;
  exit_outcome: string | null;
  support_after: string | null;
  is_new: boolean | null;
  is_ended: boolean | null;
  n: number;
}

/**
 * The raw counts of a year counted by the database in one pass (GROUPING SETS), so that only a few
 * hundred rows leave it even for the whole country. `unit` is the intervention, or the förbund when
 * byFederation is set (national statistics). Must equal countParticipations in the core (tested).
 */
export async function countParticipationsInDb(
  db: Queryable,
  federationId: number | null,
  year: number,
  interventionIds: readonly number[],
  byFederation = false,
  /** Only those who started (or ended) in the year: the category flows of the frozen publication. */
  only?: 'started' | 'ended',
): Promise<RawCounts> {
  const restrict = only === 'started' ? ' and p.start_date >= $3::date' : only === 'ended' ? ' and p.end_date <= $4::date' : '';
  const where = `($1::int is null or p.federation_id = $1) and p.intervention_id = any($2::int[])
    and p.start_date <= $4::date and (p.end_date is null or p.end_date >= $3::date)${restrict}`;
  const params = [federationId, interventionIds, `${year}-01-01`, `${year}-12-31`];
  const rows = await db.query<GroupRow>(
    `with p as (
       select ${byFederation ? 'p.federation_id' : 'p.intervention_id'} as unit, p.gender, p.age_band, p.support_before, p.support_duration,
              p.education, p.referring_member_id, p.exit_outcome, coalesce(p.support_after, 'unknown') as support_after,
              p.start_date >= $3::date as is_new, p.end_date is not null and p.end_date <= $4::date as is_ended
       from participation p where ${where})
     select grouping(unit, gender, age_band, support_before, support_duration, education, referring_member_id, exit_outcome, support_after, is_new, is_ended)::int as set,
            unit, gender, age_band, support_before, support_duration, education, referring_member_id, exit_outcome, support_after, is_new, is_ended,
            count(*)::int as n
     from p
     group by grouping sets ((unit, is_new, is_ended), (gender, is_new, is_ended), (age_band, gender), (support_before), (support_duration),
                             (education), (referring_member_id), (is_ended, exit_outcome, gender), (is_ended, support_before, support_after))`,
    params,
  );
  const [days] = await db.query<{ n: number; mean: string | null; median: string | null }>(
    `select count(*)::int as n, avg(p.end_date - p.start_date + 1)::text as mean,
            percentile_cont(0.5) within group (order by p.end_date - p.start_date + 1)::text as median
     from participation p where ${where} and p.end_date <= $4::date`,
    params,
  );
  // grouping() sets one bit per column NOT in the set, first column = highest bit (11 columns).
  const bit = (i: number) => 1 << (10 - i);
  const inSet = (...cols: number[]) => 0x7ff & ~cols.reduce((m, c) => m | bit(c), 0);
  const [UNIT, GENDER, AGE, BEFORE, DURATION, EDU, REF, OUTCOME, AFTER, NEW, ENDED] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const sets = {
    unit: inSet(UNIT, NEW, ENDED),
    gender: inSet(GENDER, NEW, ENDED),
    age: inSet(AGE, GENDER),
    before: inSet(BEFORE),
    duration: inSet(DURATION),
    education: inSet(EDU),
    referring: inSet(REF),
    outcome: inSet(ENDED, OUTCOME, GENDER),
    transition: inSet(ENDED, BEFORE, AFTER),
  };
  const g = idx(Gender.codes);
  const src = idx(SupportSource.codes);
  const counts = emptyCounts();
  const { byIntervention, flow, ageByGender, supportBefore, supportDuration, education, referring, outcomeByGender, transition } = counts;
  for (const r of rows) {
    switch (r.set) {
      case sets.unit: {
        const v = byIntervention.get(r.unit!) ?? [0, 0, 0];
        v[0] += r.n;
        if (r.is_new) v[1] += r.n;
        if (r.is_ended) v[2] += r.n;
        byIntervention.set(r.unit!, v);
        break;
      }
      case sets.gender: {
        const gi = g.get(r.gender!)!;
        flow[0][gi]! += r.n;
        if (r.is_new) flow[1][gi]! += r.n;
        if (r.is_ended) flow[2][gi]! += r.n;
        break;
      }
      case sets.age:
        ageByGender[idx(AgeBand.codes).get(r.age_band!)!]![g.get(r.gender!)!]! += r.n;
        break;
      case sets.before:
        supportBefore[src.get(r.support_before!)!]! += r.n;
        break;
      case sets.duration:
        supportDuration[idx(SupportDuration.codes).get(r.support_duration!)!]! += r.n;
        break;
      case sets.education:
        education[idx(Education.codes).get(r.education!)!]! += r.n;
        break;
      case sets.referring:
        referring.set(r.referring_member_id, (referring.get(r.referring_member_id) ?? 0) + r.n);
        break;
      case sets.outcome:
        if (r.is_ended) outcomeByGender[idx(ExitOutcome.codes).get(r.exit_outcome ?? 'other')!]![g.get(r.gender!)!]! += r.n;
        break;
      case sets.transition:
        if (r.is_ended) transition[src.get(r.support_before!)!]![src.get(r.support_after!)!]! += r.n;
        break;
    }
  }
  return {
    ...counts,
    endedDays: { n: days!.n, mean: days!.mean === null ? null : Number(days!.mean), median: days!.median === null ? null : Number(days!.median) },
  };
}
