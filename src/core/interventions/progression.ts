import { InputError, type InputProblem } from '../errors.ts';
import { registerCross, TableFamily } from '../privacy/linkedTables.ts';
import { publishCount, readTable, type StatTable } from '../statistics/statTable.ts';

/**
 * Progression (BIP-style): an instrument of indicators, each rated on a scale, by the participant, the staff
 * or both, at start and then every `intervalMonths`. Samordna ships a neutral default set; BIP's own wording
 * belongs to its owners, and a förbund with a licence enters BIP's items as its instrument.
 */
export type Rater = 'participant' | 'staff';
export const raterLabels: Record<Rater, string> = { participant: 'Deltagaren', staff: 'Personalen' };
export type Raters = Rater | 'both';

export interface ProgressionIndicator {
  readonly key: string;
  readonly label: string;
  readonly scaleMin: number;
  readonly scaleMax: number;
}

export interface ProgressionInstrument {
  readonly name: string;
  readonly raters: Raters;
  readonly intervalMonths: number;
  readonly indicators: readonly ProgressionIndicator[];
}

/** The neutral default set: Samordna's own wording, scale 1–5, rated by both every 3 months. */
export const defaultInstrument: ProgressionInstrument = {
  name: 'Samordnas neutrala grundset',
  raters: 'both',
  intervalMonths: 3,
  indicators: [
    { key: 'motivation', label: 'Vilja och motivation att arbeta eller studera', scaleMin: 1, scaleMax: 5 },
    { key: 'health', label: 'Hälsa i förhållande till arbete eller studier', scaleMin: 1, scaleMax: 5 },
    { key: 'everyday', label: 'Struktur och rutiner i vardagen', scaleMin: 1, scaleMax: 5 },
    { key: 'social', label: 'Samspel och kontakt med andra', scaleMin: 1, scaleMax: 5 },
    { key: 'skills', label: 'Kunskaper och färdigheter för arbetsmarknaden', scaleMin: 1, scaleMax: 5 },
    { key: 'jobseeking', label: 'Förmåga att söka och ta sig till arbete eller studier', scaleMin: 1, scaleMax: 5 },
  ],
};

/**
 * Reads an instrument from a form: name, raters, interval, and indicators one per line as
 * `nyckel;benämning;lägsta;högsta` (scale within 0–10, as the ratings are stored).
 */
export function parseInstrument(raw: Record<string, unknown>): ProgressionInstrument {
  const problems: InputProblem[] = [];
  const name = String(raw.name ?? '').trim();
  if (!name || name.length > 200) problems.push({ field: 'name', message: 'Ange instrumentets namn (högst 200 tecken).' });
  const raters = String(raw.raters ?? '').trim();
  if (!['participant', 'staff', 'both'].includes(raters)) problems.push({ field: 'raters', message: 'Ange vem som skattar: deltagaren, personalen eller båda.' });
  const interval = Number(String(raw.intervalMonths ?? '').trim());
  if (!Number.isInteger(interval) || interval < 1 || interval > 24) problems.push({ field: 'intervalMonths', message: 'Intervallet ska vara 1–24 månader.' });
  const indicators: ProgressionIndicator[] = [];
  const lines = String(raw.indicators ?? '').split(/\r?\n/).map((l) => l.trim());
  lines.forEach((line, i) => {
    if (!line) return;
    const at = (message: string) => problems.push({ field: 'indicators', line: i + 1, message });
    const [key = '', label = '', lo = '', hi = ''] = line.split(';').map((s) => s.trim());
    if (!/^[a-z0-9_-]{1,40}$/i.test(key)) return at(`Rad ${i + 1}: nyckeln "${key}" ska vara 1–40 bokstäver a–z, siffror, - eller _.`);
    if (!label || label.length > 200) return at(`Rad ${i + 1}: ange indikatorns benämning.`);
    const [min, max] = [Number(lo), Number(hi)];
    if (!Number.isInteger(min) || !Number.isInteger(max) || min < 0 || max > 10 || min >= max) return at(`Rad ${i + 1}: skalan ska vara två heltal 0–10, lägsta före högsta.`);
    if (indicators.some((x) => x.key === key)) return at(`Rad ${i + 1}: nyckeln "${key}" finns redan.`);
    indicators.push({ key, label, scaleMin: min, scaleMax: max });
  });
  if (!indicators.length && !problems.some((p) => p.field === 'indicators')) problems.push({ field: 'indicators', message: 'Ange minst en indikator.' });
  if (problems.length) throw new InputError(problems);
  return { name, raters: raters as Raters, intervalMonths: interval, indicators };
}

