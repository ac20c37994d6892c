import { registerCross, TableFamily, type CellKind } from '../privacy/linkedTables.ts';
import { drain, rangeProtects } from '../privacy/suppression.ts';
import { AgeBand, Gender } from '../interventions/vocabulary.ts';
import {
  durationSummary,
  readStatistics,
  registerStatistics,
  type DurationSummary,
  type InterventionRef,
  type MemberRef,
  type ParticipantStatistics,
  type RawCounts,
  type SeriesPoint,
  type StatisticsScope,
} from './participantStatistics.ts';
import { readTable, type StatTable } from './statTable.ts';
import { followUpColumns, followUpStatusRows, followUpWorkRows, type FollowUpCounts } from '../interventions/followUp.ts';

/**
 * The statistics every role other than an intervention's own staff sees: one publication per closed year,
 * decided over the whole set of figures at once and then frozen (see docs/statistics-protection.md).
 *
 * The year's family holds, as ONE linear system:
 * - every table of the förbund (all individual interventions), with "per insats" rows that ARE each
 *   intervention's own active/new/ended;
 * - each intervention's own table "participants by gender: active, new, ended" (the national follow-up), and
 *   the relation förbund = sum of the interventions, cell by cell;
 * - the frozen previous year (its shown cells stay shown, its hidden cells stay hidden), linked by the flow
 *   identity active(Y) = active(Y−1) − ended(Y−1) + new(Y) in total and per gender, for the förbund and each
 *   intervention, and for the förbund per category of every fixed attribute (age band × gender, support
 *   before, support duration, education, referring member) through the unpublished counts "new in Y" and
 *   "ended in Y−1" of each category, which are protected like small cells.
 * Cell suppression over that system (suppress() in core/privacy) hides small counts and as few others as
 * needed until no hidden cell and no small unpublished flow can be worked out.
 */
export interface YearCounts {
  readonly year: number;
  readonly units: readonly InterventionRef[];
  readonly members: readonly MemberRef[];
  /** The förbund (all units). */
  readonly all: RawCounts;
  /** Each unit's own counts (only its flow by gender is published). */
  readonly byUnit: ReadonlyMap<number, RawCounts>;
  /** The förbund's counts of those who started in the year, and of those who ended in it (category flows). */
  readonly started: RawCounts;
  readonly ended: RawCounts;
  /**
   * The förbund's follow-ups after exit that fell due in the year, by recorded status (absent in years
   * frozen before the table existed: then it is not part of their publication).
   */
  readonly followUp?: FollowUpCounts;
}

/** A frozen year: the counts it was decided on and which cells are hidden. Stored as JSON. */
export interface FrozenYear {
  readonly year: number;
  readonly minCellSize: number;
  readonly units: readonly InterventionRef[];
  readonly members: readonly MemberRef[];
  readonly counts: SerializedYearCounts;
  readonly hidden: readonly string[];
  readonly duration: DurationSummary;
}

export interface PublicationParameters {
  readonly minCellSize: number;
  readonly protectionInterval: number;
}

const flowKeys = ['A', 'N', 'E'] as const;
let outer = '';
const scopeF = (y: number) => `${outer}${y}:F:`;
const scopeU = (y: number, id: number) => `${outer}${y}:u${id}:`;

function scopeOf(c: Pick<YearCounts, 'year' | 'units' | 'members'>, min: number): StatisticsScope {
  return { year: c.year, minCellSize: min, interventions: c.units, members: c.members };
}

/** Registers one year (förbund, units, their link) in a family. */
function registerYear(family: TableFamily, c: YearCounts, min: number): void {
  const y = c.year;
  registerStatistics(family, c.all, scopeOf(c, min), { prefix: scopeF(y), unitTotal: (i, m) => scopeU(y, c.units[i]!.id) + flowKeys[m] });
  for (const u of c.units) {
    const raw = c.byUnit.get(u.id)!;
    raw.flow.forEach((row, i) => {
      row.forEach((v, j) => family.cell(`${scopeU(y, u.id)}${flowKeys[i]}:g${j}`, v));
      family.cell(scopeU(y, u.id) + flowKeys[i], row.reduce((a, b) => a + b, 0), true);
      family.relate(row.map((_, j) => `${scopeU(y, u.id)}${flowKeys[i]}:g${j}`), scopeU(y, u.id) + flowKeys[i]!);
    });
  }
  if (c.followUp) registerFollowUp(family, scopeF(y), c.followUp);
  if (c.units.length) {
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < Gender.codes.length; j++) family.relate(c.units.map((u) => `${scopeU(y, u.id)}${flowKeys[i]}:g${j}`), `${scopeF(y)}${flowKeys[i]}:g${j}`);
    }
  }
}

