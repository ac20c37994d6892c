/**
 * A board meeting's protocol (Minutes): numbered paragraphs (§ 1, § 2 …) with the decision of each agenda item,
 * who was present, the chair, the secretary and the two justerare (Adjuster). Justering: each named approver
 * approves while logged in; after the last approval the protocol is locked and a correction is a new paragraph
 * in a later protocol.
 */
import { ConflictError, ForbiddenError, type InputProblem } from '../errors.ts';
import { Validator } from '../interventions/intervention.ts';
import { parseYearAmounts, type YearAmount } from '../applications/application.ts';

/** An agenda item (ärende) as the protocol refers to it: its number in the föredragningslista. */
export interface AgendaItemRef {
  readonly id: number;
  readonly number: number;
  readonly title: string;
  readonly applicationId: number | null;
}

export type DecisionKind = 'grant' | 'reject' | 'other';

export interface ParagraphInput {
  readonly number: number;
  readonly itemId: number | null;
  readonly applicationId: number | null;
  readonly kind: DecisionKind;
  readonly text: string;
  readonly amounts: readonly YearAmount[];
}

export interface MinutesInput {
  readonly present: readonly string[];
  readonly chair: string;
  readonly secretary: string;
  readonly adjusters: readonly [string, string];
  readonly paragraphs: readonly ParagraphInput[];
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const normalEmail = (s: string) => s.trim().toLowerCase();

/** "beviljas" and "avslås" (any case) decide an application; any other text is the paragraph's decision as written. */
export function decisionKind(text: string): DecisionKind {
  const t = text.trim().toLowerCase();
  if (t === 'beviljas' || t === 'bifalls') return 'grant';
  if (t === 'avslås') return 'reject';
  return 'other';
}

function itemOf(raw: unknown, items: readonly AgendaItemRef[]): AgendaItemRef | null {
  if (typeof raw === 'string' && !/^\d+$/.test(raw.trim())) return items.find((i) => i.title.toLowerCase() === raw.trim().toLowerCase()) ?? null;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) return null;
  // The item's number in the föredragningslista; an item's id is accepted too (the meeting's answer gives both).
  return items.find((i) => i.number === n) ?? items.find((i) => i.id === n) ?? null;
}

/**
 * Reads a protocol as typed against the meeting's agenda. Two distinct e-mail addresses as justerare; each
 * paragraph names an agenda item; a decision on an application is "beviljas" or "avslås", amounts only with
 * "beviljas"; no application decided twice in one protocol.
 */