export interface Rating {
  readonly participationId: number;
  readonly indicator: string;
  /** null: recorded before raters were recorded (counted as the staff's). */
  readonly rater: Rater | null;
  readonly measuredOn: string;
  readonly score: number;
}

export interface IndicatorAggregate {
  readonly indicator: ProgressionIndicator;
  readonly rater: Rater;
  /** Participations with at least two ratings, the latest in the year (hidden when small). */
  readonly n: number | null;
  /** Mean change from first to latest rating (null when n is hidden or zero). */
  readonly meanChange: number | null;
  /** Improved / unchanged / worsened, suppressed as one table with n. */
  readonly changes: StatTable;
  /** Ratings per round (0 = the first) and score, of the ratings made in the year, suppressed. */
  readonly distribution: StatTable;
}

export interface ProgressionAggregates {
  readonly year: number;
  readonly minCellSize: number;
  readonly instrument: ProgressionInstrument;
  readonly indicators: readonly IndicatorAggregate[];
}

/**
 * Aggregates per intervention and year, suppressed like the other statistics: per indicator and rater, the mean
 * change from the first to the latest rating, the shares improved, unchanged and worsened, and the
 * distribution per rating round. Ratings of indicators the instrument does not have are left out.
 */
export function aggregateProgression(ratings: readonly Rating[], instrument: ProgressionInstrument, year: number, minCellSize: number): ProgressionAggregates {
  const end = `${year}-12-31`;
  const start = `${year}-01-01`;
  const groups = new Map<string, Rating[]>();
  for (const r of ratings) {
    if (r.measuredOn > end) continue;
    const k = `${r.participationId}|${r.indicator}|${r.rater ?? 'staff'}`;
    const list = groups.get(k) ?? [];
    list.push(r);
    groups.set(k, list);
  }
  const raters: Rater[] = instrument.raters === 'both' ? ['participant', 'staff'] : [instrument.raters];
  const out: IndicatorAggregate[] = [];
  for (const ind of instrument.indicators) {
    for (const rater of raters) {
      const series = [...groups.entries()].filter(([k]) => k.endsWith(`|${ind.key}|${rater}`)).map(([, v]) => [...v].sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : 0)));
      const changes = series.filter((s) => s.length >= 2 && s[s.length - 1]!.measuredOn >= start).map((s) => s[s.length - 1]!.score - s[0]!.score);
      const counts = [changes.filter((c) => c > 0).length, changes.filter((c) => c === 0).length, changes.filter((c) => c < 0).length];
      const scale = Array.from({ length: ind.scaleMax - ind.scaleMin + 1 }, (_, j) => ind.scaleMin + j);
      const rounds: number[][] = [];
      for (const s of series) {
        s.forEach((r, round) => {
          if (r.measuredOn < start) return;
          const j = r.score - ind.scaleMin;
          if (j < 0 || j >= scale.length) return;
          while (rounds.length <= round) rounds.push(scale.map(() => 0));
          rounds[round]![j]!++;
        });
      }
      const family = new TableFamily();
      registerCross(family, [counts], { inner: (_, j) => `c:${j}`, rowTotal: () => 'n' });
      if (rounds.length) registerCross(family, rounds, { inner: (i, j) => `d:${i}:${j}`, rowTotal: (i) => `d:r${i}` });
      const published = family.publish(minCellSize);
      const n = published('n');
      const title = `${ind.label} (${raterLabels[rater].toLowerCase()}s skattning) ${year}`;
      out.push({
        indicator: ind,
        rater,
        n: n === null ? null : publishCount(n, minCellSize),
        meanChange: n === null || n === 0 ? null : Math.round((changes.reduce((a, b) => a + b, 0) / n) * 100) / 100,
        changes: readTable({ key: `changes-${ind.key}-${rater}`, title: `Förändring från första till senaste skattning: ${title}`, rowHeader: 'Deltaganden', rowLabels: ['Antal'], colLabels: ['Förbättrat', 'Oförändrat', 'Försämrat'], withPercentages: true }, published, { inner: (_, j) => `c:${j}`, rowTotal: () => 'n' }),
        distribution: readTable(
          { key: `rounds-${ind.key}-${rater}`, title: `Skattningar per omgång: ${title}`, rowHeader: 'Omgång', rowLabels: rounds.map((_, i) => (i === 0 ? 'Start' : `Omgång ${i + 1}`)), colLabels: scale.map(String) },
          published,
          { inner: (i, j) => `d:${i}:${j}`, rowTotal: (i) => `d:r${i}` },
        ),
      });
    }
  }
  return { year, minCellSize, instrument, indicators: out };
}
