/**
 * The year's reports, all read from ONE model (src/core/economy/yearFigures.ts) loaded once per call
 * (./yearFacts.ts): the driftredovisning, the key figures and everything the dashboard and key-figures page
 * show. Nothing here computes a figure of its own.
 */
import type { Queryable } from '../../db/database.ts';
import type { OperatingStatement } from '../../core/economy/operatingStatement.ts';
import type { CostDistribution, EquityAssessment, KeyFigures, OverviewRow } from '../../core/economy/keyFigures.ts';
import type { FullYearForecast } from '../../core/economy/yearForecast.ts';
import type { YearPeriod } from '../../core/economy/period.ts';
import type { EconomyWarning } from '../../core/economy/warnings.ts';
import { yearFigures, type YearFiguresOptions } from './yearFacts.ts';

export { getYearFigures, yearFigures, loadYearFacts } from './yearFacts.ts';

/** The driftredovisning of a year (exact öre; present with src/core/economy/statementTable.ts). */
export async function getOperatingStatement(q: Queryable, federationId: number, year: number, opts: Pick<YearFiguresOptions, 'knownVersion'> = {}): Promise<OperatingStatement> {
  return (await yearFigures(q, federationId, year, opts)).statement;
}

/** The reference contract's key figures for a year (öre; toKeyFiguresJson gives the contract's kronor JSON). */
export async function getKeyFigures(q: Queryable, federationId: number, year: number, opts: Pick<YearFiguresOptions, 'knownVersion'> = {}): Promise<KeyFigures> {
  return (await yearFigures(q, federationId, year, opts)).keyFigures;
}

export interface EconomyOverview {
  readonly year: number;
  /** The period the figures belong to, and in words. */
  readonly period: YearPeriod;
  readonly periodLabel: string;
  /** Key figures of the period (to date for an open year). */
  readonly keyFigures: KeyFigures;
  /** Key figures of the full year as forecast (the key figures when complete). */
  readonly forecastFigures: KeyFigures;
  readonly equity: EquityAssessment;
  /** Whole per cent per section: budget (revised), outcome, last year's outcome (null without one). */
  readonly costDistribution: { readonly budget: CostDistribution; readonly outcome: CostDistribution; readonly previousOutcome: CostDistribution | null };
  readonly fiveYear: readonly OverviewRow[];
  readonly forecast: FullYearForecast;
  readonly warnings: readonly EconomyWarning[];
  readonly statement: OperatingStatement;
}

/**
 * Everything the key-figures page and the API's overview show for a year. The forecast uses the outcome through
 * `throughMonth` (default: the last month with any outcome).
 */
export async function getEconomyOverview(q: Queryable, federationId: number, year: number, opts: { throughMonth?: number } = {}): Promise<EconomyOverview> {
  const f = await yearFigures(q, federationId, year, opts);
  return {
    year,
    period: f.period,
    periodLabel: f.periodLabel,
    keyFigures: f.keyFigures,
    forecastFigures: f.forecastFigures,
    equity: f.equity,
    costDistribution: f.costDistribution,
    fiveYear: f.fiveYear,
    forecast: f.forecast,
    warnings: f.warnings,
    statement: f.statement,
  };
}
