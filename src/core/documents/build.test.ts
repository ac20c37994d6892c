import { describe, expect, it } from 'vitest';
import { bold, bullets, cellDash, cellNumber, cellPercent, cellTkr, doc, documentText, flatten, heading, link, noteRef, numbered, para, section, signatures, table, toc, total } from './index.ts';

describe('document model builders', () => {
  it('numbers sections by depth and prints "1 Förvaltningsberättelse"', () => {
    const d = doc({ title: 'Årsredovisning 2025' }, [
      heading(1, 'Ordförande har ordet'),
      section('Förvaltningsberättelse', [section('Organisation', [section('Styrelsen', [section('Djupt', [])])])], { number: '1', id: 'fb' }),
    ]);
    const hs = flatten(d.blocks).filter((b) => b.kind === 'heading');
    expect(hs.map((h) => [h.level, h.text])).toEqual([
      [1, 'Ordförande har ordet'],
      [1, '1 Förvaltningsberättelse'],
      [2, 'Organisation'],
      [3, 'Styrelsen'],
      [3, 'Djupt'],
    ]);
    expect(d.language).toBe('sv-SE');
  });

  it('presents numbers the sv-SE way with a real minus sign, right-aligned', () => {
    // 1 896 411 800 öre = 18 964 118 kr → 18 964 tkr; −202 950 000 öre → −2 029,5 tkr → "−2 030" (half away from zero)
    expect(cellTkr(1_896_411_800).runs).toEqual([{ kind: 'text', text: '18\u00a0964' }]);
    expect(cellTkr(-202_950_000).runs[0]).toMatchObject({ text: '\u22122\u00a0030' });
    expect(cellNumber(-1234.5, 1).runs[0]).toMatchObject({ text: '\u22121\u00a0234,5' });
    expect(cellPercent(0.463, 1).runs[0]).toMatchObject({ text: '46,3\u00a0%' });
    expect(cellTkr(5).align).toBe('right');
  });

  it('right-aligns a column of numbers and keeps a text column left', () => {
    const t = table({ columns: [{ header: 'Post' }, { header: 'Not', width: 0.5 }, { header: '2025' }], rows: [['Intäkter', noteRef(2, { text: '2' }), cellTkr(100_000)], total(['Summa', null, cellDash()])] });
    expect(t.columns.map((c) => c.align)).toEqual(['left', 'left', 'right']);
    expect(t.header).toHaveLength(1);
    expect(t.body[1]!.emphasis).toBe('total');
    // The first column is text: its cells label the rows (row headers).
    expect(t.rowHeaders).toBe(true);
    expect(table({ columns: [{ header: 'Belopp' }], rows: [[cellTkr(1)]] }).rowHeaders).toBeUndefined();
  });

  it('refuses a row with the wrong number of cells and a bad anchor id', () => {
    expect(() => table({ caption: 'T', columns: [{ header: 'a' }, { header: 'b' }], rows: [['x']] })).toThrow(/rad 2 har 1 kolumner/);
    expect(() => section('X', [], { id: '1 bad' })).toThrow(/Ogiltigt ankar-id/);
  });

  it('lists the document text in reading order', () => {
    const d = doc({ title: 'T' }, [
      toc(),
      section('Kapitel', [para('Hej ', bold('du'), ' ', link('länk', 'https://example.se')), bullets(['a', ['b', noteRef(3)]]), numbered(['c'])], { number: '1' }),
      table({ caption: 'Tabell', unit: 'tkr', columns: [{ header: 'A' }, { header: 'B' }], rows: [['x', 1]] }),
      signatures([{ name: 'Anna', role: 'Ordförande' }], 'Västerås'),
    ]);
    expect(documentText(d)).toEqual(['Innehåll', '1 Kapitel', 'Hej du länk', 'a', 'bNot 3', 'c', 'Tabell', 'tkr', 'A', 'B', 'x', '1', 'Västerås', 'Anna, Ordförande']);
  });
});
