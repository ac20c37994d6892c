import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmountOre, parseAmountOre, parseSieDate } from './values.ts';

describe('parseAmountOre', () => {
  it.each([
    ['1234.50', 123450], ['-195.00', -19500], ['12', 1200], ['0.5', 50], ['-0.05', -5], ['-0', 0], ['1234,5', 123450], ['999999999999.99', 99999999999999],
  ])('%s → %i öre', (text, ore) => expect(parseAmountOre(text)).toBe(ore));
  it.each(['', '1.234', '1e3', '12.', '.5', '+5', '1 000', 'abc', '--1', '0x10', '9999999999999999'])('rejects %j', (text) => expect(parseAmountOre(text)).toBeNull());
  it('round-trips every öre amount exactly, without floating point (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (ore) => {
      // Independent formatting: integer division in BigInt.
      const b = BigInt(ore);
      const abs = b < 0n ? -b : b;
      const text = `${b < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
      expect(formatAmountOre(ore)).toBe(text);
      expect(parseAmountOre(text)).toBe(ore === 0 ? 0 : ore);
    }));
  });
});

describe('parseSieDate', () => {
  it('accepts real dates', () => {
    expect(parseSieDate('20250131')).toBe('2025-01-31');
    expect(parseSieDate('20240229')).toBe('2024-02-29');
  });
  it.each(['20250229', '20251301', '20250000', '2025013', '2025-01-01', '20250132', 'abcdefgh', '19000229'])('rejects %s', (t) => expect(parseSieDate(t)).toBeNull());
  it('agrees with the calendar for every date string (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
      const text = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
      const js = new Date(Date.UTC(y, m - 1, d));
      const valid = m >= 1 && m <= 12 && d >= 1 && js.getUTCMonth() === m - 1 && js.getUTCDate() === d;
      expect(parseSieDate(text)).toBe(valid ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null);
    }));
  });
});
