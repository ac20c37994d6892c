import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from './formInput.ts';
import { formatNumber } from '../../core/format.ts';

describe('parseAmountInput', () => {
  it('reads Swedish amounts to öre', () => {
    expect(parseAmountInput('1 250 000')).toEqual({ ok: true, ore: 125_000_000 });
    expect(parseAmountInput('1250000')).toEqual({ ok: true, ore: 125_000_000 });
    expect(parseAmountInput('1 250,5')).toEqual({ ok: true, ore: 125_050 });
    expect(parseAmountInput('1\u00a0250,05 kr')).toEqual({ ok: true, ore: 125_005 });
    expect(parseAmountInput('12.30')).toEqual({ ok: true, ore: 1_230 });
    expect(parseAmountInput('  ')).toEqual({ ok: true, ore: null });
    expect(parseAmountInput('0')).toEqual({ ok: true, ore: 0 });
  });

  it('refuses text, three decimals, bad grouping and negatives unless allowed', () => {
    for (const bad of ['abc', '12,345', '1,2,3', '12 kr 50', '--5', '1e6', '+5']) expect(parseAmountInput(bad).ok).toBe(false);
    expect(parseAmountInput('-5 000')).toEqual({ ok: false, message: 'Beloppet får inte vara negativt.' });
    expect(parseAmountInput('\u22125 000', { allowNegative: true })).toEqual({ ok: true, ore: -500_000 });
    expect(parseAmountInput('99999999999999999999').ok).toBe(false);
  });

  it('reads back every amount the sv-SE formatter prints (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        const printed = formatNumber(ore / 100, 2);
        expect(parseAmountInput(printed, { allowNegative: true })).toEqual({ ok: true, ore });
      }),
    );
  });

  it('refuses amounts above 10 000 000 000 kr (plausibility), however they are written', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1e12 + 1, max: 1e15 }), fc.boolean(), (ore, negative) => {
        const printed = formatNumber(((negative ? -1 : 1) * ore) / 100, 2);
        expect(parseAmountInput(printed, { allowNegative: true })).toEqual({ ok: false, message: 'Beloppet är för stort (högst 10 000 000 000 kr).' });
      }),
    );
  });

  it('never throws on arbitrary input (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseAmountInput(s, { allowNegative: true });
        if (r.ok && r.ore !== null) expect(Number.isSafeInteger(r.ore)).toBe(true);
      }),
    );
  });
});

describe('parseIntegerInput and parsePercentInput', () => {
  it('reads populations and percentages', () => {
    expect(parseIntegerInput('157 000')).toEqual({ ok: true, value: 157000 });
    expect(parseIntegerInput('12a').ok).toBe(false);
    expect(parsePercentInput('31,25')).toEqual({ ok: true, basisPoints: 3125 });
    expect(parsePercentInput('50 %')).toEqual({ ok: true, basisPoints: 5000 });
    expect(parsePercentInput('18.75')).toEqual({ ok: true, basisPoints: 1875 });
    expect(parsePercentInput('100,01').ok).toBe(false);
    expect(parsePercentInput('x').ok).toBe(false);
  });
});
