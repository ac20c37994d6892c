import { describe, expect, it } from 'vitest';
import { table } from '../core/documents/build.ts';
import { layoutColumns, type Measure } from './tableLayout.ts';

// A monospaced measure: each character is `size` × 0.5 wide (bold 10 % wider), trailing spaces not counted, so the
// expected widths can be counted.
const mono: Measure = (text, bold, size) => [...text.trimEnd()].length * size * 0.5 * (bold ? 1.1 : 1);

describe('table column layout', () => {
  it('shares the width by the hints when everything fits', () => {
    const t = table({ columns: [{ header: 'A', width: 3 }, { header: 'B' }], rows: [['x', 'y']] });
    const l = layoutColumns(t, 400, mono, { sizes: [10, 8], pad: 4 });
    expect(l).toEqual({ widths: [300, 100], size: 10, fits: true });
  });

  it('widens a column to its widest number (no-break spaces keep it one piece) and takes the room from the others', () => {
    // "−12 399" with a no-break space: 7 characters × 5 = 35, + 2 × 4 padding = 43.
    const t = table({ columns: [{ header: 'Post', width: 9 }, { header: 'Tkr', width: 1 }], rows: [['Samordningsteam Hallstahammar', '\u221212\u00a0399']] });
    const l = layoutColumns(t, 200, mono, { sizes: [10], pad: 4 });
    expect(l.widths[1]).toBeCloseTo(43);
    expect(l.widths[0]).toBeCloseTo(157);
    expect(l.fits).toBe(true);
  });

  it('steps the text size down until the widest pieces fit, header words included', () => {
    // At 10: "Kostnad" bold = 7 × 5.5 = 38.5 + 8 per column, × 4 = 186 > 150; at 7: 7 × 3.85 = 26.95 + 8 → 139.8 ≤ 150.
    const t = table({ columns: ['Kostnad', 'Kostnad', 'Kostnad', 'Kostnad'].map((header) => ({ header })), rows: [['1', '2', '3', '4']] });
    const l = layoutColumns(t, 150, mono, { sizes: [10, 9, 8, 7], pad: 4 });
    expect(l.size).toBe(7);
    expect(l.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(150);
    for (const w of l.widths) expect(w).toBeGreaterThanOrEqual(34.95 - 1e-9);
  });

  it('says so when nothing fits, and still fills the width', () => {
    const t = table({ columns: [{ header: 'Jättelångtordutanmellanrum' }, { header: 'B' }], rows: [['x', 'y']] });
    const l = layoutColumns(t, 40, mono, { sizes: [10, 8], pad: 2 });
    expect(l.fits).toBe(false);
    expect(l.widths.reduce((a, b) => a + b, 0)).toBeCloseTo(40);
  });
});

describe('table column layout when the header words cannot fit', () => {
  it('keeps the body whole at the smallest size and shares the width by what the header words need', () => {
    const t = table({ columns: [{ header: 'Etableringsersättning', width: 5 }, { header: 'Stöd' }], rows: [['12', '345']] });
    // At 7 the header needs 21 × 3.85 + 4 = 84.85 and 4 × 3.85 + 4 = 19.4 (> 60 together); the body 11 and 14.5.
    // By need: 60 × 19.4 / 104.25 = 11.2 for the second, under its body's 14.5, so it gets 14.5 and the first 45.5.
    const l = layoutColumns(t, 60, mono, { sizes: [8, 7], pad: 2 });
    expect(l).toMatchObject({ size: 7, fits: false });
    expect(l.widths[0]).toBeCloseTo(45.5);
    expect(l.widths[1]).toBeCloseTo(14.5);
    const wide = layoutColumns(t, 100, mono, { sizes: [8, 7], pad: 2 });
    expect(wide.widths[0]).toBeCloseTo((84.85 / 104.25) * 100);
  });

  it('splits compound words after a hyphen or slash, but never a number', () => {
    // "Aktivitets-/sjukersättning" breaks after "-/": the widest piece is "sjukersättning" (14 × 5.5 = 77 + 4).
    const t = table({ columns: [{ header: 'Aktivitets-/sjukersättning' }, { header: 'B' }], rows: [['x', '10-20']] });
    const l = layoutColumns(t, 200, mono, { sizes: [10], pad: 2 });
    expect(l.fits).toBe(true);
    expect(l.widths[0]).toBeCloseTo(100);
    const narrow = layoutColumns(t, 120, mono, { sizes: [10], pad: 2 });
    expect(narrow.widths[0]).toBeGreaterThanOrEqual(81 - 1e-9);
    expect(narrow.widths[1]).toBeGreaterThanOrEqual(29 - 1e-9);
  });
});
