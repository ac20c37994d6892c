/** A förbund's configurable limits. Stored as JSON on the federation; missing keys take these defaults. */
export interface FederationSettings {
  /** Recommended maximum equity as a share of the year's allocation (Nationella rådet: 20 %). */
  equityCapShare: number;
  /**
   * The staircase by the size of the allocation: from `fromAllocationOre` upwards the cap is `share` instead
   * (ascending thresholds). Empty = one step, equityCapShare for every size. The rule that reads it is
   * equityCapShareFor in src/core/economy/keyFigures.ts.
   */
  equityCapSteps: readonly EquityCapStep[];
  /** Local floor for equity in öre (e.g. "not below 500 tkr"); null means none. */
  equityFloorOre: number | null;
  /** Smallest count shown in any statistic; smaller cells are hidden. */
  minCellSize: number;
  /**
   * Protection interval: a reader's range for every hidden count (worked out from everything published)
   * must be at least this wide (max − min). 1 = never pinned to one value. See docs/statistics-protection.md.
   */
  protectionInterval: number;
  /**
   * Length of the publication period in months: statistics for roles other than an intervention's own
   * staff are published per closed period and frozen. Only 12 (the calendar year) is accepted: shorter
   * periods would publish a year's figures twice, and the difference would single out who came in between.
   */
  statisticsPeriodMonths: 12;
  /** Days after the period's end before it closes and its figures are frozen (late registrations). */
  statisticsClosingDays: number;
}

export interface EquityCapStep {
  readonly fromAllocationOre: number;
  readonly share: number;
}

/** Problems with a staircase: thresholds ascending and positive, shares 0–1. */
export function equityCapStepProblems(steps: unknown): string[] {
  if (!Array.isArray(steps)) return ['Trappan ska vara en lista av steg.'];
  const problems: string[] = [];
  let last = 0;
  steps.forEach((st: unknown, i) => {
    const s = st as Partial<EquityCapStep> | null;
    if (!s || typeof s !== 'object' || !Number.isSafeInteger(s.fromAllocationOre) || (s.fromAllocationOre as number) <= last) {
      problems.push(`Steg ${i + 1}: gränsen ska vara ett belopp större än föregående steg.`);
    } else last = s.fromAllocationOre as number;
    if (!s || typeof s.share !== 'number' || !(s.share >= 0 && s.share <= 1)) problems.push(`Steg ${i + 1}: taket anges som andel 0–1.`);
  });
  return problems;
}

export const defaultSettings: FederationSettings = {
  equityCapShare: 0.2,
  equityCapSteps: [],
  equityFloorOre: null,
  minCellSize: 5,
  protectionInterval: 1,
  statisticsPeriodMonths: 12,
  statisticsClosingDays: 31,
};

export function resolveSettings(stored: unknown): FederationSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<FederationSettings>;
  return {
    equityCapShare: typeof s.equityCapShare === 'number' ? s.equityCapShare : defaultSettings.equityCapShare,
    equityCapSteps: equityCapStepProblems(s.equityCapSteps).length === 0 ? (s.equityCapSteps as EquityCapStep[]).map((x) => ({ fromAllocationOre: x.fromAllocationOre, share: x.share })) : [],
    equityFloorOre: typeof s.equityFloorOre === 'number' ? s.equityFloorOre : defaultSettings.equityFloorOre,
    minCellSize:
      typeof s.minCellSize === 'number' && Number.isInteger(s.minCellSize) && s.minCellSize >= 1
        ? s.minCellSize
        : defaultSettings.minCellSize,
    protectionInterval:
      typeof s.protectionInterval === 'number' && Number.isInteger(s.protectionInterval) && s.protectionInterval >= 1 && s.protectionInterval <= 100
        ? s.protectionInterval
        : defaultSettings.protectionInterval,
    statisticsPeriodMonths: 12,
    statisticsClosingDays:
      typeof s.statisticsClosingDays === 'number' && Number.isInteger(s.statisticsClosingDays) && s.statisticsClosingDays >= 0 && s.statisticsClosingDays <= 366
        ? s.statisticsClosingDays
        : defaultSettings.statisticsClosingDays,
  };
}
