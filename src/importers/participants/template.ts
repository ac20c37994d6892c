import { participationFieldLabels, type ParticipationInput } from '../../core/interventions/participation.ts';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';

/**
 * The import template for participations: one row per participation, these columns (header row first,
 * Swedish names, any order, case-insensitive). See docs/participant-import.md.
 */
export const templateColumns: readonly { key: keyof ParticipationInput; header: string; required: boolean; allowed: string }[] = [
  { key: 'gender', header: 'Kön', required: true, allowed: Gender.codes.map(Gender.label).join(', ') },
  { key: 'ageBand', header: 'Åldersgrupp', required: true, allowed: AgeBand.codes.join(', ') },
  { key: 'homeMunicipality', header: 'Hemkommun', required: false, allowed: 'en av förbundets medlemskommuner (t.ex. Sala eller Sala kommun) eller Annan kommun' },
  { key: 'referringMemberId', header: 'Remitterande medlem', required: false, allowed: 'medlemmens namn som i Samordna' },
  { key: 'supportBefore', header: 'Försörjning före', required: true, allowed: SupportSource.codes.map(SupportSource.label).join(', ') },
  { key: 'supportDuration', header: 'Tid med offentlig försörjning', required: true, allowed: SupportDuration.codes.map(SupportDuration.label).join(', ') },
  { key: 'education', header: 'Utbildning', required: true, allowed: Education.codes.map(Education.label).join(', ') },
  { key: 'startDate', header: 'Startdatum', required: true, allowed: 'ÅÅÅÅ-MM-DD' },
  { key: 'endDate', header: 'Slutdatum', required: false, allowed: 'ÅÅÅÅ-MM-DD, tomt om pågående' },
  { key: 'exitOutcome', header: 'Avslutsorsak', required: false, allowed: ExitOutcome.codes.map(ExitOutcome.label).join(', ') },
  { key: 'supportAfter', header: 'Försörjning efter', required: false, allowed: SupportSource.codes.map(SupportSource.label).join(', ') },
];

export const headerFor = (key: string): string => templateColumns.find((c) => c.key === key)?.header ?? participationFieldLabels[key as keyof ParticipationInput] ?? key;

/** Example rows shown in the documentation and in the downloadable template. */
export const templateExample: readonly string[][] = [
  ['Kvinna', '30-39', 'Sala', 'Sala kommun', 'Försörjningsstöd', 'Mer än 4 år', 'Grundskola', '2025-02-03', '', '', ''],
  ['Man', '20-24', 'Sala', 'Arbetsförmedlingen', 'A-kassa/aktivitetsstöd', '1–2 år', 'Gymnasieskola', '2024-09-16', '2025-06-30', 'Arbete', 'Lön'],
];
