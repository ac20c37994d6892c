import { InputError, type InputProblem } from '../errors.ts';
import { identityProblems, identityRefusalMessage } from '../privacy/identityGuard.ts';
import { parseDecimal, parseInteger, parseIsoDate, parseKronor, parseText, textLimits, type Parsed } from '../input/index.ts';
import { fteProblems } from './plausibility.ts';
import { DayLength, GoalAssessment, InterventionKind } from './vocabulary.ts';

/** Small validators shared by every intervention write: each returns the value or records a Swedish problem. */
export class Validator {
  readonly problems: InputProblem[] = [];
  constructor(private readonly raw: Record<string, unknown>) {
    this.problems.push(...identityProblems(raw));
  }
  private str(field: string): string {
    const v = this.raw[field];
    return v === null || v === undefined ? '' : String(v).trim();
  }
  fail(field: string, message: string): void {
    this.problems.push({ field, message });
  }
  text(field: string, label: string, { required = false, max = 500 } = {}): string {
    const s = this.str(field);
    if (required && !s) this.fail(field, `Ange ${label}.`);
    const r = parseText(s, { maxLength: max, multiline: max > textLimits.name });
    // Identity numbers were already reported for every field by the constructor.
    if (!r.ok && r.message !== identityRefusalMessage) this.fail(field, `${capitalised(label)}: ${r.message}`);
    return s;
  }
  date(field: string, label: string, required: boolean): string | null {
    const s = this.str(field);
    if (!s) {
      if (required) this.fail(field, `Ange ${label} (ÅÅÅÅ-MM-DD).`);
      return null;
    }
    return this.take(field, label, parseIsoDate(s));
  }
  integer(field: string, label: string, { required = false, min = 0, max = Number.MAX_SAFE_INTEGER } = {}): number | null {
    const s = this.str(field);
    if (!s) {
      if (required) this.fail(field, `Ange ${label}.`);
      return null;
    }
    return this.take(field, label, parseInteger(s, { min, max }));
  }
  /** Kronor as typed (spaces, decimal comma allowed) → öre, through the boundary's one kronor rule. */
  kronor(field: string, label: string, { required = false, allowNegative = false } = {}): number | null {
    const s = this.str(field);
    if (!s) {
      if (required) this.fail(field, `Ange ${label}.`);
      return null;
    }
    return this.take(field, label, parseKronor(s, { allowNegative }));
  }
  decimal(field: string, label: string, { required = false, min = 0, max = 1000 } = {}): number | null {
    const s = this.str(field);
    if (!s) {
      if (required) this.fail(field, `Ange ${label}.`);
      return null;
    }
    return this.take(field, label, parseDecimal(s, { min, max }));
  }
  private take<T>(field: string, label: string, r: Parsed<T>): T | null {
    if (r.ok) return r.value;
    this.fail(field, `${capitalised(label)}: ${r.message}`);
    return null;
  }
  oneOf<K extends string>(field: string, label: string, vocab: { parse(s: string): K | null; labels: Record<K, string> }, required = true): K | null {
    const s = this.str(field);
    if (!s) {
      if (required) this.fail(field, `Ange ${label}.`);
      return null;
    }
    const v = vocab.parse(s);
    if (!v) this.fail(field, `Okänt värde för ${label}. Tillåtna: ${Object.values<string>(vocab.labels).join(', ')}.`);
    return v;
  }
  list(field: string): string[] {
    const v = this.raw[field];
    const items = Array.isArray(v) ? v.map(String) : this.str(field).split(/[,\n]/);
    return items.map((s) => s.trim()).filter(Boolean);
  }
  done(): void {
    if (this.problems.length) throw new InputError(this.problems);
  }
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface InterventionInput {
  readonly name: string;
  readonly kind: InterventionKind;
  readonly ownerMemberId: number | null;
  readonly periodStart: string;
  readonly periodEnd: string | null;
  readonly targetGroup: string;
  readonly municipalitiesServed: readonly string[];
  readonly capacity: number | null;
  readonly steeringGroup: string;
  readonly budgetLineId: number | null;
  readonly participatingMemberIds: readonly number[];
  /** Uppföljning Finsam asks for these (docs/finsam-followup.md). */
  readonly fkFollowUpMethod: string;
  readonly esfFinanced: boolean;
}

export function parseInterventionInput(raw: Record<string, unknown>): InterventionInput {
  const v = new Validator(raw);
  const name = v.text('name', 'namn', { required: true, max: 200 });
  const kind = v.oneOf('kind', 'typ av insats', InterventionKind);
  const ownerMemberId = v.integer('ownerMemberId', 'insatsägare', { min: 1 });
  const periodStart = v.date('periodStart', 'startdatum', true);
  const periodEnd = v.date('periodEnd', 'slutdatum', false);
  if (periodStart && periodEnd && periodEnd < periodStart) v.fail('periodEnd', 'Slutdatum är före startdatum.');
  const targetGroup = v.text('targetGroup', 'målgrupp', { max: 2000 });
  const municipalitiesServed = v.list('municipalitiesServed');
  const capacity = v.integer('capacity', 'kapacitet', { min: 0, max: 100000 });
  const steeringGroup = v.text('steeringGroup', 'styrgrupp', { max: 2000 });
  const budgetLineId = v.integer('budgetLineId', 'budgetpost', { min: 1 });
  const participatingMemberIds = v.list('participatingMemberIds').map(Number).filter((n) => Number.isSafeInteger(n) && n > 0);
  const fkFollowUpMethod = v.text('fkFollowUpMethod', 'uppföljningsmetod', { max: 200 });
  const esfText = String(raw.esfFinanced ?? '').trim().toLowerCase();
  if (!['', 'ja', 'nej', 'true', 'false'].includes(esfText)) v.fail('esfFinanced', 'ESF-finansierad: ange ja eller nej.');
  v.done();
  return {
    name, kind: kind!, ownerMemberId, periodStart: periodStart!, periodEnd, targetGroup, municipalitiesServed, capacity, steeringGroup, budgetLineId, participatingMemberIds,
    fkFollowUpMethod, esfFinanced: esfText === 'ja' || esfText === 'true',
  };
}

export interface StaffingInput {
  readonly memberId: number;
  readonly role: string;
  readonly fte: number;
}

export function parseStaffingInput(raw: Record<string, unknown>): StaffingInput {
  const v = new Validator(raw);
  const memberId = v.integer('memberId', 'medlem', { required: true, min: 1 });
  const role = v.text('role', 'roll', { required: true, max: 200 });
  const fte = v.decimal('fte', 'tjänstgöringsgrad (heltid = 1,0)', { required: true, min: 0.01, max: 100 });
  for (const p of fteProblems('fte', fte)) v.fail(p.field!, p.message);
  v.done();
  return { memberId: memberId!, role, fte: fte! };
}

export interface GrantInput {
  readonly year: number;
  readonly decidedOre: number;
  readonly decisionDate: string;
  readonly reference: string;
}

export function parseGrantInput(raw: Record<string, unknown>): GrantInput {
  const v = new Validator(raw);
  const year = v.integer('year', 'år', { required: true, min: 2000, max: 2100 });
  const decidedOre = v.kronor('decided', 'beslutade medel', { required: true });
  const decisionDate = v.date('decisionDate', 'beslutsdatum', true);
  const reference = v.text('reference', 'diarienummer/referens', { max: 200 });
  v.done();
  return { year: year!, decidedOre: decidedOre!, decisionDate: decisionDate!, reference };
}

export interface RequisitionInput {
  readonly date: string;
  readonly amountOre: number;
  readonly note: string;
}

export function parseRequisitionInput(raw: Record<string, unknown>): RequisitionInput {
  const v = new Validator(raw);
  const date = v.date('date', 'datum', true);
  const amountOre = v.kronor('amount', 'belopp', { required: true, allowNegative: true });
  const note = v.text('note', 'anteckning', { max: 500 });
  v.done();
  return { date: date!, amountOre: amountOre!, note };
}

export interface GoalInput {
  readonly area: string;
  readonly text: string;
}

export function parseGoalInput(raw: Record<string, unknown>): GoalInput {
  const v = new Validator(raw);
  const area = v.text('area', 'målområde', { max: 200 });
  const text = v.text('text', 'mål', { required: true, max: 2000 });
  v.done();
  return { area, text };
}

export interface GoalAssessmentInput {
  readonly year: number;
  readonly assessment: GoalAssessment;
  readonly comment: string;
}

export function parseGoalAssessmentInput(raw: Record<string, unknown>): GoalAssessmentInput {
  const v = new Validator(raw);
  const year = v.integer('year', 'år', { required: true, min: 2000, max: 2100 });
  const assessment = v.oneOf('assessment', 'måluppfyllelse', GoalAssessment);
  const comment = v.text('comment', 'kommentar', { max: 4000 });
  v.done();
  return { year: year!, assessment: assessment!, comment };
}

export interface ActivityInput {
  readonly interventionId: number | null;
  readonly year: number;
  readonly name: string;
  readonly targetGroup: string;
  readonly sessions: number | null;
  readonly dayLength: DayLength | null;
  readonly scopeNote: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly participants: number;
  readonly evaluationScore: number | null;
  readonly participantsByMember: readonly { memberId: number; participants: number }[];
}

export function parseActivityInput(raw: Record<string, unknown>): ActivityInput {
  const v = new Validator(raw);
  const interventionId = v.integer('interventionId', 'insats', { min: 1 });
  const year = v.integer('year', 'år', { required: true, min: 2000, max: 2100 });
  const name = v.text('name', 'namn', { required: true, max: 300 });
  const targetGroup = v.text('targetGroup', 'målgrupp', { max: 500 });
  const sessions = v.integer('sessions', 'antal tillfällen', { min: 0, max: 10000 });
  const dayLength = v.oneOf('dayLength', 'längd', DayLength, false);
  const scopeNote = v.text('scopeNote', 'omfattning', { max: 500 });
  const firstDate = v.date('firstDate', 'första datum', false);
  const lastDate = v.date('lastDate', 'sista datum', false);
  if (firstDate && lastDate && lastDate < firstDate) v.fail('lastDate', 'Sista datum är före första datum.');
  const participants = v.integer('participants', 'antal deltagare', { required: true, min: 0, max: 1000000 });
  const evaluationScore = v.decimal('evaluationScore', 'utvärderingsbetyg', { min: 0, max: 10 });
  const byMember = Array.isArray(raw.participantsByMember) ? (raw.participantsByMember as { memberId: unknown; participants: unknown }[]) : [];
  const participantsByMember = byMember.map((b, i) => {
    const memberId = Number(b.memberId);
    const n = Number(b.participants);
    if (!Number.isSafeInteger(memberId) || !Number.isSafeInteger(n) || n < 0) v.fail(`participantsByMember[${i}]`, 'Ogiltigt antal deltagare per medlem.');
    return { memberId, participants: n };
  });
  if (participants !== null && participantsByMember.reduce((s, b) => s + b.participants, 0) > participants)
    v.fail('participantsByMember', 'Deltagare per medlem är fler än deltagarna totalt.');
  v.done();
  return { interventionId, year: year!, name, targetGroup, sessions, dayLength, scopeNote, firstDate, lastDate, participants: participants!, evaluationScore, participantsByMember };
}
