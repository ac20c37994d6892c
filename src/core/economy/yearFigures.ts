/**
 * ONE model of a förbund-year's figures. computeYearFigures turns the year's facts — budget lines (with their
 * budget profiles), the adopted budget and its revisions, outcome rows by source (incl. the ledger's mapped
 * rows), ledger account balances, financial items, equity movements, earlier years and the förbund's settings —
 * into every figure the pages, the API, the CLI and the reports show:
 *   - the source rule (outcomeSources.ts: a year imported from SIE takes its outcome from the ledger alone;
 *     otherwise one bulk source with manual entries on top; never double counting),
 *   - the ledger rule (a year with a ledger takes income, costs, financial items, result, equity and
 *     soliditet from the ledger's accounts, whether or not they are mapped to budget lines),
 *   - driftredovisning, key figures (the reference contract), cost distribution, equity against cap and floor,
 *     the five-year overview, the forecast (per line by budget profile), the year's outlook and warnings,
 *   - budget to date for any month (budgetToDate), for "outcome to date against budget to date".
 * Pure: no I/O. The facts are loaded in one go by src/services/economy/yearFacts.ts.
 */
import { effectiveRanges, type ClassRange } from '../ledger/classification.ts';
import { computeStatements, type AccountBalance } from '../ledger/statements.ts';
import { NotFoundError } from '../errors.ts';
import { ratio } from '../rounding.ts';
import type { FederationSettings } from '../settings.ts';
import { checkContributions, type Contribution } from './allocation.ts';
import { applyRevisions, sumBySection, type BudgetRevision } from './budget.ts';
import { budgetToDate as spreadToDate, profileOf, type BudgetProfile } from './budgetProfile.ts';
import { forecastYear, lastMonthWithOutcome, type YearForecast } from './forecast.ts';
import {
  assessEquity,
  computeKeyFigures,
  costDistribution,
  fiveYearOverview,
  type CostDistribution,
  type EquityAssessment,
  type KeyFigures,
  type OverviewRow,
} from './keyFigures.ts';
import { buildOperatingStatement, type OperatingStatement } from './operatingStatement.ts';
import { yearOutcome, type OutcomeSource, type YearOutcome } from './outcomeSources.ts';
import type { BudgetLine, FinancialItems, FiscalYearFacts, LineAmounts, Member, MonthlyOutcome, Section, YearSummary } from './types.ts';
import { economyWarnings, type EconomyWarning } from './warnings.ts';
import { yearOutlook, type YearOutlook } from './yearOutlook.ts';
import { yearOf } from '../calendar.ts';

/** A budget line with its budget profile (null: the section's default). */
export interface ProfiledLine extends BudgetLine {
  readonly profile?: BudgetProfile | null;
}

/** One outcome row as stored: a year, line and month from one source. */
export interface OutcomeRow extends MonthlyOutcome {
  readonly year: number;
  readonly source: OutcomeSource;
}

/** One imported SIE file's year: its own balances (#RAR 0) and those of the year before it carries (#RAR −1). */
export interface LedgerFile {
  /** ISO start date of the file's financial year. */
  readonly start: string;
  /** ISO start date of the previous year the file carries, or null. */
  readonly previousStart: string | null;
  readonly balances: readonly AccountBalance[];
  readonly previousBalances: readonly AccountBalance[];
}

/** Everything computeYearFigures needs; the loader reads it in one go. */
export interface YearFacts {
  readonly federation: { readonly name: string; readonly settings: FederationSettings };
  readonly year: number;
  /** Every fiscal year of the förbund. */
  readonly fiscalYears: readonly FiscalYearFacts[];
  readonly lines: readonly ProfiledLine[];
  /** The year's adopted budget and its revisions (tilläggsbudgetar). */
  readonly budget: { readonly original: readonly LineAmounts[]; readonly revisions: readonly BudgetRevision[] };
  /** Outcome rows of the year and the four years before (every source; the rule picks). */
  readonly outcomeRows: readonly OutcomeRow[];
  /** Printed totals of years without lines (five-year overview). */
  readonly yearSummaries: readonly YearSummary[];
  /** The förbund's ledger: its own class ranges (defaults added here) and the imported files. */
  readonly ledger: { readonly classRanges: readonly ClassRange[]; readonly files: readonly LedgerFile[] };
  /** For the payer groups' shares of the year's contributions. */
  readonly members: readonly Member[];
  readonly contributions: readonly Contribution[];
}

