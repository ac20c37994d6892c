/**
 * Swedish organisation numbers (organisationsnummer), read in one place: the förbund's own number typed by the
 * system administrator, and #ORGNR in SIE files compared against it.
 */
import { fail, ok, rawText, type Parsed } from './parsed.ts';

/** The number's ten digits ("222000-0000", "2220000000", "16222000-0000" → "2220000000"), or null. Lenient: files. */
export function organisationDigits(text: string | null | undefined): string | null {
  const d = (text ?? '').trim().split(/\s+/)[0]!.replace(/\D/g, '');
  if (d.length === 12 && d.startsWith('16')) return d.slice(2);
  return d.length === 10 ? d : null;
}

/** The Luhn (mod 10) check over all ten digits, as Bolagsverket and Skatteverket use it. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return sum % 10 === 0;
}

/**
 * A legal person's organisation number as "NNNNNN-NNNN". Strict: ten digits (or twelve with the "16" prefix),
 * a valid check digit, and a third digit of 2 or more — which also keeps a personnummer (third digit 0–1, the
 * month) out of this field.
 */
export function parseOrganisationNumber(raw: unknown): Parsed<string> {
  const text = rawText(raw);
  const form = 'Organisationsnumret skrivs NNNNNN-NNNN, t.ex. 222000-1586.';
  if (text === null || !/^\s*(16)?\d{6}[-\u2010-\u2015\u2212 ]?\d{4}\s*$/.test(text)) return fail(form);
  const digits = organisationDigits(text);
  if (digits === null) return fail(form);
  if (Number(digits[2]) < 2) return fail('Det är inte ett organisationsnummer för en juridisk person (tredje siffran ska vara 2 eller högre).');
  if (!luhnValid(digits)) return fail('Organisationsnumrets kontrollsiffra stämmer inte. Kontrollera numret.');
  return ok(`${digits.slice(0, 6)}-${digits.slice(6)}`);
}
