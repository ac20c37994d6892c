import { describe, expect, it } from 'vitest';
import { computeParticipantStatistics, median } from './participantStatistics.ts';
import type { ParticipationFacts } from '../interventions/participation.ts';

const base: ParticipationFacts = {
  interventionId: 1,
  gender: 'woman',
  ageBand: '30-39',
  homeMunicipality: null,
  referringMemberId: null,
  supportBefore: 'income_support',
  supportDuration: 'gt4',
  education: 'compulsory',
  startDate: '2024-03-01',
  endDate: null,
  exitOutcome: null,
  supportAfter: null,
};
const p = (over: Partial<ParticipationFacts>): ParticipationFacts => ({ ...base, ...over });

describe('participant statistics', () => {
  it('counts active, new and ended by the calendar year (hand-counted)', () => {
    const list = [
      p({ startDate: '2023-05-01', endDate: '2024-12-31', exitOutcome: 'work' }), // ended before 2025: not active
      p({ startDate: '2024-02-01', endDate: '2025-01-01', exitOutcome: 'work' }), // active and ended in 2025
      p({ startDate: '2025-12-31' }), // new in 2025
      p({ startDate: '2026-01-01' }), // starts after 2025
      p({ startDate: '2020-01-01', gender: 'man' }), // active all year
    ];
    const s = computeParticipantStatistics(list, { year: 2025, minCellSize: 1, interventions: [{ id: 1, name: 'A' }] });
    expect(s.flowByGender.rowTotals).toEqual([3, 1, 1]);
    expect(s.byIntervention.cells).toEqual([[3, 1, 1]]);
    expect(s.flowByGender.cells[0]).toEqual([2, 1, 0, 0]);
  });

  it('counts months from start to end, both days included, and takes the median', () => {
    // 2025-01-01..2025-12-31 is 365 days = 365 / (365.2425 / 12) = 11.99 months
    const list = [p({ startDate: '2025-01-01', endDate: '2025-12-31', exitOutcome: 'work' })];
    const s = computeParticipantStatistics(list, { year: 2025, minCellSize: 1, interventions: [{ id: 1, name: 'A' }] });
    expect(s.duration.averageMonths).toBe(12);
    expect(median([5, 1, 3, 10])).toBe(4);
    expect(median([])).toBeNull();
  });

  it('hides averages and small counts below the minimum cell size', () => {
    const list = [1, 2, 3].map((i) => p({ startDate: `2025-0${i}-01` }));
    const s = computeParticipantStatistics(list, { year: 2025, minCellSize: 5, interventions: [{ id: 1, name: 'A' }] });
    expect(s.flowByGender.rowTotals![1]).toBeNull();
    expect(s.series[0]!.new).toBeNull();
    expect(s.duration.averageMonths).toBeNull();
  });
});