/** The ledger's figures of a year (from its own file, else from a later file's previous year). */
export interface LedgerYearFigures {
  /** 'own': the year's own file (#RAR 0); 'later': the previous year carried by a later file. */
  readonly basis: 'own' | 'later';
  readonly operatingIncomeOre: number;
  readonly operatingCostOre: number;
  readonly financialIncomeOre: number;
  readonly financialCostOre: number;
  readonly resultOre: number;
  readonly openingEquityOre: number;
  readonly equityClosingOre: number;
  readonly totalAssetsOre: number;
  readonly equityRatio: number | null;
}

export interface YearFigures {
  readonly federation: string;
  readonly year: number;
  /** The förbund's fiscal years, ascending (for year selectors). */
  readonly years: readonly number[];
  readonly facts: FiscalYearFacts;
  readonly lines: readonly BudgetLine[];
  /** Each line's budget profile (its own or its section's default). */
  readonly profiles: ReadonlyMap<number, BudgetProfile>;
  readonly outcome: YearOutcome;
  readonly previousOutcome: YearOutcome | null;
  readonly budget: { readonly original: readonly LineAmounts[]; readonly revisions: readonly BudgetRevision[]; readonly revised: readonly LineAmounts[] };
  /** The year's ledger figures, null without a ledger. */
  readonly ledger: LedgerYearFigures | null;
  readonly statement: OperatingStatement;
  readonly keyFigures: KeyFigures;
  readonly equity: EquityAssessment;
  readonly costDistribution: { readonly budget: CostDistribution; readonly outcome: CostDistribution; readonly previousOutcome: CostDistribution | null };
  readonly fiveYear: readonly OverviewRow[];
  readonly forecast: YearForecast;
  /** The year as it stands (whole year) or as forecast (during the year), with the equity it leaves. */
  readonly outlook: YearOutlook;
  /** Lines over budget and equity (key figures) against cap and floor. */
  readonly warnings: readonly EconomyWarning[];
  /** Lines over budget and the outlook's equity against cap and floor (the dashboard during the year). */
  readonly outlookWarnings: readonly EconomyWarning[];
  /** Sections whose forecast cost for the whole year is over the budget (only during the year), largest first. */
  readonly sectionsOverBudget: readonly { readonly section: Exclude<Section, 'income'>; readonly forecastOre: number; readonly budgetOre: number; readonly overOre: number }[];
  /** Each payer group's share of the contributions; null without contributions. */
  readonly payerShares: { readonly state: number; readonly region: number; readonly municipalities: number } | null;
}

/** The ledger figures of a calendar year: its own file, else the earliest later file that carries it as #RAR −1. */
export function ledgerYearFigures(ledger: YearFacts['ledger'], year: number): LedgerYearFigures | null {
  const own = ledger.files.find((f) => yearOf(f.start) === year);
  const later = own ? undefined : [...ledger.files].sort((a, b) => (a.start < b.start ? -1 : 1)).find((f) => f.previousStart !== null && yearOf(f.previousStart) === year);
  if (!own && !later) return null;
  const s = computeStatements(own ? own.balances : later!.previousBalances, effectiveRanges(ledger.classRanges));
  const { income, balance } = s;
  return {
    basis: own ? 'own' : 'later',
    operatingIncomeOre: income.operatingIncomeOre,
    operatingCostOre: income.operatingCostOre,
    financialIncomeOre: income.financialIncomeOre,
    financialCostOre: income.financialCostOre,
    resultOre: income.resultOre,
    openingEquityOre: balance.openingEquityOre,
    equityClosingOre: balance.equityOre,
    totalAssetsOre: balance.totalAssetsOre,
    equityRatio: balance.totalAssetsOre > 0 ? ratio(balance.equityOre, balance.totalAssetsOre, 4) : null,
  };
}

