import { describe, expect, it } from 'vitest';
import { quarterOf, requisitionDue, surveyNeedsReminder } from './reminders.ts';

describe('requisition reminders per quarter', () => {
  it('knows the quarters, leap years included', () => {
    expect(quarterOf('2028-02-29')).toMatchObject({ quarter: 1, start: '2028-01-01', end: '2028-03-31' });
    expect(quarterOf('2026-12-31')).toMatchObject({ quarter: 4, start: '2026-10-01', end: '2026-12-31', label: 'kvartal 4 2026' });
    expect(quarterOf('2026-06-01')).toMatchObject({ quarter: 2, end: '2026-06-30' });
  });

  it('reminds in the last 14 days of a quarter without a requisition, in a year with a grant', () => {
    expect(requisitionDue('2026-06-16', [2026], [])).toBeNull(); // 15 days left
    expect(requisitionDue('2026-06-17', [2026], [])?.label).toBe('kvartal 2 2026');
    expect(requisitionDue('2026-06-30', [2026], ['2026-03-31'])?.quarter).toBe(2);
    expect(requisitionDue('2026-06-30', [2026], ['2026-04-01'])).toBeNull();
    expect(requisitionDue('2026-06-30', [2025], [])).toBeNull();
  });
});

describe('survey round reminders', () => {
  it('reminds in the last week of an open round with fewer answers than twice the smallest shown count', () => {
    expect(surveyNeedsReminder('2026-05-24', '2026-05-01', '2026-05-31', 0, 5)).toBe(false); // 8 days left
    expect(surveyNeedsReminder('2026-05-25', '2026-05-01', '2026-05-31', 9, 5)).toBe(true);
    expect(surveyNeedsReminder('2026-05-31', '2026-05-01', '2026-05-31', 10, 5)).toBe(false);
    expect(surveyNeedsReminder('2026-06-01', '2026-05-01', '2026-05-31', 0, 5)).toBe(false);
  });
});
