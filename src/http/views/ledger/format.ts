/** sv-SE presentation for the ledger pages: whole kronor with thin grouping, "−" for negatives. */
const kr = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });

/** Öre → whole kronor, rounded half away from zero: "18 964 118". */
export function formatKronor(ore: number | null): string {
  if (ore === null) return '';
  const k = Math.sign(ore) * Math.round(Math.abs(ore) / 100);
  return kr.format(k);
}

export function formatPercent1(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

export function objectsText(objects: Readonly<Record<string, string>> | null): string {
  return objects ? Object.entries(objects).map(([d, c]) => `${d}:${c}`).join(', ') : '';
}
