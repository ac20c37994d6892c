import { wholePercentages } from '../rounding.ts';
import { noAnswerLabel } from './sets.ts';

/**
 * Results of one statement: n (answers on the scale; "vet inte" is not counted), the share per step in whole
 * per cents by the largest remainder (adds up to exactly 100, as the annual report prints), hidden below the
 * minimum cell size ("för få svar").
 */
export interface StatementResult {
  /** Null for a group the round's publication hides (src/core/surveys/publication.ts). */
  readonly n: number | null;
  /** Whole per cents per step in scale order; null when hidden or n = 0. */
  readonly percents: readonly number[] | null;
  /** Answers per step in scale order; null when hidden. */
  readonly counts: readonly number[] | null;
  readonly hidden: boolean;
  /** Answers "vet inte / vill inte svara"; null when hidden. */
  readonly noAnswer: number | null;
}

export const tooFewAnswers = 'för få svar';

/** counts: answers per step in scale order. */
export function statementResult(counts: readonly number[], noAnswer: number, minCellSize: number): StatementResult {
  counts.forEach((c) => {
    if (!Number.isSafeInteger(c) || c < 0) throw new RangeError(`Antal svar måste vara ett heltal ≥ 0: ${c}`);
  });
  const n = counts.reduce((a, c) => a + c, 0);
  if (n < minCellSize) return { n, percents: null, counts: null, hidden: true, noAnswer: null };
  return { n, percents: n === 0 ? null : wholePercentages(counts), counts: [...counts], hidden: false, noAnswer };
}

/**
 * Change since last year's round of the same set, in percentage points per step (this year − last year).
 * Null when either year is hidden or empty.
 */
export function changeInPoints(current: StatementResult, previous: StatementResult | null): number[] | null {
  if (!previous || !current.percents || !previous.percents || current.percents.length !== previous.percents.length) return null;
  return current.percents.map((p, i) => p - previous.percents![i]!);
}

/**
 * The board's "samlad bedömning" of an area: the median step of the members' answers (the lower middle one
 * for an even count), as a label; null when there is no answer.
 */
export function medianStep(counts: readonly number[]): number | null {
  const n = counts.reduce((a, c) => a + c, 0);
  if (n === 0) return null;
  const target = Math.floor((n - 1) / 2); // 0-based index of the lower median
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i]!;
    if (seen > target) return i;
  }
  return counts.length - 1;
}

/** Shares as { step label: percent } in scale order (the CLI/JSON contract); {} when hidden. */
export function sharesByLabel(scale: readonly string[], r: StatementResult): Record<string, number> {
  const out: Record<string, number> = {};
  if (!r.percents) return out;
  scale.forEach((label, i) => {
    out[label] = r.percents![i]!;
  });
  return out;
}

export { noAnswerLabel };
