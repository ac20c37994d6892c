import {
  activeInYear,
  endedInYear,
  startedInYear,
  type ParticipationFacts,
} from '../interventions/participation.ts';
import { daysBetween, daysPerMonth } from '../interventions/dates.ts';
import {
  AgeBand,
  closerToWorkOutcomes,
  Education,
  ExitOutcome,
  Gender,
  SupportDuration,
  SupportSource,
  workOrStudiesOutcomes,
} from '../interventions/vocabulary.ts';
import { percentOf, publishCount, publishedGroupCount, readTable, type StatTable } from './statTable.ts';
import { registerCross, TableFamily } from '../privacy/linkedTables.ts';

export interface InterventionRef {
  readonly id: number;
  readonly name: string;
}

export interface MemberRef {
  readonly id: number;
  readonly name: string;
}

export interface StatisticsScope {
  readonly year: number;
  readonly minCellSize: number;
  /** The interventions in scope (one for an intervention's page, all for the förbund). */
  readonly interventions: readonly InterventionRef[];
  readonly members?: readonly MemberRef[];
  /** Years for the series "participants over time" (counted from the participations given). */
  readonly seriesYears?: readonly number[];
  /** Or the series already counted (by the database, for speed): raw counts, suppressed here. */
  readonly seriesCounts?: readonly RawSeriesPoint[];
}

export interface RawSeriesPoint {
  readonly year: number;
  readonly active: number;
  readonly new: number;
  readonly ended: number;
}

/**
 * The series from counts per (start year, end year): active in y = started by y and not ended before y.
 * Lets the database group 240 000 participations into a few hundred rows.
 */
export function seriesFromYearPairs(pairs: readonly { startYear: number; endYear: number | null; n: number }[], years: readonly number[]): RawSeriesPoint[] {
  return years.map((year) => ({
    year,
    active: pairs.filter((p) => p.startYear <= year && (p.endYear === null || p.endYear >= year)).reduce((s, p) => s + p.n, 0),
    new: pairs.filter((p) => p.startYear === year).reduce((s, p) => s + p.n, 0),
    ended: pairs.filter((p) => p.endYear === year).reduce((s, p) => s + p.n, 0),
  }));
}

export interface SeriesPoint {
  readonly year: number;
  readonly active: number | null;
  readonly new: number | null;
  readonly ended: number | null;
}

export interface KeyShares {
  /** "X % av deltagarna har haft offentlig försörjning i mer än 4 år" (of the active). */
  readonly publicSupportOver4Years: number | null;
  /** "X % har grundskola som högsta slutförda utbildning" (of the active). */
  readonly compulsorySchoolHighest: number | null;
  /** Of those who ended: work, studies, job seeking or another intervention. */
  readonly closerToWork: number | null;
  /** Of those who ended: work or studies. */
  readonly workOrStudies: number | null;
  /** Of those who ended: sick / medical rehabilitation. */
  readonly sick: number | null;
}

export interface DurationSummary {
  /** Participations that ended in the year (the basis). Hidden when small. */
  readonly n: number | null;
  readonly averageMonths: number | null;
  readonly medianMonths: number | null;
}

export interface ParticipantStatistics {
  readonly year: number;
  readonly minCellSize: number;
  readonly byIntervention: StatTable;
  readonly flowByGender: StatTable;
  readonly activeByAgeAndGender: StatTable;
  readonly supportBefore: StatTable;
  readonly supportDuration: StatTable;
  readonly education: StatTable;
  readonly referringMember: StatTable | null;
  readonly exitOutcomes: StatTable;
  readonly outcomeByGender: StatTable;
  readonly transition: StatTable;
  readonly shares: KeyShares;
  readonly duration: DurationSummary;
  readonly series: readonly SeriesPoint[];
  /**
   * "Status 6 och 12 månader efter avslut" (the förbund's publication only; null when the year's
   * publication has none, absent in live statistics).
   */
  readonly followUp?: { readonly status: StatTable; readonly work: StatTable } | null;
}

