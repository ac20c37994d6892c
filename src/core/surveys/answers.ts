import { parseText } from '../input/index.ts';
import type { InputProblem } from '../errors.ts';

/**
 * Reading one respondent's submitted form: for every statement the chosen step (its index in the scale), or
 * "vet inte" (the value "vet-inte"). A statement with neither is missing. The form's field names are the
 * statements' field names (q1 … for the set, lokal-q1 … for the förbund's own questions); the value is the
 * step's number 1 … (position in the scale) or "vet-inte".
 */

export const noAnswerValue = 'vet-inte';
export const freeTextField = 'fritext';
export const interventionField = 'insats';
export const freeTextMaxLength = 2000;

export interface FormStatement {
  readonly id: number;
  readonly field: string;
  readonly text: string;
  readonly scale: readonly string[];
}

export interface ParsedAnswers {
  /** statement id → step index (0-based) or null for "vet inte". Only statements that were answered. */
  readonly answers: ReadonlyMap<number, number | null>;
  readonly freeText: string | null;
  readonly problems: readonly InputProblem[];
}

export function parseAnswerForm(statements: readonly FormStatement[], form: Readonly<Record<string, string | undefined>>, opts: { freeTextAllowed: boolean }): ParsedAnswers {
  const answers = new Map<number, number | null>();
  const problems: InputProblem[] = [];
  for (const s of statements) {
    const raw = (form[s.field] ?? '').trim();
    if (raw === '') {
      problems.push({ field: s.field, message: `Svar saknas: välj ett svar på "${s.text}" (eller "Vet inte").` });
      continue;
    }
    if (raw === noAnswerValue) {
      answers.set(s.id, null);
      continue;
    }
    const step = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(step) || step < 1 || step > s.scale.length) {
      problems.push({ field: s.field, message: `Ogiltigt svar på "${s.text}": välj ett av alternativen.` });
      continue;
    }
    answers.set(s.id, step - 1);
  }
  let freeText: string | null = null;
  const raw = form[freeTextField] ?? '';
  if (raw.trim()) {
    // The boundary parser: length limit, control characters, personnummer/samordningsnummer refused.
    const parsed = parseText(raw, { maxLength: freeTextMaxLength, multiline: true });
    if (!opts.freeTextAllowed) problems.push({ field: freeTextField, message: 'Den här enkäten har ingen fritextfråga.' });
    else if (!parsed.ok) problems.push({ field: freeTextField, message: parsed.message });
    else freeText = parsed.value;
  }
  return { answers, freeText, problems };
}
