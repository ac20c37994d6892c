/**
 * Validation of what the kansli types for the reports: board members, auditors, meetings, decision items,
 * adoption of the annual report, reopening. Swedish problems per field (and the identity guard) through the
 * shared Validator; the narrative markup through ./markup.ts.
 */
import { Validator } from '../interventions/intervention.ts';
import { markupProblems } from './markup.ts';

function closedList<const K extends string>(labels: Record<K, string>) {
  const codes = Object.keys(labels) as K[];
  return {
    codes,
    labels,
    parse(input: string): K | null {
      const s = input.trim().toLowerCase();
      return codes.find((c) => c.toLowerCase() === s || labels[c].toLowerCase() === s) ?? null;
    },
  };
}

export const Seat = closedList({ ledamot: 'Ledamot', ersattare: 'Ersättare' });
export type Seat = (typeof Seat.codes)[number];
export const Position = closedList({ none: 'Ingen', ordforande: 'Ordförande', vice_ordforande: 'Vice ordförande' });

export interface BoardMemberInput {
  readonly name: string;
  readonly memberId: number | null;
  readonly seat: Seat;
  readonly position: '' | 'ordforande' | 'vice_ordforande';
  readonly termStart: string;
  readonly termEnd: string | null;
}

export function parseBoardMemberInput(raw: Record<string, unknown>): BoardMemberInput {
  const v = new Validator(raw);
  const name = v.text('name', 'namn', { required: true, max: 200 });
  const memberId = v.integer('memberId', 'medlem', { min: 1 });
  const seat = v.oneOf('seat', 'ledamot eller ersättare', Seat) ?? 'ledamot';
  const pos = v.oneOf('position', 'uppdrag', Position, false);
  const termStart = v.date('termStart', 'mandatperiodens början', true);
  const termEnd = v.date('termEnd', 'mandatperiodens slut', false);
  if (termStart && termEnd && termEnd < termStart) v.fail('termEnd', 'Mandatperioden kan inte sluta innan den börjar.');
  const position = pos === null || pos === 'none' ? '' : pos;
  if (position && seat !== 'ledamot') v.fail('position', 'Ordförande och vice ordförande ska vara ledamöter.');
  v.done();
  return { name, memberId, seat, position, termStart: termStart!, termEnd };
}

export interface AuditorInput {
  readonly name: string;
  readonly title: string;
  readonly appointedBy: string;
  readonly termStart: string;
  readonly termEnd: string | null;
}

export function parseAuditorInput(raw: Record<string, unknown>): AuditorInput {
  const v = new Validator(raw);
  const name = v.text('name', 'namn', { required: true, max: 200 });
  const title = v.text('title', 'titel', { max: 200 });
  const appointedBy = v.text('appointedBy', 'vem som utsett revisorn', { max: 500 });
  const termStart = v.date('termStart', 'uppdragets början', true);
  const termEnd = v.date('termEnd', 'uppdragets slut', false);
  if (termStart && termEnd && termEnd < termStart) v.fail('termEnd', 'Uppdraget kan inte sluta innan det börjar.');
  v.done();
  return { name, title, appointedBy, termStart: termStart!, termEnd };
}

export function parseMeetingInput(raw: Record<string, unknown>): { date: string; note: string } {
  const v = new Validator(raw);
  const date = v.date('date', 'mötesdatum', true);
  const note = v.text('note', 'anteckning', { max: 500 });
  v.done();
  return { date: date!, note };
}

export function parseDecisionItemInput(raw: Record<string, unknown>): { title: string; body: string; proposal: string } {
  const v = new Validator({ title: raw.title, proposal: raw.proposal });
  const title = v.text('title', 'rubrik', { required: true, max: 300 });
  const proposal = v.text('proposal', 'förslag till beslut', { max: 5000 });
  const body = raw.body === null || raw.body === undefined ? '' : String(raw.body);
  v.problems.push(...markupProblems(body, 'body'), ...markupProblems(proposal, 'proposal').filter((p) => !v.problems.some((q) => q.message === p.message && q.field === p.field)));
  if (body.length > 20000) v.fail('body', 'Underlaget får vara högst 20 000 tecken.');
  v.done();
  return { title, body, proposal };
}

export function parseAdoptionInput(raw: Record<string, unknown>): { date: string; paragraph: string } {
  const v = new Validator(raw);
  const date = v.date('date', 'datum för styrelsens beslut', true);
  const paragraph = v.text('paragraph', 'paragraf i protokollet (t.ex. § 12)', { required: true, max: 50 });
  v.done();
  return { date: date!, paragraph };
}

export function parseReopenInput(raw: Record<string, unknown>): { reason: string } {
  const v = new Validator(raw);
  const reason = v.text('reason', 'skäl till att öppna årsredovisningen igen', { required: true, max: 1000 });
  v.done();
  return { reason };
}
