/**
 * When a reminder is due. Pure: the dates and counts come from the service.
 *
 * Requisitions: a grant (intervention_grant) gives no schedule of its own; the owner calls the money off per
 * quarter (the requisition table's rule), so each quarter of a year with a grant should have a requisition.
 * The reminder goes out in the quarter's last `requisitionLeadDays` days when the quarter has none yet.
 *
 * Survey rounds: in the last `surveyLeadDays` days before the round closes, when it has fewer answers than
 * twice the förbund's smallest shown count (so few that its results risk being hidden).
 */
export const requisitionLeadDays = 14;
export const surveyLeadDays = 7;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export interface Quarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  readonly start: string;
  readonly end: string;
  /** "kvartal 2 2026" */
  readonly label: string;
}

export function quarterOf(iso: string): Quarter {
  const year = Number(iso.slice(0, 4));
  const quarter = (Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'];
  const startMonth = (quarter - 1) * 3 + 1;
  const start = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { year, quarter, start, end: addDays(nextStart, -1), label: `kvartal ${quarter} ${year}` };
}

/** The quarter whose requisition is missing and due soon, or null. */
export function requisitionDue(today: string, grantYears: readonly number[], requisitionDates: readonly string[]): Quarter | null {
  const q = quarterOf(today);
  if (!grantYears.includes(q.year)) return null;
  if (today < addDays(q.end, -(requisitionLeadDays - 1))) return null;
  if (requisitionDates.some((d) => d >= q.start && d <= q.end)) return null;
  return q;
}

export function surveyNeedsReminder(today: string, opensOn: string, closesOn: string, answers: number, minCellSize: number): boolean {
  if (today < opensOn || today > closesOn) return false;
  if (today < addDays(closesOn, -(surveyLeadDays - 1))) return false;
  return answers < 2 * minCellSize;
}