const genderLabels = Gender.codes.map(Gender.label);

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/**
 * The raw counts behind every statistic of a year (before suppression). Counted either here from
 * participations (countParticipations) or by the database with GROUP BY (the service, for speed) —
 * a test proves both give the same.
 */
export interface RawCounts {
  /** interventionId → [active, new, ended] */
  readonly byIntervention: ReadonlyMap<number, readonly [number, number, number]>;
  /** [active, new, ended], each by Gender.codes */
  readonly flow: readonly [readonly number[], readonly number[], readonly number[]];
  /** AgeBand.codes × Gender.codes, active */
  readonly ageByGender: readonly (readonly number[])[];
  /** by SupportSource.codes, SupportDuration.codes, Education.codes; active */
  readonly supportBefore: readonly number[];
  readonly supportDuration: readonly number[];
  readonly education: readonly number[];
  /** referring member id (null = not given) → active */
  readonly referring: ReadonlyMap<number | null, number>;
  /** ExitOutcome.codes × Gender.codes, ended in the year */
  readonly outcomeByGender: readonly (readonly number[])[];
  /** SupportSource.codes (before) × SupportSource.codes (after; none given = unknown), ended in the year */
  readonly transition: readonly (readonly number[])[];
  /** Days in the intervention (start and end day included) of those who ended in the year. */
  readonly endedDays: { readonly n: number; readonly mean: number | null; readonly median: number | null };
}

/** A code's position in its vocabulary's codes (the index into a RawCounts array). */
export const indexOf = <K extends string>(codes: readonly K[]) => new Map<string, number>(codes.map((c, i) => [c, i]));
const zeros = (n: number) => new Array<number>(n).fill(0);
const grid = (r: number, c: number) => Array.from({ length: r }, () => zeros(c));

/** RawCounts being counted: every count zero, shaped by the vocabularies; endedDays comes last. */
export interface CountsInProgress {
  readonly byIntervention: Map<number, [number, number, number]>;
  readonly flow: [number[], number[], number[]];
  readonly ageByGender: number[][];
  readonly supportBefore: number[];
  readonly supportDuration: number[];
  readonly education: number[];
  readonly referring: Map<number | null, number>;
  readonly outcomeByGender: number[][];
  readonly transition: number[][];
}

export function emptyCounts(): CountsInProgress {
  return {
    byIntervention: new Map(),
    flow: [zeros(Gender.codes.length), zeros(Gender.codes.length), zeros(Gender.codes.length)],
    ageByGender: grid(AgeBand.codes.length, Gender.codes.length),
    supportBefore: zeros(SupportSource.codes.length),
    supportDuration: zeros(SupportDuration.codes.length),
    education: zeros(Education.codes.length),
    referring: new Map(),
    outcomeByGender: grid(ExitOutcome.codes.length, Gender.codes.length),
    transition: grid(SupportSource.codes.length, SupportSource.codes.length),
  };
}

