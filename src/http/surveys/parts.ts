/** Presentation shared by the survey pages: group names, shares and changes. */
import { formatNumber } from '../../core/format.ts';
import { respondentGroupLabels, type RespondentGroup } from '../../core/surveys/sets.ts';

export const groupLabel = (g: RespondentGroup) => respondentGroupLabels[g];

/** A share in whole per cent: "23 %". */
export function pct(p: number): string {
  return `${formatNumber(p)}\u00a0%`;
}

/** A change in percentage points: "+3", "−2", "±0". */
export function points(p: number): string {
  return p > 0 ? `+${p}` : p < 0 ? `\u2212${-p}` : '±0';
}

/** Where the survey pages of a förbund live. */
export const surveysBase = (f: { id: number }) => `/f/${f.id}/enkater`;
