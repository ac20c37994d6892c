/**
 * The dashboard's view of a year: the whole-year figures when the outcome covers all twelve months (or there
 * is none yet), else the forecast (src/core/economy/forecast.ts, per line by budget profile) run through the same key
 * figures as an outcome would be — costs per section, result, and the equity it would leave against the cap
 * and floor. Nothing is computed differently from the key figures.
 */
import type { FederationSettings } from '../settings.ts';
import { sumBySection } from './budget.ts';
import type { YearForecast } from './forecast.ts';
import { assessEquity, computeKeyFigures, type EquityAssessment, type KeyFigures } from './keyFigures.ts';
import type { BudgetLine, FiscalYearFacts, LineAmounts, Section } from './types.ts';

export interface YearOutlook {
  /** Months the figures rest on: 12 = the whole year, 1–11 = forecast from these months, 0 = no outcome yet. */
  readonly throughMonth: number;
  readonly isForecast: boolean;
  /** Costs per section for the whole year (actual or forecast), positive öre. */
  readonly costBySection: Record<Section, number>;
  /** Key figures of the year as it stands (actual) or as forecast (result, equity, shares). */
  readonly figures: KeyFigures;
  readonly equity: EquityAssessment;
}

export function yearOutlook(input: {
  federation: string;
  facts: FiscalYearFacts;
  lines: ReadonlyMap<number, BudgetLine>;
  settings: FederationSettings;
  /** The year's outcome per line so far. */
  outcome: readonly LineAmounts[];
  forecast: YearForecast;
  /** The year's actual key figures (with the ledger's figures when the year has a ledger): used as they are
   * when the year is not a forecast, so the dashboard and the key-figures page can never disagree. */
  actual?: KeyFigures;
}): YearOutlook {
  const isForecast = input.forecast.throughMonth > 0 && input.forecast.throughMonth < 12;
  const lines = isForecast ? input.forecast.lines : input.outcome;
  const figures = !isForecast && input.actual ? input.actual : computeKeyFigures({ federation: input.federation, facts: input.facts, lines: input.lines, outcome: lines, budget: [] });
  return {
    throughMonth: input.forecast.throughMonth,
    isForecast,
    costBySection: sumBySection(lines, input.lines).cost,
    figures,
    equity: assessEquity(figures, input.settings),
  };
}
