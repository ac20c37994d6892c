/** Warnings for the dashboard: a line whose cost is over budget, equity above the cap or below the floor. */
import type { EquityAssessment } from './keyFigures.ts';
import type { OperatingStatement } from './operatingStatement.ts';

export type EconomyWarning =
  | { readonly kind: 'line_over_budget'; readonly lineId: number; readonly label: string; readonly overOre: number; readonly forecast: boolean; readonly message: string }
  | { readonly kind: 'equity_above_cap'; readonly equityOre: number; readonly capOre: number; readonly message: string }
  | { readonly kind: 'equity_below_floor'; readonly equityOre: number; readonly floorOre: number; readonly message: string };

/**
 * Cost lines (not income) whose full-year cost exceeds the (revised) budget, largest excess first, and equity
 * outside cap or floor. For an open year the statement is the forecast for the full year (`forecast`), never the
 * outcome to date, so the warnings speak of the same figures as the forecast result and equity beside them.
 */
export function economyWarnings(statement: OperatingStatement, equity: EquityAssessment, forecast = false): EconomyWarning[] {
  const warnings: EconomyWarning[] = [];
  const over = statement.sections
    .filter((s) => s.section !== 'income')
    .flatMap((s) => s.lines)
    .filter((l) => l.figures.outcome.costOre > l.figures.budget.costOre)
    .map((l) => ({ l, overOre: l.figures.outcome.costOre - l.figures.budget.costOre }))
    .sort((a, b) => b.overOre - a.overOre);
  for (const { l, overOre } of over) {
    warnings.push({
      kind: 'line_over_budget',
      lineId: l.line.id,
      label: l.line.label,
      overOre,
      forecast,
      message: forecast ? `${l.line.label}: prognosen för helåret är över budget.` : `${l.line.label}: kostnaden är över budget.`,
    });
  }
  if (equity.status === 'above_cap' && equity.equityClosingOre !== null && equity.capOre !== null) {
    warnings.push({ kind: 'equity_above_cap', equityOre: equity.equityClosingOre, capOre: equity.capOre, message: 'Det egna kapitalet är över det rekommenderade taket.' });
  }
  if (equity.status === 'below_floor' && equity.equityClosingOre !== null && equity.floorOre !== null) {
    warnings.push({ kind: 'equity_below_floor', equityOre: equity.equityClosingOre, floorOre: equity.floorOre, message: 'Det egna kapitalet är under den lägsta nivån.' });
  }
  return warnings;
}