export function parseMinutesInput(raw: Record<string, unknown>, items: readonly AgendaItemRef[]): MinutesInput {
  const v = new Validator(raw);
  const present = v.list('present');
  if (!present.length) v.fail('present', 'Ange vilka som var närvarande.');
  present.forEach((p, i) => {
    if (p.length > 200) v.fail(`present[${i}]`, 'Ett namn får vara högst 200 tecken.');
  });
  const chair = v.text('chair', 'ordförande', { required: true, max: 200 });
  const secretary = v.text('secretary', 'sekreterare', { required: true, max: 200 });
  const adjusters = v.list('adjusters').map(normalEmail);
  if (adjusters.length !== 2) v.fail('adjusters', 'Ange två justerare med sina e-postadresser.');
  adjusters.forEach((a, i) => {
    if (!emailPattern.test(a)) v.fail(`adjusters[${i}]`, `"${a}" är ingen e-postadress.`);
  });
  if (adjusters.length === 2 && adjusters[0] === adjusters[1]) v.fail('adjusters', 'De två justerarna måste vara olika personer.');

  const problems: InputProblem[] = [];
  const paragraphs: ParagraphInput[] = [];
  const rawParagraphs = Array.isArray(raw.paragraphs) ? raw.paragraphs : [];
  if (!rawParagraphs.length) v.fail('paragraphs', 'Protokollet behöver minst en paragraf.');
  rawParagraphs.forEach((p, i) => {
    const where = `paragraphs[${i}]`;
    if (!p || typeof p !== 'object' || Array.isArray(p)) return void problems.push({ field: where, message: 'Ange ärende och beslut.' });
    const r = p as Record<string, unknown>;
    const pv = new Validator({ decision: r.decision });
    const text = pv.text('decision', 'beslut', { required: true, max: 20000 });
    for (const q of pv.problems) if (!v.problems.some((x) => x.message === q.message)) problems.push({ ...q, field: `${where}.decision` });
    const item = r.item === undefined || r.item === null || r.item === '' ? null : itemOf(r.item, items);
    if (r.item !== undefined && r.item !== null && r.item !== '' && !item) problems.push({ field: `${where}.item`, message: `Mötet har inget ärende ${String(r.item)} på föredragningslistan.` });
    const kind = decisionKind(text);
    const amounts = parseYearAmounts(r.amounts, `${where}.amounts`, problems);
    if (kind !== 'other' && !item?.applicationId) problems.push({ field: `${where}.decision`, message: `"${text}" beslutar om en ansökan, men ärendet har ingen ansökan.` });
    if (amounts.length && kind !== 'grant') problems.push({ field: `${where}.amounts`, message: 'Belopp hör bara till ett beslut som beviljar en ansökan.' });
    if (item?.applicationId && kind !== 'other' && paragraphs.some((q) => q.applicationId === item.applicationId && q.kind !== 'other')) {
      problems.push({ field: `${where}.item`, message: 'Ansökan beslutas redan i en annan paragraf; en ansökan kan inte beslutas två gånger.' });
    }
    paragraphs.push({ number: i + 1, itemId: item?.id ?? null, applicationId: kind === 'other' ? null : (item?.applicationId ?? null), kind, text, amounts });
  });
  for (const p of problems) v.fail(p.field ?? 'paragraphs', p.message);
  v.done();
  return { present, chair, secretary, adjusters: [adjusters[0]!, adjusters[1]!], paragraphs };
}

/** Who must approve: the two justerare, and the chair when the chair is named by an e-mail address (an account). */
export function requiredApprovers(m: { chair: string; adjusters: readonly string[] }): string[] {
  const chair = normalEmail(m.chair);
  return [...new Set([...(emailPattern.test(chair) ? [chair] : []), ...m.adjusters.map(normalEmail)])];
}

export interface ApprovalState {
  readonly chair: string;
  readonly adjusters: readonly string[];
  readonly approvedBy: readonly string[];
}

/**
 * One approval by the logged-in user: refused for anyone not named, for a second approval by the same person and
 * on a locked protocol. Answers whether this approval is the last one (the protocol is justerat by it).
 */
export function approve(state: ApprovalState, user: string): { readonly completes: boolean } {
  const needed = requiredApprovers(state);
  const done = new Set(state.approvedBy.map(normalEmail));
  if (needed.every((n) => done.has(n))) throw new ConflictError('Protokollet är redan justerat och kan inte ändras.');
  const who = normalEmail(user);
  if (!needed.includes(who)) throw new ForbiddenError('Bara ordföranden och de utsedda justerarna kan justera protokollet.');
  if (done.has(who)) throw new ConflictError('Du har redan justerat protokollet.');
  done.add(who);
  return { completes: needed.every((n) => done.has(n)) };
}

/** A justerat protocol is locked: a change is refused and a correction is written as a new paragraph in a later protocol. */
export function assertNotAdjusted(adjustedAt: string | null): void {
  if (adjustedAt) {
    throw new ConflictError(`Protokollet justerades ${adjustedAt.slice(0, 10)} och kan inte ändras. En rättelse skrivs som en ny paragraf i ett senare protokoll.`);
  }
}

/** Paragraph numbers after the last one: a correction continues the numbering (§ n+1 …). */
export function nextParagraphNumber(existing: readonly number[]): number {
  return existing.reduce((m, n) => Math.max(m, n), 0) + 1;
}

