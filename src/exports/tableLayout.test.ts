import { describe, expect, it } from 'vitest';
import { table } from '../core/documents/build.ts';
import { layoutColumns, type Measure } from './tableLayout.ts';

// A monospaced measure: each character is `size` × 0.5 wide (bold 10 % wider), so the expected widths can be counted.
const mono: Measure = (text, bold, size) => [...text].length * size * 0.5 * (bold ? 1.1 : 1);

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
