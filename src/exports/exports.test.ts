import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { Table } from '../core/table.ts';
import { tableToCsv } from './csv.ts';
import { tableToXlsx, sheetName } from './xlsx.ts';
import { tableToText } from './textTable.ts';

const table: Table = {
  title: 'Nyckeltal 2025',
  note: 'Belopp i tkr',
  columns: [
    { key: 'label', header: 'Post', kind: 'text' },
    { key: 'amount', header: 'Belopp', kind: 'integer' },
    { key: 'share', header: 'Andel', kind: 'percent', decimals: 1 },
    { key: 'fte', header: 'Årsarbetare', kind: 'decimal', decimals: 2 },
  ],
  rows: [
    { cells: { label: 'Medel från huvudmännen', amount: 18964, share: 0.4627, fte: 2.5 } },
    { cells: { label: 'Budget; "reviderad"', amount: -2029, share: null, fte: null } },
    { cells: { label: '=HYPERLINK("x")', amount: 0, share: 0.23, fte: 0 } },
    { cells: { label: 'SUMMA', amount: 16935, share: 1, fte: 2.5 }, emphasis: 'total' },
  ],
};

describe('CSV for Swedish Excel', () => {
  const csv = tableToCsv(table);
  it('has a BOM, semicolons, CRLF, decimal comma and quoting', () => {
    expect(csv.startsWith('\ufeffPost;Belopp;Andel;Årsarbetare\r\n')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\ufeffPost;Belopp;Andel;Årsarbetare',
      'Medel från huvudmännen;18964;46,3%;2,50',
      '"Budget; ""reviderad""";-2029;;',
      `"'=HYPERLINK(""x"")";0;23,0%;0,00`,
      'SUMMA;16935;100,0%;2,50',
      '',
    ]);
  });
  it('property: every row has as many fields as the header (after unquoting)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.integer()), { maxLength: 20 }), (rows) => {
        const t: Table = { title: 't', columns: table.columns.slice(0, 2), rows: rows.map(([label, amount]) => ({ cells: { label, amount } })) };
        const body = tableToCsv(t).slice(1);
        // A minimal RFC 4180 reader: count records and fields.
        const records: string[][] = [];
        let field = '';
        let rec: string[] = [];
        let quoted = false;
        for (let i = 0; i < body.length; i++) {
          const c = body[i]!;
          if (quoted) {
            if (c === '"' && body[i + 1] === '"') (field += '"'), i++;
            else if (c === '"') quoted = false;
            else field += c;
          } else if (c === '"') quoted = true;
          else if (c === ';') rec.push(field), (field = '');
          else if (c === '\r' && body[i + 1] === '\n') rec.push(field), records.push(rec), (rec = []), (field = ''), i++;
          else field += c;
        }
        expect(records).toHaveLength(rows.length + 1);
        records.slice(1).forEach((r, i) => {
          expect(r).toHaveLength(2);
          const label = rows[i]![0];
          expect(r[0]).toBe(/^[=+\-@\t\r]/.test(label) ? `'${label}` : label);
          expect(Number(r[1])).toBe(rows[i]![1]);
        });
      }),
    );
  });
});

describe('XLSX', () => {
  it('holds numbers as numbers with formats Excel shows in Swedish, headings and bold totals', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableToXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Nyckeltal 2025')!;
    expect(ws.getCell('A1').value).toBe('Nyckeltal 2025');
    expect(ws.getCell('A2').value).toBe('Belopp i tkr');
    expect(ws.getRow(3).values).toEqual([undefined, 'Post', 'Belopp', 'Andel', 'Årsarbetare']);
    expect(ws.getCell('B4').value).toBe(18964);
    expect(ws.getCell('B4').numFmt).toBe('#,##0');
    expect(ws.getCell('C4').value).toBe(0.4627);
    expect(ws.getCell('C4').numFmt).toBe('0.0%');
    expect(ws.getCell('B5').value).toBe(-2029);
    expect(ws.getCell('C5').value).toBeNull();
    expect(ws.getCell('A7').font?.bold).toBe(true);
  });
  it('makes valid sheet names', () => {
    expect(sheetName('Driftredovisning 2025: Samordningsförbundet Västmanland')).toBe('Driftredovisning 2025  Samordni');
    expect(sheetName('[]')).toBe('Blad1');
  });
});

describe('text table', () => {
  it('aligns and formats in sv-SE', () => {
    const out = tableToText(table);
    expect(out).toContain('18\u00a0964');
    expect(out).toContain('\u22122\u00a0029');
    expect(out).toContain('46,3\u00a0%');
  });
});
