/**
 * The national view over the database: every förbund's participant counts (one GROUP BY over the country)
 * and economy figures (read through the economy services: getKeyFigures and the year's outcome), handed to
 * the core, which suppresses the counts as one linked family (src/core/statistics/nationalStatistics.ts).
 */
import { ExitOutcome, Gender } from '../../core/interventions/vocabulary.ts';
import { indexOf } from '../../core/statistics/participantStatistics.ts';
import { sparseComponentSolver } from '../solver/sparseIntervals.ts';
import { countTableKeys, nationalEconomyTables, nationalStatisticsSteps, nationalTrends, type FrozenNational, type PreviousNational, type NationalTrends, type NationalEconomyFacts, type NationalStatistics, type NationalUnit, type NationalUnitCounts } from '../../core/statistics/nationalStatistics.ts';
import { sumBySection } from '../../core/economy/budget.ts';
import { equityCapOre, equityCapShareFor } from '../../core/economy/keyFigures.ts';
import { resolveSettings } from '../../core/settings.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { memoizeReads } from '../../db/memoizeReads.ts';
import { drainYielding } from '../steps.ts';
import { frozenFlowCounts, frozenNationalCells, protectedWithBounds, type FrozenYear } from '../../core/statistics/publication.ts';
import type { StatTable } from '../../core/statistics/statTable.ts';
import { closingDate } from '../interventions/publishedStatistics.ts';
import { getKeyFigures } from '../economy/reports.ts';
import { loadYearOutcome } from '../economy/outcome.ts';
import { lineMap } from '../economy/lines.ts';
import { today as todayIn } from '../../core/calendar.ts';

export interface NationalFederation extends NationalUnit {
  readonly synthetic: boolean;
  readonly minCellSize: number;
  /** The förbund's stored settings, as read (the economy figures resolve them). */
  readonly settings: unknown;
}

