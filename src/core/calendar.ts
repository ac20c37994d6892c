/**
 * Dates as the förbund lives them: a förbund is Swedish, so "today" is the date in Stockholm (Europe/Stockholm,
 * summer time by the EU rule: src/core/format.ts, stockholmOffsetMinutes), not in UTC — between midnight and
 * 01:00 (02:00 in summer) Swedish time the two differ by a day, and on New Year's night by a year.
 * The one place for "today", "this year" and the year of an ISO date.
 */
import { stockholmOffsetMinutes } from './format.ts';

/** The date (YYYY-MM-DD) in Stockholm at the instant. */
export function stockholmDate(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + stockholmOffsetMinutes(ms) * 60_000).toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in Stockholm; `now` is the clock (tests fix it). */
export function today(now: Date = new Date()): string {
  return stockholmDate(now);
}

/** The year of an ISO date ("2025-03-14" → 2025). */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** This year in Stockholm. */
export function currentYear(now: Date = new Date()): number {
  return yearOf(today(now));
}
