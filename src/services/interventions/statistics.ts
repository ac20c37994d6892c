import { resolveSettings } from '../../core/settings.ts';
import { seriesFromYearPairs, statisticsFromCounts, type ParticipantStatistics } from '../../core/statistics/participantStatistics.ts';
import type { Queryable } from '../../db/database.ts';
import { listInterventions } from './interventions.ts';
import { minCellSizeOf } from '../federations/federations.ts';
import { listMembers } from '../members/members.ts';
import { participationYearPairs } from './participations.ts';
import { countParticipationsInDb } from './statisticsCounts.ts';


/**
 * Participant statistics of a förbund for a year: all its individual interventions, or those given
 * (e.g. the ones the user may see, or one). The database selects and groups; the core counts and suppresses.
 */
export async function participantStatistics(
  db: Queryable,
  federationId: number,
  year: number,
  options: { interventionIds?: readonly number[]; seriesYears?: readonly number[] } = {},
): Promise<ParticipantStatistics> {
  const all = await listInterventions(db, federationId);
  const interventions = all.filter((i) => (options.interventionIds ? options.interventionIds.includes(i.id) : i.kind === 'individual'));
  const ids = interventions.map((i) => i.id);
  const [counts, pairs, members, minCellSize] = [
    await countParticipationsInDb(db, federationId, year, ids),
    await participationYearPairs(db, federationId, ids),
    await listMembers(db, federationId),
    await minCellSizeOf(db, federationId),
  ];
  const seriesYears = options.seriesYears ?? defaultSeriesYears(pairs, year);
  return statisticsFromCounts(counts, {
    year,
    minCellSize,
    interventions,
    members,
    seriesCounts: seriesFromYearPairs(pairs, seriesYears),
  });
}

/** From the first year anything started up to the year asked for (at most ten years). */
function defaultSeriesYears(pairs: readonly { startYear: number }[], year: number): number[] {
  const first = Math.max(year - 9, Math.min(year, ...pairs.map((p) => p.startYear)));
  return Array.from({ length: year - first + 1 }, (_, i) => first + i);
}

/**
 * The whole country (every förbund in the database) for a year: the same statistics, with förbund in
 * place of interventions in the per-unit table. For a national installation or the national council.
 */
export async function nationalParticipantStatistics(db: Queryable, year: number, options: { minCellSize?: number; seriesYears?: readonly number[] } = {}): Promise<ParticipantStatistics> {
  const federations = await db.query<{ id: number; name: string }>('select id, name from federation order by name');
  const individual = await db.query<{ id: number; federationId: number }>(`select id, federation_id as "federationId" from intervention where kind = 'individual'`);
  const ids = individual.map((i) => i.id);
  const counts = await countParticipationsInDb(db, null, year, ids, true);
  const pairs = await participationYearPairs(db, null, ids);
  return statisticsFromCounts(counts, {
    year,
    minCellSize: options.minCellSize ?? resolveSettings(null).minCellSize,
    interventions: federations,
    seriesCounts: seriesFromYearPairs(pairs, options.seriesYears ?? defaultSeriesYears(pairs, year)),
  });
}
