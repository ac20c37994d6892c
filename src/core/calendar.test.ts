import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currentYear, stockholmDate, today, yearOf } from './calendar.ts';

describe('calendar: today in Stockholm', () => {
  it('is the Swedish date, a day ahead of UTC just after midnight (winter +1 h, summer +2 h)', () => {
    // 2025-01-14 23:30 UTC is 00:30 on the 15th in Stockholm (CET).
    expect(today(new Date('2025-01-14T23:30:00Z'))).toBe('2025-01-15');
    expect(today(new Date('2025-01-14T22:59:59Z'))).toBe('2025-01-14');
    // 2025-07-01 22:30 UTC is 00:30 on 2 July (CEST); 21:59 UTC is still the 1st.
    expect(today(new Date('2025-07-01T22:30:00Z'))).toBe('2025-07-02');
    expect(today(new Date('2025-07-01T21:59:00Z'))).toBe('2025-07-01');
  });

  it('turns the year at Swedish midnight on New Year’s Eve, an hour before UTC does', () => {
    const newYear = new Date('2025-12-31T23:15:00Z');
    expect(new Date(newYear).getUTCFullYear()).toBe(2025);
    expect(currentYear(newYear)).toBe(2026);
  });

  it('agrees with the runtime’s own time-zone data for Europe/Stockholm at any instant', () => {
    const swedish = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1997, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        expect(stockholmDate(ms)).toBe(swedish.format(new Date(ms)));
      }),
    );
  });

  it('reads the year of an ISO date', () => {
    expect(yearOf('2025-03-14')).toBe(2025);
    expect(yearOf('1999-12-31')).toBe(1999);
  });
});
