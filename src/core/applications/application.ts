/**
 * An application for money (ansökan om medel) from a member's officials: its fields, what a draft and a submitted
 * application must hold, and the status path the applicant sees. Nothing here may identify a participant: the
 * identity guard runs over every field (the Validator's constructor walks the whole input, lists included).
 */
import { ConflictError, InputError, type InputProblem } from '../errors.ts';
import { Validator } from '../interventions/intervention.ts';
import { yearOf } from '../calendar.ts';
import { ApplicationLevel, ApplicationStatus, CostType } from './vocabulary.ts';

export interface BudgetRow {
  readonly year: number;
  readonly costType: CostType;
  readonly amountOre: number;
}

export interface YearAmount {
  readonly year: number;
  readonly amountOre: number;
}

export interface ApplicationInput {
  readonly title: string;
  readonly ownerMemberId: number | null;
  readonly cooperatingMemberIds: readonly number[];
  readonly problem: string;
  readonly targetGroup: string;
  readonly goals: readonly string[];
  readonly followUp: string;
  readonly level: ApplicationLevel | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly budget: readonly BudgetRow[];
  readonly coFinancing: string;
  readonly staffing: string;
  readonly contactPerson: string;
}

const longText = 5000;

function rows(raw: unknown): Record<string, unknown>[] {
  if (raw === undefined || raw === null || raw === '') return [];
  if (!Array.isArray(raw)) return [{ __notRow: true }];
  return raw.map((r) => (r && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : { __notRow: true }));
}

/** Amounts per year as typed ({ year, amount } with amount in kronor): no year twice, no negative amount. */
export function parseYearAmounts(raw: unknown, field: string, problems: InputProblem[]): YearAmount[] {
  const out: YearAmount[] = [];
  rows(raw).forEach((r, i) => {
    const where = `${field}[${i}]`;
    if (r.__notRow) return void problems.push({ field: where, message: 'Ange år och belopp, t.ex. { "year": 2027, "amount": 500000 }.' });
    const v = new Validator(r);
    const year = v.integer('year', 'år', { required: true, min: 2000, max: 2100 });
    const amountOre = v.kronor('amount', 'belopp', { required: true });
    for (const p of v.problems) problems.push({ ...p, field: `${where}.${p.field}` });
    if (year !== null && amountOre !== null) {
      if (out.some((o) => o.year === year)) problems.push({ field: `${where}.year`, message: `År ${year} finns två gånger.` });
      else out.push({ year, amountOre });
    }
  });
  return out.sort((a, b) => a.year - b.year);
}

/**
 * Reads an application as typed. A draft needs only a title; a submitted application needs every field the
 * förbund assesses (problem, target group, goals, follow-up, level, period, budget, owner). Years of the budget
 * lie within the period.
 */
export function parseApplicationInput(raw: Record<string, unknown>, { draft }: { draft: boolean }): ApplicationInput {
  const v = new Validator(raw);
  const need = !draft;
  const title = v.text('title', 'rubrik', { required: true, max: 200 });
  const ownerMemberId = v.integer('ownerMember', 'ägande medlem', { required: need, min: 1 });
  const cooperatingMemberIds = [...new Set(v.list('cooperatingMembers').map(Number))].filter((n) => Number.isSafeInteger(n) && n > 0);
  const problem = v.text('problem', 'problembeskrivning', { required: need, max: longText });
  const targetGroup = v.text('targetGroup', 'målgrupp', { required: need, max: longText });
  const followUp = v.text('followUp', 'uppföljning (indikatorer, deltagaruppföljning, enkäter)', { required: need, max: longText });
  const level = v.oneOf('level', 'nivå', ApplicationLevel, need);
  const periodStart = v.date('periodStart', 'periodens början', need);
  const periodEnd = v.date('periodEnd', 'periodens slut', need);
  if (periodStart && periodEnd && periodEnd < periodStart) v.fail('periodEnd', 'Periodens slut är före dess början.');
  const coFinancing = v.text('coFinancing', 'medfinansiering', { max: longText });
  const staffing = v.text('staffing', 'bemanning', { max: longText });
  const contactPerson = v.text('contactPerson', 'kontaktperson', { max: 200 });

  const goals: string[] = [];
  const rawGoals = Array.isArray(raw.goals) ? raw.goals : raw.goals === undefined || raw.goals === '' ? [] : String(raw.goals).split('\n');
  rawGoals.forEach((g, i) => {
    const gv = new Validator({ goal: typeof g === 'string' ? g : JSON.stringify(g) });
    const text = gv.text('goal', 'mål', { max: 2000 });
    for (const p of gv.problems) if (!v.problems.some((q) => q.message === p.message)) v.fail(`goals[${i}]`, p.message);
    if (text) goals.push(text);
  });
  if (need && !goals.length) v.fail('goals', 'Ange minst ett mål.');

  const budget: BudgetRow[] = [];
  rows(raw.budget).forEach((r, i) => {
    const where = `budget[${i}]`;
    if (r.__notRow) return void v.fail(where, 'Ange år och belopp, t.ex. { "year": 2027, "amount": 500000 }.');
    const bv = new Validator(r);
    const year = bv.integer('year', 'år', { required: true, min: 2000, max: 2100 });
    const amountOre = bv.kronor('amount', 'belopp', { required: true });
    const costType = (bv.oneOf('costType', 'kostnadsslag', CostType, false) ?? 'other') as CostType;
    for (const p of bv.problems) v.fail(`${where}.${p.field}`, p.message);
    if (year === null || amountOre === null) return;
    if (periodStart && periodEnd && (year < yearOf(periodStart) || year > yearOf(periodEnd))) {
      v.fail(`${where}.year`, `År ${year} ligger utanför perioden ${periodStart} – ${periodEnd}.`);
    }
    if (budget.some((b) => b.year === year && b.costType === costType)) v.fail(`${where}`, `År ${year} och kostnadsslaget ${CostType.label(costType)} finns två gånger.`);
    else budget.push({ year, costType, amountOre });
  });
  if (need && !budget.length) v.fail('budget', 'Ange budget för minst ett år.');
  v.done();
  return {
    title, ownerMemberId, cooperatingMemberIds: cooperatingMemberIds.filter((id) => id !== ownerMemberId), problem, targetGroup,
    goals, followUp, level, periodStart, periodEnd, budget, coFinancing, staffing, contactPerson,
  };
}

