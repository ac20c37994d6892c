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

/** ISO date (YYYY-MM-DD) of a Date, in UTC. */
export function formatIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