/**
 * "Status 6 och 12 månader efter avslut": the status table and the work/studies table share their column
 * totals (follow-ups due at 6 and at 12 months) and the grand total, so they are suppressed together.
 */
function registerFollowUp(family: TableFamily, prefix: string, f: FollowUpCounts): void {
  const shared = { colTotal: (j: number) => `${prefix}fu:t:${j}`, grand: `${prefix}fu:T` };
  registerCross(family, f.status, { inner: (i, j) => `${prefix}fu:s:${i}:${j}`, rowTotal: (i) => `${prefix}fu:sr:${i}`, ...shared });
  registerCross(family, f.work, { inner: (i, j) => `${prefix}fu:w:${i}:${j}`, rowTotal: (i) => `${prefix}fu:wr:${i}`, ...shared });
}

/** The published follow-up tables of a frozen year, or null when its publication has none. */
export interface FollowUpTables {
  readonly status: StatTable;
  readonly work: StatTable;
}

function readFollowUp(get: (key: string) => number | null, prefix: string, year: number): FollowUpTables {
  const shared = { colTotal: (j: number) => `${prefix}fu:t:${j}`, grand: `${prefix}fu:T` };
  return {
    status: readTable(
      { key: 'followUpStatus', title: `Status 6 och 12 månader efter avslut, uppföljningar som infaller ${year}: huvudsaklig försörjning`, rowHeader: 'Försörjning', rowLabels: followUpStatusRows, colLabels: followUpColumns },
      get,
      { inner: (i, j) => `${prefix}fu:s:${i}:${j}`, rowTotal: (i) => `${prefix}fu:sr:${i}`, ...shared },
    ),
    work: readTable(
      { key: 'followUpWork', title: `Status 6 och 12 månader efter avslut, uppföljningar som infaller ${year}: arbete eller studier`, rowHeader: 'Status', rowLabels: followUpWorkRows, colLabels: followUpColumns },
      get,
      { inner: (i, j) => `${prefix}fu:w:${i}:${j}`, rowTotal: (i) => `${prefix}fu:wr:${i}`, ...shared },
    ),
  };
}

/** active(Y) + ended(Y−1) = active(Y−1) + new(Y), through a latent cell; skipped when late corrections break it. */
function linkFlow(family: TableFamily, name: string, activeNow: string, endedBefore: string, activeBefore: string, newNow: string, values: Map<string, number>): void {
  const v = (k: string) => values.get(k)!;
  if (v(activeNow) + v(endedBefore) !== v(activeBefore) + v(newNow)) return;
  family.cell(name, v(activeNow) + v(endedBefore), false, 'latent');
  family.relate([activeNow, endedBefore], name);
  family.relate([activeBefore, newNow], name);
}

