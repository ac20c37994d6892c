/**
 * Which goals a year's report shows, and how. One place for the rules the annual report, the interim report and the
 * board pack use (src/services/reports/facts.ts applies them).
 */
import type { GoalAssessment, InterventionKind } from './vocabulary.ts';
import { yearEnd, yearStart } from './dates.ts';

/** An intervention runs in the year when it starts on or before 31 December and has not ended before 1 January. */
export function interventionRunsInYear(i: { readonly periodStart: string; readonly periodEnd: string | null }, year: number): boolean {
  return i.periodStart <= yearEnd(year) && (i.periodEnd === null || i.periodEnd >= yearStart(year));
}

/**
 * What a goal's assessment can be shown as: the recorded assessment, or `no_basis` — an individual intervention's
 * goals are followed up on the participants who finished during the year (the published report: "51 % har påbörjat
 * arbete/studier … ett grönt resultat i måluppfyllelsen"), so with no one finished there is nothing the assessment
 * could rest on, whatever was recorded.
 */
export type ShownAssessment = GoalAssessment | 'no_basis';

/**
 * `finished`: participants of the intervention who finished in the year, as published (null when hidden or not
 * published: then the recorded assessment stands). The förbund's own goals (kind null) and structural interventions'
 * goals are shown as recorded.
 */
export function shownAssessment(recorded: GoalAssessment | null, basis: { readonly kind: InterventionKind | null; readonly finished: number | null }): ShownAssessment | null {
  if (recorded === null) return null;
  if (basis.kind === 'individual' && basis.finished === 0) return 'no_basis';
  return recorded;
}
