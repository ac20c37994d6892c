/** ISO calendar dates (YYYY-MM-DD) as strings: compare lexically, compute in UTC. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const msPerDay = 86_400_000;
/** Average month length of the Gregorian calendar, in days. */
export const daysPerMonth = 365.2425 / 12;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / msPerDay);
}

/** Months in an intervention, start day and end day both counted: days / average month length. */
export function monthsBetween(start: string, end: string): number {
  return (daysBetween(start, end) + 1) / daysPerMonth;
}

export const yearStart = (year: number) => `${year}-01-01`;
export const yearEnd = (year: number) => `${year}-12-31`;
