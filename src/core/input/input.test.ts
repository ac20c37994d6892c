import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDecimal, parseId, parseInteger, parseIsoDate, parseKronor, parseMonth, parsePercent, parseText, parseYear, textLimits, valueOrThrow } from './index.ts';
import { InputError } from '../errors.ts';

describe('the boundary parsers', () => {
  it('read years, months, dates and ids by one rule each', () => {
    expect(parseYear('2025')).toEqual({ ok: true, value: 2025 });
    for (const bad of ['25', '20255', '0999', '1899', '3000', '2025.0', ' ', 'år', '+2025']) expect(parseYear(bad).ok, bad).toBe(false);
    expect(parseMonth('03')).toEqual({ ok: true, value: 3 });
    for (const bad of ['0', '13', '1.5', '-1', '']) expect(parseMonth(bad).ok, bad).toBe(false);
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '20250101', '1899-12-31']) expect(parseIsoDate(bad).ok, bad).toBe(false);
    expect(parseId('17')).toEqual({ ok: true, value: 17 });
    for (const bad of ['0', '-1', '01', '1e3', '9999999999999999', 'x', '']) expect(parseId(bad).ok, bad).toBe(false);
  });

  it('read kronor, integers, decimals and percentages the Swedish way', () => {
    expect(parseKronor('1 250 000')).toEqual({ ok: true, value: 125_000_000 });
    expect(parseKronor('−5 000,5 kr', { allowNegative: true })).toEqual({ ok: true, value: -500_050 });
    expect(parseKronor(1234.5)).toEqual({ ok: true, value: 123_450 });
    expect(parseKronor('12,345').ok).toBe(false);
    expect(parseKronor(0.001).ok).toBe(false);
    expect(parseKronor(Number.NaN).ok).toBe(false);
    expect(parseKronor('9007199254740993').ok).toBe(false);
    expect(parseInteger('157 000')).toEqual({ ok: true, value: 157_000 });
    expect(parseInteger('3', { min: 5 }).ok).toBe(false);
    expect(parseDecimal('0,5', { max: 2 })).toEqual({ ok: true, value: 0.5 });
    expect(parseDecimal('2,5', { max: 2 }).ok).toBe(false);
    expect(parsePercent('31,25 %')).toEqual({ ok: true, value: 3125 });
  });

  it('refuse identity numbers, control characters and overlong text, never repeating the number', () => {
    const r = parseText('Ring 811228–9874 i morgon');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).not.toMatch(/\d{4}/);
    expect(parseText('rad ett\nrad två').ok).toBe(false);
    expect(parseText('rad ett\nrad två', { multiline: true })).toEqual({ ok: true, value: 'rad ett\nrad två' });
    expect(parseText('a\u0000b', { multiline: true }).ok).toBe(false);
    expect(parseText('x'.repeat(textLimits.name + 1), { kind: 'name' }).ok).toBe(false);
    expect(parseText('  Samordningsteam Västerås  ', { kind: 'name' })).toEqual({ ok: true, value: 'Samordningsteam Västerås' });
    expect(() => valueOrThrow(parseYear('x'), { field: 'år' })).toThrow(InputError);
  });

  it('never throw and return only safe integers, whatever is sent (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.double(), fc.integer(), fc.constant(null), fc.object()), (raw) => {
        for (const r of [parseKronor(raw, { allowNegative: true }), parseInteger(raw), parseYear(raw), parseMonth(raw), parseId(raw), parsePercent(raw)]) {
          if (r.ok) expect(Number.isSafeInteger(r.value)).toBe(true);
          else expect(r.message.length).toBeGreaterThan(0);
        }
        const d = parseIsoDate(raw);
        if (d.ok) expect(d.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        parseText(raw, { multiline: true });
        parseDecimal(raw);
      }),
    );
  });
});
