import type { Queryable } from '../../db/database.ts';
import { buildOperatingStatement, type OperatingStatement } from '../../core/economy/operatingStatement.ts';
import {
  assessEquity,
  computeKeyFigures,
  costDistribution,
  fiveYearOverview,
  type CostDistribution,
  type EquityAssessment,
  type KeyFigures,
  type OverviewRow,
} from '../../core/economy/keyFigures.ts';
import { forecastYear, lastMonthWithOutcome, type YearForecast } from '../../core/economy/forecast.ts';
import { economyWarnings, type EconomyWarning } from '../../core/economy/warnings.ts';
import type { BudgetLine, FiscalYearFacts } from '../../core/economy/types.ts';
import { getFederation } from './federations.ts';
import { lineMap, listBudgetLines } from './lines.ts';
import { loadRevisedBudget } from './budget.ts';
import { loadYearOutcome } from './outcome.ts';
import { findFiscalYear, getFiscalYear, listFiscalYears, listYearSummaries } from './years.ts';
import { ledgerFinancial, ledgerKeyFigureFacts, withLedgerFigures } from '../ledger/economy-link.ts';
import { memoizeReads } from '../../db/memoizeReads.ts';

/** The driftredovisning of a year (exact öre; present with src/core/economy/statementTable.ts). */
export async function getOperatingStatement(q: Queryable, federationId: number, year: number): Promise<OperatingStatement> {
  const facts = await getFiscalYear(q, federationId, year);
  const previousFacts = await findFiscalYear(q, federationId, year - 1);
  const lines = await listBudgetLines(q, federationId);
  const outcome = await loadYearOutcome(q, federationId, year);
  const budget = await loadRevisedBudget(q, federationId, year);
  const previous = previousFacts ? await loadYearOutcome(q, federationId, year - 1) : null;
  return buildOperatingStatement({
    year,
    lines,
    outcome: outcome.byLine,
    budget,
    previousOutcome: previous ? previous.byLine : null,
    financial: (await ledgerFinancial(q, federationId, year)) ?? financialOf(facts),
    previousFinancial: (await ledgerFinancial(q, federationId, year - 1)) ?? (previousFacts ? financialOf(previousFacts) : null),
  });
}

function financialOf(f: FiscalYearFacts) {
  return f.financialIncomeOre === null && f.financialCostOre === null ? null : { incomeOre: f.financialIncomeOre ?? 0, costOre: f.financialCostOre ?? 0 };
}

async function keyFiguresFor(q: Queryable, federationId: number, federationName: string, facts: FiscalYearFacts, lines: ReadonlyMap<number, BudgetLine>): Promise<KeyFigures> {
  const outcome = await loadYearOutcome(q, federationId, facts.year);
  const budget = await loadRevisedBudget(q, federationId, facts.year);
  return withLedgerFigures(computeKeyFigures({ federation: federationName, facts, lines, outcome: outcome.byLine, budget }), await ledgerKeyFigureFacts(q, federationId, facts.year), facts.allocationOre);
}

/** The reference contract's key figures for a year (öre; toKeyFiguresJson gives the contract's kronor JSON). */
export async function getKeyFigures(q: Queryable, federationId: number, year: number): Promise<KeyFigures> {
  const federation = await getFederation(q, federationId);
  const facts = await getFiscalYear(q, federationId, year);
  return keyFiguresFor(q, federationId, federation.name, facts, await lineMap(q, federationId));
}

export interface EconomyOverview {
  readonly year: number;
  readonly keyFigures: KeyFigures;
  readonly equity: EquityAssessment;
  /** Whole per cent per section: budget (revised), outcome, last year's outcome (null without one). */
  readonly costDistribution: { readonly budget: CostDistribution; readonly outcome: CostDistribution; readonly previousOutcome: CostDistribution | null };
  readonly fiveYear: readonly OverviewRow[];
  readonly forecast: YearForecast;
  readonly warnings: readonly EconomyWarning[];
  readonly statement: OperatingStatement;
}

/**
 * Everything the dashboard and the key-figures page show for a year. The forecast uses the outcome through
 * `throughMonth` (default: the last month with any outcome).
 */
export async function getEconomyOverview(db: Queryable, federationId: number, year: number, opts: { throughMonth?: number } = {}): Promise<EconomyOverview> {
  // The overview reads the same years' rows for key figures, statement and five-year table: ask once.
  const q = memoizeReads(db);
  const federation = await getFederation(q, federationId);
  const facts = await getFiscalYear(q, federationId, year);
  const lines = await lineMap(q, federationId);
  const keyFigures = await keyFiguresFor(q, federationId, federation.name, facts, lines);
  const outcome = await loadYearOutcome(q, federationId, year);
  const budget = await loadRevisedBudget(q, federationId, year);
  const statement = await getOperatingStatement(q, federationId, year);
  const previousFacts = await findFiscalYear(q, federationId, year - 1);
  const previous = previousFacts ? await loadYearOutcome(q, federationId, year - 1) : null;

  const computed = new Map<number, { key: KeyFigures; employees: number | null }>();
  for (const f of await listFiscalYears(q, federationId)) {
    if (f.year > year || f.year <= year - 5) continue;
    const o = f.year === year ? outcome : await loadYearOutcome(q, federationId, f.year);
    if (o.byLine.length === 0) continue;
    computed.set(f.year, { key: f.year === year ? keyFigures : await keyFiguresFor(q, federationId, federation.name, f, lines), employees: f.employees });
  }
  const summaries = new Map((await listYearSummaries(q, federationId)).map((s) => [s.year, s]));
  const equity = assessEquity(keyFigures, federation.settings);
  const throughMonth = opts.throughMonth ?? lastMonthWithOutcome(outcome.monthly);
  return {
    year,
    keyFigures,
    equity,
    costDistribution: {
      budget: costDistribution(budget, lines),
      outcome: costDistribution(outcome.byLine, lines),
      previousOutcome: previous && previous.byLine.length ? costDistribution(previous.byLine, lines) : null,
    },
    fiveYear: fiveYearOverview(year, computed, summaries),
    forecast: forecastYear(outcome.monthly, throughMonth),
    warnings: economyWarnings(statement, equity),
    statement,
  };
}
