import { InputError, type InputLocation } from '../errors.ts';

/** The result of reading one value someone typed or sent: the value, or a Swedish message saying what is wrong. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** The value, or an InputError (HTTP 400, CLI exit 1) naming where the bad value came from. */
export function valueOrThrow<T>(parsed: Parsed<T>, where: InputLocation): T {
  if (!parsed.ok) throw new InputError({ ...where, message: parsed.message });
  return parsed.value;
}

/** Input that may be absent: undefined, null and blank text are "not given". */
export function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** What was sent, as text (numbers as written by JSON, anything else refused by the parsers). */
export function rawText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}
