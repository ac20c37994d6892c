/** ISO calendar dates (YYYY-MM-DD) as strings: compare lexically, compute in UTC. */
export { isIsoDate } from '../input/dates.ts';

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
