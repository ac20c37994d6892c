/** sv-SE presentation for the intervention and statistics pages (numbers "18 964", "23 %", kronor from öre), through core/format.ts. */
import { formatKronor, formatNumberUpTo, NBSP } from '../../core/format.ts';

export const fmtNumber = (n: number) => formatNumberUpTo(n, 1);
export const fmtCount = (n: number | null) => (n === null ? '–' : fmtNumber(n));
/** A percentage already in per cent (66.7 → "66,7 %"). */
export const fmtPercent = (n: number | null) => (n === null ? '–' : `${fmtNumber(n)}${NBSP}%`);
export const fmtKronor = (ore: number) => formatKronor(ore);
