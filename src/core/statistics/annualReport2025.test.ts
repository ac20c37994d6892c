import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { computeParticipantStatistics } from './participantStatistics.ts';
import { vastmanland2025Participations, vastmanlandTeams2025 } from '../../services/interventions/syntheticParticipations.ts';

const reference = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland-2025.source.json', import.meta.url), 'utf8'));
const ps = reference.participant_statistics;

const interventions = vastmanlandTeams2025.map((t, i) => ({ id: i + 1, name: t.name }));
const ids = new Map(interventions.map((i) => [i.name, i.id]));
const participations = vastmanland2025Participations(ids);
const teams = interventions.filter((i) => i.name.startsWith('Samordningsteam'));
const teamsamverkan = interventions.filter((i) => i.name.startsWith('Teamsamverkan'));

describe('the participant figures of the 2025 annual report, from synthetic participations', () => {
  const all = computeParticipantStatistics(participations, { year: 2025, minCellSize: 5, interventions });
  const active = (s: typeof all) => s.flowByGender.rowTotals![0];
  const ended = (s: typeof all) => s.flowByGender.rowTotals![2];

  it('counts participants in the six interventions, the five teams, and the ended', () => {
    expect(interventions.length).toBe(ps.individual_interventions_count);
    expect(active(all)).toBe(ps.total_participants_six_interventions);
    expect(active(computeParticipantStatistics(participations, { year: 2025, minCellSize: 5, interventions: teams }))).toBe(ps.five_teams_participants);
    expect(ended(all)).toBe(ps.ended_participants);
    // "ingen avslutade i Teamsamverkan under året"
    expect(ended(computeParticipantStatistics(participations, { year: 2025, minCellSize: 1, interventions: teamsamverkan }))).toBe(0);
  });

  it('gives the report\'s shares, rounded to whole per cent', () => {
    expect(all.shares.closerToWork).toBe(ps.pct_started_work_studies_or_closer);
    expect(all.shares.sick).toBe(ps.pct_ended_sick_medical_rehab);
    expect(all.shares.workOrStudies).toBe(ps.pct_studies_and_employment);
    expect(all.shares.publicSupportOver4Years).toBe(ps.pct_public_support_over_4_years);
    expect(all.shares.compulsorySchoolHighest).toBe(ps.pct_compulsory_school_highest_approx);
  });

  it('gives 14 months on average in the intervention', () => {
    expect(Math.round(all.duration.averageMonths!)).toBe(ps.average_participation_months);
  });

  it('Teamsamverkan: 15 persons, 11 men and 4 women — the 4 is hidden at the default minimum cell size', () => {
    const exact = computeParticipantStatistics(participations, { year: 2025, minCellSize: 1, interventions: teamsamverkan });
    const col = (label: string) => exact.flowByGender.colLabels.indexOf(label);
    expect(exact.flowByGender.rowTotals![0]).toBe(ps.teamsamverkan.persons);
    expect(exact.flowByGender.cells[0]![col('Man')]).toBe(ps.teamsamverkan.men);
    expect(exact.flowByGender.cells[0]![col('Kvinna')]).toBe(ps.teamsamverkan.women);
    expect(exact.supportBefore.cells[0]![exact.supportBefore.colLabels.indexOf('Försörjningsstöd')]).toBe(15);
    // Published by Samordna: 4 women is a small count, so it is hidden, and the men too (else 15 − 11 = 4).
    const published = computeParticipantStatistics(participations, { year: 2025, minCellSize: 5, interventions: teamsamverkan });
    expect(published.flowByGender.cells[0]![col('Kvinna')]).toBeNull();
    expect(published.flowByGender.cells[0]![col('Man')]).toBeNull();
    expect(published.flowByGender.rowTotals![0]).toBe(15);
  });

  it('suppresses every table at the default minimum cell size without losing the key totals', () => {
    for (const t of [all.exitOutcomes, all.outcomeByGender, all.transition, all.activeByAgeAndGender, all.education]) {
      for (const row of t.cells) for (const c of row) if (c !== null) expect(c === 0 || c >= 5).toBe(true);
    }
    expect(all.exitOutcomes.rowTotals![0]).toBe(108);
  });
});
