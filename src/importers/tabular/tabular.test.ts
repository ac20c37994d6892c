import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors.ts';
import { readXlsxRows } from './xlsx.ts';
import { parseCsv } from './csv.ts';
import { defaultTabularLimits } from './limits.ts';
import { checkZipBounds } from './zipBounds.ts';
import { xlsxBomb, zipOf, repeatedPart } from '../../../test/support/zipBomb.ts';

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const rss = () => process.memoryUsage().rss;

describe('the importers’ bounded XLSX and CSV readers', () => {
  it('read a real workbook row by row with its Excel row numbers, dates as dates', async () => {
    const rows = await readXlsxRows(await workbook([['år', 'månad'], [], [2025, new Date(Date.UTC(2025, 2, 14))]]), 'a.xlsx');
    expect(rows.map((r) => r.line)).toEqual([1, 3]);
    expect(rows[1]!.cells[0]).toBe(2025);
    expect(rows[1]!.cells[1]).toBeInstanceOf(Date);
  });

  it('refuse a 1.5 MB file whose sheet unpacks to 1.5 GB before memory grows, also when the sizes it declares lie', async () => {
    for (const bomb of [xlsxBomb(1500), xlsxBomb(1500, { declaredSize: 1000 })]) {
      expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
      const before = rss();
      let peak = before;
      const timer = setInterval(() => (peak = Math.max(peak, rss())), 5);
      await expect(readXlsxRows(bomb, 'bomb.xlsx')).rejects.toThrow(/packas upp till mer än 64 MB/);
      clearInterval(timer);
      peak = Math.max(peak, rss());
      expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    }
  });

  it('refuse too many rows or columns, and too many zip parts', async () => {
    const limits = { ...defaultTabularLimits, maxRows: 10, maxColumns: 5 };
    await expect(readXlsxRows(await workbook(Array.from({ length: 11 }, (_, i) => [i])), 'rader.xlsx', limits)).rejects.toThrow(/fler än 10 rader/);
    await expect(readXlsxRows(await workbook([[1, 2, 3, 4, 5, 6]]), 'kolumner.xlsx', limits)).rejects.toThrow(/fler än 5 kolumner/);
    expect(() => parseCsv('a\n'.repeat(12), 'rader.csv', limits)).toThrow(/fler än 10 rader/);
    expect(() => parseCsv('1;2;3;4;5;6\n', 'kolumner.csv', limits)).toThrow(/fler än 5 kolumner/);
    expect(() => parseCsv(`a;"${'x'.repeat(40_000)}`, 'cell.csv')).toThrow(/fler än 32\s767 tecken/);
    const many = zipOf(Array.from({ length: 1001 }, (_, i) => repeatedPart(`p${i}`, 'x', 1)));
    await expect(checkZipBounds(many, 'delar.xlsx', defaultTabularLimits)).rejects.toThrow(/för många delar/);
  });

  it('refuse any damaged or random bytes with an InputError naming the file, never a crash (property)', async () => {
    const good = await workbook([['år', 'månad'], [2025, 3]]);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), fc.nat(good.length), async (changes, cut) => {
        const bytes = new Uint8Array(good.subarray(0, Math.max(4, cut)));
        for (const [i, b] of changes) if (i < bytes.length) bytes[i] = b;
        try {
          await readXlsxRows(bytes, 'trasig.xlsx');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          expect((e as InputError).problems[0]!.file).toBe('trasig.xlsx');
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the identity guard in the spreadsheet readers (every importer reads through them)', () => {
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e as InputError;
    }
    throw new Error('not refused');
  };

  it('refuses every CSV cell that holds a personnummer in any spelling, naming line and column, never the value', () => {
    const e = refusal(() => parseCsv('Namn;Kommentar;Tal\nA;ok;1\nB;"ring\n٨١١٢٢٨-٩٨٧٤";2\nC;x;9001 0112 39\n', 'deltagare.csv'));
    expect(e).toBeInstanceOf(InputError);
    expect(e.problems.map((p) => [p.file, p.line, p.field])).toEqual([['deltagare.csv', 3, 'Kommentar'], ['deltagare.csv', 5, 'Tal']]);
    expect(e.message).not.toMatch(/9874|٩٨٧٤|0112/);
  });

  it('refuses XLSX cells, numbers as well as text', async () => {
    const data = await workbook([['Namn', 'Tal'], ['A', 8112289874], ['B', '81 12 28 98 74'], ['C', 'Org.nr 222000-1354']]);
    const e = await readXlsxRows(data, 'utfall.xlsx').then(() => null, (x: InputError) => x);
    expect(e?.problems.map((p) => [p.line, p.field])).toEqual([[2, 'Tal'], [3, 'Tal']]);
  });

  it('names a column by its letter where the first line is no heading', () => {
    const e = refusal(() => parseCsv('a;;c\n1;811228-9874;2\n', 'f.csv'));
    expect(e.problems.map((p) => p.field)).toEqual(['kolumn B']);
  });

  it('refuses a file whose name holds a number, without naming the file', () => {
    const e = refusal(() => parseCsv('a;b\n1;2\n', 'deltagare 811228-9874.csv'));
    expect(e.problems[0]).toMatchObject({ field: 'filnamn' });
    expect(e.message).not.toMatch(/9874/);
  });

  it('property: a file without identity numbers reads the same as before', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.stringMatching(/^[A-Za-zåäö ]{0,12}$|^[0-9]{1,6}$/), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 20 }), (rows) => {
        const text = rows.map((r) => r.join(';')).join('\n');
        expect(() => parseCsv(text, 'fil.csv')).not.toThrow();
      }),
    );
  });
});

