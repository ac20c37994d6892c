/**
 * Detects Swedish personnummer and samordningsnummer anywhere inside a text, so that nothing that identifies
 * a participant is ever stored.
 *
 * What counts as a match (the rules, decided and documented here):
 * - 10 digits `YYMMDDNNNC` or 12 digits `CCYYMMDDNNNC`, read after normalisation (any dash, space, zero-width
 *   character or full-width digit counts as its plain form), with separators (` `, `-`, `+`, `.`, `/`, up to
 *   three in a row) allowed between the century, year, month, day and the last four digits.
 * - The digits must not touch other digits (so 11 or 13 digits in a row are no match — they are something else).
 * - Month 01–12; day valid for that month (29 February only in a leap year; for 10 digits without century
 *   a year that is a leap year in 1900-, 2000- or 1800-talet is accepted). Samordningsnummer have day + 60
 *   (61–91).
 * - Century, when given, is 18, 19 or 20.
 * - The last digit is the Luhn check digit over the ten digits YYMMDDNNN.
 *
 * Near misses that are NOT refused: a bad check digit, an impossible date, 11 digits, phone numbers written
 * the usual way (070-123 45 67, 08-123 456 78), and organisationsnummer of legal persons (e.g. 222000-1354:
 * their "month" is 20 or more). An enskild firma's organisationsnummer IS the owner's personnummer and is
 * refused, correctly. A bare 10-digit string that happens to be a valid date with a valid check digit is
 * refused even if it was meant as a phone number: a false alarm costs a retyped field, a miss a data leak.
 */

import { normaliseForIdentityCheck } from './normalise.ts';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

export interface IdentityNumberMatch {
  readonly kind: IdentityNumberKind;
  /** Position of the match in the text (never the matched digits themselves: they must not spread to logs). */
  readonly index: number;
  readonly length: number;
}

/**
 * Runs of digit groups with short separators between them ("81 12 18-9876", "811218 - 9876",
 * "1981-12-18-9876"). Inside a run, every sequence of whole groups with 10 or 12 digits is a candidate whose
 * group boundaries fall where a personnummer is usually split (after the century, the year, the month, the
 * day): a phone number such as 070-123 45 67 splits elsewhere and is no match.
 */
const digitRun = /(?<!\d)\d+(?:[ \-+./]{1,3}\d+)*(?!\d)/g;
const boundaries: Record<number, readonly number[]> = { 10: [2, 4, 6], 12: [2, 4, 6, 8] };

/**
 * Matches in the text after normalisation (src/core/privacy/normalise.ts); index and length are positions in
 * the normalised text, which equals the input for plain ASCII.
 */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const normalised = normaliseForIdentityCheck(text);
  const found: IdentityNumberMatch[] = [];
  for (const run of normalised.matchAll(digitRun)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ digits: g[0], index: run.index! + g.index! }));
    // "2021-05-01 - 2021-05-31": four digits that go on as a date ("2021-05") are a year, not the last four.
    const startsDate = (i: number) => {
      const g = groups[i];
      const next = groups[i + 1];
      return !!g && !!next && g.digits.length === 4 && next.digits.length === 2 && /^[-./]$/.test(normalised.slice(g.index + 4, next.index));
    };
    let taken = -1;
    for (let start = 0; start < groups.length; start++) {
      if (start <= taken) continue;
      let digits = '';
      const cuts: number[] = [];
      for (let end = start; end < groups.length; end++) {
        if (end > start) cuts.push(digits.length);
        digits += groups[end]!.digits;
        if (digits.length > 12) break;
        const allowed = boundaries[digits.length];
        if (!allowed || !cuts.every((c) => allowed.includes(c))) continue;
        const kind = digits.length === 12 ? classify(digits.slice(0, 2), digits.slice(2, 8), digits.slice(8)) : classify(undefined, digits.slice(0, 6), digits.slice(6));
        if (kind && !startsDate(end)) {
          const last = groups[end]!;
          found.push({ kind, index: groups[start]!.index, length: last.index + last.digits.length - groups[start]!.index });
          taken = end;
          break;
        }
      }
    }
  }
  return found;
}

export function containsIdentityNumber(text: string): boolean {
  return findIdentityNumbers(text).length > 0;
}

function classify(century: string | undefined, yymmdd: string, tail: string): IdentityNumberKind | null {
  if (century !== undefined && !['18', '19', '20'].includes(century)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  let kind: IdentityNumberKind = 'personnummer';
  if (day > 60) {
    day -= 60;
    kind = 'samordningsnummer';
  }
  if (month < 1 || month > 12 || day < 1) return null;
  const centuries = century !== undefined ? [Number(century)] : [18, 19, 20];
  if (!centuries.some((c) => day <= daysInMonth(c * 100 + yy, month))) return null;
  return luhnValid(yymmdd + tail) ? kind : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Luhn (mod 10) over the digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The check digit that makes YYMMDDNNN a valid number (for tests and synthetic data). */
export function luhnCheckDigit(nineDigits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(nineDigits + c)) return c;
  throw new Error('unreachable');
}