/** The budget summed per year (all cost types): what a grant without amounts of its own would be. */
export function budgetPerYear(budget: readonly BudgetRow[]): YearAmount[] {
  const sums = new Map<number, number>();
  for (const b of budget) sums.set(b.year, (sums.get(b.year) ?? 0) + b.amountOre);
  return [...sums].sort(([a], [b]) => a - b).map(([year, amountOre]) => ({ year, amountOre }));
}

/**
 * The path of an application. beviljad and avslagen are reached only by a justerat protocol paragraph (see
 * decisionOutcome); återtagen is the applicant's or kansli's withdrawal. The three are final.
 */
const manualSteps: Readonly<Record<ApplicationStatus, readonly ApplicationStatus[]>> = {
  utkast: ['inkommen', 'atertagen'],
  inkommen: ['under_beredning', 'till_styrelsen', 'atertagen'],
  under_beredning: ['till_styrelsen', 'atertagen'],
  till_styrelsen: ['under_beredning', 'atertagen'],
  beviljad: [],
  avslagen: [],
  atertagen: [],
};

export const isDecided = (s: ApplicationStatus) => s === 'beviljad' || s === 'avslagen';
export const isFinal = (s: ApplicationStatus) => manualSteps[s].length === 0;
/** May the applicant still change the application's text? Only while it is a draft. */
export const isEditable = (s: ApplicationStatus) => s === 'utkast';
/** May it be put on a meeting's agenda (föredragningslista)? */
export const isReadyForAgenda = (s: ApplicationStatus) => s === 'inkommen' || s === 'under_beredning' || s === 'till_styrelsen';

/** The next status by a manual step, or a refusal naming why. */
export function nextStatus(from: ApplicationStatus, to: ApplicationStatus): ApplicationStatus {
  if (isDecided(from)) throw new ConflictError(`Ansökan är redan ${ApplicationStatus.label(from).toLowerCase()} och kan inte beslutas eller ändras igen.`);
  if (to === 'beviljad' || to === 'avslagen') {
    throw new InputError({ field: 'status', message: 'Beviljad och avslagen sätts av styrelsens beslut, när protokollet har justerats.' });
  }
  if (!manualSteps[from].includes(to)) {
    throw new ConflictError(`Ansökan kan inte gå från ${ApplicationStatus.label(from).toLowerCase()} till ${ApplicationStatus.label(to).toLowerCase()}.`);
  }
  return to;
}

/**
 * Amounts per year as a person types them in a text box, one year a line: "2027: 500 000" (colon, tab or
 * spaces after the year). Gives the rows parseYearAmounts reads; a line that is not "year: amount" is kept
 * as it stands so that the refusal names it.
 */
export function yearAmountLines(text: string): { year: string; amount: string }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const m = /^(\d{4})\s*[:\t ]\s*(.+)$/.exec(l);
      return m ? { year: m[1]!, amount: m[2]!.replace(/\s*kr$/i, '') } : { year: l, amount: '' };
    });
}

/** The same rows back as text, for a form shown again. */
export const yearAmountText = (rows: readonly YearAmount[]) => rows.map((r) => `${r.year}: ${r.amountOre / 100}`).join('\n');
