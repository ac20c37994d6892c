/**
 * Text that enters the system: every form field, API body, CLI argument, file name and importer cell goes
 * through parseText, which refuses identity numbers (after normalising, see src/core/privacy/normalise.ts),
 * control characters and text longer than its field allows.
 */
import { formatNumber } from '../format.ts';
import { containsIdentityNumber } from '../privacy/identityNumber.ts';
import { identityRefusalMessage } from '../privacy/identityGuard.ts';
import { fail, ok, rawText, type Parsed } from './parsed.ts';


/** Length limits by kind of field, in characters. */
export const textLimits = {
  /** names of people, members, lines, interventions; e-mail addresses; labels */
  name: 200,
  /** a sentence: notes, references, target group */
  short: 1000,
  /** a description or a narrative chapter */
  long: 50_000,
  /** file names */
  fileName: 255,
} as const;

export type TextKind = keyof typeof textLimits;

// C0 and C1 controls except tab, line feed and carriage return (which only multi-line text may hold).
const controlsSingleLine = /[\u0000-\u001f\u007f-\u009f]/;
const controlsMultiLine = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export interface TextOptions {
  readonly kind?: TextKind;
  readonly maxLength?: number;
  readonly multiline?: boolean;
}

/** The text trimmed and in Unicode NFC, or why it is refused. Empty text is returned as ''. */
export function parseText(raw: unknown, opts: TextOptions = {}): Parsed<string> {
  const text = rawText(raw);
  if (text === null) return fail('Ange en text.');
  const max = opts.maxLength ?? textLimits[opts.kind ?? 'short'];
  const t = text.normalize('NFC').trim();
  if ((opts.multiline ? controlsMultiLine : controlsSingleLine).test(t)) return fail('Texten innehåller otillåtna styrtecken.');
  if (t.length > max) return fail(`Texten får vara högst ${formatNumber(max)} tecken (den är ${formatNumber(t.length)}).`);
  if (containsIdentityNumber(t)) return fail(identityRefusalMessage);
  return ok(t);
}

/** Only the identity check, for text whose length and characters another rule decides (e.g. SIE fields). */
export function checkIdentity(text: string): Parsed<string> {
  return containsIdentityNumber(text) ? fail(identityRefusalMessage) : ok(text);
}

/** The problem of one text field, for validators that collect every problem before refusing: [] when fine. */
export function textProblems(field: string, raw: unknown, opts: TextOptions = {}): { field: string; message: string }[] {
  if (raw === undefined || raw === null) return [];
  const r = parseText(raw, opts);
  return r.ok ? [] : [{ field, message: r.message }];
}
