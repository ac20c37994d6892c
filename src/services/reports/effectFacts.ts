import type { Block } from '../../core/documents/model.ts';
import { defaultValueParameters } from '../../core/value/valueModel.ts';
import { followUpChapterBlocks, progressionChapterBlocks, valueChapterBlocks } from '../../core/reports/effectChapters.ts';
import type { Database } from '../../db/database.ts';
import { listInterventions } from '../interventions/interventions.ts';
import { progressionAggregatesOf } from '../interventions/progressionInstruments.ts';
import { publishedStatistics } from '../interventions/publishedStatistics.ts';
import { valueReportsOfYear } from '../value/valueReport.ts';

/**
 * The blocks of the three chapters about what the money achieved, for a year: value per member, the status 6
 * and 12 months after exit (from the year's publication), and progression per individual intervention. For the
 * annual report and the board pack to place (README, "Part 16").
 */
export async function effectChapters(db: Database, federationId: number, year: number): Promise<{ value: Block[]; followUp: Block[]; progression: Block[] }> {
  const values = await valueReportsOfYear(db, federationId, year);
  const named = values.interventions.map((r) => ({ name: r.scope.kind === 'intervention' ? r.scope.name : '', report: r }));
  const published = await publishedStatistics(db, federationId, year);
  const individual = (await listInterventions(db, federationId)).filter((i) => i.kind === 'individual');
  const progression = [];
  for (const i of individual) progression.push({ name: i.name, aggregates: await progressionAggregatesOf(db, federationId, i.id, year) });
  return {
    value: valueChapterBlocks(year, values.federation.minCellSize, values.federation, named, defaultValueParameters),
    followUp: published.stats ? followUpChapterBlocks(year, published.stats.followUp) : followUpChapterBlocks(year, null),
    progression: progressionChapterBlocks(progression.filter((p) => p.aggregates.indicators.some((x) => x.n !== 0))),
  };
}