function linkYears(family: TableFamily, prev: YearCounts, cur: YearCounts): void {
  const values = new Map(family.entries());
  const [p, y] = [prev.year, cur.year];
  const scopes = [{ now: scopeF(y), before: scopeF(p) }, ...cur.units.filter((u) => prev.units.some((x) => x.id === u.id)).map((u) => ({ now: scopeU(y, u.id), before: scopeU(p, u.id) }))];
  for (const s of scopes) {
    linkFlow(family, `${s.now}flowX`, `${s.now}A`, `${s.before}E`, `${s.before}A`, `${s.now}N`, values);
    Gender.codes.forEach((_, j) => linkFlow(family, `${s.now}flowX:g${j}`, `${s.now}A:g${j}`, `${s.before}E:g${j}`, `${s.before}A:g${j}`, `${s.now}N:g${j}`, values));
  }
  // The förbund's categories of fixed attributes, with the unpublished new/ended per category.
  const F = scopeF(y);
  const P = scopeF(p);
  const category = (key: string, newCount: number, endedKey: string, endedCount: number | null, newSum: string, endedSum: string | null) => {
    const nowKey = F + key;
    const beforeKey = P + key;
    if (!values.has(nowKey) || !values.has(beforeKey)) return;
    const nk = `${F}new:${key}`;
    family.cell(nk, newCount, false, 'latent');
    if (endedCount !== null) family.cell(endedKey, endedCount, false, 'latent');
    const ended = values.get(endedKey) ?? endedCount!;
    if (values.get(nowKey)! + ended !== values.get(beforeKey)! + newCount) return;
    family.cell(`${F}X:${key}`, values.get(nowKey)! + ended, false, 'latent');
    family.relate([nowKey, endedKey], `${F}X:${key}`);
    family.relate([beforeKey, nk], `${F}X:${key}`);
    family.cell(`${F}slackN:${key}`, values.get(nowKey)! - newCount, false, 'latent');
    family.relate([nk, `${F}slackN:${key}`], nowKey);
    family.cell(`${F}slackE:${key}`, values.get(beforeKey)! - ended, false, 'latent');
    family.relate([endedKey, `${F}slackE:${key}`], beforeKey);
    void newSum;
    void endedSum;
  };
  const sums: { newParts: string[]; newTotal: string; endedParts: string[]; endedTotal: string }[] = [];
  // age band × gender
  Gender.codes.forEach((_, j) => {
    const np: string[] = [];
    const ep: string[] = [];
    AgeBand.codes.forEach((_, i) => {
      const key = `age:${i}:${j}`;
      category(key, cur.started.ageByGender[i]![j]!, `${P}ended:${key}`, prev.ended.ageByGender[i]![j]!, '', '');
      np.push(`${F}new:${key}`);
      ep.push(`${P}ended:${key}`);
    });
    sums.push({ newParts: np, newTotal: `${F}N:g${j}`, endedParts: ep, endedTotal: `${P}E:g${j}` });
  });
  const oneRow = (prefix: string, now: readonly number[], ended: readonly number[] | null, endedKey: (j: number) => string) => {
    const np: string[] = [];
    const ep: string[] = [];
    now.forEach((n, j) => {
      category(`${prefix}:${j}`, n, endedKey(j), ended ? ended[j]! : null, '', '');
      np.push(`${F}new:${prefix}:${j}`);
      ep.push(endedKey(j));
    });
    sums.push({ newParts: np, newTotal: `${F}N`, endedParts: ended ? ep : [], endedTotal: `${P}E` });
  };
  // Ended by support before is published: the transition table's row totals.
  oneRow('sb', cur.started.supportBefore, null, (j) => `${P}tr:r${j}`);
  oneRow('sd', cur.started.supportDuration, prev.ended.supportDuration, (j) => `${P}ended:sd:${j}`);
  oneRow('ed', cur.started.education, prev.ended.education, (j) => `${P}ended:ed:${j}`);
  for (const s of sums) {
    if (s.newParts.every((k) => family.has(k))) family.relate(s.newParts, s.newTotal);
    if (s.endedParts.length && s.endedParts.every((k) => family.has(k))) family.relate(s.endedParts, s.endedTotal);
  }
}

/** Decides and returns the frozen publication of year `cur.year`, given the frozen previous year (if any). */
export function freezeYear(cur: YearCounts, previous: FrozenYear | null, params: PublicationParameters): FrozenYear {
  return drain(freezeYearSteps(cur, previous, params));
}

/** freezeYear() in steps: yields between the suppression's audits (a server lets other requests run). */
export function* freezeYearSteps(cur: YearCounts, previous: FrozenYear | null, params: PublicationParameters): Generator<void, FrozenYear> {
  const family = new TableFamily();
  if (previous) {
    const prev = deserializeYearCounts(previous.counts);
    registerYear(family, prev, previous.minCellSize);
    const hidden = new Set(previous.hidden);
    for (const [key, value] of family.entries()) family.cell(key, value, false, (hidden.has(key) ? 'fixedHidden' : 'fixedShown') satisfies CellKind);
    registerYear(family, cur, params.minCellSize);
    linkYears(family, prev, cur);
  } else {
    registerYear(family, cur, params.minCellSize);
  }
  const published = yield* family.publishSteps(params.minCellSize, { protectionInterval: params.protectionInterval });
  const prefix = `${cur.year}:`;
  const hidden = family
    .entries()
    .filter(([k]) => k.startsWith(prefix) && !/:(new|ended|X|slackN|slackE):|:flowX/.test(k) && published(k) === null)
    .map(([k]) => k);
  return {
    year: cur.year,
    minCellSize: params.minCellSize,
    units: cur.units,
    members: cur.members,
    counts: serializeYearCounts(cur),
    hidden,
    duration: durationSummary(cur.all.endedDays, params.minCellSize),
  };
}

