import { InputError, type InputProblem } from '../errors.ts';
import { Validator } from './intervention.ts';
import { SupportSource } from './vocabulary.ts';

/**
 * Follow-up after exit: the status of an ended participation 6 and 12 months after it ended, recorded per
 * participation code by the intervention's staff. "Ej nådd" (not reached) is a legitimate answer.
 */
export const followUpPoints = [6, 12] as const;
export type FollowUpMonths = (typeof followUpPoints)[number];

export interface FollowUpStatus {
  readonly months: FollowUpMonths;
  /** The day the status was taken (ISO). Never before the exit. */
  readonly statusDate: string;
  readonly reached: boolean;
  /** From the same closed list as "försörjning efter"; null when not reached. */
  readonly supportSource: SupportSource | null;
  /** In work or studies; null when not reached. */
  readonly workOrStudies: boolean | null;
}

/** ISO date `months` calendar months after `iso` (the 31st becomes the month's last day). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The day the follow-up `months` after the exit on `endDate` is due. */
export const followUpDue = (endDate: string, months: FollowUpMonths) => addMonths(endDate, months);

/** Reads a follow-up status from a form or JSON body (months, statusDate, reached, supportSource, workOrStudies). */
export function parseFollowUp(raw: Record<string, unknown>): FollowUpStatus {
  const v = new Validator(raw);
  const monthsText = String(raw.months ?? '').trim();
  const months = monthsText === '6' ? 6 : monthsText === '12' ? 12 : null;
  if (months === null) v.fail('months', 'Ange uppföljningstidpunkt: 6 eller 12 månader efter avslut.');
  const statusDate = v.date('statusDate', 'datum för uppgiften', true);
  const reachedText = String(raw.reached ?? '').trim().toLowerCase();
  const reached = ['ja', 'true', 'reached', 'nådd'].includes(reachedText) ? true : ['nej', 'false', 'not_reached', 'ej nådd'].includes(reachedText) ? false : null;
  if (reached === null) v.fail('reached', 'Ange om personen nåddes (ja) eller inte (ej nådd).');
  let supportSource: SupportSource | null = null;
  let workOrStudies: boolean | null = null;
  if (reached) {
    supportSource = v.oneOf('supportSource', 'huvudsaklig försörjning', SupportSource);
    const w = String(raw.workOrStudies ?? '').trim().toLowerCase();
    workOrStudies = ['ja', 'true'].includes(w) ? true : ['nej', 'false'].includes(w) ? false : null;
    if (workOrStudies === null) v.fail('workOrStudies', 'Ange om personen arbetar eller studerar (ja eller nej).');
  } else if (reached === false) {
    for (const f of ['supportSource', 'workOrStudies'] as const) {
      if (String(raw[f] ?? '').trim()) v.fail(f, 'Lämna tomt när personen inte nåddes.');
    }
  }
  v.done();
  return { months: months!, statusDate: statusDate!, reached: reached!, supportSource, workOrStudies };
}

/** A status on an open participation, dated before the exit or after today, is refused. */
export function followUpProblems(status: FollowUpStatus, endDate: string | null, today: string): InputProblem[] {
  if (endDate === null) return [{ field: 'months', message: 'Deltagandet är inte avslutat: uppföljning efter avslut kan inte registreras.' }];
  const out: InputProblem[] = [];
  if (status.statusDate < endDate) out.push({ field: 'statusDate', message: `Datum för uppgiften (${status.statusDate}) är före avslutet (${endDate}).` });
  if (status.statusDate > today) out.push({ field: 'statusDate', message: `Datum för uppgiften (${status.statusDate}) är i framtiden.` });
  return out;
}

export function assertFollowUp(status: FollowUpStatus, endDate: string | null, today: string): void {
  const problems = followUpProblems(status, endDate, today);
  if (problems.length) throw new InputError(problems);
}

// ---- The statistics table "status 6 och 12 månader efter avslut" ----

/** Rows of the status table: the support sources, then not reached, then not recorded. */
export const followUpStatusRows = [...SupportSource.codes.map(SupportSource.label), 'Ej nådd', 'Ej registrerad'];
/** Rows of the work/studies table. */
export const followUpWorkRows = ['I arbete eller studier', 'Inte i arbete eller studier', 'Ej nådd', 'Ej registrerad'];
export const followUpColumns = ['6 månader', '12 månader'];

/**
 * The raw counts of a year's follow-up tables: the follow-ups DUE in the year (exit + 6 or 12 months falls
 * in it), by recorded status. Columns: 6 and 12 months.
 */
export interface FollowUpCounts {
  /** followUpStatusRows × [6, 12] */
  readonly status: readonly (readonly number[])[];
  /** followUpWorkRows × [6, 12] */
  readonly work: readonly (readonly number[])[];
}

export interface FollowUpFact {
  readonly endDate: string;
  readonly months: FollowUpMonths;
  /** null: not recorded. */
  readonly status: Pick<FollowUpStatus, 'reached' | 'supportSource' | 'workOrStudies'> | null;
}

export function emptyFollowUpCounts(): { status: number[][]; work: number[][] } {
  return {
    status: followUpStatusRows.map(() => [0, 0]),
    work: followUpWorkRows.map(() => [0, 0]),
  };
}

/** Adds one due follow-up to counts being built. */
export function addFollowUp(c: { status: number[][]; work: number[][] }, f: FollowUpFact['status'], months: FollowUpMonths, n = 1): void {
  const col = months === 6 ? 0 : 1;
  const notReached = SupportSource.codes.length;
  if (f === null) {
    c.status[notReached + 1]![col]! += n;
    c.work[3]![col]! += n;
  } else if (!f.reached) {
    c.status[notReached]![col]! += n;
    c.work[2]![col]! += n;
  } else {
    c.status[SupportSource.codes.indexOf(f.supportSource!)]![col]! += n;
    c.work[f.workOrStudies ? 0 : 1]![col]! += n;
  }
}

/** Counts the follow-ups due in `year` (pure; the service counts the same in SQL, tested against this). */
export function countFollowUps(facts: readonly FollowUpFact[], year: number): FollowUpCounts {
  const c = emptyFollowUpCounts();
  for (const f of facts) {
    if (Number(followUpDue(f.endDate, f.months).slice(0, 4)) !== year) continue;
    addFollowUp(c, f.status, f.months);
  }
  return c;
}
