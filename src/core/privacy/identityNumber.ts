/**
 * Detects Swedish personnummer and samordningsnummer anywhere inside a text, so that nothing that identifies
 * a participant is ever stored.
 *
 * What counts as a match (the rules, decided and documented here):
 * - The text is read after normalisation (src/core/privacy/normalise.ts: any script's digits, full-width
 *   digits, invisible characters, "O" for 0 and "l" for 1 inside digit runs).
 * - Digit groups are joined into one run by any run of separators between them: spaces and line breaks,
 *   dashes, dots, colons, commas, slashes, asterisks, underscores, plus signs, "x", and every other character
 *   that is neither a letter nor a digit. A letter (other than "x") ends the run.
 * - Inside a run, every sequence of whole groups with 10 digits (`YYMMDDNNNC`) or 12 digits (`CCYYMMDDNNNC`) is
 *   a candidate, however the digits are grouped: 6+4, 8+4, "9001 0112 39", "81 12 28 98 74".
 * - A candidate never takes part of a written date: a date (2025-03-14, 2025.03.14, 14/3/2025, 14.03.2025) is
 *   in a candidate whole or not at all, so "2021-05-01 - 2021-05-31" is two dates, not a number.
 * - Month 01–12; day valid for that month (29 February only in a leap year; for 10 digits without century
 *   a year that is a leap year in 1900-, 2000- or 1800-talet is accepted). Samordningsnummer have day + 60
 *   (61–91).
 * - Century, when given, is 18, 19 or 20.
 * - The last digit is the Luhn check digit over the ten digits YYMMDDNNN.
 *
 * Near misses that are NOT refused: a bad check digit, an impossible date, 11 digits in a row, and
 * organisationsnummer of legal persons (e.g. 222000-1354: their "month" is 20 or more). An enskild firma's
 * organisationsnummer IS the owner's personnummer and is refused, correctly. Ten digits that form a valid date
 * and check digit are refused however they are grouped, also when they were meant as a phone number (about one
 * mobile number in forty): a false alarm costs a retyped field ("+46 70 …" always passes), a miss a data leak.
 * Contact fields for phone numbers read phone numbers as phone numbers (`readsAsPhoneNumber`).
 */

import { normaliseForIdentityCheck } from './normalise.ts';

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

export interface IdentityNumberMatch {
  readonly kind: IdentityNumberKind;
  /** Position of the match in the text (never the matched digits themselves: they must not spread to logs). */
  readonly index: number;
  readonly length: number;
}

const separatorRun = /^(?:[^\p{L}\p{N}]|[xX])+$/u;
const anyNumber = /\p{N}/u;

interface Group {
  readonly digits: string;
  readonly index: number;
}

/**
 * Matches in the text after normalisation; index and length are positions in the normalised text, which
 * equals the input for plain ASCII.
 */
export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  if (!anyNumber.test(text)) return [];
  const normalised = normaliseForIdentityCheck(text);
  const found: IdentityNumberMatch[] = [];
  for (const run of digitRuns(normalised)) {
    const dates = writtenDates(run, normalised);
    const splitsDate = (start: number, end: number) => dates.some((d) => d.first <= end && d.last >= start && (d.first < start || d.last > end));
    let taken = -1;
    for (let start = 0; start < run.length; start++) {
      if (start <= taken) continue;
      let digits = '';
      for (let end = start; end < run.length; end++) {
        digits += run[end]!.digits;
        if (digits.length > 12) break;
        if (digits.length !== 10 && digits.length !== 12) continue;
        if (splitsDate(start, end)) continue;
        const kind = digits.length === 12 ? classify(digits.slice(0, 2), digits.slice(2, 8), digits.slice(8)) : classify(undefined, digits.slice(0, 6), digits.slice(6));
        if (kind) {
          const last = run[end]!;
          found.push({ kind, index: run[start]!.index, length: last.index + last.digits.length - run[start]!.index });
          taken = end;
          break;
        }
      }
    }
  }
  return found;
}

/** The text's digit groups, split into runs wherever something other than separators lies between two groups. */
function digitRuns(text: string): Group[][] {
  const runs: Group[][] = [];
  let run: Group[] = [];
  for (const m of text.matchAll(/[0-9]+/g)) {
    const prev = run[run.length - 1];
    if (prev && !separatorRun.test(text.slice(prev.index + prev.digits.length, m.index))) {
      runs.push(run);
      run = [];
    }
    run.push({ digits: m[0], index: m.index });
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Groups i..i+2 that are written as a date: 2025-03-14 (also with . or /), or 14.3.2025 / 14/03/2025. */
function writtenDates(run: readonly Group[], text: string): { first: number; last: number }[] {
  const dates: { first: number; last: number }[] = [];
  const gap = (i: number) => text.slice(run[i]!.index + run[i]!.digits.length, run[i + 1]!.index);
  const year = (s: string) => s.length === 4 && Number(s) >= 1800 && Number(s) <= 2099;
  const month = (s: string) => s.length <= 2 && Number(s) >= 1 && Number(s) <= 12;
  const day = (s: string) => s.length <= 2 && Number(s) >= 1 && Number(s) <= 31;
  for (let i = 0; i + 2 < run.length; i++) {
    const [a, b, c] = [run[i]!.digits, run[i + 1]!.digits, run[i + 2]!.digits];
    const g1 = gap(i);
    const g2 = gap(i + 1);
    if (!/^[-./]$/.test(g1) || g1 !== g2) continue;
    const ymd = year(a) && b.length === 2 && c.length === 2 && month(b) && day(c);
    const dmy = year(c) && month(b) && day(a);
    if (ymd || dmy) dates.push({ first: i, last: i + 2 });
  }
  return dates;
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
