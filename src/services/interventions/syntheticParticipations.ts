import type { ParticipationFacts } from '../../core/interventions/participation.ts';
import { daysPerMonth } from '../../core/interventions/dates.ts';
import type { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';

/**
 * A synthetic set of participations consistent with what Samordningsförbundet Västmanland's annual report
 * 2025 says about its six individual interventions (278 participants, 108 ended, 51 % / 44 % / 24 %
 * outcomes, 50 % with public support more than four years, 37 % compulsory school, 14 months on average,
 * Teamsamverkan: 15 persons, 11 men and 4 women aged 30–59, all with income support before).
 * Nobody real: every attribute is assigned by position so the totals come out exactly. Used by the demo
 * data and by the test that reproduces the report's figures.
 */
export interface SyntheticTeam {
  readonly name: string;
  readonly active2025: number;
  readonly ended2025: number;
}

export const vastmanlandTeams2025: readonly SyntheticTeam[] = [
  { name: 'Samordningsteam Västerås', active2025: 110, ended2025: 45 },
  { name: 'Samordningsteam FNS', active2025: 65, ended2025: 27 },
  { name: 'Samordningsteam Sala', active2025: 40, ended2025: 16 },
  { name: 'Samordningsteam Hallstahammar', active2025: 28, ended2025: 12 },
  { name: 'Samordningsteam Surahammar', active2025: 20, ended2025: 8 },
  { name: 'Teamsamverkan i Västra Mälardalen', active2025: 15, ended2025: 0 },
];

/** Exit outcomes of the 108 who ended in 2025, in the order they are handed out. */
const outcomes2025: readonly [ExitOutcome, number][] = [
  ['work', 15],
  ['studies', 11],
  ['job_seeking', 14],
  ['other_intervention', 15],
  ['sick', 47],
  ['moved', 2],
  ['broke_off', 3],
  ['other', 1],
];

const supportAfterFor: Record<ExitOutcome, SupportSource> = {
  work: 'salary',
  studies: 'study_aid',
  job_seeking: 'unemployment_benefit',
  other_intervention: 'income_support',
  sick: 'sickness_benefit',
  moved: 'unknown',
  broke_off: 'income_support',
  other: 'unknown',
};

const ageBands: readonly AgeBand[] = ['20-24', '25-29', '30-39', '40-49', '50-59', '30-39', '40-49', '60-67', '16-19', '50-59'];
const before: readonly SupportSource[] = ['income_support', 'sickness_benefit', 'income_support', 'sickness_compensation', 'unemployment_benefit', 'income_support', 'none', 'establishment_allowance'];
const educationOrder: readonly Education[] = ['upper_secondary', 'post_secondary', 'none_completed', 'unknown'];
const shorterDurations: readonly SupportDuration[] = ['lt1', '1to2', '2to4', 'unknown'];

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The participations, for intervention ids given by team name. Counts over all 278 (by global position k):
 * the first 139 have had public support for more than 4 years, positions 139–241 (103) have compulsory school.
 */
export function vastmanland2025Participations(interventionIds: ReadonlyMap<string, number>): ParticipationFacts[] {
  const out: ParticipationFacts[] = [];
  const outcomeQueue = outcomes2025.flatMap(([o, n]) => Array.from({ length: n }, () => o));
  let k = 0;
  let endedSoFar = 0;
  for (const team of vastmanlandTeams2025) {
    const interventionId = interventionIds.get(team.name);
    if (interventionId === undefined) throw new Error(`Okänd insats: ${team.name}`);
    const teamsamverkan = team.name.startsWith('Teamsamverkan');
    for (let i = 0; i < team.active2025; i++, k++) {
      const ends = i < team.ended2025;
      let gender: Gender = k % 2 === 0 ? 'woman' : 'man';
      if (k % 23 === 5) gender = 'other';
      let ageBand = ageBands[k % ageBands.length]!;
      let supportBefore = before[k % before.length]!;
      if (teamsamverkan) {
        gender = i < 4 ? 'woman' : 'man';
        ageBand = (['30-39', '40-49', '50-59'] as const)[i % 3]!;
        supportBefore = 'income_support';
      }
      const supportDuration: SupportDuration = k < 139 ? 'gt4' : shorterDurations[k % shorterDurations.length]!;
      const education: Education = k >= 139 && k < 242 ? 'compulsory' : educationOrder[k % educationOrder.length]!;
      let startDate: string;
      let endDate: string | null = null;
      let exitOutcome: ExitOutcome | null = null;
      if (ends) {
        // Ended during 2025 after 8 or 20 months (14 on average).
        endDate = addDays('2025-01-20', (endedSoFar * 3) % 340);
        const months = endedSoFar % 2 === 0 ? 8 : 20;
        startDate = addDays(endDate, -(Math.round(months * daysPerMonth) - 1));
        exitOutcome = outcomeQueue[endedSoFar]!;
        endedSoFar++;
      } else {
        startDate = teamsamverkan ? addDays('2024-09-01', i * 20) : addDays('2023-08-01', (i * 37) % 850);
      }
      out.push({
        interventionId,
        gender,
        ageBand,
        homeMunicipality: null,
        referringMemberId: null,
        supportBefore,
        supportDuration,
        education,
        startDate,
        endDate,
        exitOutcome,
        supportAfter: exitOutcome ? supportAfterFor[exitOutcome] : null,
      });
    }
  }
  return out;
}
