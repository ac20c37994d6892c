import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountOre } from './values.ts';
import { parseAndValidate } from './testing/parse-text.ts';

/**
 * Properties of the rules real programs' files need (issue 29): random vouchers with #RTRANS/#BTRANS rows,
 * random balance lists with an unbooked result and omitted zeros, random #PSALDO with and without "{}". The
 * expected figures are summed here from the generated rows, not by the parser.
 */
const HEAD = '#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n#RAR -1 20240101 20241231\n#KONTO 1930 Bank\n#KONTO 1510 Kund\n#KONTO 2099 Res\n#KONTO 3010 Int\n#KONTO 6250 Kost\n';
const accounts = ['1930', '1510', '3010', '6250'];
const amount = fc.integer({ min: -5_000_00, max: 5_000_00 });
const row = fc.record({ kind: fc.constantFrom('TRANS', 'RTRANS', 'BTRANS'), account: fc.constantFrom(...accounts), ore: amount, late: fc.boolean() });

describe('SIE rules of real programs (property)', () => {
  it('counts #TRANS and #RTRANS, skips the #TRANS after each #RTRANS whatever it holds, never counts #BTRANS', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(row, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: -99, max: 99 }), async (vouchers, copyDelta) => {
        const expected = new Map<string, number>();
        let text = HEAD;
        vouchers.forEach((rows, i) => {
          text += `#VER A ${i + 1} 20251215 x\n{\n`;
          let sum = 0;
          for (const r of rows) {
            const date = r.late ? ' 20260115' : '';
            text += `#${r.kind} ${r.account} {} ${formatAmountOre(r.ore)}${date}\n`;
            // The copy for older readers: a different amount or date must not matter.
            if (r.kind === 'RTRANS') text += `#TRANS ${r.account} {} ${formatAmountOre(r.ore + copyDelta)} 20251216\n`;
            if (r.kind !== 'BTRANS') {
              sum += r.ore;
              expected.set(r.account, (expected.get(r.account) ?? 0) + r.ore);
            }
          }
          // balance the voucher on 6250 with a plain row
          text += `#TRANS 6250 {} ${formatAmountOre(-sum)}\n}\n`;
          expected.set('6250', (expected.get('6250') ?? 0) - sum);
        });
        const r = await parseAndValidate(text);
        const lateTrans = vouchers.some((rows) => rows.some((x) => x.kind === 'TRANS' && x.late));
        if (lateTrans) expect(r.problems.map((p) => p.field)).toContain('transdatum');
        else expect(r.problems).toEqual([]);
        for (const [account, ore] of expected) expect(r.summary.totals.find((t) => t.account === account && t.yearIndex === 0)?.movementOre ?? 0).toBe(ore);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts any consistent balance list with omitted zeros and an unbooked result; refuses it when one amount is changed', async () => {
    const balanceAccount = fc.constantFrom('1930', '1510', '2099');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ account: balanceAccount, ib: amount, move: amount }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 99_99 }),
        async (list, change) => {
          const byAccount = new Map<string, { ib: number; move: number }>();
          for (const x of list) byAccount.set(x.account, { ib: x.ib, move: x.move });
          let text = HEAD.replace('#SIETYP 4', '#SIETYP 1');
          let ibSum = 0;
          let moveSum = 0;
          for (const [account, b] of byAccount) {
            ibSum += b.ib;
            moveSum += b.move;
            if (b.ib !== 0) text += `#IB 0 ${account} ${formatAmountOre(b.ib)}\n`;
            if (b.ib + b.move !== 0) text += `#UB 0 ${account} ${formatAmountOre(b.ib + b.move)}\n`;
          }
          // the movements of the year sum to zero: the result accounts carry the rest
          const res = `#RES 0 3010 ${formatAmountOre(-moveSum)}\n`;
          const ok = await parseAndValidate(text + res + '#UB 0 1930 0\n'.repeat(byAccount.has('1930') ? 0 : 1));
          expect(ok.problems).toEqual([]);
          expect(ok.summary.notices.length).toBe(ibSum !== 0 ? 1 : 0);
          const bad = await parseAndValidate(text + `#RES 0 3010 ${formatAmountOre(-moveSum + change)}\n`);
          expect(bad.problems.map((p) => p.field)).toEqual(['#UB']);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads #PSALDO with or without "{}" and with random trailing fields, never losing the amount', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ braces: fc.constantFrom('', '{}', '{ }'), ore: amount, quantity: fc.option(fc.integer({ min: -999, max: 999 })) }), { minLength: 1, maxLength: 8 }), async (items) => {
        let text = `${HEAD}#UB 0 1930 0\n`;
        for (const it of items) text += `#PSALDO 0 202503 3010 ${it.braces} ${formatAmountOre(it.ore)}${it.quantity === null ? '' : ` ${it.quantity}`}\n`.replace('  ', ' ');
        const r = await parseAndValidate(text);
        expect(r.problems).toEqual([]);
        const got = r.records.flatMap((x) => (x.type === 'balance' && x.kind === 'PSALDO' ? [x.amountOre] : []));
        expect(got).toEqual(items.map((i) => i.ore));
      }),
      { numRuns: 150 },
    );
  });

  it('never crashes on random label soup around #RTRANS, #BTRANS and #PSALDO', async () => {
    const token = fc.constantFrom('#RTRANS', '#TRANS', '#BTRANS', '#PSALDO', '#PBUDGET', '{', '}', '{}', '1930', '-1.00', '20261301', '0', '202501', '"x"', '#VER', 'A');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(token, { minLength: 1, maxLength: 7 }), { maxLength: 30 }), async (lines) => {
        const r = await parseAndValidate(HEAD + lines.map((l) => l.join(' ')).join('\n'), 'soppa.se');
        for (const p of r.problems) expect(p.file).toBe('soppa.se');
      }),
      { numRuns: 200 },
    );
  });
});