/**
 * Key figures with the ledger's figures in place of those computed from outcome lines and entered facts.
 * Cost shares stay those of the mapped outcome (null until accounts are mapped to budget lines).
 */
export function withLedgerFigures(k: KeyFigures, ledger: LedgerYearFigures | null, allocationOre: number | null): KeyFigures {
  if (!ledger) return k;
  return {
    ...k,
    operatingIncomeOre: ledger.operatingIncomeOre,
    operatingCostOre: ledger.operatingCostOre,
    operatingResultOre: ledger.operatingIncomeOre - ledger.operatingCostOre,
    financialIncomeOre: ledger.financialIncomeOre,
    financialCostOre: ledger.financialCostOre,
    resultOre: ledger.resultOre,
    equityClosingOre: ledger.equityClosingOre,
    equityShareOfAllocation: allocationOre ? ratio(ledger.equityClosingOre, allocationOre, 4) : null,
    equityRatio: ledger.equityRatio,
  };
}

function financialOf(f: FiscalYearFacts): FinancialItems | null {
  return f.financialIncomeOre === null && f.financialCostOre === null ? null : { incomeOre: f.financialIncomeOre ?? 0, costOre: f.financialCostOre ?? 0 };
}

const costSections = ['administration', 'individual', 'structural', 'process_support'] as const;

/**
 * The year's figures. `throughMonth` chooses the months the forecast rests on (default: the last month with
 * any outcome; 12 for a year imported from SIE). Throws NotFoundError when the förbund has no such year.
 */