/** A förbund cell the national view prints (as the förbund published it) and, when hidden, what its own publication lets a reader deduce. */
export interface FrozenCell {
  readonly value: number;
  readonly hidden: boolean;
  /** The range a reader of the förbund's whole publication of the year can deduce (hidden cells only). */
  readonly min: number;
  readonly max: number;
}

/** What the national view needs of a förbund's frozen year (see frozenNationalCells). */
export interface FrozenNationalCells {
  /** The year's cells by local key (`A`, `A:g0`, `E:o3` …). */
  readonly cells: Map<string, FrozenCell>;
  /** The previous frozen year's cells, with what the two publications together tell (null without one). */
  readonly previousCells: Map<string, FrozenCell> | null;
}

/**
 * The cells of a frozen year that the national view sums into county and country totals — active, new and
 * ended in total and by gender, ended by outcome (local keys `A`, `A:g0`, `E:o3` …) — each as the förbund
 * published it, and for each hidden one the exact range a reader of the förbund's whole publication (all its
 * tables, its interventions' and their links) can deduce. With the frozen previous year, the reader holds both
 * years and the flow identity between them (as when the year was frozen, freezeYearSteps): the ranges are
 * deduced over both, for the year's cells and for the previous year's. The national suppression starts from
 * these ranges, so its totals are checked against everything the förbund has already printed.
 */
export function frozenNationalCells(f: FrozenYear, previous: FrozenYear | null = null): FrozenNationalCells {
  const { family, prev, isHidden, hidden } = twoYearFamily(f, previous);
  const locals = [
    ...flowKeys,
    ...flowKeys.flatMap((m) => Gender.codes.map((_, j) => `${m}:g${j}`)),
    ...f.counts.all.outcomeByGender.map((_, o) => `E:o${o}`),
  ];
  const values = new Map(family.entries());
  const years = prev ? [f.year - 1, f.year] : [f.year];
  const ranges = family.deducibleRanges(isHidden, years.flatMap((y) => locals.map((l) => scopeF(y) + l)));
  const cellsOf = (y: number) => {
    const out = new Map<string, FrozenCell>();
    for (const l of locals) {
      const key = scopeF(y) + l;
      const v = values.get(key)!;
      const r = ranges.get(key);
      out.set(l, hidden.has(key) && r ? { value: v, hidden: true, min: r.min, max: r.max } : { value: v, hidden: false, min: v, max: v });
    }
    return out;
  };
  return { cells: cellsOf(f.year), previousCells: prev ? cellsOf(f.year - 1) : null };
}

/** The unpublished category flows and flow sums of linkYears (unknown to every reader). */
const unpublishedFlow = /:(new|ended|X|slackN|slackE):|:flowX/;

/** A frozen year with the frozen year before (if any) in one family, linked as when it was frozen, and what a reader does not see. */
function twoYearFamily(f: FrozenYear, previous: FrozenYear | null) {
  const family = new TableFamily();
  const cur = deserializeYearCounts(f.counts);
  const prev = previous && previous.year === f.year - 1 ? deserializeYearCounts(previous.counts) : null;
  if (prev) registerYear(family, prev, previous!.minCellSize);
  registerYear(family, cur, f.minCellSize);
  if (prev) linkYears(family, prev, cur);
  const hidden = new Set([...f.hidden, ...(prev ? previous!.hidden : [])]);
  const isHidden = (k: string) => hidden.has(k) || unpublishedFlow.test(k);
  return { family, prev, hidden, isHidden };
}

/** What another publication (the national view) lets a reader deduce of one of the förbund's national cells. */
export interface NationalBound {
  readonly year: number;
  /** Local key as in frozenNationalCells (`A`, `A:g0`, `E:o3` …). */
  readonly local: string;
  readonly min: number;
  readonly max: number;
}

/**
 * Does the förbund's publication of the year (with the year before) stay protected when a reader also knows
 * these bounds on some of its national cells (from the national tables)? Every hidden cell — of every table,
 * every intervention, and the unpublished category flows — must keep the protection its freeze gave it (the
 * same rule as suppress(): not pinned, a small count not boxed within 1 … min − 1), unless its own publication
 * already did not give it (then the bounds take nothing away).
 */
