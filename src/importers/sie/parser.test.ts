import { luhnCheckDigit } from '../../core/privacy/identityNumber.ts';
import { describe, expect, it } from 'vitest';
import { parseAndValidate } from './testing/parse-text.ts';
import type { VoucherRecord } from './records.ts';

const head = `#FLAGGA 0
#SIETYP 4
#RAR 0 20250101 20251231
#KONTO 1930 Bank
#KONTO 2640 "Ingående moms"
#KONTO 6250 Porto
#KONTO 6110 Kontorsmateriel
`;
const vouchers = (r: { records: unknown[] }) => r.records.filter((x): x is VoucherRecord => (x as VoucherRecord).type === 'voucher');
const movement = (r: Awaited<ReturnType<typeof parseAndValidate>>, account: string) => r.summary.totals.find((t) => t.account === account && t.yearIndex === 0)?.movementOre ?? 0;

describe('SIE parser and validator', () => {
  it('counts #RTRANS once (its duplicate #TRANS is skipped), as in SIE 4B', async () => {
    const r = await parseAndValidate(`${head}#VER "" "" 20250101 "Porto"
{
#TRANS 1930 { } -1200.00
#TRANS 2640 { } 240.00
#TRANS 6250 { } 960.00
#RTRANS 1930 { } 200.00
#TRANS 1930 { } 200.00
#RTRANS 2640 { } -40.00
#TRANS 2640 { } -40.00
#RTRANS 6250 { } -160.00
#TRANS 6250 { } -160.00
}
`);
    expect(r.problems).toEqual([]);
    expect([movement(r, '1930'), movement(r, '2640'), movement(r, '6250')]).toEqual([-100000, 20000, 80000]);
    expect(vouchers(r)[0]!.transactions.map((t) => t.kind)).toEqual(['normal', 'normal', 'normal', 'added', 'added', 'added']);
  });

  it('never counts #BTRANS rows, as in SIE 4B', async () => {
    const r = await parseAndValidate(`${head}#VER "" "" 20250101 "Porto"
{
#TRANS 1930 { } -1000.00
#TRANS 2640 { } 200.00
#BTRANS 6110 { } 800.00
#RTRANS 6250 { } 800.00
#TRANS 6250 { } 800.00
}
`);
    expect(r.problems).toEqual([]);
    expect([movement(r, '6110'), movement(r, '6250')]).toEqual([0, 80000]);
  });

  it('reads files without #VER (types 1–3), empty voucher series (4I), CRLF, tabs, trailing spaces and empty lines', async () => {
    const balancesOnly = await parseAndValidate(`${head}#IB 0 1930 100.00\n#IB 0 2640 -100.00\n#UB 0 1930 100.00\n#UB 0 2640 -100.00\n`);
    expect(balancesOnly.problems).toEqual([]);
    const messy = await parseAndValidate(
      `${head.replace(/\n/g, '\r\n')}\r\n\r\n#VER\t""\t""\t20250301\t"Porto"   \r\n{\r\n\t#TRANS\t1930\t{}\t-10.00  \r\n   #TRANS 6250 {} 10.00\r\n}\r\n\r\n`,
    );
    expect(messy.problems).toEqual([]);
    expect(vouchers(messy)[0]).toMatchObject({ series: '', number: '', date: '2025-03-01', text: 'Porto' });
  });

  it('reports each problem with file, line and field', async () => {
    const r = await parseAndValidate(`${head}#VER A 1 20250101 "Fel"
{
#TRANS 1930 {} -10.00
#TRANS 6250 {} 9.00
}
#VER A 2 20260101 "Utanför året"
{
#TRANS 1930 {} -1.00
#TRANS 7000 {} 1.00
}
#VER A 3 20250230 "Ogiltigt datum"
{
#TRANS 1930 {} 1,5x
#TRANS 6250 {} 1.00
}
`, 'bok.se');
    expect(r.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: 'bok.se', line: 8, field: '#VER', message: expect.stringMatching(/A 1 .*balanserar inte.*-1\.00/) }),
      expect.objectContaining({ file: 'bok.se', line: 13, field: 'verdatum', message: expect.stringMatching(/utanför räkenskapsåret/) }),
      expect.objectContaining({ file: 'bok.se', line: 18, field: 'verdatum' }),
      expect.objectContaining({ file: 'bok.se', line: 20, field: 'belopp', message: expect.stringMatching(/1,5x/) }),
    ]));
  });

  it('refuses a personnummer in any text of the file (#FNAMN, #KONTO, #OBJEKT, #VER, #TRANS), never repeating it', async () => {
    const r = await parseAndValidate(`#FLAGGA 0
#SIETYP 4
#FNAMN "Firma 811228-9874"
#RAR 0 20250101 20251231
#KONTO 1930 "Bank 81 12 28–9874"
#KONTO 6250 Porto
#DIM 6 Projekt
#OBJEKT 6 P1 "Deltagare 8112289874"
#VER A 1 20250101 "Ersättning 19811228-9874"
{
#TRANS 1930 {} -1.00 20250101 "811228 - 9874"
#TRANS 6250 {} 1.00
}
`, 'pnr.se');
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([[3, '#FNAMN'], [5, '#KONTO'], [8, '#OBJEKT'], [9, '#VER'], [11, '#TRANS']]);
    for (const p of r.problems) expect(p.message).not.toMatch(/9874/);
  });

  it('refuses the other spellings too (scripts, groupings, separators, look-alike letters) and a file name with a number', async () => {
    const r = await parseAndValidate(`#FLAGGA 0
#SIETYP 4
#FNAMN "Firma"
#ADRESS "Kansliet" "Box 1" "722 12 Västerås" "070-123 45 6${luhnCheckDigit('070123456')}"
#RAR 0 20250101 20251231
#KONTO 1930 "Bank ۸۱۱۲۲۸-۹۸۷۴"
#KONTO 6250 "Porto 9001 0112 39"
#VER A 1 20250101 "Ersättning 811228:9874"
{
#TRANS 1930 {} -1.00 20250101 "8ll228_9874"
#TRANS 6250 {} 1.00
}
`, 'pnr 19811228-9874.se');
    expect(r.problems.map((p) => [p.line ?? null, p.field])).toEqual([[null, 'filnamn'], [6, '#KONTO'], [7, '#KONTO'], [8, '#VER'], [10, '#TRANS']]);
    for (const p of r.problems) expect(`${p.file} ${p.message}`).not.toMatch(/9874|۹۸۷۴|0112/);
  });

  it('checks opening balance + movements = closing balance', async () => {
    const r = await parseAndValidate(`${head}#IB 0 1930 100.00\n#IB 0 2640 -100.00\n#UB 0 1930 90.00\n#UB 0 2640 -100.00\n#RES 0 6250 11.00\n#VER A 1 20250101 x\n{\n#TRANS 1930 {} -10.00\n#TRANS 6250 {} 10.00\n}\n`);
    expect(r.problems.map((p) => p.message)).toEqual(expect.arrayContaining([
      expect.stringMatching(/6250: årets rörelser 10\.00 kr, men resultatet \(#RES\) är 11\.00/),
      expect.stringMatching(/går inte ihop.*summerar till 0\.00 kr.*till 1\.00 kr/),
    ]));
  });

  it('verifies #KSUMMA and refuses a file whose final checksum is missing or wrong', async () => {
    const { generateSie } = await import('./testing/generate.ts');
    const ok = generateSie({ checksum: true, transactionRows: 100 });
    expect((await parseAndValidate(ok)).problems).toEqual([]);
    const text = ok.toString('latin1');
    const tampered = await parseAndValidate(Buffer.from(text.replace('#ORGNR 222000-0000', '#ORGNR 222000-0001'), 'latin1'));
    expect(tampered.problems.map((p) => p.field)).toContain('#KSUMMA');
    const noEnd = await parseAndValidate(Buffer.from(text.replace(/#KSUMMA \d+\r\n$/, ''), 'latin1'));
    expect(noEnd.problems.map((p) => p.message).join()).toMatch(/saknar den avslutande kontrollsumman/);
  });

  it('parses the SIE group example file without problems, with å ä ö right', async () => {
    const { readFileSync } = await import('node:fs');
    const r = await parseAndValidate(readFileSync('test/fixtures/SIE4-exempelfil.SE'), 'SIE4-exempelfil.SE');
    expect(r.problems).toEqual([]);
    expect(r.summary.company).toBe('Övningsbolaget AB');
    expect(vouchers(r)).toHaveLength(295);
    expect(r.summary.accountNames.get('1090')).toBe('Övriga imm anl tillg');
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    const { generateSie } = await import('./testing/generate.ts');
    const buf = generateSie({ transactionRows: 200, encoding: 'utf8' });
    const whole = await parseAndValidate(buf);
    for (const size of [1, 7, 4096]) expect((await parseAndValidate(buf, 'test.se', size)).records).toEqual(whole.records);
  });
});
