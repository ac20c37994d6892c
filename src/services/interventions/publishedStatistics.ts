import { resolveSettings } from '../../core/settings.ts';
import { NotFoundError } from '../../core/errors.ts';
import { freezeYearSteps, readFrozenFederation, readFrozenIntervention, type FrozenYear, type YearCounts } from '../../core/statistics/publication.ts';
import type { ParticipantStatistics } from '../../core/statistics/participantStatistics.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { listInterventions } from './interventions.ts';
import { listMembers } from '../members/members.ts';
import { countParticipationsInDb } from './statisticsCounts.ts';
import { countFollowUpsInDb } from './followUps.ts';
import { drainYielding } from '../steps.ts';
import { currentYear, today as todayIn } from '../../core/calendar.ts';
import { federationSettingsOf } from '../federations/federations.ts';

/**
 * The participant statistics every role other than an intervention's own staff sees: per closed year,
 * frozen when the year closes (statisticsClosingDays after its end), decided over all tables, interventions
 * and the previous year at once (core/statistics/publication.ts). The intervention's own staff see their
 * intervention live (participantStatistics in statistics.ts).
 */
const systemActor: Actor = { id: 'system:statistikpublicering' };

/** The day year `year` closes (its figures are frozen from then on), ISO date. */
export function closingDate(year: number, closingDays: number): string {
  return new Date(Date.UTC(year + 1, 0, 1 + closingDays)).toISOString().slice(0, 10);
}

async function yearCounts(db: Queryable, federationId: number, year: number): Promise<YearCounts> {
  const units = (await listInterventions(db, federationId)).filter((i) => i.kind === 'individual').map((i) => ({ id: i.id, name: i.name }));
  const ids = units.map((u) => u.id);
  const members = (await listMembers(db, federationId)).map((m) => ({ id: m.id, name: m.name }));
  const byUnit = new Map();
  for (const u of units) byUnit.set(u.id, await countParticipationsInDb(db, federationId, year, [u.id]));
  return {
    year,
    units,
    members,
    all: await countParticipationsInDb(db, federationId, year, ids),
    byUnit,
    started: await countParticipationsInDb(db, federationId, year, ids, false, 'started'),
    ended: await countParticipationsInDb(db, federationId, year, ids, false, 'ended'),
    followUp: await countFollowUpsInDb(db, federationId, year, ids),
  };
}

export async function frozenYears(db: Queryable, federationId: number): Promise<FrozenYear[]> {
  const rows = await db.query<{ data: FrozenYear }>('select data from statistics_snapshot where federation_id = $1 order by year', [federationId]);
  return rows.map((r) => r.data);
}

/** The last year that has closed for statistics on `today` (statisticsClosingDays after its end). */
export function lastClosedYear(today: Date, closingDays: number): number {
  return Array.from({ length: 3 }, (_, k) => currentYear(today) - k).find((y) => closingDate(y, closingDays) <= todayIn(today))!;
}

/** The first year with a participation in an individual intervention (the first year that gets frozen), or null. */
export async function firstParticipationYear(db: Queryable, federationId: number): Promise<number | null> {
  const [first] = await db.query<{ y: number | null }>(
    `select min(extract(year from p.start_date))::int as y from participation p join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id
     where p.federation_id = $1 and i.kind = 'individual'`,
    [federationId],
  );
  return first?.y ?? null;
}

/** Per database and förbund: the freezing under way (one at a time per förbund; later callers wait for it). */
const inFlight = new WeakMap<object, Map<number, Promise<unknown>>>();

/**
 * Freezes every closed year up to `upTo` that is not frozen yet, in order (each is decided with the one
 * before it), and returns the frozen years. The suppression runs in steps with the event loop free between
 * them (a Västmanland-sized year takes seconds, no step more than a few hundred milliseconds), so other
 * requests are answered meanwhile. Callers for the same förbund are queued behind each other; concurrent
 * processes are serialised by the unique (federation_id, year): the second insert is dropped.
 */
export async function freezeClosedYears(db: Database, federationId: number, upTo: number, today: Date = new Date()): Promise<FrozenYear[]> {
  let byFederation = inFlight.get(db);
  if (!byFederation) inFlight.set(db, (byFederation = new Map()));
  const before = byFederation.get(federationId) ?? Promise.resolve();
  const run = before.catch(() => undefined).then(() => freezeNow(db, federationId, upTo, today));
  byFederation.set(federationId, run);
  try {
    return await run;
  } finally {
    if (byFederation.get(federationId) === run) byFederation.delete(federationId);
  }
}

