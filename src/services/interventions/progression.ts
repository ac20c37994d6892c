import { InputError, NotFoundError } from '../../core/errors.ts';
import { progressionInstrument } from './progressionInstruments.ts';
import { Validator } from '../../core/interventions/intervention.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';

/** A progression measurement (the BIP tool's indicators, asked about every three months), on the date measured. */
export interface ProgressionMeasurement {
  readonly measuredOn: string;
  readonly indicator: string;
  readonly score: number;
}

export async function addProgressionMeasurement(db: Database, federationId: number, interventionId: number, participationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const v = new Validator(raw);
  const measuredOn = v.date('measuredOn', 'mätdatum', true);
  const indicator = v.text('indicator', 'indikator', { required: true, max: 100 });
  const score = v.integer('score', 'värde', { required: true, min: 0, max: 10 });
  const raterText = String(raw.rater ?? '').trim();
  if (raterText && raterText !== 'participant' && raterText !== 'staff') v.fail('rater', 'Ange vem som skattade: participant (deltagaren) eller staff (personalen).');
  v.done();
  // The förbund's instrument decides the scale of an indicator it has (other indicators keep 0–10).
  const ind = (await progressionInstrument(db, federationId)).indicators.find((i) => i.key === indicator);
  if (ind && (score! < ind.scaleMin || score! > ind.scaleMax)) throw new InputError({ field: 'score', message: `Värdet ska vara ${ind.scaleMin}–${ind.scaleMax} för ${ind.label}.` });
  await db.transaction(async (tx) => {
    const rows = await tx.query('select 1 from participation where federation_id = $1 and intervention_id = $2 and id = $3', [federationId, interventionId, participationId]);
    if (!rows.length) throw new NotFoundError('Deltagandet finns inte.');
    await tx.query('insert into progression_measurement (federation_id, participation_id, measured_on, indicator, score, rater) values ($1, $2, $3, $4, $5, $6)', [
      federationId,
      participationId,
      measuredOn,
      indicator,
      score,
      raterText || null,
    ]);
  }, actor);
}

export async function listProgression(db: Queryable, federationId: number, interventionId: number, participationId: number): Promise<ProgressionMeasurement[]> {
  const found = await db.query('select 1 from participation where federation_id = $1 and intervention_id = $2 and id = $3', [federationId, interventionId, participationId]);
  if (!found.length) throw new NotFoundError('Deltagandet finns inte.');
  return db.query<ProgressionMeasurement>(
    `select to_char(m.measured_on, 'YYYY-MM-DD') as "measuredOn", m.indicator, m.score
     from progression_measurement m join participation p on p.federation_id = m.federation_id and p.id = m.participation_id
     where m.federation_id = $1 and p.intervention_id = $2 and m.participation_id = $3 order by m.measured_on, m.indicator`,
    [federationId, interventionId, participationId],
  );
}
