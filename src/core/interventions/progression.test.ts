import { describe, expect, it } from 'vitest';
import { aggregateProgression, defaultInstrument, parseInstrument, type ProgressionInstrument, type Rating } from './progression.ts';
import { InputError } from '../errors.ts';

const instrument: ProgressionInstrument = { name: 'Test', raters: 'staff', intervalMonths: 3, indicators: [{ key: 'x', label: 'X', scaleMin: 1, scaleMax: 5 }] };
const r = (participationId: number, measuredOn: string, score: number, rater: Rating['rater'] = 'staff'): Rating => ({ participationId, indicator: 'x', rater, measuredOn, score });
const ratings: Rating[] = [
  r(1, '2025-01-10', 2), r(1, '2025-04-10', 4), // +2
  r(2, '2025-01-10', 2), r(2, '2025-04-10', 3), // +1
  r(3, '2025-01-10', 3), r(3, '2025-04-10', 3, null), // 0 (no rater recorded: the staff's)
  r(4, '2025-01-10', 4), r(4, '2025-04-10', 2), // −2
  r(5, '2025-11-10', 5), // one rating only: no change
  r(1, '2026-01-10', 1), // after the year
  r(2, '2025-02-01', 1, 'participant'), // the participant does not rate in this instrument
];

describe('progression aggregates', () => {
  it('mean change, improved/unchanged/worsened and the distribution per round, by hand', () => {
    const a = aggregateProgression(ratings, instrument, 2025, 1).indicators;
    expect(a).toHaveLength(1);
    expect(a[0]!.n).toBe(4);
    expect(a[0]!.meanChange).toBe(0.25); // (2 + 1 + 0 − 2) / 4
    expect(a[0]!.changes.cells).toEqual([[2, 1, 1]]);
    // round 0 (start): 2, 2, 3, 4, 5; round 1: 4, 3, 3, 2
    expect(a[0]!.distribution.cells).toEqual([
      [0, 2, 1, 1, 1],
      [0, 1, 2, 1, 0],
    ]);
    expect(a[0]!.distribution.rowLabels).toEqual(['Start', 'Omgång 2']);
  });

  it('hides small counts like the other statistics, but keeps a total of at least the minimum', () => {
    const a = aggregateProgression(ratings, instrument, 2025, 3).indicators[0]!;
    expect(a.n).toBe(4);
    expect(a.changes.cells).toEqual([[null, null, null]]);
    for (const v of a.distribution.cells.flat()) expect(v === null || v === 0 || v >= 3).toBe(true);
    const few = aggregateProgression(ratings, instrument, 2025, 5).indicators[0]!;
    expect([few.n, few.meanChange]).toEqual([null, null]);
  });

  it('the default set is neutral, rated by both every three months', () => {
    expect(defaultInstrument).toMatchObject({ raters: 'both', intervalMonths: 3 });
    expect(aggregateProgression([], defaultInstrument, 2025, 5).indicators).toHaveLength(defaultInstrument.indicators.length * 2);
  });

  it('reads an instrument from the form and names a bad indicator line', () => {
    expect(parseInstrument({ name: 'BIP', raters: 'both', intervalMonths: '3', indicators: 'a;Första;0;10\nb;Andra;1;4' }).indicators).toEqual([
      { key: 'a', label: 'Första', scaleMin: 0, scaleMax: 10 },
      { key: 'b', label: 'Andra', scaleMin: 1, scaleMax: 4 },
    ]);
    try {
      parseInstrument({ name: 'BIP', raters: 'both', intervalMonths: '3', indicators: 'a;Första;0;10\nb;Andra;4;1' });
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).problems).toEqual([{ field: 'indicators', line: 2, message: 'Rad 2: skalan ska vara två heltal 0–10, lägsta före högsta.' }]);
    }
  });
});
