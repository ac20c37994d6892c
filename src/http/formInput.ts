/**
 * What people type into the economy forms, read the Swedish way. Amounts go through the outcome importer's
 * kronor parser (src/importers/outcome/parseOutcome.ts: "1 250 000", "1 250,50", "−5 000", "12 500 kr") so a
 * form and a file accept the same amounts; this adds what a form needs: an empty field is "not given" (null),
 * and negative amounts only where they make sense.
 */
import { parseKronor } from '../importers/outcome/parseOutcome.ts';

export type AmountInputResult = { readonly ok: true; readonly ore: number | null } | { readonly ok: false; readonly message: string };

export const amountInputHint = 'Ange ett belopp i kronor, t.ex. 1 250 000 eller 1 250,50.';

/** Empty input gives ore: null (the caller decides whether the field is required). */
export function parseAmountInput(text: string, opts: { allowNegative?: boolean } = {}): AmountInputResult {
  if (text.trim() === '') return { ok: true, ore: null };
  const r = parseKronor(text);
  if ('error' in r) return { ok: false, message: r.error === 'Beloppet är för stort.' ? r.error : amountInputHint };
  if (r.ore < 0 && !opts.allowNegative) return { ok: false, message: 'Beloppet får inte vara negativt.' };
  return { ok: true, ore: r.ore };
}

/** A whole number typed into a form (population, sort order): "12 345" → 12345; empty → null. */
export function parseIntegerInput(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (!/^(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)$/.test(t)) return { ok: false, message: 'Ange ett heltal, t.ex. 12 345.' };
  const v = Number(t.replace(/[ \u00a0\u202f]/g, ''));
  return Number.isSafeInteger(v) ? { ok: true, value: v } : { ok: false, message: 'Talet är för stort.' };
}

/** A percentage typed into a form, "31,25" or "31.25" (with or without " %"), to hundredths of a per cent. */
export function parsePercentInput(text: string): { ok: true; basisPoints: number | null } | { ok: false; message: string } {
  const t = text.trim().replace(/\s*%$/, '');
  if (t === '') return { ok: true, basisPoints: null };
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(t);
  if (!m) return { ok: false, message: 'Ange en andel i procent, t.ex. 31,25.' };
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 10000 ? { ok: false, message: 'Andelen får vara högst 100 %.' } : { ok: true, basisPoints: bp };
}