/** Every förbund in the deployment, by county then name. */
export async function listNationalFederations(db: Queryable): Promise<NationalFederation[]> {
  const rows = await db.query<{ id: number; name: string; county: string | null; synthetic: boolean; settings: unknown }>(
    'select id, name, county, synthetic, settings from federation order by county nulls last, name',
  );
  return rows.map((r) => ({ id: r.id, name: r.name, county: r.county, synthetic: r.synthetic, minCellSize: resolveSettings(r.settings).minCellSize, settings: r.settings }));
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

export interface NationalPublication {
  /**
   * published: every förbund with participations up to the year has frozen it; open: the year has not closed
   * for every förbund yet (published from `publishedFrom`); pending: closed but not yet frozen everywhere
   * (the background freezer is working on it: "publiceras snart").
   */
  readonly state: 'published' | 'open' | 'pending';
  readonly publishedFrom: string | null;
  /** Förbund in the deployment that a published year's count tables do not cover (added after it was published). */
  readonly notCovered?: readonly string[];
}

export interface NationalView extends NationalStatistics {
  readonly publication: NationalPublication;
  /** The country's counts per year, as each year's publication shows them (null = hidden or not published). */
  readonly series: readonly { year: number; active: number | null; new: number | null; ended: number | null; published: boolean }[];
  /** Active, new and ended per county (and the country) and per förbund over the series years. */
  readonly trends: NationalTrends;
}

interface FederationYearRow {
  id: number;
  settings: unknown;
  first: number | null;
  snapshot_id: number | null;
  data: FrozenYear | null;
  previous_id: number | null;
  previous_data: FrozenYear | null;
}

/** A förbund's frozen year and the one before (if frozen): a reader of its publications holds both. */
interface FrozenEntry {
  readonly snapshotId: number;
  readonly data: FrozenYear;
  readonly previous: { readonly snapshotId: number; readonly data: FrozenYear } | null;
}

/** A frozen year as the national view needs it, by snapshot ids (a frozen row never changes). */
const frozenNationalCache = new Map<string, FrozenNational>();

function frozenNational(f: FrozenEntry): FrozenNational {
  const key = `${f.snapshotId}:${f.previous?.snapshotId ?? ''}`;
  let n = frozenNationalCache.get(key);
  if (!n) {
    const previous = f.previous?.data ?? null;
    n = {
      counts: frozenFlowCounts(f.data),
      ...frozenNationalCells(f.data, previous),
      protectedWith: (bounds, protectionInterval) => protectedWithBounds(f.data, previous, bounds, protectionInterval),
    };
    if (frozenNationalCache.size > 2000) frozenNationalCache.delete(frozenNationalCache.keys().next().value!);
    frozenNationalCache.set(key, n);
  }
  return n;
}

/** Each förbund's frozen year (if any) and whether it needs one, and the national year's state. */
async function frozenForYear(db: Queryable, year: number, today: Date): Promise<{ frozen: Map<number, FrozenEntry>; publication: NationalPublication; protectionInterval: number }> {
  const rows = await db.query<FederationYearRow>(
    `select f.id, f.settings,
            (select min(extract(year from p.start_date))::int from participation p join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id
              where p.federation_id = f.id and i.kind = 'individual') as first,
            s.id as snapshot_id, s.data, b.id as previous_id, b.data as previous_data
     from federation f left join statistics_snapshot s on s.federation_id = f.id and s.year = $1
          left join statistics_snapshot b on b.federation_id = f.id and b.year = $1::int - 1
     order by f.id`,
    [year],
  );
  const frozen = new Map<number, FrozenEntry>();
  let open = false;
  let pending = false;
  let publishedFrom: string | null = null;
  let protectionInterval = 1;
  for (const r of rows) {
    const settings = resolveSettings(r.settings);
    protectionInterval = Math.max(protectionInterval, settings.protectionInterval);
    const from = closingDate(year, settings.statisticsClosingDays);
    if (publishedFrom === null || from > publishedFrom) publishedFrom = from;
    if (r.data && r.snapshot_id !== null) {
      const previous = r.previous_data && r.previous_id !== null ? { snapshotId: r.previous_id, data: r.previous_data } : null;
      frozen.set(r.id, { snapshotId: r.snapshot_id, data: r.data, previous });
    }
    else if (r.first !== null && r.first <= year) {
      if (from > todayIn(today)) open = true;
      else pending = true;
    }
  }
  return { frozen, publication: { state: open ? 'open' : pending ? 'pending' : 'published', publishedFrom }, protectionInterval };
}

/** A count table with nothing published (the year is not published yet). */
function unpublishedTable(t: StatTable): StatTable {
  return {
    ...t,
    cells: t.cells.map((row) => row.map(() => null)),
    rowTotals: t.rowTotals && t.rowTotals.map(() => null),
    colTotals: t.colTotals && t.colTotals.map(() => null),
    total: null,
    percentages: t.percentages && t.percentages.map((row) => row.map(() => null)),
    hiddenCount: 0,
  };
}


/** Per database: the national publication of a year, by what it was decided on (förbund, settings, frozen years). */
const cache = new WeakMap<object, Map<string, NationalStatistics>>();

const systemActor: Actor = { id: 'system:nationell-publicering' };

/** Per database: the stored publications by year (a stored row never changes). */
const storedCache = new WeakMap<object, Map<number, { stats: NationalStatistics; publication: NationalPublication }>>();

/** The year's publication as first published, or null if it has not been published yet. */
async function storedPublication(db: Queryable, year: number): Promise<{ stats: NationalStatistics; publication: NationalPublication } | null> {
  let byYear = storedCache.get(db);
  if (!byYear) storedCache.set(db, (byYear = new Map()));
  const hit = byYear.get(year);
  if (hit) return hit;
  const [row] = await db.query<{ published_from: string; data: NationalStatistics }>(
    "select to_char(published_from, 'YYYY-MM-DD') as published_from, data from national_publication where year = $1",
    [year],
  );
  if (!row) return null;
  const stored = { stats: row.data, publication: { state: 'published' as const, publishedFrom: row.published_from } };
  byYear.set(year, stored);
  return stored;
}

/**
 * The national publication of `year` as stored (publishing it first if it can be published now), with the frozen
 * years of the förbund it covered: what a reader of that year holds when the next year is published. Null when
 * the year has no stored publication (no förbund had participants, or it is not published yet).
 */
async function previousPublication(db: Database, year: number, today: Date, federations: readonly NationalFederation[]): Promise<PreviousNational | null> {
  const stored = (await storedPublication(db, year)) ?? ((await yearPublication(db, year, today, federations)) && (await storedPublication(db, year)));
  if (!stored) return null;
  const { frozen } = await frozenForYear(db, year, today);
  const covered = new Map<number, FrozenNational>();
  for (const u of stored.stats.units) {
    const f = frozen.get(u.id);
    if (f) covered.set(u.id, frozenNational(f));
  }
  return { year, published: stored.stats, frozen: covered };
}

/**
 * The national count tables of a year, read from the förbund's FROZEN publications only (never live counts):
 * each förbund's counts of the closed year with its shown and hidden cells kept, the county and country
 * totals suppressed with them as one linked set. Not published (all counts null) until every förbund with
 * participations has frozen the year. Economy figures (public records) are shown for every year.
 *
 * The first time a year is published its tables are stored (national_publication) and from then on read
 * from there, never recomputed: a förbund added later with participations that year, a förbund moved to
 * another county or a changed minimum cell size would otherwise make a second version of the same year, and
 * the difference between the two would be the new förbund's own counts, hidden cells included.
 */
async function yearPublication(db: Database, year: number, today: Date, federations: readonly NationalFederation[]): Promise<{ stats: NationalStatistics; publication: NationalPublication }> {
  const stored = await storedPublication(db, year);
  if (stored) return stored;
  const { frozen, publication, protectionInterval } = await frozenForYear(db, year, today);
  const minCellSize = Math.max(resolveSettings(null).minCellSize, ...federations.map((f) => f.minCellSize));
  const synthetic = federations.some((f) => f.synthetic);
  // The year before as it was published (the flow identity ties the two years): published first if it can be.
  const previous = publication.state === 'published' && frozen.size > 0 ? await previousPublication(db, year - 1, today, federations) : null;
  const key = JSON.stringify([year, publication.state, minCellSize, protectionInterval, federations.map((f) => [f.id, f.name, f.county]), [...frozen.keys()], previous !== null]);
  let byKey = cache.get(db);
  if (!byKey) cache.set(db, (byKey = new Map()));
  let stats = byKey.get(key);
  if (!stats) {
    const published = publication.state === 'published';
    const frozenCells = new Map<number, FrozenNational>();
    if (published) {
      for (const [id, f] of frozen) {
        frozenCells.set(id, frozenNational(f));
        await new Promise<void>((resolve) => setImmediate(resolve)); // one förbund at a time: let requests through
      }
    }
    // In steps: a large deployment's year takes a while, and requests are answered meanwhile.
    const solveComponent = await sparseComponentSolver();
    stats = await drainYielding(nationalStatisticsSteps({ year, minCellSize, protectionInterval, synthetic, units: federations, counts: new Map(), economy: new Map(), frozen: frozenCells, previous, solveComponent }));
    if (!published) stats = { ...stats, ...Object.fromEntries(countTableKeys.map((k) => [k, unpublishedTable(stats![k])])) };
    if (byKey.size > 64) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, stats);
  }
  // A year no förbund has participants in is not stored: its history may still be entered, and a version with
  // nothing in it tells nothing that the first real one does not.
  if (publication.state !== 'published' || frozen.size === 0) return { stats, publication };
  // First publication: store it (a concurrent first reader may have stored its own; the first stored wins).
  const counted: NationalStatistics = stats;
  await db.transaction(
    (tx) => tx.query('insert into national_publication (year, published_from, data) values ($1, $2, $3) on conflict (year) do nothing', [year, publication.publishedFrom, JSON.stringify(counted)]),
    systemActor,
  );
  return (await storedPublication(db, year))!;
}

