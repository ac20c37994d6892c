/**
 * What people type into forms, read through the boundary (src/core/input): the same rules as files, the API
 * and the CLI. What a form adds: an empty field is "not given" (null), and the caller decides whether it is
 * required.
 */
import { isBlank, parseInteger, parseKronor, parsePercent } from '../../core/input/index.ts';

export type AmountInputResult = { readonly ok: true; readonly ore: number | null } | { readonly ok: false; readonly message: string };

export const amountInputHint = 'Ange ett belopp i kronor, t.ex. 1 250 000 eller 1 250,50.';

/** Empty input gives ore: null (the caller decides whether the field is required). */
export function parseAmountInput(text: string, opts: { allowNegative?: boolean } = {}): AmountInputResult {
  if (isBlank(text)) return { ok: true, ore: null };
  const r = parseKronor(text, opts);
  return r.ok ? { ok: true, ore: r.value } : { ok: false, message: r.message };
}

/** A whole number typed into a form (population, sort order): "12 345" → 12345; empty → null. */
export function parseIntegerInput(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  if (isBlank(text)) return { ok: true, value: null };
  const r = parseInteger(text);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

/** A percentage typed into a form, "31,25" or "31.25" (with or without " %"), to hundredths of a per cent. */
export function parsePercentInput(text: string): { ok: true; basisPoints: number | null } | { ok: false; message: string } {
  if (isBlank(text)) return { ok: true, basisPoints: null };
  const r = parsePercent(text);
  return r.ok ? { ok: true, basisPoints: r.value } : { ok: false, message: r.message };
}
