/** sv-SE presentation for the ledger pages, through core/format.ts: whole kronor "18 964 118", "46,3 %". */
import { formatKronor as kronor, formatPercent } from '../../core/format.ts';

/** Öre → whole kronor, rounded half away from zero: "18 964 118"; nothing for no figure. */
export function formatKronor(ore: number | null): string {
  return ore === null ? '' : kronor(ore);
}

export function formatPercent1(share: number | null): string {
  return share === null ? '–' : formatPercent(share, 1);
}

export function objectsText(objects: Readonly<Record<string, string>> | null): string {
  return objects ? Object.entries(objects).map(([d, c]) => `${d}:${c}`).join(', ') : '';
}
