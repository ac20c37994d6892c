import {
  activeInYear,
  endedInYear,
  startedInYear,
  type ParticipationFacts,
} from '../interventions/participation.ts';
import { monthsBetween } from '../interventions/dates.ts';
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
import { buildTable, buildTransposedTable, percentOf, publishCount, publishedGroupCount, type StatTable } from './statTable.ts';

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
}

const genderLabels = Gender.codes.map(Gender.label);

function countBy<T, K extends string>(items: readonly T[], key: (t: T) => K, codes: readonly K[]): number[] {
  const idx = new Map(codes.map((c, i) => [c, i]));
  const out = new Array<number>(codes.length).fill(0);
  for (const t of items) {
    const i = idx.get(key(t));
    if (i !== undefined) out[i]!++;
  }
  return out;
}

function crossCount<T, R extends string, C extends string>(items: readonly T[], row: (t: T) => R, rows: readonly R[], col: (t: T) => C, cols: readonly C[]): number[][] {
  return rows.map((r) => countBy(items.filter((t) => row(t) === r), col, cols));
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const oneDecimal = (x: number) => Math.round(x * 10) / 10;

/** Every participant statistic for a year, each table suppressed. Pure: give it the participations in scope. */
export function computeParticipantStatistics(all: readonly ParticipationFacts[], scope: StatisticsScope): ParticipantStatistics {
  const { year, minCellSize: min } = scope;
  const inScope = new Set(scope.interventions.map((i) => i.id));
  const items = all.filter((p) => inScope.has(p.interventionId));
  const active = items.filter((p) => activeInYear(p, year));
  const started = items.filter((p) => startedInYear(p, year));
  const ended = items.filter((p) => endedInYear(p, year));

  const byIntervention = buildTransposedTable(
    { key: 'byIntervention', title: `Deltagare per insats ${year}`, rowHeader: 'Insats', rowLabels: scope.interventions.map((i) => i.name), colLabels: ['Aktiva', 'Nya', 'Avslutade'] },
    scope.interventions.map((i) => [active, started, ended].map((list) => list.filter((p) => p.interventionId === i.id).length)),
    min,
  );
  const flowByGender = buildTable(
    { key: 'flowByGender', title: `Deltagare efter kön ${year}`, rowHeader: 'Deltagare', rowLabels: ['Aktiva', 'Nya', 'Avslutade'], colLabels: genderLabels, rowsAddUp: false, withPercentages: true },
    [active, started, ended].map((list) => countBy(list, (p) => p.gender, Gender.codes)),
    min,
  );
  const activeByAgeAndGender = buildTable(
    { key: 'activeByAgeAndGender', title: `Aktiva deltagare efter ålder och kön ${year}`, rowHeader: 'Åldersgrupp', rowLabels: AgeBand.codes.map(AgeBand.label), colLabels: genderLabels, rowsAddUp: true },
    crossCount(active, (p) => p.ageBand, AgeBand.codes, (p) => p.gender, Gender.codes),
    min,
  );
  const distribution = <K extends string>(key: string, title: string, codes: readonly K[], label: (k: K) => string, list: readonly ParticipationFacts[], of: (p: ParticipationFacts) => K) =>
    buildTable({ key, title, rowHeader: 'Deltagare', rowLabels: [title], colLabels: codes.map(label), rowsAddUp: false, withPercentages: true }, [countBy(list, of, codes)], min);

  const supportBefore = distribution('supportBefore', 'Försörjning före insatsen', SupportSource.codes, SupportSource.label, active, (p) => p.supportBefore);
  const supportDuration = distribution('supportDuration', 'Tid med offentlig försörjning före insatsen', SupportDuration.codes, SupportDuration.label, active, (p) => p.supportDuration);
  const education = distribution('education', 'Högsta slutförda utbildning', Education.codes, Education.label, active, (p) => p.education);
  const members = scope.members ?? [];
  const referringMember = members.length
    ? buildTable(
        { key: 'referringMember', title: 'Remitterande medlem', rowHeader: 'Deltagare', rowLabels: ['Remitterande medlem'], colLabels: [...members.map((m) => m.name), 'Uppgift saknas'], rowsAddUp: false, withPercentages: true },
        [[...members.map((m) => active.filter((p) => p.referringMemberId === m.id).length), active.filter((p) => !members.some((m) => m.id === p.referringMemberId)).length]],
        min,
      )
    : null;
  const exitOutcomes = distribution('exitOutcomes', `Avslutsorsak ${year}`, ExitOutcome.codes, ExitOutcome.label, ended, (p) => p.exitOutcome ?? 'other');
  const outcomeByGender = buildTable(
    { key: 'outcomeByGender', title: `Avslutsorsak efter kön ${year}`, rowHeader: 'Avslutsorsak', rowLabels: ExitOutcome.codes.map(ExitOutcome.label), colLabels: genderLabels, rowsAddUp: true },
    crossCount(ended, (p) => p.exitOutcome ?? 'other', ExitOutcome.codes, (p) => p.gender, Gender.codes),
    min,
  );
  const transition = buildTable(
    { key: 'transition', title: `Försörjning före och efter, avslutade ${year}`, rowHeader: 'Före \\ efter', rowLabels: SupportSource.codes.map(SupportSource.label), colLabels: SupportSource.codes.map(SupportSource.label), rowsAddUp: true },
    crossCount(ended, (p) => p.supportBefore, SupportSource.codes, (p) => p.supportAfter ?? 'unknown', SupportSource.codes),
    min,
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

  const months = ended.map((p) => monthsBetween(p.startDate, p.endDate!));
  const enough = months.length >= min;
  const duration: DurationSummary = {
    n: publishCount(months.length, min),
    averageMonths: enough ? oneDecimal(months.reduce((s, m) => s + m, 0) / months.length) : null,
    medianMonths: enough ? oneDecimal(median(months)!) : null,
  };

  const rawSeries =
    scope.seriesCounts ??
    (scope.seriesYears ?? [year]).map((y) => ({
      year: y,
      active: items.filter((p) => activeInYear(p, y)).length,
      new: items.filter((p) => startedInYear(p, y)).length,
      ended: items.filter((p) => endedInYear(p, y)).length,
    }));
  const series = rawSeries.map((r) => ({ year: r.year, active: publishCount(r.active, min), new: publishCount(r.new, min), ended: publishCount(r.ended, min) }));

  return { year, minCellSize: min, byIntervention, flowByGender, activeByAgeAndGender, supportBefore, supportDuration, education, referringMember, exitOutcomes, outcomeByGender, transition, shares, duration, series };
}
