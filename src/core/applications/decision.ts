/**
 * What a justerat decision on an application turns into, without retyping: the intervention (title, owner,
 * co-operating members, period, target group), its grants per year and its goals. A rejection keeps the
 * application and its reason.
 */
import type { InterventionKind } from '../interventions/vocabulary.ts';
import { budgetPerYear, type BudgetRow, type YearAmount } from './application.ts';
import type { ApplicationLevel } from './vocabulary.ts';

export interface DecidedApplication {
  readonly title: string;
  readonly ownerMemberId: number | null;
  readonly cooperatingMemberIds: readonly number[];
  readonly level: ApplicationLevel | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly targetGroup: string;
  readonly goals: readonly string[];
  readonly budget: readonly BudgetRow[];
  /** The kansli's proposal (beredning), if any. */
  readonly proposal: readonly YearAmount[];
}

export interface InterventionPlan {
  readonly name: string;
  readonly kind: InterventionKind;
  readonly ownerMemberId: number | null;
  readonly participatingMemberIds: readonly number[];
  readonly periodStart: string;
  readonly periodEnd: string | null;
  readonly targetGroup: string;
  readonly goals: readonly string[];
  readonly grants: readonly YearAmount[];
}

/**
 * Process support (processtöd) is recorded as a structural intervention: the intervention model knows only
 * individual and structural work, and process support reaches people through other interventions.
 */
export const interventionKindOf = (level: ApplicationLevel | null): InterventionKind => (level === 'individual' ? 'individual' : 'structural');

/**
 * The grants are the amounts the paragraph decided; a "beviljas" without amounts grants the proposal, and
 * without a proposal the budget applied for, per year.
 */
export function interventionPlan(a: DecidedApplication, decided: readonly YearAmount[], decisionDate: string): InterventionPlan {
  const grants = decided.length ? decided : a.proposal.length ? a.proposal : budgetPerYear(a.budget);
  return {
    name: a.title,
    kind: interventionKindOf(a.level),
    ownerMemberId: a.ownerMemberId,
    participatingMemberIds: a.cooperatingMemberIds,
    periodStart: a.periodStart ?? decisionDate,
    periodEnd: a.periodEnd,
    targetGroup: a.targetGroup,
    goals: a.goals,
    grants: [...grants].sort((x, y) => x.year - y.year),
  };
}
