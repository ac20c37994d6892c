/** A förbund's configurable limits. Stored as JSON on the federation; missing keys take these defaults. */
export interface FederationSettings {
  /** Recommended maximum equity as a share of the year's allocation (Nationella rådet: 20 %). */
  equityCapShare: number;
  /** Local floor for equity in öre (e.g. "not below 500 tkr"); null means none. */
  equityFloorOre: number | null;
  /** Smallest count shown in any statistic; smaller cells are hidden. */
  minCellSize: number;
}

export const defaultSettings: FederationSettings = {
  equityCapShare: 0.2,
  equityFloorOre: null,
  minCellSize: 5,
};

export function resolveSettings(stored: unknown): FederationSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<FederationSettings>;
  return {
    equityCapShare: typeof s.equityCapShare === 'number' ? s.equityCapShare : defaultSettings.equityCapShare,
    equityFloorOre: typeof s.equityFloorOre === 'number' ? s.equityFloorOre : defaultSettings.equityFloorOre,
    minCellSize:
      typeof s.minCellSize === 'number' && Number.isInteger(s.minCellSize) && s.minCellSize >= 1
        ? s.minCellSize
        : defaultSettings.minCellSize,
  };
}