/**
 * The suppressed national tables of a year (see yearPublication) with the economy of every förbund, and the
 * trends over `seriesYears` (default: the five years up to `year`), each year as its own publication shows it.
 */
export async function nationalStatisticsForYear(
  db: Database,
  year: number,
  options: { seriesYears?: readonly number[]; today?: Date } = {},
): Promise<NationalView> {
  const today = options.today ?? new Date();
  const federations = await listNationalFederations(db);
  const { stats: counts, publication } = await yearPublication(db, year, today, federations);
  const economy = new Map<number, NationalEconomyFacts>();
  for (const f of federations) {
    const facts = await nationalEconomyFacts(db, f.id, year, f.settings);
    if (facts) economy.set(f.id, facts);
  }
  // The economy tables need the published active counts (cost per participant): the core builds them from
  // the same publication, so recompute only the money part with the published counts.
  const withEconomy = nationalEconomyTables(counts, federations, economy);
  const seriesYears = options.seriesYears ?? Array.from({ length: 5 }, (_, i) => year - 4 + i);
  const perYear: { year: number; stats: NationalStatistics; published: boolean }[] = [];
  for (const y of seriesYears) {
    const p = y === year ? { stats: counts, publication } : await yearPublication(db, y, today, federations);
    perYear.push({ year: y, stats: p.stats, published: p.publication.state === 'published' });
  }
  const series = perYear.map((p) => ({
    year: p.year,
    active: p.stats.byFederation.colTotals?.[0] ?? null,
    new: p.stats.byFederation.colTotals?.[1] ?? null,
    ended: p.stats.byFederation.colTotals?.[2] ?? null,
    published: p.published,
  }));
  const covered = new Set(counts.units.map((u) => u.id));
  const withCoverage = publication.state === 'published' ? { ...publication, notCovered: federations.filter((f) => !covered.has(f.id)).map((f) => f.name) } : publication;
  return { ...counts, ...withEconomy, publication: withCoverage, series, trends: nationalTrends(perYear, counts.federations, counts.counties) };
}

/**
 * Publishes every year that has closed and is frozen in every förbund with participants but is not yet
 * published nationally (for the background freezer: a year is then fixed when it closes, not when someone
 * first looks). Returns the years published now.
 */
export async function publishClosedNationalYears(db: Database, today: Date = new Date()): Promise<number[]> {
  const federations = await listNationalFederations(db);
  const published: number[] = [];
  for (const year of await nationalYears(db)) {
    if (await storedPublication(db, year)) continue;
    await yearPublication(db, year, today, federations);
    if (await storedPublication(db, year)) published.push(year);
  }
  return published;
}