export function countParticipations(items: readonly ParticipationFacts[], year: number): RawCounts {
  const g = indexOf(Gender.codes);
  const age = indexOf(AgeBand.codes);
  const src = indexOf(SupportSource.codes);
  const dur = indexOf(SupportDuration.codes);
  const edu = indexOf(Education.codes);
  const out = indexOf(ExitOutcome.codes);
  const counts = emptyCounts();
  const { byIntervention, flow, ageByGender, supportBefore, supportDuration, education, referring, outcomeByGender, transition } = counts;
  const days: number[] = [];
  for (const p of items) {
    if (!activeInYear(p, year)) continue;
    const isNew = startedInYear(p, year);
    const isEnded = endedInYear(p, year);
    const gi = g.get(p.gender)!;
    const iv = byIntervention.get(p.interventionId) ?? [0, 0, 0];
    iv[0]++;
    flow[0][gi]!++;
    if (isNew) {
      iv[1]++;
      flow[1][gi]!++;
    }
    if (isEnded) {
      iv[2]++;
      flow[2][gi]!++;
      outcomeByGender[out.get(p.exitOutcome ?? 'other')!]![gi]!++;
      transition[src.get(p.supportBefore)!]![src.get(p.supportAfter ?? 'unknown')!]!++;
      days.push(daysBetween(p.startDate, p.endDate!) + 1);
    }
    byIntervention.set(p.interventionId, iv);
    ageByGender[age.get(p.ageBand)!]![gi]!++;
    supportBefore[src.get(p.supportBefore)!]!++;
    supportDuration[dur.get(p.supportDuration)!]!++;
    education[edu.get(p.education)!]!++;
    referring.set(p.referringMemberId, (referring.get(p.referringMemberId) ?? 0) + 1);
  }
  return {
    ...counts,
    endedDays: { n: days.length, mean: days.length ? days.reduce((a, b) => a + b, 0) / days.length : null, median: median(days) },
  };
}

/** Every participant statistic for a year, each table suppressed. Pure: give it the participations in scope. */
export function computeParticipantStatistics(all: readonly ParticipationFacts[], scope: StatisticsScope): ParticipantStatistics {
  const inScope = new Set(scope.interventions.map((i) => i.id));
  const items = all.filter((p) => inScope.has(p.interventionId));
  const rawSeries =
    scope.seriesCounts ??
    (scope.seriesYears ?? [scope.year]).map((y) => ({
      year: y,
      active: items.filter((p) => activeInYear(p, y)).length,
      new: items.filter((p) => startedInYear(p, y)).length,
      ended: items.filter((p) => endedInYear(p, y)).length,
    }));
  return statisticsFromCounts(countParticipations(items, scope.year), { ...scope, seriesCounts: rawSeries });
}

/**
 * Turns raw counts into the published statistics. All tables are suppressed together as one family,
 * because they share cells: the active, new and ended totals, active and ended by gender (the column
 * totals of the age and outcome tables), ended by outcome (the outcome table's row totals). Shares come
 * from published cells only.
 */
export function statisticsFromCounts(raw: RawCounts, scope: StatisticsScope): ParticipantStatistics {
  const family = new TableFamily();
  registerStatistics(family, raw, scope);
  const published = family.publish(scope.minCellSize);
  const min = scope.minCellSize;
  const series = (scope.seriesCounts ?? []).map((r) => ({ year: r.year, active: publishCount(r.active, min), new: publishCount(r.new, min), ended: publishCount(r.ended, min) }));
  return readStatistics(published, scope, durationSummary(raw.endedDays, min), series);
}

/** Month figures of those who ended: shown only when at least minCellSize ended. */
export function durationSummary(days: RawCounts['endedDays'], min: number): DurationSummary {
  const { n, mean, median: med } = days;
  const enough = n >= min;
  return {
    n: publishCount(n, min),
    averageMonths: enough && mean !== null ? oneDecimal(mean / daysPerMonth) : null,
    medianMonths: enough && med !== null ? oneDecimal(med / daysPerMonth) : null,
  };
}

/** Where a scope's cells live in a family: a key prefix, and where "per insats" finds each unit's totals. */
export interface FamilyKeys {
  readonly prefix?: string;
  /** Key of unit i's active (m = 0), new (1) or ended (2) count; default: the family's own cells. */
  readonly unitTotal?: (i: number, m: number) => string;
}

const flowKeys = ['A', 'N', 'E'] as const;

