/** Cells as importers see them: a raw value from CSV or XLSX, and its text. */

/** A raw cell: text from CSV, or what exceljs gives (number, string, date, rich text, formula result). */
export type RawCell = string | number | boolean | Date | null | undefined | { result?: unknown; richText?: { text: string }[]; text?: string; error?: string };

/** A row of raw cells with its 1-based line number in the file. */
export interface RawRow {
  readonly line: number;
  readonly cells: readonly RawCell[];
}

/** The text of a cell: dates as ISO dates, rich text joined, formulas by their result. */
export function cellText(c: RawCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number' || typeof c === 'boolean') return String(c);
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10);
  if (Array.isArray(c.richText)) return c.richText.map((r) => r.text).join('');
  if (c.result !== undefined) return cellText(c.result as RawCell);
  if (typeof c.text === 'string') return c.text;
  if (typeof c.error === 'string') return c.error;
  return '';
}
