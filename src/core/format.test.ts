import { describe, expect, it } from 'vitest';
import { formatKronor, formatList, formatMonth, formatMonthShort, formatMonthsFromJanuary, formatNumber, formatNumberUpTo, formatPercent, formatTkr, formatWholePercent } from './format.ts';

// Independent expectation: what Intl sv-SE prints (no-break space grouping, U+2212 minus).
const sv = (n: number, d = 0) => new Intl.NumberFormat('sv-SE', { minimumFractionDigits: d, maximumFractionDigits: d }).format(n);

describe('sv-SE presentation', () => {
  it('groups thousands and uses a real minus sign', () => {
    expect(formatNumber(18964)).toBe('18\u00a0964');
    expect(formatNumber(-2029)).toBe('\u22122\u00a0029');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    for (const n of [0, 5, -5, 999, 1000, -1000, 18964, -2029, 4373785, 1234567.891]) expect(formatNumber(n, n % 1 ? 2 : 0)).toBe(sv(n, n % 1 ? 2 : 0));
  });
  it('prints up to a number of decimals, dropping trailing zeros, like Intl maximumFractionDigits', () => {
    const upTo = (n: number, d: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: d }).format(n);
    for (const n of [0, 3, 2.5, 2.25, -2029, 1234.56, 0.75, 12.04, 110]) for (const d of [0, 1, 2]) expect(formatNumberUpTo(n, d)).toBe(upTo(n, d));
    expect(formatNumberUpTo(2.5, 2)).toBe('2,5');
  });
  it('prints tkr and kronor from öre', () => {
    expect(formatTkr(1_896_411_800)).toBe('18\u00a0964');
    expect(formatTkr(-202_849_900)).toBe('\u22122\u00a0028');
    expect(formatKronor(437_378_500)).toBe('4\u00a0373\u00a0785');
  });
  it('prints percentages "23 %" and "46,3 %"', () => {
    expect(formatPercent(0.2307)).toBe('23\u00a0%');
    expect(formatPercent(0.4627, 1)).toBe('46,3\u00a0%');
    expect(formatWholePercent(86)).toBe('86\u00a0%');
  });
  it('names months and lists as Swedish does (checked against Intl sv-SE)', () => {
    for (let m = 1; m <= 12; m++) {
      const d = new Date(Date.UTC(2025, m - 1, 15));
      expect(formatMonth(m)).toBe(new Intl.DateTimeFormat('sv-SE', { month: 'long', timeZone: 'UTC' }).format(d));
      expect(formatMonthShort(m)).toBe(formatMonth(m).slice(0, 3)); // three letters in table heads (Intl writes "mars", "juni")
    }
    expect(formatMonthsFromJanuary(1)).toBe('januari');
    expect(formatMonthsFromJanuary(3)).toBe('januari–mars');
    expect(formatList([])).toBe('');
    expect(formatList(['A'])).toBe('A');
    expect(formatList(['A', 'B', 'C'])).toBe('A, B och C');
  });
});