/** Registers every table of a year's statistics in a family (see core/privacy/linkedTables.ts). */
export function registerStatistics(family: TableFamily, raw: RawCounts, scope: StatisticsScope, keys: FamilyKeys = {}): void {
  const p = keys.prefix ?? '';
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const members = scope.members ?? [];
  const known = new Set(members.map((m) => m.id));
  const referringCounts = members.length
    ? [...members.map((m) => raw.referring.get(m.id) ?? 0), sum([...raw.referring].filter(([id]) => id === null || !known.has(id)).map(([, n]) => n))]
    : [];
  const exitCounts = raw.outcomeByGender.map(sum);
  const units = scope.interventions.map((i) => [...(raw.byIntervention.get(i.id) ?? [0, 0, 0])]);
  const k = (key: string) => p + key;
  // flow: rows active/new/ended × gender; row totals A, N, E (rows overlap: no column totals)
  registerCross(family, raw.flow, { inner: (i, j) => k(`${flowKeys[i]}:g${j}`), rowTotal: (i) => k(flowKeys[i]!) });
  registerCross(family, raw.ageByGender, { inner: (i, j) => k(`age:${i}:${j}`), rowTotal: (i) => k(`age:r${i}`), colTotal: (j) => k(`A:g${j}`), grand: k('A') });
  registerCross(family, [raw.supportBefore], { inner: (_, j) => k(`sb:${j}`), rowTotal: () => k('A') });
  registerCross(family, [raw.supportDuration], { inner: (_, j) => k(`sd:${j}`), rowTotal: () => k('A') });
  registerCross(family, [raw.education], { inner: (_, j) => k(`ed:${j}`), rowTotal: () => k('A') });
  if (members.length) registerCross(family, [referringCounts], { inner: (_, j) => k(`ref:${j}`), rowTotal: () => k('A') });
  // per intervention (or förbund): each measure sums over the units to A, N, E
  const unitKey = keys.unitTotal ?? ((i: number, m: number) => k(`iv:${flowKeys[m]}:${i}`));
  if (units.length) registerCross(family, [0, 1, 2].map((m) => units.map((u) => u[m]!)), { inner: (m, i) => unitKey(i, m), rowTotal: (m) => k(flowKeys[m]!) });
  registerCross(family, raw.outcomeByGender, { inner: (i, j) => k(`og:${i}:${j}`), rowTotal: (i) => k(`E:o${i}`), colTotal: (j) => k(`E:g${j}`), grand: k('E') });
  registerCross(family, [exitCounts], { inner: (_, j) => k(`E:o${j}`), rowTotal: () => k('E') });
  registerCross(family, raw.transition, { inner: (i, j) => k(`tr:${i}:${j}`), rowTotal: (i) => k(`tr:r${i}`), colTotal: (j) => k(`tr:c${j}`), grand: k('E') });
}

