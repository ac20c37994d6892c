/**
 * Field values of SIE files: amounts to integer öre by exact decimal-string parsing (never through floating
 * point), dates YYYYMMDD to ISO dates. Each returns null when the text is not a valid value.
 */
const AMOUNT = /^(-?)(\d{1,15})(?:[.,](\d{1,2}))?$/;

/** "1234.50" → 123450, "-0.5" → -50, "12" → 1200. At most two decimals, as the specification allows. */
export function parseAmountOre(text: string): number | null {
  const m = AMOUNT.exec(text);
  if (!m) return null;
  const decimals = m[3] ?? '';
  const ore = Number(m[2]) * 100 + (decimals ? Number(decimals.padEnd(2, '0')) : 0);
  if (!Number.isSafeInteger(ore)) return null;
  return m[1] ? (ore === 0 ? 0 : -ore) : ore;
}

/** "20250131" → "2025-01-31"; null unless a real calendar date. */
export function parseSieDate(text: string): string | null {
  if (text.length !== 8) return null;
  for (let i = 0; i < 8; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(4, 6));
  const d = Number(text.slice(6, 8));
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m) || y < 1900) return null;
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Öre → the SIE amount text: 123450 → "1234.50", -5 → "-0.05". */
export function formatAmountOre(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kr = Math.floor(abs / 100);
  const o = abs % 100;
  return `${sign}${kr}.${o < 10 ? '0' : ''}${o}`;
}

/** "2025-01-31" → "20250131". */
export function formatSieDate(iso: string): string {
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}