export function protectedWithBounds(f: FrozenYear, previous: FrozenYear | null, bounds: readonly NationalBound[], protectionInterval: number): boolean {
  const { family, isHidden } = twoYearFamily(f, previous);
  const values = new Map(family.entries());
  const min = f.minCellSize;
  const wanted = [...values.keys()].filter(isHidden);
  const safe = (k: string, r: { min: number; max: number } | undefined) => {
    if (!r) return true;
    return rangeProtects(values.get(k)!, r, min, { width: protectionInterval, latent: unpublishedFlow.test(k) });
  };
  const known = new Set<string>();
  for (const b of bounds) {
    const key = scopeF(b.year) + b.local;
    if (!values.has(key) || !isHidden(key)) continue;
    if (b.min > 0) {
      family.cell(`${key}|min`, b.min);
      family.cell(`${key}|above`, values.get(key)! - b.min);
      family.relate([`${key}|min`, `${key}|above`], key);
      known.add(`${key}|min`);
    }
    if (Number.isFinite(b.max)) {
      family.cell(`${key}|max`, b.max);
      family.cell(`${key}|below`, b.max - values.get(key)!);
      family.relate([key, `${key}|below`], `${key}|max`);
      known.add(`${key}|max`);
    }
  }
  const withBounds = family.deducibleRanges((k) => !known.has(k) && (isHidden(k) || k.includes('|')), wanted, (k, lo, hi) => safe(k, { min: lo, max: hi }));
  const exposed = wanted.filter((k) => !safe(k, withBounds.get(k)));
  if (!exposed.length) return true;
  // Exposed already by the förbund's own publication? Then not by the bounds.
  const own = twoYearFamily(f, previous);
  const without = own.family.deducibleRanges(own.isHidden, exposed, (k, lo, hi) => safe(k, { min: lo, max: hi }));
  return exposed.every((k) => !safe(k, without.get(k)));
}

/** The förbund's counts of a frozen year as the national view counts them: [active, new, ended] by gender, ended by outcome. */
export function frozenFlowCounts(f: FrozenYear): { flowByGender: [number[], number[], number[]]; endedByOutcome: number[] } {
  const all = f.counts.all;
  return {
    flowByGender: [[...all.flow[0]!], [...all.flow[1]!], [...all.flow[2]!]],
    endedByOutcome: all.outcomeByGender.map((row) => row.reduce((a, b) => a + b, 0)),
  };
}

/** The published values of a frozen year, by key (null = hidden). */
function publishedOf(f: FrozenYear): (key: string) => number | null {
  const family = new TableFamily();
  registerYear(family, deserializeYearCounts(f.counts), f.minCellSize);
  const values = new Map(family.entries());
  const hidden = new Set(f.hidden);
  return (key) => (hidden.has(key) || !values.has(key) ? null : values.get(key)!);
}

const seriesOf = (years: readonly FrozenYear[], prefix: (y: number) => string): SeriesPoint[] =>
  years.map((f) => {
    const get = publishedOf(f);
    return { year: f.year, active: get(prefix(f.year) + 'A'), new: get(prefix(f.year) + 'N'), ended: get(prefix(f.year) + 'E') };
  });

/** The förbund's published statistics of a frozen year; `series` = the frozen years up to it. */
export function readFrozenFederation(f: FrozenYear, series: readonly FrozenYear[]): ParticipantStatistics {
  const y = f.year;
  const get = publishedOf(f);
  const stats = readStatistics(get, scopeOf(f, f.minCellSize), f.duration, seriesOf(series, scopeF), {
    prefix: scopeF(y),
    unitTotal: (i, m) => scopeU(y, f.units[i]!.id) + flowKeys[m],
  });
  return { ...stats, followUp: f.counts.followUp ? readFollowUp(get, scopeF(y), y) : null };
}

