/**
 * What the views need for presenting money, on top of the core's sv-SE formatting (src/core/format.ts) and
 * rounding (src/core/rounding.ts) — nothing is formatted or rounded here that the core does not decide.
 */
import { formatKronor, formatPercent } from '../../core/format.ts';
import { oreToTkr } from '../../core/rounding.ts';

export { formatKronor, formatNumber, formatPercent, formatTkr, formatWholePercent, tkrText } from '../../core/format.ts';

/** ' negative' when the amount prints as a negative number in tkr (so "−0" never gets the class), else ''. */
export function amountClass(ore: number): string {
  return oreToTkr(ore) < 0 ? ' negative' : '';
}

/** The amount in whole kronor with its unit for running text: "4 373 785 kr". */
export function kronorText(ore: number): string {
  return `${formatKronor(ore)}\u00a0kr`;
}

/** A share as per cent with decimals only where it has them: 0.5 → "50 %", 0.3125 → "31,25 %". */
export function formatShare(share: number): string {
  return formatPercent(share, Number.isInteger(Math.round(share * 1e6) / 1e4) ? 0 : 2);
}
