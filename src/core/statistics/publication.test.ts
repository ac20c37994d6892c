import { describe, expect, it } from 'vitest';
import { countParticipations } from './participantStatistics.ts';
import { freezeYear, readFrozenFederation, readFrozenIntervention, type FrozenYear, type YearCounts } from './publication.ts';
import { vastmanland2025Participations, vastmanlandTeams2025 } from '../../services/interventions/syntheticParticipations.ts';
import { endedInYear, startedInYear, type ParticipationFacts } from '../interventions/participation.ts';

const units = vastmanlandTeams2025.map((t, i) => ({ id: i + 1, name: t.name }));
const facts: ParticipationFacts[] = vastmanland2025Participations(new Map(units.map((u) => [u.name, u.id])));

function yearCounts(year: number): YearCounts {
  return {
    year,
    units,
    members: [],
    all: countParticipations(facts, year),
    byUnit: new Map(units.map((u) => [u.id, countParticipations(facts.filter((p) => p.interventionId === u.id), year)])),
    started: countParticipations(facts.filter((p) => startedInYear(p, year)), year),
    ended: countParticipations(facts.filter((p) => endedInYear(p, year)), year),
  };
}

describe('the frozen publication of closed years', () => {
  it('keeps the annual report\'s totals exact (278 active, 108 ended) and hides small counts in every scope', () => {
    const frozen: FrozenYear[] = [];
    for (const year of [2023, 2024, 2025]) {
      const t0 = performance.now();
      frozen.push(freezeYear(yearCounts(year), frozen.at(-1) ?? null, { minCellSize: 5, protectionInterval: 1 }));
      expect(performance.now() - t0).toBeLessThan(30_000);
    }
    const s = readFrozenFederation(frozen[2]!, frozen);
    expect(s.flowByGender.rowTotals![0]).toBe(278);
    expect(s.flowByGender.rowTotals![2]).toBe(108);
    expect(s.exitOutcomes.rowTotals![0]).toBe(108);
    for (const u of units) {
      const us = readFrozenIntervention(frozen[2]!, u.id, u.name, frozen);
      for (const row of us.flowByGender.cells) for (const c of row) if (c !== null) expect(c === 0 || c >= 5).toBe(true);
    }
  }, 60_000);
});