export function computeYearFigures(facts: YearFacts, opts: { throughMonth?: number } = {}): YearFigures {
  const { year } = facts;
  const byYear = new Map(facts.fiscalYears.map((f) => [f.year, f]));
  const yearFacts = byYear.get(year);
  if (!yearFacts) throw new NotFoundError(`Året ${year} finns inte för förbundet.`);
  const lineById = new Map<number, BudgetLine>(facts.lines.map((l) => [l.id, { id: l.id, section: l.section, label: l.label, sortOrder: l.sortOrder }]));
  const lines = [...lineById.values()];
  const profiles = new Map(facts.lines.map((l) => [l.id, profileOf(l)]));

  const ownImport = new Set(facts.ledger.files.map((f) => yearOf(f.start)));
  const outcomeOf = (y: number) => yearOutcome(y, facts.outcomeRows.filter((r) => r.year === y), ownImport.has(y));
  const ledgerOf = (y: number) => ledgerYearFigures(facts.ledger, y);
  const financialFor = (y: number, f: FiscalYearFacts | undefined): FinancialItems | null => {
    const l = ledgerOf(y);
    return l ? { incomeOre: l.financialIncomeOre, costOre: l.financialCostOre } : f ? financialOf(f) : null;
  };

  const outcome = outcomeOf(year);
  const ledger = ledgerOf(year);
  const revised = applyRevisions(facts.budget.original, facts.budget.revisions);
  const previousFacts = byYear.get(year - 1);
  const previousOutcome = previousFacts ? outcomeOf(year - 1) : null;

  const statement = buildOperatingStatement({
    year,
    lines,
    outcome: outcome.byLine,
    budget: revised,
    previousOutcome: previousOutcome ? previousOutcome.byLine : null,
    financial: financialFor(year, yearFacts),
    previousFinancial: financialFor(year - 1, previousFacts),
  });

  const keyFiguresOf = (f: FiscalYearFacts, o: YearOutcome, budget: readonly LineAmounts[]) =>
    withLedgerFigures(computeKeyFigures({ federation: facts.federation.name, facts: f, lines: lineById, outcome: o.byLine, budget }), ledgerOf(f.year), f.allocationOre);
  const keyFigures = keyFiguresOf(yearFacts, outcome, revised);
  const equity = assessEquity(keyFigures, facts.federation.settings);

  const computed = new Map<number, { key: KeyFigures; employees: number | null }>();
  for (const f of facts.fiscalYears) {
    if (f.year > year || f.year <= year - 5) continue;
    const o = f.year === year ? outcome : outcomeOf(f.year);
    if (o.byLine.length === 0 && !ledgerOf(f.year)) continue;
    computed.set(f.year, { key: f.year === year ? keyFigures : keyFiguresOf(f, o, []), employees: f.employees });
  }
  const fiveYear = fiveYearOverview(year, computed, new Map(facts.yearSummaries.map((s) => [s.year, s])));

  // A year imported from SIE is booked for the whole year: its figures are the ledger's closing figures, not a
  // forecast from the months its vouchers happen to reach.
  const throughMonth = opts.throughMonth ?? (ownImport.has(year) ? 12 : lastMonthWithOutcome(outcome.monthly));
  const forecast = forecastYear(outcome.monthly, throughMonth, profiles);
  const outlook = yearOutlook({
    federation: facts.federation.name,
    // During the year the forecast starts from the equity the ledger opened the year with, when there is one.
    facts: ledger ? { ...yearFacts, openingEquityOre: yearFacts.openingEquityOre ?? ledger.openingEquityOre, financialIncomeOre: ledger.financialIncomeOre, financialCostOre: ledger.financialCostOre } : yearFacts,
    lines: lineById,
    settings: facts.federation.settings,
    outcome: outcome.byLine,
    forecast,
    actual: keyFigures,
  });

  const budgetBySection = sumBySection(revised, lineById).cost;
  const sectionsOverBudget = outlook.isForecast
    ? costSections
        .map((section) => ({ section, forecastOre: outlook.costBySection[section], budgetOre: budgetBySection[section], overOre: outlook.costBySection[section] - budgetBySection[section] }))
        .filter((s) => s.overOre > 0)
    : [];

  const check = yearFacts.allocationOre === null ? null : checkContributions(yearFacts.allocationOre, facts.contributions, facts.members);

  return {
    federation: facts.federation.name,
    year,
    years: facts.fiscalYears.map((f) => f.year).sort((a, b) => a - b),
    facts: yearFacts,
    lines,
    profiles,
    outcome,
    previousOutcome,
    budget: { original: facts.budget.original, revisions: facts.budget.revisions, revised },
    ledger,
    statement,
    keyFigures,
    equity,
    costDistribution: {
      budget: costDistribution(revised, lineById),
      outcome: costDistribution(outcome.byLine, lineById),
      previousOutcome: previousOutcome && previousOutcome.byLine.length ? costDistribution(previousOutcome.byLine, lineById) : null,
    },
    fiveYear,
    forecast,
    outlook,
    warnings: economyWarnings(statement, equity),
    outlookWarnings: economyWarnings(statement, outlook.equity),
    sectionsOverBudget,
    payerShares: check && check.totalOre > 0 ? check.shares : null,
  };
}

/** The year's budget (as revised) through `month` (0–12), per line, spread by each line's profile. */
export function budgetToDate(figures: Pick<YearFigures, 'budget' | 'profiles'>, month: number): LineAmounts[] {
  return spreadToDate(figures.budget.revised, figures.profiles, month);
}

/** The year's outcome through `month` (1–12), per line (the counted sources only). */
export function outcomeToDate(figures: Pick<YearFigures, 'outcome'>, month: number): LineAmounts[] {
  if (!Number.isInteger(month) || month < 0 || month > 12) throw new RangeError('månaden ska vara 0–12');
  const byLine = new Map<number, { lineId: number; incomeOre: number; costOre: number }>();
  for (const m of figures.outcome.monthly) {
    if (m.month > month) continue;
    const l = byLine.get(m.lineId) ?? { lineId: m.lineId, incomeOre: 0, costOre: 0 };
    l.incomeOre += m.incomeOre;
    l.costOre += m.costOre;
    byLine.set(m.lineId, l);
  }
  return [...byLine.values()];
}
