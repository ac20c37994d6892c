import { describe, expect, it } from 'vitest';
import { parseAndValidate } from './testing/parse-text.ts';
import type { BalanceRecord } from './records.ts';

/** The defect classes of files real programs write (issue 29), each read as SIE 4B says. */
const head = (extra = '') => `#FLAGGA 0
#SIETYP 4
#RAR 0 20250101 20251231
#RAR -1 20240101 20241231
#KONTO 1930 Bank
#KONTO 2099 "Årets resultat"
#KONTO 2640 "Ingående moms"
#KONTO 3010 Bidrag
#KONTO 6250 Porto
${extra}`;
const total = (r: Awaited<ReturnType<typeof parseAndValidate>>, account: string, yearIndex: number) =>
  r.summary.totals.find((t) => t.account === account && t.yearIndex === yearIndex);

describe('SIE files as real programs write them', () => {
  it('accepts a file whose previous result is not booked to equity (ΣIB = ΣUB + ΣRES ≠ 0), with a notice', async () => {
    // Last year's profit of 500 is still in the balance sheet, not moved to equity: ΣIB = 500.
    const r = await parseAndValidate(`${head()}#IB 0 1930 1500.00\n#IB 0 2099 -1000.00\n#UB 0 1930 1600.00\n#UB 0 2099 -1000.00\n#RES 0 3010 -100.00
#VER A 1 20250301 Bidrag\n{\n#TRANS 1930 {} 100.00\n#TRANS 3010 {} -100.00\n}\n`, 'obokfört.se');
    expect(r.problems).toEqual([]);
    expect(r.summary.notices).toEqual([expect.objectContaining({ file: 'obokfört.se', field: '#IB', message: expect.stringMatching(/^Föregående års resultat är inte bokfört mot eget kapital: 500\.00 kr/) })]);
  });

  it('accepts a balances-only file (type 1–3) with an unbooked result, and refuses one whose sums disagree', async () => {
    const ok = await parseAndValidate(`${head().replace('#SIETYP 4', '#SIETYP 1')}#IB 0 1930 1500.00\n#IB 0 2099 -1000.00\n#UB 0 1930 1600.00\n#UB 0 2099 -1000.00\n#RES 0 3010 -100.00\n`);
    expect(ok.problems).toEqual([]);
    const bad = await parseAndValidate(`${head().replace('#SIETYP 4', '#SIETYP 1')}#IB 0 1930 1500.00\n#IB 0 2099 -1000.00\n#UB 0 1930 1600.00\n#UB 0 2099 -1000.00\n#RES 0 3010 -90.00\n`);
    expect(bad.problems).toEqual([expect.objectContaining({ field: '#UB', message: expect.stringMatching(/går inte ihop.*500\.00 kr.*510\.00 kr/) })]);
  });

  it('refuses a file whose own figures disagree, naming the account and the amounts', async () => {
    const r = await parseAndValidate(`${head()}#IB 0 1930 1000.00\n#IB 0 2099 -1000.00\n#UB 0 1930 1200.00\n#UB 0 2099 -1000.00\n#RES 0 3010 -100.00
#VER A 1 20250301 Bidrag\n{\n#TRANS 1930 {} 100.00\n#TRANS 3010 {} -100.00\n}\n`);
    expect(r.problems.map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^Konto 1930: ingående balans 1000\.00 \+ årets rörelser 100\.00 = 1100\.00 kr, men utgående balans \(#UB\) är 1200\.00 kr/)]));
  });

  it('treats an omitted zero balance as zero for every year: #IB -1 without #UB -1 closes the previous year at 0', async () => {
    const r = await parseAndValidate(`${head()}#IB -1 2640 -300.00\n#IB -1 2099 -400.00\n#UB -1 1930 1000.00\n#UB -1 2099 -1000.00\n#IB -1 1930 700.00
#IB 0 1930 1000.00\n#IB 0 2099 -1000.00\n#UB 0 1930 1000.00\n#UB 0 2099 -1000.00\n`);
    expect(r.problems).toEqual([]);
    expect(total(r, '2640', -1)).toMatchObject({ openingOre: -30000, closingOre: 0 });
    expect(total(r, '1930', -1)).toMatchObject({ openingOre: 70000, closingOre: 100000 });
  });

  it('takes the opening balances from #UB -1 when the file has no #IB 0 (SIE 4B: either is enough)', async () => {
    const r = await parseAndValidate(`${head()}#UB -1 1930 1000.00\n#UB -1 2099 -1000.00\n#UB 0 1930 1100.00\n#UB 0 2099 -1000.00\n#RES 0 3010 -100.00
#VER A 1 20250301 Bidrag\n{\n#TRANS 1930 {} 100.00\n#TRANS 3010 {} -100.00\n}\n`);
    expect(r.problems).toEqual([]);
    expect(total(r, '1930', 0)).toMatchObject({ openingOre: 100000, closingOre: 110000 });
  });

  it('ignores the #TRANS after an #RTRANS whatever its date, accepts an #RTRANS dated after the year end, never counts #BTRANS', async () => {
    const r = await parseAndValidate(`${head()}#VER A 1 20251215 Porto
{
#TRANS 1930 {} -100.00
#TRANS 6250 {} 100.00
#BTRANS 6250 {} 100.00 20260110
#RTRANS 6250 {} -20.00 20260110 "Rättelse"
#TRANS 6250 {} -20.00 20251215
#RTRANS 1930 {} 20.00 20260110
#TRANS 1930 {} 20.00
}
`);
    expect(r.problems).toEqual([]);
    expect([total(r, '1930', 0)?.movementOre, total(r, '6250', 0)?.movementOre]).toEqual([-8000, 8000]);
  });

  it('accepts a voucher number repeated in its series, with one notice per series', async () => {
    const v = (n: string) => `#VER A ${n} 20250101 x\n{\n#TRANS 1930 {} -1.00\n#TRANS 6250 {} 1.00\n}\n`;
    const r = await parseAndValidate(`${head()}${v('1')}${v('2')}${v('1')}${v('1')}`, 'dubbel.se');
    expect(r.problems).toEqual([]);
    expect(r.summary.notices).toEqual([expect.objectContaining({ field: 'vernr', line: 20, message: expect.stringMatching(/serie A: 2 verifikationer.*A 1 på rad 10 och 20/) })]);
  });

  it('accepts a type 4I file without #KONTO (declarations are optional there), refuses undeclared accounts in 4E', async () => {
    const body = '#VER "" "" 20250301 Lön\n{\n#TRANS 7010 {} 100.00\n#TRANS 1930 {} -100.00\n}\n';
    const i = await parseAndValidate(`#FLAGGA 0\n#PROGRAM "Lönesystemet" 1\n#SIETYP 4\n#RAR 0 20250101 20251231\n${body}`, 'LON.SI');
    expect(i.problems).toEqual([]);
    expect(i.summary.accountNames.size).toBe(0);
    const e = await parseAndValidate(`${head()}#UB 0 1930 -100.00\n#RES 0 7010 100.00\n${body}`);
    expect(e.problems).toEqual([expect.objectContaining({ field: 'konto', message: expect.stringMatching(/Kontot 7010 används men är inte deklarerat med #KONTO/) })]);
  });

  it('reads #PSALDO and #PBUDGET without the object list as if "{}" stood there', async () => {
    const r = await parseAndValidate(`${head()}#PSALDO 0 202501 3010 -1243.50 -415\n#PBUDGET 0 202501 3010 -2000.00\n#PSALDO 0 202501 6250 {1 "0123"} 3411.80\n#UB 0 1930 0\n`);
    expect(r.problems).toEqual([]);
    const balances = r.records.filter((x): x is BalanceRecord => x.type === 'balance');
    expect(balances.filter((b) => b.kind !== 'UB').map((b) => [b.kind, b.account, b.objects, b.amountOre])).toEqual([
      ['PSALDO', '3010', null, -124350],
      ['PBUDGET', '3010', null, -200000],
      ['PSALDO', '6250', { 1: '0123' }, 341180],
    ]);
  });

  it('refuses a personnummer as #ORGNR, saying what to change', async () => {
    const r = await parseAndValidate(`${head('#ORGNR 811228-9874\n')}#UB 0 1930 0\n`);
    expect(r.problems).toEqual(expect.arrayContaining([expect.objectContaining({ field: '#ORGNR', message: expect.stringMatching(/är ett personnummer.*exportera filen igen/) })]));
  });

  it('refuses a file without a financial year in words the bookkeeper can act on', async () => {
    const r = await parseAndValidate('#FLAGGA 0\n#SIETYP 4\n#VER "" "" 20250301 x\n{\n#TRANS 7010 {} 100.00\n#TRANS 1930 {} -100.00\n}\n', 'FAKT.SI');
    expect(r.problems).toEqual([expect.objectContaining({ file: 'FAKT.SI', field: '#RAR', message: expect.stringMatching(/^Räkenskapsåret saknas \(#RAR 0\)/) })]);
  });
});
