/**
 * Column widths for a table of the document model, shared by the DOCX and PDF renderers: the width hints share the
 * text width, but no column is narrower than its widest unbreakable piece (a number such as "−12 399" — its spaces
 * are no-break spaces — or the longest word, header cells included), so that numbers and words are never broken
 * inside. When the columns cannot all fit, the table's text size steps down until they do; when even the smallest
 * size cannot hold the header's longest words, the body's pieces alone decide (numbers stay whole).
 */
import type { Table } from '../core/documents/model.ts';
import { runsText } from '../core/documents/walk.ts';

/** Width of `text` in points at `size`, bold or not. */
export type Measure = (text: string, bold: boolean, size: number) => number;

export interface ColumnLayout {
  /** Width of each column, in the unit of `total`; they add up to `total`. */
  readonly widths: number[];
  /** Text size (points) to set the table in. */
  readonly size: number;
  /** False when even the smallest size could not keep every piece whole (then header words may break). */
  readonly fits: boolean;
}

/**
 * Pieces a line may not be broken inside: split at ordinary white space (not at no-break spaces) and after a hyphen,
 * dash or slash before a letter ("Aktivitets-/sjukersättning"), where the line breaker may break too.
 */
function pieces(text: string): string[] {
  return text.split(/(?<=[-/\u2013])(?=\p{L})|[ \t\n\r]+/u).filter((p) => p !== '');
}

/** A column heading may take at most this many lines (a longer one would stand a word per line). */
const HEADER_LINES = 3;

function minimumWidths(t: Table, measure: Measure, size: number, pad: number, opts: { withHeader?: boolean; unstacked?: boolean; marker?: number } = {}): number[] {
  const { withHeader = true, unstacked = false, marker = 0 } = opts;
  const min = t.columns.map(() => 2 * pad);
  const rows = [...(withHeader ? t.header : []).map((r) => ({ r, bold: true, header: true })), ...t.body.map((r) => ({ r, bold: r.emphasis !== undefined, header: false }))];
  for (const { r, bold, header } of rows) {
    let col = 0;
    for (const c of r.cells) {
      const span = c.colSpan ?? 1;
      if (span === 1) {
        const extra = 2 * pad + (c.marker !== undefined ? marker * size : 0);
        // Measured with the space after it: pdfkit's line breaker counts a word's trailing space when it decides
        // that the word is too long for the line and must be broken inside.
        for (const p of pieces(runsText(c.runs))) min[col] = Math.max(min[col]!, measure(`${p} `, bold, size) + extra);
        if (header && unstacked) min[col] = Math.max(min[col]!, measure(`${runsText(c.runs)} `, bold, size) / HEADER_LINES + extra);
      }
      col += span;
    }
  }
  return min;
}

/** Shares `total` by the hints, giving each column at least its minimum. */
function share(hints: readonly number[], min: readonly number[], total: number): number[] {
  const fixed = new Set<number>();
  for (;;) {
    const free = total - [...fixed].reduce((a, i) => a + min[i]!, 0);
    const hintSum = hints.reduce((a, h, i) => (fixed.has(i) ? a : a + h), 0);
    const widths = hints.map((h, i) => (fixed.has(i) ? min[i]! : (h / hintSum) * free));
    const short = widths.map((w, i) => (!fixed.has(i) && w < min[i]! - 1e-9 ? i : -1)).filter((i) => i >= 0);
    if (short.length === 0) return widths;
    for (const i of short) fixed.add(i);
  }
}

export function layoutColumns(t: Table, total: number, measure: Measure, opts: { sizes: readonly number[]; pad: number; markerWidth?: number }): ColumnLayout {
  const hints = t.columns.map((c) => (c.width !== undefined && c.width > 0 ? c.width : 1));
  const marker = opts.markerWidth ?? 0;
  // Every heading in at most three lines; failing that, at least every word whole.
  for (const unstacked of [true, false]) {
    for (const size of opts.sizes) {
      const min = minimumWidths(t, measure, size, opts.pad, { unstacked, marker });
      if (min.reduce((a, b) => a + b, 0) <= total) return { widths: share(hints, min, total), size, fits: true };
    }
  }
  // The header's long words cannot all fit even at the smallest size: keep the body whole (numbers are never broken)
  // and share the width by what each column's words need, so that header words break as little as possible.
  {
    const size = opts.sizes[opts.sizes.length - 1]!;
    const body = minimumWidths(t, measure, size, opts.pad, { withHeader: false, marker });
    if (body.reduce((a, b) => a + b, 0) <= total) return { widths: share(minimumWidths(t, measure, size, opts.pad, { marker }), body, total), size, fits: false };
  }
  // Nothing fits: the smallest size, each column its minimum scaled down to the width.
  const size = opts.sizes[opts.sizes.length - 1]!;
  const min = minimumWidths(t, measure, size, opts.pad, { marker });
  const sum = min.reduce((a, b) => a + b, 0);
  return { widths: min.map((m) => (m / sum) * total), size, fits: false };
}
