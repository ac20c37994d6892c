/**
 * What Försäkringskassan's Uppföljning Finsam asks each förbund for each year, built from Samordna's own figures
 * (docs/finsam-followup.md): the förbund's figures, then each intervention registered once per orientation (an
 * intervention with both individual and structural parts is registered twice). Pure: the service gathers the
 * inputs from the year's figures, the interventions and the published statistics.
 */
import { Gender } from '../interventions/vocabulary.ts';

export type Orientation = 'individual' | 'structural';
export const orientationLabels: Record<Orientation, string> = { individual: 'Individinriktad', structural: 'Strukturövergripande' };

export interface FinsamFederationFigures {
  /** Tilldelade medel (the members' contributions of the year), öre. */
  readonly allocatedOre: number | null;
  /** Eget kapital at the year's end, öre. */
  readonly equityOre: number | null;
  /** Budget and outcome for administration (cost), öre. */
  readonly administrationBudgetOre: number | null;
  readonly administrationOutcomeOre: number | null;
}

export interface FinsamInterventionRow {
  readonly name: string;
  readonly orientation: Orientation;
  readonly budgetOre: number | null;
  readonly outcomeOre: number | null;
  readonly budgetedParticipants: number | null;
  readonly targetGroup: string;
  readonly followUpMethod: string;
  readonly esf: boolean;
  /** Participants by Gender.codes (null = hidden by the publication, or not published yet). */
  readonly participantsByGender: readonly (number | null)[] | null;
}

export interface FinsamReport {
  readonly year: number;
  readonly federation: FinsamFederationFigures;
  readonly interventions: readonly FinsamInterventionRow[];
}

/** What the service knows of one of the förbund's interventions in the year. */
export interface FinsamInterventionInput {
  readonly name: string;
  readonly kind: Orientation;
  /** An individual intervention with structural activities in the year also has a structural part. */
  readonly hasActivities: boolean;
  readonly budgetOre: number | null;
  readonly outcomeOre: number | null;
  readonly capacity: number | null;
  readonly targetGroup: string;
  readonly followUpMethod: string;
  readonly esf: boolean;
  /** Active participants in the year by gender from the published statistics (individual part). */
  readonly participantsByGender: readonly (number | null)[] | null;
  /** Participants in the year's structural activities (gender not recorded). */
  readonly activityParticipants: number;
}

/**
 * One row per intervention and orientation. The money and the budgeted participants stay on the intervention's
 * own orientation (Samordna keeps one budget line per intervention); the second registration carries 0.
 */
export function finsamRows(items: readonly FinsamInterventionInput[]): FinsamInterventionRow[] {
  const unknown = Gender.codes.indexOf('unknown');
  const structuralCount = (n: number) => Gender.codes.map((_, j) => (j === unknown ? n : 0));
  const rows: FinsamInterventionRow[] = [];
  for (const i of [...items].sort((a, b) => a.name.localeCompare(b.name, 'sv'))) {
    const base = { targetGroup: i.targetGroup, followUpMethod: i.followUpMethod, esf: i.esf };
    const money = { budgetOre: i.budgetOre, outcomeOre: i.outcomeOre, budgetedParticipants: i.capacity };
    if (i.kind === 'individual') {
      rows.push({ name: i.name, orientation: 'individual', ...money, ...base, participantsByGender: i.participantsByGender });
      if (i.hasActivities) {
        rows.push({ name: `${i.name} (strukturövergripande del)`, orientation: 'structural', budgetOre: 0, outcomeOre: 0, budgetedParticipants: null, ...base, participantsByGender: structuralCount(i.activityParticipants) });
      }
    } else {
      rows.push({ name: i.name, orientation: 'structural', ...money, ...base, participantsByGender: structuralCount(i.activityParticipants) });
    }
  }
  return rows;
}

/** One difference between the report now and what the förbund last reported. */
export interface FinsamDifference {
  readonly what: string;
  readonly reported: string;
  readonly now: string;
}

const show = (v: unknown): string => (v === null || v === undefined ? '–' : Array.isArray(v) ? v.map(show).join(' / ') : String(v));

/** Field by field: the förbund's figures, and per intervention and orientation every field (added and removed rows too). */
export function reconcile(reported: FinsamReport, now: FinsamReport): FinsamDifference[] {
  const out: FinsamDifference[] = [];
  const labels: Record<keyof FinsamFederationFigures, string> = {
    allocatedOre: 'Tilldelade medel (öre)',
    equityOre: 'Eget kapital (öre)',
    administrationBudgetOre: 'Budget administration (öre)',
    administrationOutcomeOre: 'Utfall administration (öre)',
  };
  for (const k of Object.keys(labels) as (keyof FinsamFederationFigures)[]) {
    if (reported.federation[k] !== now.federation[k]) out.push({ what: labels[k], reported: show(reported.federation[k]), now: show(now.federation[k]) });
  }
  const key = (r: FinsamInterventionRow) => `${r.name}|${r.orientation}`;
  const before = new Map(reported.interventions.map((r) => [key(r), r]));
  const after = new Map(now.interventions.map((r) => [key(r), r]));
  const fields: [keyof FinsamInterventionRow, string][] = [
    ['budgetOre', 'budget (öre)'],
    ['outcomeOre', 'utfall (öre)'],
    ['budgetedParticipants', 'budgeterade deltagare'],
    ['targetGroup', 'målgrupp'],
    ['followUpMethod', 'uppföljningsmetod'],
    ['esf', 'ESF'],
    ['participantsByGender', 'deltagare (kvinna / man / annat / uppgift saknas)'],
  ];
  for (const [k, r] of after) {
    const old = before.get(k);
    const label = `${r.name} (${orientationLabels[r.orientation]})`;
    if (!old) {
      out.push({ what: label, reported: 'inte rapporterad', now: 'ny' });
      continue;
    }
    for (const [f, name] of fields) if (show(old[f]) !== show(r[f])) out.push({ what: `${label}: ${name}`, reported: show(old[f]), now: show(r[f]) });
  }
  for (const [k, r] of before) if (!after.has(k)) out.push({ what: `${r.name} (${orientationLabels[r.orientation]})`, reported: 'rapporterad', now: 'finns inte längre' });
  return out;
}
