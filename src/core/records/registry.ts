/**
 * The registry (diarium) of a förbund as rules: a registry number is "YYYY/N", one sequence per förbund and
 * year; an entry's direction is in (received), out (sent) or internal (an ärende or a record of its own);
 * the party is an organisation or a role, never a participant; a secret part carries the OSL section that
 * makes it secret, and the public registry then shows everything but the subject. Every text goes through the
 * identity guard: a registry holds no participant data, so such input is refused, never masked.
 */
import { InputError, type InputProblem } from '../errors.ts';
import { parseIsoDate, parseText } from '../input/index.ts';
import { identityProblems } from '../privacy/identityGuard.ts';

export const directions = ['in', 'out', 'internal'] as const;
export type Direction = (typeof directions)[number];
export const directionLabels: Record<Direction, string> = { in: 'Inkommande', out: 'Utgående', internal: 'Upprättad' };

export interface RegistryEntryInput {
  readonly date: string;
  readonly direction: Direction;
  readonly party: string;
  readonly subject: string;
  readonly officer: string;
  /** The class code from the document management plan, or null. */
  readonly documentClass: string | null;
  /** The OSL section when a part is secret ("21 kap. 7 § OSL"), else null. */
  readonly secrecy: { readonly section: string } | null;
  /** The registry number of the ärende this belongs to, or null. */
  readonly caseNumber: string | null;
}

/** "2026/14" for year 2026, number 14. */
export function formatRegistryNumber(year: number, number: number): string {
  return `${year}/${number}`;
}

/** "2026/14" (spaces around the slash allowed) → { year, number }, or null. */
export function parseRegistryNumber(text: string): { year: number; number: number } | null {
  const m = /^\s*(\d{4})\s*\/\s*(\d{1,7})\s*$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const number = Number(m[2]);
  return year >= 2000 && year <= 2100 && number >= 1 ? { year, number } : null;
}

/** A participation's code ("D-7KQM-X3TA", src/services/interventions/participationCode.ts) anywhere in a text. */
const participationCodePattern = /\bD-[A-Z2-9]{4}-[A-Z2-9]{4}\b/i;

export const participantRefusal = 'Diariet får aldrig innehålla uppgifter om en deltagare. Ange en organisation eller en roll.';

/**
 * The OSL section of a secrecy marking: must name a chapter and a section of the Offentlighets- och
 * sekretesslagen, for example "21 kap. 7 § OSL" or "26 kap. 1 §".
 */
export function parseSecrecySection(text: string): string | null {
  const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return /^\d{1,2} kap\. \d{1,2}[a-z]? §( (första|andra|tredje|fjärde|\d+) st(\.|ycket))?( OSL)?$/.test(t) ? (t.endsWith('OSL') ? t : `${t} OSL`) : null;
}

const str = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Reads a registration from a form or JSON body; throws InputError naming every bad field. */
export function parseRegistryEntryInput(raw: Record<string, unknown>): RegistryEntryInput {
  const problems: InputProblem[] = [...identityProblems(raw)];
  const refusedByGuard = new Set(problems.map((p) => p.field));
  const text = (field: string, label: string, max: number, required: boolean): string => {
    const s = str(raw[field]);
    if (refusedByGuard.has(field)) return '';
    if (required && !s.trim()) {
      problems.push({ field, message: `Ange ${label}.` });
      return '';
    }
    const r = parseText(s, { maxLength: max });
    if (!r.ok) {
      problems.push({ field, message: r.message });
      return '';
    }
    return r.value;
  };
  const dateRaw = str(raw.date);
  const date = parseIsoDate(dateRaw);
  if (!date.ok) problems.push({ field: 'date', message: dateRaw ? `Datum: ${date.message}` : 'Ange datum (ÅÅÅÅ-MM-DD).' });
  const direction = str(raw.direction) as Direction;
  if (!directions.includes(direction)) problems.push({ field: 'direction', message: 'Riktning ska vara in (inkommande), out (utgående) eller internal (upprättad).' });
  const party = text('party', 'avsändare eller mottagare', 200, direction !== 'internal');
  const subject = text('subject', 'mening (ärendets rubrik)', 1000, true);
  const officer = text('officer', 'handläggare', 200, false);
  for (const [field, value] of [['party', party], ['subject', subject], ['officer', officer]] as const) {
    if (participationCodePattern.test(value)) problems.push({ field, message: participantRefusal });
  }
  const documentClass = text('documentClass', 'handlingsslag', 20, false) || null;
  let secrecy: { section: string } | null = null;
  const s = raw.secrecy;
  const sectionRaw = s && typeof s === 'object' ? str((s as Record<string, unknown>).section) : str(raw.secrecySection ?? (typeof s === 'string' ? s : ''));
  if ((s && typeof s === 'object') || sectionRaw.trim()) {
    const section = parseSecrecySection(sectionRaw);
    if (!section) problems.push({ field: 'secrecy', message: 'Sekretessmarkering: ange paragrafen i offentlighets- och sekretesslagen, t.ex. "21 kap. 7 § OSL".' });
    else secrecy = { section };
  }
  const caseRaw = text('caseNumber', 'ärendets diarienummer', 20, false);
  if (caseRaw && !parseRegistryNumber(caseRaw)) problems.push({ field: 'caseNumber', message: 'Ärendets diarienummer ska skrivas ÅÅÅÅ/N, t.ex. 2026/14.' });
  if (problems.length) throw new InputError(problems);
  return { date: (date as { value: string }).value, direction, party, subject, officer, documentClass, secrecy, caseNumber: caseRaw || null };
}

/** What the public registry shows of an entry: never the subject of one marked secret. */
export interface PublicRegistryEntry {
  readonly number: string;
  readonly date: string;
  readonly direction: Direction;
  readonly party: string;
  /** null when the entry is marked secret (the subject is withheld). */
  readonly subject: string | null;
  readonly secrecy: string | null;
}

export function publicView(e: { number: string; date: string; direction: Direction; party: string; subject: string; secrecySection: string | null }): PublicRegistryEntry {
  return { number: e.number, date: e.date, direction: e.direction, party: e.party, subject: e.secrecySection ? null : e.subject, secrecy: e.secrecySection };
}

/** The words of a search for the Swedish text-search configuration (each a prefix), or null when there are none. */
export function registrySearchQuery(text: string): string | null {
  const words = (text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}
