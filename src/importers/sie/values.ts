/**
 * Field values of SIE files: amounts to integer öre by exact decimal-string parsing (never through floating
 * point), dates YYYYMMDD to ISO dates. Each returns null when the text is not a valid value.
 */
/** "1234.50" → 123450, "-0.5" → -50, "12" → 1200. At most two decimals (point, or a comma as some programs write). */
export function parseAmountOre(text: string): number | null {
  const n = text.length;
  let i = 0;
  let negative = false;
  if (n > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  const intStart = i;
  let kronor = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    kronor = kronor * 10 + (c - 48);
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 15) return null;
  let ore = 0;
  if (i < n) {
    const sep = text.charCodeAt(i);
    if (sep !== 46 && sep !== 44) return null;
    const decimals = n - i - 1;
    if (decimals < 1 || decimals > 2) return null;
    const d1 = text.charCodeAt(i + 1) - 48;
    const d2 = decimals === 2 ? text.charCodeAt(i + 2) - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return null;
    ore = d1 * 10 + d2;
  }
  const total = kronor * 100 + ore;
  if (!Number.isSafeInteger(total)) return null;
  return negative && total !== 0 ? -total : total;
}

const dateCache = new Map<string, string | null>();

/** "20250131" → "2025-01-31"; null unless a real calendar date. (Cached: a year has few dates.) */
export function parseSieDate(text: string): string | null {
  const hit = dateCache.get(text);
  if (hit !== undefined) return hit;
  const result = computeDate(text);
  if (dateCache.size > 5000) dateCache.clear();
  dateCache.set(text, result);
  return result;
}

function computeDate(text: string): string | null {
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
