/**
 * Numbers as Swedish users type them and as files and API bodies send them, read in one place: every route,
 * form, CLI command and importer uses these (one rule for a year, a month, an amount, a percentage).
 */
import { fail, ok, rawText, type Parsed } from './parsed.ts';

const spaces = /[ \u00a0\u202f\u2009\u2007]/g;
const minus = /^[-\u2212\u2013]/;

/** The largest amount anyone may enter: 10 000 000 000 kr (far above any förbund's money, far below 2^53 öre). */
export const maxKronor = 10_000_000_000;
export const maxOre = maxKronor * 100;

/**
 * Kronor → öre: "1 250 000", "1 250,50", "1250.5", "−5 000", "12 500 kr", or a JSON number with at most two
 * decimals. Never through floating point for text. Negative only with allowNegative.
 */
export function parseKronor(raw: unknown, opts: { allowNegative?: boolean } = {}): Parsed<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('Ange ett belopp i kronor, t.ex. 1 250 000 eller 1 250,50.');
    const ore = Math.round(raw * 100);
    if (Math.abs(ore - raw * 100) > 1e-6) return fail('Beloppet får ha högst två decimaler (hela ören).');
    return checkOre(ore === 0 ? 0 : ore, opts);
  }
  const text = rawText(raw);
  if (text === null) return fail('Ange ett belopp i kronor, t.ex. 1 250 000 eller 1 250,50.');
  const t = text.trim().replace(/\s*kr\.?$/i, '').replace(spaces, '');
  const m = /^([-\u2212\u2013])?(\d+)(?:[.,](\d{1,2}))?$/.exec(t);
  if (!m) {
    if (/^[-\u2212\u2013]?\d+[.,]\d{3,}$/.test(t)) return fail('Beloppet får ha högst två decimaler (hela ören).');
    return fail('Ange ett belopp i kronor, t.ex. 1 250 000 eller 1 250,50.');
  }
  if (m[2]!.length > 13) return fail('Beloppet är för stort (högst 10 000 000 000 kr).');
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return checkOre(m[1] && ore !== 0 ? -ore : ore, opts);
}

function checkOre(ore: number, opts: { allowNegative?: boolean }): Parsed<number> {
  if (!Number.isSafeInteger(ore) || Math.abs(ore) > maxOre) return fail('Beloppet är för stort (högst 10 000 000 000 kr).');
  if (ore < 0 && !opts.allowNegative) return fail('Beloppet får inte vara negativt.');
  return ok(ore);
}

/** A whole number, "12 345" or 12345, within [min, max]. */
export function parseInteger(raw: unknown, opts: { min?: number; max?: number } = {}): Parsed<number> {
  const min = opts.min ?? 0;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  const text = rawText(raw);
  const t = text === null ? '' : text.trim().replace(minus, '-');
  const v = Number(t.replace(spaces, ''));
  if (!/^-?(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)$/.test(t) || !Number.isSafeInteger(v) || v < min || v > max) return fail(rangeMessage(min, max));
  return ok(v);
}

function rangeMessage(min: number, max: number): string {
  if (max === Number.MAX_SAFE_INTEGER) return `Ange ett heltal från ${min}.`;
  return `Ange ett heltal mellan ${min} och ${max}.`;
}

/** A decimal number ("0,5", "1.25") within [min, max], as a float: only for non-money quantities such as FTE. */
export function parseDecimal(raw: unknown, opts: { min?: number; max?: number; decimals?: number } = {}): Parsed<number> {
  const min = opts.min ?? 0;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  const decimals = opts.decimals ?? 2;
  if (typeof raw === 'number') return Number.isFinite(raw) && raw >= min && raw <= max ? ok(raw) : fail(`Ange ett tal från ${min} till ${max}.`);
  const text = rawText(raw);
  const t = text === null ? '' : text.trim().replace(spaces, '');
  const m = new RegExp(`^(\\d{1,12})(?:[.,](\\d{1,${decimals}}))?$`).exec(t);
  if (!m) return fail(`Ange ett tal från ${min} till ${max}, med högst ${decimals} decimaler (t.ex. 0,5).`);
  const v = Number(`${m[1]}.${m[2] ?? '0'}`);
  if (v < min || v > max) return fail(`Ange ett tal från ${min} till ${max}.`);
  return ok(v);
}

/** A percentage "31,25", "31.25 %" → basis points (hundredths of a per cent), 0–100 %. */
export function parsePercent(raw: unknown): Parsed<number> {
  const text = typeof raw === 'number' ? String(raw) : rawText(raw);
  const t = (text ?? '').trim().replace(/\s*%$/, '');
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return fail('Ange en andel i procent, t.ex. 31,25.');
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 10000 ? fail('Andelen får vara högst 100 %.') : ok(bp);
}

/** The first and last year Samordna accepts anywhere (a four-digit year; unknown years are a 404 elsewhere). */
export const minYear = 1900;
export const maxYear = 2999;

/** A calendar year: four digits, 1900–2999. Whether the förbund has that year is the service's question (404). */
export function parseYear(raw: unknown): Parsed<number> {
  const text = rawText(raw);
  const t = (text ?? '').trim();
  if (!/^\d{4}$/.test(t) || Number(t) < minYear || Number(t) > maxYear) return fail('Ange ett år med fyra siffror, t.ex. 2025.');
  return ok(Number(t));
}

/** A month 1–12 ("3", "03"). */
export function parseMonth(raw: unknown): Parsed<number> {
  const text = rawText(raw);
  const t = (text ?? '').trim();
  if (!/^\d{1,2}$/.test(t) || Number(t) < 1 || Number(t) > 12) return fail('Ange en månad från 1 till 12.');
  return ok(Number(t));
}

/** A record id: a positive whole number that fits the database (bigint ids are safe integers here). */
export function parseId(raw: unknown): Parsed<number> {
  const text = rawText(raw);
  const t = (text ?? '').trim();
  if (!/^[1-9]\d{0,14}$/.test(t)) return fail('Ogiltigt id.');
  return ok(Number(t));
}