/** Reads a year's published statistics out of a suppressed family (see registerStatistics). */
export function readStatistics(
  publishedRaw: (key: string) => number | null,
  scope: StatisticsScope,
  duration: DurationSummary,
  series: readonly SeriesPoint[],
  keys: FamilyKeys = {},
): ParticipantStatistics {
  const { year, minCellSize: min } = scope;
  const p = keys.prefix ?? '';
  const members = scope.members ?? [];
  const unitKey = keys.unitTotal;
  // Keys below are local; the prefix (and the units' own totals) are resolved here.
  const published = (key: string) => {
    const m = /^iv:([ANE]):(\d+)$/.exec(key);
    if (m && unitKey) return publishedRaw(unitKey(Number(m[2]), flowKeys.indexOf(m[1] as 'A')));
    return publishedRaw(p + key);
  };

  const byIntervention = readTable(
    { key: 'byIntervention', title: `Deltagare per insats ${year}`, rowHeader: 'Insats', rowLabels: scope.interventions.map((i) => i.name), colLabels: ['Aktiva', 'Nya', 'Avslutade'] },
    published,
    { inner: (i, m) => `iv:${flowKeys[m]}:${i}`, colTotal: (m) => flowKeys[m]! },
  );
  const flowByGender = readTable(
    { key: 'flowByGender', title: `Deltagare efter kön ${year}`, rowHeader: 'Deltagare', rowLabels: ['Aktiva', 'Nya', 'Avslutade'], colLabels: genderLabels, withPercentages: true },
    published,
    { inner: (i, j) => `${flowKeys[i]}:g${j}`, rowTotal: (i) => flowKeys[i]! },
  );
  const activeByAgeAndGender = readTable(
    { key: 'activeByAgeAndGender', title: `Aktiva deltagare efter ålder och kön ${year}`, rowHeader: 'Åldersgrupp', rowLabels: AgeBand.codes.map(AgeBand.label), colLabels: genderLabels },
    published,
    { inner: (i, j) => `age:${i}:${j}`, rowTotal: (i) => `age:r${i}`, colTotal: (j) => `A:g${j}`, grand: 'A' },
  );
  const distribution = (key: string, title: string, colLabels: readonly string[], prefix: string, total: string) =>
    readTable({ key, title, rowHeader: 'Deltagare', rowLabels: [title], colLabels, withPercentages: true }, published, { inner: (_, j) => `${prefix}:${j}`, rowTotal: () => total });

  const supportBefore = distribution('supportBefore', 'Försörjning före insatsen', SupportSource.codes.map(SupportSource.label), 'sb', 'A');
  const supportDuration = distribution('supportDuration', 'Tid med offentlig försörjning före insatsen', SupportDuration.codes.map(SupportDuration.label), 'sd', 'A');
  const education = distribution('education', 'Högsta slutförda utbildning', Education.codes.map(Education.label), 'ed', 'A');
  const referringMember = members.length ? distribution('referringMember', 'Remitterande medlem', [...members.map((m) => m.name), 'Uppgift saknas'], 'ref', 'A') : null;
  const exitOutcomes = readTable(
    { key: 'exitOutcomes', title: `Avslutsorsak ${year}`, rowHeader: 'Deltagare', rowLabels: [`Avslutsorsak ${year}`], colLabels: ExitOutcome.codes.map(ExitOutcome.label), withPercentages: true },
    published,
    { inner: (_, j) => `E:o${j}`, rowTotal: () => 'E' },
  );
  const outcomeByGender = readTable(
    { key: 'outcomeByGender', title: `Avslutsorsak efter kön ${year}`, rowHeader: 'Avslutsorsak', rowLabels: ExitOutcome.codes.map(ExitOutcome.label), colLabels: genderLabels },
    published,
    { inner: (i, j) => `og:${i}:${j}`, rowTotal: (i) => `E:o${i}`, colTotal: (j) => `E:g${j}`, grand: 'E' },
  );
  const transition = readTable(
    { key: 'transition', title: `Försörjning före och efter, avslutade ${year}`, rowHeader: 'Före \\ efter', rowLabels: SupportSource.codes.map(SupportSource.label), colLabels: SupportSource.codes.map(SupportSource.label) },
    published,
    { inner: (i, j) => `tr:${i}:${j}`, rowTotal: (i) => `tr:r${i}`, colTotal: (j) => `tr:c${j}`, grand: 'E' },
  );

  const group = (t: StatTable, codes: readonly string[], all: readonly string[]) =>
    percentOf(publishedGroupCount(t, 0, codes.map((c) => all.indexOf(c))), t.rowTotals?.[0] ?? null);
  const shares: KeyShares = {
    publicSupportOver4Years: group(supportDuration, ['gt4'], SupportDuration.codes),
    compulsorySchoolHighest: group(education, ['compulsory'], Education.codes),
    closerToWork: group(exitOutcomes, closerToWorkOutcomes, ExitOutcome.codes),
    workOrStudies: group(exitOutcomes, workOrStudiesOutcomes, ExitOutcome.codes),
    sick: group(exitOutcomes, ['sick'], ExitOutcome.codes),
  };

  return { year, minCellSize: min, byIntervention, flowByGender, activeByAgeAndGender, supportBefore, supportDuration, education, referringMember, exitOutcomes, outcomeByGender, transition, shares, duration, series: [...series] };
}
