import { InputError, type InputLocation, type InputProblem } from '../errors.ts';
import { identityProblems } from '../privacy/identityGuard.ts';
import { isIsoDate, yearEnd, yearStart } from './dates.ts';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from './vocabulary.ts';

/** One participation of one (pseudonymous) person in one intervention: only closed lists, dates and a code. */
export interface ParticipationFacts extends ParticipationInput {
  readonly interventionId: number;
}

/** What is registered about a participation (form, API, import row). */
export interface ParticipationInput {
  readonly gender: Gender;
  readonly ageBand: AgeBand;
  readonly homeMunicipality: string | null;
  readonly referringMemberId: number | null;
  readonly supportBefore: SupportSource;
  readonly supportDuration: SupportDuration;
  readonly education: Education;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly exitOutcome: ExitOutcome | null;
  readonly supportAfter: SupportSource | null;
}

/** Swedish names of the fields, as in the form and the import template. */
export const participationFieldLabels: Record<keyof ParticipationInput, string> = {
  gender: 'kön',
  ageBand: 'åldersgrupp',
  homeMunicipality: 'hemkommun',
  referringMemberId: 'remitterande medlem',
  supportBefore: 'försörjning före',
  supportDuration: 'tid med offentlig försörjning',
  education: 'utbildning',
  startDate: 'startdatum',
  endDate: 'slutdatum',
  exitOutcome: 'avslutsorsak',
  supportAfter: 'försörjning efter',
};

type Raw = Record<string, unknown>;

/** The home municipality is chosen from a closed list (never free text): the förbund's member municipalities and this. */
export const otherMunicipality = 'Annan kommun';

/** "sala", "Sala" or "Sala kommun" → "Sala kommun" (the member's name); null when not in the list. */
export function matchMunicipality(input: string, memberMunicipalities: readonly string[]): string | null {
  const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
  const base = (s: string) => norm(s).replace(/\s+(kommun|stad)$/, '').replace(/s$/, '');
  const choices = [...memberMunicipalities, otherMunicipality];
  return choices.find((c) => norm(c) === norm(input)) ?? choices.find((c) => base(c) === base(input)) ?? null;
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v)).trim();

/**
 * Validates raw input (a form, a JSON body or a spreadsheet row) into a ParticipationInput, or throws
 * InputError naming every bad field. Every text is checked for identity numbers first.
 */
export function parseParticipationInput(raw: Raw, where: Omit<InputLocation, 'field'> = {}, memberMunicipalities: readonly string[] = []): ParticipationInput {
  const problems: InputProblem[] = [...identityProblems(raw, where)];
  // One problem per field: an identity number found in a field is the reason given for it.
  const bad = (field: keyof ParticipationInput, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ ...where, field, message });
  };
  const oneOf = <K extends string>(field: keyof ParticipationInput, vocab: { parse(s: string): K | null; labels: Record<K, string> }, required: boolean): K | null => {
    const s = text(raw[field]);
    if (!s) {
      if (required) bad(field, `Ange ${participationFieldLabels[field]}.`);
      return null;
    }
    const v = vocab.parse(s);
    if (!v) bad(field, `Okänt värde för ${participationFieldLabels[field]}. Tillåtna: ${Object.values<string>(vocab.labels).join(', ')}.`);
    return v;
  };
  const date = (field: 'startDate' | 'endDate', required: boolean): string | null => {
    const s = text(raw[field]);
    if (!s) {
      if (required) bad(field, `Ange ${participationFieldLabels[field]} (ÅÅÅÅ-MM-DD).`);
      return null;
    }
    if (!isIsoDate(s)) {
      bad(field, `Ogiltigt datum, skriv ÅÅÅÅ-MM-DD.`);
      return null;
    }
    return s;
  };
  const gender = oneOf('gender', Gender, true);
  const ageBand = oneOf('ageBand', AgeBand, true);
  const supportBefore = oneOf('supportBefore', SupportSource, true);
  const supportDuration = oneOf('supportDuration', SupportDuration, true);
  const education = oneOf('education', Education, true);
  const startDate = date('startDate', true);
  const endDate = date('endDate', false);
  const exitOutcome = oneOf('exitOutcome', ExitOutcome, false);
  const supportAfter = oneOf('supportAfter', SupportSource, false);
  const typed = text(raw.homeMunicipality);
  const municipality = typed ? matchMunicipality(typed, memberMunicipalities) : null;
  if (typed && !municipality)
    bad('homeMunicipality', `Hemkommun väljs ur listan: ${[...memberMunicipalities, otherMunicipality].join(', ')}.`);
  let referringMemberId: number | null = null;
  const ref = text(raw.referringMemberId);
  if (ref) {
    referringMemberId = Number(ref);
    if (!Number.isSafeInteger(referringMemberId) || referringMemberId <= 0) bad('referringMemberId', 'Okänd remitterande medlem.');
  }
  if (startDate && endDate && endDate < startDate) bad('endDate', 'Slutdatum är före startdatum.');
  if (endDate && !exitOutcome && !problems.some((p) => p.field === 'exitOutcome')) bad('exitOutcome', 'Ange avslutsorsak när deltagandet har ett slutdatum.');
  if (!endDate && (exitOutcome || supportAfter) && !problems.some((p) => p.field === 'endDate'))
    bad('endDate', 'Ange slutdatum när avslutsorsak eller försörjning efter är ifylld.');
  if (problems.length) throw new InputError(problems);
  return {
    gender: gender!,
    ageBand: ageBand!,
    homeMunicipality: municipality,
    referringMemberId,
    supportBefore: supportBefore!,
    supportDuration: supportDuration!,
    education: education!,
    startDate: startDate!,
    endDate,
    exitOutcome: endDate ? exitOutcome : null,
    supportAfter: endDate ? supportAfter : null,
  };
}

/** Active at some time in the year: started on or before 31 December and not ended before 1 January. */
export const activeInYear = (p: Pick<ParticipationFacts, 'startDate' | 'endDate'>, year: number) =>
  p.startDate <= yearEnd(year) && (p.endDate === null || p.endDate >= yearStart(year));
export const startedInYear = (p: Pick<ParticipationFacts, 'startDate'>, year: number) => p.startDate.startsWith(`${year}-`);
export const endedInYear = (p: Pick<ParticipationFacts, 'endDate'>, year: number) => p.endDate !== null && p.endDate.startsWith(`${year}-`);
