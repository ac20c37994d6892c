import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatLocalDateTime } from './format.ts';

describe('formatLocalDateTime: Swedish local time', () => {
  it('shows winter and summer time, and the switch-over hours of 2025 (30 March, 26 October)', () => {
    expect(formatLocalDateTime('2025-01-15T12:00:00Z')).toBe('2025-01-15 13:00');
    expect(formatLocalDateTime('2025-07-01T22:30:00Z')).toBe('2025-07-02 00:30');
    expect(formatLocalDateTime('2025-03-30T00:59:59Z', true)).toBe('2025-03-30 01:59:59');
    expect(formatLocalDateTime('2025-03-30T01:00:00Z', true)).toBe('2025-03-30 03:00:00');
    expect(formatLocalDateTime('2025-10-26T00:59:59Z', true)).toBe('2025-10-26 02:59:59');
    expect(formatLocalDateTime('2025-10-26T01:00:00Z', true)).toBe('2025-10-26 02:00:00');
    expect(formatLocalDateTime(new Date(Date.UTC(2025, 11, 31, 23, 0)))).toBe('2026-01-01 00:00');
    expect(formatLocalDateTime('inte ett datum')).toBe('–');
  });

  it('agrees with the runtime time-zone database for any instant 1996–2099', () => {
    const icu = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1996, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(formatLocalDateTime(new Date(ms), true)).toBe(icu.format(new Date(ms)).replace(',', ''));
      }),
      { numRuns: 2000 },
    );
  });
});
