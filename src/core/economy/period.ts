/**
 * The period a förbund-year's figures belong to: January through `throughMonth`, and whether the year is
 * complete. A year is complete only when the kansli has closed it (bokslut, "Stäng året": who and when) — or it
 * arrived closed from a published report (the reference format). Saving a December line does not close a year.
 *
 *  - complete:  throughMonth is 12 and the forecast is the outcome;
 *  - open:      throughMonth is the month the user chose, else the last month with any outcome (0: none yet);
 *               the outcome is "to date" and the full year is a forecast.
 *
 * Every surface names its period in words through periodLabel ("januari–november 2026, prognos för helåret").
 */
import { formatMonthsFromJanuary } from '../format.ts';

/** Who closed a year and when (ISO timestamp). */
export interface YearClosing {
  readonly closedAt: string;
  readonly closedBy: string;
}

export interface YearPeriod {
  readonly year: number;
  /** The last month (0–12) the outcome to date covers; 12 for a complete year unless an earlier month was chosen. */
  readonly throughMonth: number;
  /** Closed by the kansli (bokslut): the figures are the year's outcome, nothing is forecast. */
  readonly complete: boolean;
  /** The closing, for a complete year. */
  readonly closing: YearClosing | null;
  /** The month was chosen by the reader rather than taken from the outcome. */
  readonly chosen: boolean;
}

/**
 * The period of a year. `lastMonthWithOutcome` comes from the counted outcome (and the ledger's months);
 * `chosenMonth` (0–12) is the reader's choice (for a closed year: the months "to date"; its full year stays the outcome).
 */
export function yearPeriod(input: { year: number; closing: YearClosing | null; lastMonthWithOutcome: number; chosenMonth?: number | undefined }): YearPeriod {
  const { year, closing } = input;
  const chosen = input.chosenMonth !== undefined;
  // A closed year read through an earlier month (an interim report printed afterwards): to date through that
  // month, the full year being the year's outcome.
  const month = chosen ? input.chosenMonth! : closing ? 12 : input.lastMonthWithOutcome;
  if (!Number.isInteger(month) || month < 0 || month > 12) throw new RangeError('månaden ska vara 0–12');
  return { year, throughMonth: month, complete: closing !== null, closing, chosen };
}

/** The months the outcome covers in words: "januari–november 2026" (no outcome yet: "2026, inget utfall ännu"). */
export function periodMonths(p: Pick<YearPeriod, 'year' | 'throughMonth'>): string {
  return p.throughMonth === 0 ? `${p.year}, inget utfall ännu` : `${formatMonthsFromJanuary(p.throughMonth)} ${p.year}`;
}

/** The period in words, as every page, export, report and JSON names it. */
export function periodLabel(p: Pick<YearPeriod, 'year' | 'throughMonth' | 'complete'>): string {
  if (p.complete) return p.throughMonth === 12 ? `januari–december ${p.year}, bokslut (året är stängt)` : `${periodMonths(p)}, helåret enligt bokslut (året är stängt)`;
  return `${periodMonths(p)}, prognos för helåret`;
}

/** The period as the API and CLI JSON give it. */
export function periodJson(p: YearPeriod) {
  return { year: p.year, throughMonth: p.throughMonth, complete: p.complete };
}