async function freezeNow(db: Database, federationId: number, upTo: number, today: Date): Promise<FrozenYear[]> {
  const settings = await federationSettingsOf(db, federationId);
  const frozen = await frozenYears(db, federationId);
  const first = await firstParticipationYear(db, federationId);
  if (first === null) return frozen;
  const last = Math.min(upTo, lastClosedYear(today, settings.statisticsClosingDays));
  for (let year = frozen.length ? frozen[frozen.length - 1]!.year + 1 : first; year <= last; year++) {
    const previous = frozen.find((f) => f.year === year - 1) ?? null;
    const data = await drainYielding(freezeYearSteps(await yearCounts(db, federationId, year), previous, settings));
    await db.transaction(
      (tx) => tx.query('insert into statistics_snapshot (federation_id, year, data) values ($1, $2, $3) on conflict (federation_id, year) do nothing', [federationId, year, JSON.stringify(data)]),
      systemActor,
    );
    frozen.splice(0, frozen.length, ...(await frozenYears(db, federationId)));
  }
  return frozen;
}

/** Förbund that have a closed year with participations that is not frozen yet, on `today`. */
export async function federationsWithUnfrozenYears(db: Queryable, today: Date = new Date(), upTo: number = currentYear(today)): Promise<number[]> {
  const rows = await db.query<{ id: number; settings: unknown; first: number | null; last_frozen: number | null }>(
    `select f.id, f.settings,
            (select min(extract(year from p.start_date))::int from participation p join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id
              where p.federation_id = f.id and i.kind = 'individual') as first,
            (select max(year) from statistics_snapshot s where s.federation_id = f.id) as last_frozen
     from federation f order by f.id`,
  );
  return rows
    .filter((r) => r.first !== null && (r.last_frozen ?? r.first - 1) < Math.min(upTo, lastClosedYear(today, resolveSettings(r.settings).statisticsClosingDays)))
    .map((r) => r.id);
}

/**
 * Freezes the closed but unfrozen years (up to `upTo`) of every förbund (or of the given ones), one förbund after the other,
 * yielding between the steps: for the server's start and its periodic check, and after a year is started.
 * Returns how many förbund had something to freeze.
 */
export async function freezeAllClosedYears(db: Database, options: { today?: Date; upTo?: number; federationIds?: readonly number[] } = {}): Promise<number> {
  const today = options.today ?? new Date();
  const upTo = options.upTo ?? currentYear(today);
  const ids = (await federationsWithUnfrozenYears(db, today, upTo)).filter((id) => !options.federationIds || options.federationIds.includes(id));
  for (const id of ids) await freezeClosedYears(db, id, upTo, today);
  return ids.length;
}

export interface PublishedStatistics {
  /** null while the year is open (not yet published). */
  readonly stats: ParticipantStatistics | null;
  /** The day the year closes and its figures are published. */
  readonly publishedFrom: string;
}

/** The published (frozen) statistics of a year: the förbund's, or one intervention's (by gender only). */
export async function publishedStatistics(
  db: Database,
  federationId: number,
  year: number,
  options: { interventionId?: number; today?: Date } = {},
): Promise<PublishedStatistics> {
  const settings = await federationSettingsOf(db, federationId);
  const publishedFrom = closingDate(year, settings.statisticsClosingDays);
  const frozen = await freezeClosedYears(db, federationId, year, options.today);
  const f = frozen.find((x) => x.year === year);
  if (!f) return { stats: null, publishedFrom };
  const series = frozen.filter((x) => x.year <= year && x.year > year - 10);
  if (options.interventionId === undefined) return { stats: readFrozenFederation(f, series), publishedFrom };
  const unit = f.units.find((u) => u.id === options.interventionId);
  if (!unit) return { stats: null, publishedFrom };
  return { stats: readFrozenIntervention(f, unit.id, unit.name, series), publishedFrom };
}

/**
 * The last year that has published figures (the förbund's, or one intervention's), up to `upTo`: where the
 * statistics page opens, rather than on a running year that shows nothing until it closes. null when none.
 */
export async function latestPublishedYear(db: Database, federationId: number, upTo: number, options: { interventionId?: number; today?: Date } = {}): Promise<number | null> {
  const frozen = await freezeClosedYears(db, federationId, upTo, options.today);
  const withFigures = frozen.filter((f) => f.year <= upTo && (options.interventionId === undefined || f.units.some((u) => u.id === options.interventionId)));
  return withFigures.length ? Math.max(...withFigures.map((f) => f.year)) : null;
}