/** One intervention's published statistics of a frozen year: its participants by gender (active, new, ended). */
export function readFrozenIntervention(f: FrozenYear, interventionId: number, name: string, series: readonly FrozenYear[]): ParticipantStatistics {
  const y = f.year;
  const get = publishedOf(f);
  const own = scopeU(y, interventionId);
  const onlyFlow = (key: string) => (key.startsWith(own) && /^[ANE](:g\d+)?$/.test(key.slice(own.length)) ? get(key) : null);
  const none: DurationSummary = { n: null, averageMonths: null, medianMonths: null };
  const unitSeries = series.filter((s) => s.units.some((u) => u.id === interventionId));
  const s = readStatistics(onlyFlow, { year: y, minCellSize: f.minCellSize, interventions: [{ id: interventionId, name }], members: f.members }, none, seriesOf(unitSeries, (yy) => scopeU(yy, interventionId)), {
    prefix: own,
    unitTotal: (_i, m) => own + flowKeys[m],
  });
  // Only the flow by gender (and its totals) is published per intervention: the other tables are not
  // part of the publication at all (not even their totals, which would print the active count beside
  // hidden cells that the förbund's zeros pin).
  return {
    ...s,
    activeByAgeAndGender: unpublished(s.activeByAgeAndGender),
    supportBefore: unpublished(s.supportBefore),
    supportDuration: unpublished(s.supportDuration),
    education: unpublished(s.education),
    referringMember: s.referringMember && unpublished(s.referringMember),
    exitOutcomes: unpublished(s.exitOutcomes),
    outcomeByGender: unpublished(s.outcomeByGender),
    transition: unpublished(s.transition),
  };
}

function unpublished(t: StatTable): StatTable {
  const cells = t.cells.map((row) => row.map(() => null));
  return {
    ...t,
    cells,
    rowTotals: t.rowTotals && t.rowTotals.map(() => null),
    colTotals: t.colTotals && t.colTotals.map(() => null),
    total: null,
    percentages: t.percentages && t.percentages.map((row) => row.map(() => null)),
    hiddenCount: cells.flat().length + (t.rowTotals?.length ?? 0) + (t.colTotals?.length ?? 0) + (t.total === null ? 0 : 1),
  };
}

// ---- JSON form of the counts (Maps become arrays) ----

export interface SerializedCounts {
  readonly byIntervention: [number, [number, number, number]][];
  readonly flow: number[][];
  readonly ageByGender: number[][];
  readonly supportBefore: number[];
  readonly supportDuration: number[];
  readonly education: number[];
  readonly referring: [number | null, number][];
  readonly outcomeByGender: number[][];
  readonly transition: number[][];
  readonly endedDays: { n: number; mean: number | null; median: number | null };
}

export interface SerializedYearCounts {
  readonly year: number;
  readonly units: readonly InterventionRef[];
  readonly members: readonly MemberRef[];
  readonly all: SerializedCounts;
  readonly byUnit: [number, SerializedCounts][];
  readonly started: SerializedCounts;
  readonly ended: SerializedCounts;
  readonly followUp?: FollowUpCounts;
}

export function serializeCounts(r: RawCounts): SerializedCounts {
  return {
    byIntervention: [...r.byIntervention].map(([k, v]) => [k, [...v] as [number, number, number]]),
    flow: r.flow.map((x) => [...x]),
    ageByGender: r.ageByGender.map((x) => [...x]),
    supportBefore: [...r.supportBefore],
    supportDuration: [...r.supportDuration],
    education: [...r.education],
    referring: [...r.referring],
    outcomeByGender: r.outcomeByGender.map((x) => [...x]),
    transition: r.transition.map((x) => [...x]),
    endedDays: { ...r.endedDays },
  };
}

export function deserializeCounts(s: SerializedCounts): RawCounts {
  return { ...s, byIntervention: new Map(s.byIntervention), flow: s.flow as unknown as RawCounts['flow'], referring: new Map(s.referring) };
}

function serializeYearCounts(c: YearCounts): SerializedYearCounts {
  return {
    year: c.year,
    units: c.units,
    members: c.members,
    all: serializeCounts(c.all),
    byUnit: [...c.byUnit].map(([k, v]) => [k, serializeCounts(v)]),
    started: serializeCounts(c.started),
    ended: serializeCounts(c.ended),
    ...(c.followUp ? { followUp: { status: c.followUp.status.map((r) => [...r]), work: c.followUp.work.map((r) => [...r]) } } : {}),
  };
}

function deserializeYearCounts(s: SerializedYearCounts): YearCounts {
  return {
    year: s.year,
    units: s.units,
    members: s.members,
    all: deserializeCounts(s.all),
    byUnit: new Map(s.byUnit.map(([k, v]) => [k, deserializeCounts(v)])),
    started: deserializeCounts(s.started),
    ended: deserializeCounts(s.ended),
    ...(s.followUp ? { followUp: s.followUp } : {}),
  };
}
