/**
 * sv-SE presentation of numbers: thin grouping with a no-break space, a real minus sign, decimal comma,
 * "23 %" with a no-break space. The same output as Intl sv-SE, without depending on the runtime's ICU data.
 */
import { oreToKronor, oreToTkr } from './rounding.ts';

export const NBSP = '\u00a0';
export const MINUS = '\u2212';

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
}

/** A number with a fixed number of decimals: 18964 → "18 964", −2029 → "−2 029", 46.27 (1) → "46,3". */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  const fixed = Math.abs(value).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const zero = /^0(\.0+)?$/.test(fixed);
  const sign = value < 0 && !zero ? MINUS : '';
  return sign + group(int!) + (frac ? `,${frac}` : '');
}

/** At most `maxDecimals` decimals, trailing zeros dropped: 2.5 → "2,5", 3 → "3", 1234.56 (1) → "1 234,6". */
export function formatNumberUpTo(value: number, maxDecimals: number): string {
  return formatNumber(value, maxDecimals).replace(/(,\d*?)0+$/, '$1').replace(/,$/, '');
}

/** öre shown in tkr, rounded half away from zero: 1 896 411 800 → "18 964". */
export function formatTkr(ore: number): string {
  return formatNumber(oreToTkr(ore));
}

/** The amount in tkr as printed, with its unit for running text: "18 964 tkr". */
export function tkrText(ore: number): string {
  return `${formatTkr(ore)}${NBSP}tkr`;
}

/** öre shown in whole kronor: "4 373 785". */
export function formatKronor(ore: number): string {
  return formatNumber(oreToKronor(ore));
}

/** A share (0.2307) as per cent: "23 %", with decimals "46,3 %". */
export function formatPercent(share: number, decimals = 0): string {
  return `${formatNumber(share * 100, decimals)}${NBSP}%`;
}

/** A whole per cent already rounded (e.g. from the largest-remainder method): 66 → "66 %". */
export function formatWholePercent(percent: number): string {
  return `${formatNumber(percent)}${NBSP}%`;
}

/**
 * Swedish local time (Europe/Stockholm) of an instant, "2025-03-14 13:05" (with seconds "13:05:09"): the one
 * helper for every time shown to users. Central European Time, summer time (UTC+2) from the last Sunday of
 * March 01:00 UTC to the last Sunday of October 01:00 UTC (the EU rule, in force since 1996); computed here
 * so that the output does not depend on the runtime's time-zone data. Accepts a Date or an ISO 8601 string.
 */
export function formatLocalDateTime(instant: Date | string, withSeconds = false): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return '–';
  const local = new Date(ms + stockholmOffsetMinutes(ms) * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${local.getUTCFullYear()}-${p(local.getUTCMonth() + 1)}-${p(local.getUTCDate())}`;
  const time = `${p(local.getUTCHours())}:${p(local.getUTCMinutes())}${withSeconds ? `:${p(local.getUTCSeconds())}` : ''}`;
  return `${date} ${time}`;
}

/** Minutes Stockholm is ahead of UTC at the instant (60 in winter, 120 in summer). */
export function stockholmOffsetMinutes(utcMs: number): number {
  const year = new Date(utcMs).getUTCFullYear();
  const lastSundayAt1Utc = (month: number) => {
    const lastDay = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
  };
  return utcMs >= lastSundayAt1Utc(2) && utcMs < lastSundayAt1Utc(9) ? 120 : 60;
}

/** A Swedish enumeration: "A", "A och B", "A, B och C". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

const monthNames = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'] as const;
const monthAbbreviations = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const;

/** A month's Swedish name, 1 → "januari" (a number outside 1–12 as itself). */
export function formatMonth(month: number): string {
  return monthNames[month - 1] ?? String(month);
}

/** A month's short name for table heads, 1 → "jan". */
export function formatMonthShort(month: number): string {
  return monthAbbreviations[month - 1] ?? String(month);
}

/** The months of the year so far: "januari" or "januari–mars". */
export function formatMonthsFromJanuary(throughMonth: number): string {
  return throughMonth === 1 ? 'januari' : `januari–${formatMonth(throughMonth)}`;
}
