/**
 * Consumption rate (förbrukningsgrad): requisitioned (or booked) money over decided money, per year and over
 * the whole period. Amounts in öre; the rate as a whole percentage (half up), null when nothing was decided.
 */
import { yearOf } from '../calendar.ts';

export interface GrantAmount {
  readonly year: number;
  readonly decidedOre: number;
}

export interface RequisitionAmount {
  /** ISO date; the year it falls in is the year it uses. */
  readonly date: string;
  readonly amountOre: number;
}

export interface ConsumptionLine {
  readonly year: number | null; // null = the whole period
  readonly decidedOre: number;
  readonly usedOre: number;
  readonly ratePercent: number | null;
}

export function consumptionRate(usedOre: number, decidedOre: number): number | null {
  if (decidedOre <= 0) return null;
  return Math.round((100 * usedOre) / decidedOre);
}

export function consumption(grants: readonly GrantAmount[], requisitions: readonly RequisitionAmount[]): ConsumptionLine[] {
  const years = [...new Set([...grants.map((g) => g.year), ...requisitions.map((r) => yearOf(r.date))])].sort((a, b) => a - b);
  const lines = years.map((year) => {
    const decidedOre = grants.filter((g) => g.year === year).reduce((s, g) => s + g.decidedOre, 0);
    const usedOre = requisitions.filter((r) => r.date.startsWith(`${year}-`)).reduce((s, r) => s + r.amountOre, 0);
    return { year, decidedOre, usedOre, ratePercent: consumptionRate(usedOre, decidedOre) };
  });
  const decidedOre = lines.reduce((s, l) => s + l.decidedOre, 0);
  const usedOre = lines.reduce((s, l) => s + l.usedOre, 0);
  return [...lines, { year: null, decidedOre, usedOre, ratePercent: consumptionRate(usedOre, decidedOre) }];
}
