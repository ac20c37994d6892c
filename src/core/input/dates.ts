import { fail, ok, rawText, type Parsed } from './parsed.ts';
import { maxYear, minYear } from './numbers.ts';

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30), years 1900–2999. */
export function parseIsoDate(raw: unknown): Parsed<string> {
  const t = (rawText(raw) ?? '').trim();
  return isIsoDate(t) ? ok(t) : fail('Ange ett datum som ÅÅÅÅ-MM-DD, t.ex. 2025-03-14.');
}

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || Number(m[1]) < minYear || Number(m[1]) > maxYear) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
