/**
 * The national view over the database: every förbund's participant counts (one GROUP BY over the country)
 * and economy figures (read through the economy services: getKeyFigures and the year's outcome), handed to
 * the core, which suppresses the counts as one linked family (src/core/statistics/nationalStatistics.ts).
 */
import { ExitOutcome, Gender } from '../../core/interventions/vocabulary.ts';
import { indexOf } from '../../core/statistics/participantStatistics.ts';
import { nationalSeries, nationalStatistics, type NationalEconomyFacts, type NationalStatistics, type NationalUnit, type NationalUnitCounts } from '../../core/statistics/nationalStatistics.ts';
import { sumBySection } from '../../core/economy/budget.ts';
import { equityCapOre, equityCapShareFor } from '../../core/economy/keyFigures.ts';
import { resolveSettings } from '../../core/settings.ts';
import type { Queryable } from '../../db/database.ts';
import { memoizeReads } from '../../db/memoizeReads.ts';
import { getKeyFigures } from '../economy/reports.ts';
import { loadYearOutcome } from '../economy/outcome.ts';
import { lineMap } from '../economy/lines.ts';

export interface NationalFederation extends NationalUnit {
  readonly synthetic: boolean;
  readonly minCellSize: number;
}

/** Every förbund in the deployment, by county then name. */
export async function listNationalFederations(db: Queryable): Promise<NationalFederation[]> {
  const rows = await db.query<{ id: number; name: string; county: string | null; synthetic: boolean; settings: unknown }>(
    'select id, name, county, synthetic, settings from federation order by county nulls last, name',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, county: r.county, synthetic: r.synthetic, minCellSize: resolveSettings(r.settings).minCellSize }));
}

/** Years with any fiscal year or participation, newest first. */
export async function nationalYears(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ year: number }>(
    `select year from fiscal_year union select extract(year from start_date)::int from participation order by 1 desc`,
  );
  return rows.map((r) => r.year);
}

/** Raw counts per förbund for a year: individual interventions only (like a förbund's own statistics). */
export async function countNationalParticipations(db: Queryable, year: number): Promise<Map<number, NationalUnitCounts>> {
  const rows = await db.query<{ fid: number; gender: string; is_new: boolean; is_ended: boolean; outcome: string | null; n: number }>(
    `select p.federation_id as fid, p.gender, p.start_date >= $1::date as is_new,
            (p.end_date is not null and p.end_date <= $2::date) as is_ended,
            case when p.end_date <= $2::date then p.exit_outcome end as outcome, count(*)::int as n
     from participation p join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id
     where i.kind = 'individual' and p.start_date <= $2::date and (p.end_date is null or p.end_date >= $1::date)
     group by 1, 2, 3, 4, 5`,
    [`${year}-01-01`, `${year}-12-31`],
  );
  const g = indexOf(Gender.codes);
  const o = indexOf(ExitOutcome.codes);
  const out = new Map<number, { flowByGender: [number[], number[], number[]]; endedByOutcome: number[] }>();
  for (const r of rows) {
    let c = out.get(r.fid);
    if (!c) {
      c = { flowByGender: [Gender.codes.map(() => 0), Gender.codes.map(() => 0), Gender.codes.map(() => 0)], endedByOutcome: ExitOutcome.codes.map(() => 0) };
      out.set(r.fid, c);
    }
    const gi = g.get(r.gender)!;
    c.flowByGender[0][gi]! += r.n;
    if (r.is_new) c.flowByGender[1][gi]! += r.n;
    if (r.is_ended) {
      c.flowByGender[2][gi]! += r.n;
      c.endedByOutcome[o.get(r.outcome ?? 'other')!]! += r.n;
    }
  }
  return out;
}

/** One förbund's economy facts for a year through the economy services; null without a fiscal year. */
export async function nationalEconomyFacts(db: Queryable, federationId: number, year: number, settings: unknown): Promise<NationalEconomyFacts | null> {
  const q = memoizeReads(db);
  const has = await q.query('select 1 from fiscal_year where federation_id = $1 and year = $2', [federationId, year]);
  if (!has.length) return null;
  const k = await getKeyFigures(q, federationId, year);
  const sections = sumBySection((await loadYearOutcome(q, federationId, year)).byLine, await lineMap(q, federationId)).cost;
  const s = resolveSettings(settings);
  return {
    allocationOre: k.allocationOre,
    operatingCostOre: k.operatingCostOre,
    costBySectionOre: { administration: sections.administration, individual: sections.individual, structural: sections.structural, process_support: sections.process_support },
    equityClosingOre: k.equityClosingOre,
    equityCapShare: equityCapShareFor(k.allocationOre, s),
    equityCapOre: k.allocationOre === null ? null : equityCapOre(k.allocationOre, s),
    equityShareOfAllocation: k.equityShareOfAllocation,
    equityRatio: k.equityRatio,
  };
}

export interface NationalView extends NationalStatistics {
  /** The country's counts per year (each count alone, small ones hidden). */
  readonly series: readonly { year: number; active: number | null; new: number | null; ended: number | null }[];
}

/**
 * The suppressed national tables of a year. The minimum cell size is the strictest of all förbund's
 * settings (default 5). `seriesYears` adds the country's trend.
 */
export async function nationalStatisticsForYear(db: Queryable, year: number, options: { seriesYears?: readonly number[] } = {}): Promise<NationalView> {
  const federations = await listNationalFederations(db);
  const settingsRows = new Map((await db.query<{ id: number; settings: unknown }>('select id, settings from federation')).map((r) => [r.id, r.settings]));
  const minCellSize = Math.max(resolveSettings(null).minCellSize, ...federations.map((f) => f.minCellSize));
  const counts = await countNationalParticipations(db, year);
  const economy = new Map<number, NationalEconomyFacts>();
  for (const f of federations) {
    const facts = await nationalEconomyFacts(db, f.id, year, settingsRows.get(f.id));
    if (facts) economy.set(f.id, facts);
  }
  const stats = nationalStatistics({ year, minCellSize, synthetic: federations.some((f) => f.synthetic), units: federations, counts, economy });
  const seriesYears = options.seriesYears ?? Array.from({ length: 5 }, (_, i) => year - 4 + i);
  const points = [];
  for (const y of seriesYears) {
    const c = y === year ? counts : await countNationalParticipations(db, y);
    const all = [...c.values()];
    const s = (m: 0 | 1 | 2) => all.reduce((a, x) => a + x.flowByGender[m].reduce((p, q) => p + q, 0), 0);
    points.push({ year: y, active: s(0), new: s(1), ended: s(2) });
  }
  return { ...stats, series: nationalSeries(points, minCellSize) };
}
