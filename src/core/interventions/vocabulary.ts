/**
 * The closed lists a participation is described with: codes in English (stored), labels in Swedish (shown).
 * Nothing here can hold free text about a person.
 */
export function vocabulary<const K extends string>(labels: Record<K, string>) {
  const codes = Object.keys(labels) as K[];
  return {
    codes,
    labels,
    label: (code: K) => labels[code],
    /** Accepts a code or its Swedish label (any case), as teams type them in spreadsheets. */
    parse(input: string): K | null {
      const s = input.trim().toLowerCase();
      return codes.find((c) => c.toLowerCase() === s || labels[c].toLowerCase() === s) ?? null;
    },
  };
}

export const Gender = vocabulary({ woman: 'Kvinna', man: 'Man', other: 'Annat', unknown: 'Uppgift saknas' });
export type Gender = (typeof Gender.codes)[number];

export const AgeBand = vocabulary({
  '16-19': '16–19 år',
  '20-24': '20–24 år',
  '25-29': '25–29 år',
  '30-39': '30–39 år',
  '40-49': '40–49 år',
  '50-59': '50–59 år',
  '60-67': '60–67 år',
});
export type AgeBand = (typeof AgeBand.codes)[number];

export const SupportSource = vocabulary({
  income_support: 'Försörjningsstöd',
  sickness_benefit: 'Sjukpenning',
  sickness_compensation: 'Aktivitets-/sjukersättning',
  unemployment_benefit: 'A-kassa/aktivitetsstöd',
  establishment_allowance: 'Etableringsersättning',
  salary: 'Lön',
  study_aid: 'Studiemedel',
  none: 'Ingen ersättning',
  other: 'Annan',
  unknown: 'Uppgift saknas',
});
export type SupportSource = (typeof SupportSource.codes)[number];

export const SupportDuration = vocabulary({
  lt1: 'Mindre än 1 år',
  '1to2': '1–2 år',
  '2to4': '2–4 år',
  gt4: 'Mer än 4 år',
  unknown: 'Uppgift saknas',
});
export type SupportDuration = (typeof SupportDuration.codes)[number];

export const Education = vocabulary({
  none_completed: 'Ej slutförd grundskola',
  compulsory: 'Grundskola',
  upper_secondary: 'Gymnasieskola',
  post_secondary: 'Eftergymnasial utbildning',
  unknown: 'Uppgift saknas',
});
export type Education = (typeof Education.codes)[number];

export const ExitOutcome = vocabulary({
  work: 'Arbete',
  studies: 'Studier',
  job_seeking: 'Arbetssökande hos Arbetsförmedlingen',
  other_intervention: 'Vidare till annan insats eller ordinarie stöd',
  sick: 'Sjuk/medicinsk rehabilitering',
  moved: 'Flyttat',
  broke_off: 'Avbrutit',
  other: 'Annat',
});
export type ExitOutcome = (typeof ExitOutcome.codes)[number];

/** Outcomes the annual report groups as "påbörjat arbete/studier eller tagit steg närmare arbete". */
export const closerToWorkOutcomes: readonly ExitOutcome[] = ['work', 'studies', 'job_seeking', 'other_intervention'];
/** "kommit vidare med studier och anställning". */
export const workOrStudiesOutcomes: readonly ExitOutcome[] = ['work', 'studies'];

export const InterventionKind = vocabulary({ individual: 'Individinsats', structural: 'Strukturinsats' });
export type InterventionKind = (typeof InterventionKind.codes)[number];

export const GoalAssessment = vocabulary({ met: 'Uppfyllt', partly_met: 'Delvis uppfyllt', not_met: 'Ej uppfyllt' });
export type GoalAssessment = (typeof GoalAssessment.codes)[number];

export const DayLength = vocabulary({ full: 'Heldag', half: 'Halvdag', other: 'Annan längd' });
export type DayLength = (typeof DayLength.codes)[number];
