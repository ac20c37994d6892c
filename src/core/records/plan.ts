/**
 * The document management plan (dokumenthanteringsplan) as rules: each document class says how long it is
 * kept — bevaras (kept for ever), gallras after N years, or gallras vid inaktualitet (when no longer needed) —
 * in which format and where. A förbund's plan starts from the template below, which covers Samordna's own
 * record kinds, and the kansli edits it. The retention periods of the template are a starting point the
 * förbund's board adopts; the legal floor behind each is in docs/records-and-archive.md.
 */
import { InputError, type InputProblem } from '../errors.ts';
import { parseInteger, parseText } from '../input/index.ts';
import { identityProblems } from '../privacy/identityGuard.ts';

export const retentions = ['keep', 'years', 'obsolete'] as const;
export type Retention = (typeof retentions)[number];
export const retentionLabels: Record<Retention, string> = { keep: 'Bevaras', years: 'Gallras efter', obsolete: 'Gallras vid inaktualitet' };

/** The record kinds Samordna itself holds and registers (registerRecord in the records service). */
export const recordKinds = [
  'annual_report',
  'budget_decision',
  'sie_import',
  'application',
  'decision',
  'protocol',
  'internal_control',
  'public_request',
  'incoming_letter',
  'outgoing_letter',
  'participant_followup',
  'survey_answers',
] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface DocumentClassInput {
  readonly code: string;
  readonly name: string;
  readonly recordKind: RecordKind | null;
  readonly retention: Retention;
  readonly retentionYears: number | null;
  readonly format: string;
  readonly location: string;
  readonly note: string;
}

/** The template a förbund's plan starts from: Samordna's own record kinds. */
export const planTemplate: readonly DocumentClassInput[] = [
  { code: '1.1', name: 'Styrelseprotokoll med bilagor', recordKind: 'protocol', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '1.2', name: 'Ansökningar om medel och beslut om dem', recordKind: 'application', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: 'Beslutet bevaras; underlaget följer beslutet.' },
  { code: '1.3', name: 'Beslut (delegations- och ordförandebeslut)', recordKind: 'decision', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '1.4', name: 'Internkontrollplan och uppföljning', recordKind: 'internal_control', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '2.1', name: 'Årsredovisning', recordKind: 'annual_report', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '2.2', name: 'Budgetbeslut och verksamhetsplan', recordKind: 'budget_decision', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '2.3', name: 'Räkenskapsinformation: huvudbok (SIE)', recordKind: 'sie_import', retention: 'years', retentionYears: 7, format: 'SIE 4, CSV', location: 'Samordna, ekonomisystemet', note: 'Gallras tidigast sju år efter räkenskapsårets slut (lag om kommunal bokföring och redovisning).' },
  { code: '3.1', name: 'Begäran om allmän handling', recordKind: 'public_request', retention: 'obsolete', retentionYears: null, format: 'Diarium', location: 'Samordna, diariet', note: 'Registreringen i diariet bevaras.' },
  { code: '3.2', name: 'Inkommande skrivelser', recordKind: 'incoming_letter', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '3.3', name: 'Utgående skrivelser', recordKind: 'outgoing_letter', retention: 'keep', retentionYears: null, format: 'PDF/A', location: 'Samordna, e-arkiv', note: '' },
  { code: '4.1', name: 'Uppföljningsdata om deltagare (avidentifierade koder)', recordKind: 'participant_followup', retention: 'years', retentionYears: 5, format: 'Databas', location: 'Samordna', note: 'Gallras när den publicerade statistiken är fryst och lagringstiden har gått ut (dataskyddsförordningen art. 5.1 e). Den publicerade, skyddade statistiken bevaras.' },
  { code: '4.2', name: 'Enkätsvar (indikatorenkäter)', recordKind: 'survey_answers', retention: 'years', retentionYears: 2, format: 'Databas', location: 'Samordna', note: 'Resultaten bevaras i årsredovisningen.' },
];

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v)).trim();

/** Reads a document class from a form or JSON body; throws InputError naming every bad field. */
export function parseDocumentClassInput(raw: Record<string, unknown>): DocumentClassInput {
  const problems: InputProblem[] = [...identityProblems(raw)];
  const text = (field: string, label: string, max: number, required: boolean) => {
    const s = str(raw[field]);
    if (required && !s) {
      problems.push({ field, message: `Ange ${label}.` });
      return '';
    }
    const r = parseText(s, { maxLength: max });
    if (!r.ok) problems.push({ field, message: r.message });
    return r.ok ? r.value : '';
  };
  const code = text('code', 'beteckning', 20, true);
  if (code && !/^[0-9A-Za-z.]{1,20}$/.test(code)) problems.push({ field: 'code', message: 'Beteckningen får bara innehålla siffror, bokstäver och punkter, t.ex. 2.1.' });
  const name = text('name', 'handlingsslag', 200, true);
  const retention = str(raw.retention) as Retention;
  if (!retentions.includes(retention)) problems.push({ field: 'retention', message: 'Välj bevaras, gallras efter ett antal år eller gallras vid inaktualitet.' });
  let retentionYears: number | null = null;
  if (retention === 'years') {
    const y = parseInteger(str(raw.retentionYears), { min: 1, max: 100 });
    if (!y.ok) problems.push({ field: 'retentionYears', message: `Antal år: ${y.message}` });
    else retentionYears = y.value;
  }
  const kind = str(raw.recordKind);
  const recordKind = kind ? ((recordKinds as readonly string[]).includes(kind) ? (kind as RecordKind) : null) : null;
  if (kind && !recordKind) problems.push({ field: 'recordKind', message: 'Okänd sorts handling i Samordna.' });
  const format = text('format', 'format', 100, false);
  const location = text('location', 'förvaringsplats', 200, false);
  const note = text('note', 'anmärkning', 1000, false);
  if (problems.length) throw new InputError(problems);
  return { code, name, recordKind, retention, retentionYears, format, location, note };
}

/** "Bevaras", "Gallras efter 7 år", "Gallras vid inaktualitet". */
export function retentionText(c: { retention: Retention; retentionYears: number | null }): string {
  return c.retention === 'years' ? `Gallras efter ${c.retentionYears} år` : retentionLabels[c.retention];
}

/**
 * The last date of records a class may dispose of in `year`'s disposal: records dated before 1 January of
 * (year − N) are due (the N years counted from the end of the year the record belongs to). Null for a class
 * that is kept, and for one disposed "vid inaktualitet", which the kansli decides record by record.
 */
export function disposableThrough(c: { retention: Retention; retentionYears: number | null }, year: number): string | null {
  if (c.retention !== 'years' || c.retentionYears === null) return null;
  return `${year - c.retentionYears - 1}-12-31`;
}

/** Whether a class may be disposed at all: never a class the plan says is kept. */
export function mayDispose(c: { retention: Retention }): boolean {
  return c.retention !== 'keep';
}
