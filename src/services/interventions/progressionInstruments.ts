import { aggregateProgression, defaultInstrument, parseInstrument, type ProgressionAggregates, type ProgressionInstrument, type Rating } from '../../core/interventions/progression.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { minCellSizeOf } from '../federations/federations.ts';
import { assertInterventionExists } from './interventions.ts';

/** The förbund's progression instrument, or Samordna's neutral default set when it has not defined one. */
export async function progressionInstrument(db: Queryable, federationId: number): Promise<ProgressionInstrument & { readonly isDefault: boolean }> {
  const [row] = await db.query<{ name: string; raters: ProgressionInstrument['raters']; intervalMonths: number; indicators: ProgressionInstrument['indicators'] }>(
    'select name, raters, interval_months as "intervalMonths", indicators from progression_instrument where federation_id = $1',
    [federationId],
  );
  return row ? { ...row, isDefault: false } : { ...defaultInstrument, isDefault: true };
}

/** Defines (or replaces) the förbund's instrument. */
export async function saveProgressionInstrument(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const i = parseInstrument(raw);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into progression_instrument (federation_id, name, raters, interval_months, indicators) values ($1, $2, $3, $4, $5)
       on conflict (federation_id) do update set name = excluded.name, raters = excluded.raters, interval_months = excluded.interval_months,
         indicators = excluded.indicators, updated_at = now()`,
      [federationId, i.name, i.raters, i.intervalMonths, JSON.stringify(i.indicators)],
    );
  }, actor);
}

/** An intervention's progression aggregates of a year (suppressed), from its ratings in one statement. */
export async function progressionAggregatesOf(db: Queryable, federationId: number, interventionId: number, year: number): Promise<ProgressionAggregates> {
  await assertInterventionExists(db, federationId, interventionId);
  const ratings = await db.query<Rating>(
    `select m.participation_id as "participationId", m.indicator, m.rater, to_char(m.measured_on, 'YYYY-MM-DD') as "measuredOn", m.score
     from progression_measurement m join participation p on p.federation_id = m.federation_id and p.id = m.participation_id
     where m.federation_id = $1 and p.intervention_id = $2 and m.measured_on <= $3::date`,
    [federationId, interventionId, `${year}-12-31`],
  );
  return aggregateProgression(ratings, await progressionInstrument(db, federationId), year, await minCellSizeOf(db, federationId));
}
