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
 * Every figure belongs to ONE period (period.ts): January through the last month with outcome (or a chosen
 * month), complete only when the kansli has closed the year. For an open year the driftredovisning and the key
 * figures are TO DATE (outcome to date against budget to date) and the full year is the forecast
 * (yearForecast.ts: per line by profile, the members' contributions at the allocation decided, financial items as
 * known), whose result and closing equity — against cap and floor — every reader shows. For a complete year the
 * forecast is the outcome. No reader assembles period figures of its own.
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
import { lastMonthWithOutcome } from './forecast.ts';
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
import { periodLabel, yearPeriod, type YearClosing, type YearPeriod } from './period.ts';
import { forecastFullYear, type FullYearForecast } from './yearForecast.ts';
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
  readonly federation: {
    readonly name: string;
    readonly settings: FederationSettings;
    /** How many rows the check for identity numbers in older rows found (the kansli is told on the start page). */
    readonly privacyFindings?: number;
  };
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
  /** The years the kansli has closed (bokslut), with who and when. */
  readonly closings: readonly ({ readonly year: number } & YearClosing)[];
  /** The last month with vouchers in the year's own SIE file (0 without one). */
  readonly ledgerLastMonth: number;
}

/** The full year as the dashboard shows it: the outcome when complete, else the forecast. */
export interface YearOutlook {
  /** Months the outcome to date covers (12 when complete; 0 = no outcome yet). */
  readonly throughMonth: number;
  readonly isForecast: boolean;
  /** Costs per section for the full year (actual or forecast), positive öre. */
  readonly costBySection: Record<Section, number>;
  /** Key figures of the full year (the forecast figures). */
  readonly figures: KeyFigures;
  readonly equity: EquityAssessment;
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
  /** Rows of the förbund that the check for identity numbers in older rows found (0: none). */
  readonly privacyFindings: number;
  readonly year: number;
  /** The period every figure here belongs to. */
  readonly period: YearPeriod;
  /** The period in words: "januari–november 2026, prognos för helåret". */
  readonly periodLabel: string;
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
  /** Outcome and budget to date (the budget spread by each line's profile), per line. The whole year when complete. */
  readonly toDate: { readonly outcome: readonly LineAmounts[]; readonly budget: readonly LineAmounts[] };
  /** The driftredovisning of the period: outcome to date against budget to date (the whole year when complete). */
  readonly statement: OperatingStatement;
  /** The full-year forecast against the full-year budget (the outcome when complete). */
  readonly forecastStatement: OperatingStatement;
  /** Key figures of the period: to date for an open year (say so with `period`), the year's for a complete one. */
  readonly keyFigures: KeyFigures;
  /** Key figures of the full year as forecast (the key figures themselves when complete). */
  readonly forecastFigures: KeyFigures;
  /** The forecast closing equity against the cap and floor (the actual closing equity when complete). */
  readonly equity: EquityAssessment;
  readonly costDistribution: {
    readonly budget: CostDistribution;
    readonly outcome: CostDistribution;
    readonly forecast: CostDistribution;
    readonly previousOutcome: CostDistribution | null;
  };
  readonly fiveYear: readonly OverviewRow[];
  readonly forecast: FullYearForecast;
  /** The full year as forecast (the outcome when complete), as the dashboard shows it. */
  readonly outlook: YearOutlook;
  /** Lines whose cost to date is over their budget to date, and the forecast equity against cap and floor. */
  readonly warnings: readonly EconomyWarning[];
  /** The same warnings (kept for the dashboard's readers). */
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
 * The year's figures for its period. `throughMonth` chooses the month of an open year (default: the last month
 * with any outcome, the ledger's included); a closed year is always the whole year. Throws NotFoundError when the
 * förbund has no such year.
 */
export function computeYearFigures(facts: YearFacts, opts: { throughMonth?: number } = {}): YearFigures {
  const { year } = facts;
  const byYear = new Map(facts.fiscalYears.map((f) => [f.year, f]));
  const yearFacts = byYear.get(year);
  if (!yearFacts) throw new NotFoundError(`Året ${year} finns inte för förbundet.`);
  const lineById = new Map<number, BudgetLine>(facts.lines.map((l) => [l.id, { id: l.id, section: l.section, label: l.label, sortOrder: l.sortOrder }]));
  const lines = [...lineById.values()];
  const profiles = new Map(facts.lines.map((l) => [l.id, profileOf(l)]));
  const closingOf = new Map(facts.closings.map((c) => [c.year, { closedAt: c.closedAt, closedBy: c.closedBy }]));

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

  const ledgerLastMonth = ownImport.has(year) ? facts.ledgerLastMonth : 0;
  const period = yearPeriod({
    year,
    closing: closingOf.get(year) ?? null,
    lastMonthWithOutcome: Math.max(lastMonthWithOutcome(outcome.monthly), ledgerLastMonth),
    chosenMonth: opts.throughMonth,
  });
  const m = period.throughMonth;
  // The ledger's totals are the year's to date as far as its vouchers reach; a chosen month before that reads the
  // mapped lines alone.
  const wholeYear = period.complete && m === 12;
  const ledgerCounts = ledger !== null && (wholeYear || (!period.complete && m >= ledgerLastMonth));
  const outcomeToDateLines = wholeYear ? outcome.byLine : outcomeToDate({ outcome }, m);
  const budgetToDateLines = wholeYear ? revised : spreadToDate(revised, profiles, m);
  const financial = ledgerCounts ? financialFor(year, yearFacts) : yearFacts ? financialOf(yearFacts) : null;

  const statementOf = (outcomeLines: readonly LineAmounts[], budgetLines: readonly LineAmounts[], fin: FinancialItems | null) =>
    buildOperatingStatement({
      year,
      lines,
      outcome: outcomeLines,
      budget: budgetLines,
      previousOutcome: previousOutcome ? previousOutcome.byLine : null,
      financial: fin,
      previousFinancial: financialFor(year - 1, previousFacts),
    });
  const statement = statementOf(outcomeToDateLines, budgetToDateLines, financial);

  const keyFiguresOf = (f: FiscalYearFacts, o: readonly LineAmounts[], budget: readonly LineAmounts[], withLedger: boolean) =>
    withLedgerFigures(computeKeyFigures({ federation: facts.federation.name, facts: f, lines: lineById, outcome: o, budget }), withLedger ? ledgerOf(f.year) : null, f.allocationOre);
  const keyFigures = keyFiguresOf(yearFacts, outcomeToDateLines, revised, ledgerCounts);

  // The full year: the outcome when complete, else the forecast.
  const contributionsOre = facts.contributions.reduce((a, c) => a + c.amountOre, 0);
  const mappedToDate = outcomeToDateLines.reduce((a, l) => ({ incomeOre: a.incomeOre + l.incomeOre, costOre: a.costOre + l.costOre }), { incomeOre: 0, costOre: 0 });
  const forecast = forecastFullYear({
    period,
    monthly: outcome.monthly,
    lines: lineById,
    profiles,
    budget: revised,
    allocationOre: yearFacts.allocationOre ?? (contributionsOre > 0 ? contributionsOre : null),
    unmappedSoFar: ledgerCounts ? { incomeOre: ledger!.operatingIncomeOre - mappedToDate.incomeOre, costOre: ledger!.operatingCostOre - mappedToDate.costOre } : { incomeOre: 0, costOre: 0 },
    financial,
  });
  const forecastStatement = period.complete ? statementOf(outcome.byLine, revised, financial) : statementOf(forecast.lines, revised, financial);
  const forecastFigures = wholeYear ? keyFigures : period.complete ? keyFiguresOf(yearFacts, outcome.byLine, revised, true) : forecastKeyFigures(facts.federation.name, yearFacts, ledgerCounts ? ledger : null, lineById, forecast, revised);
  const equity = assessEquity(forecastFigures, facts.federation.settings);

  const computed = new Map<number, { key: KeyFigures; employees: number | null; status: OverviewRow['status'] }>();
  for (const f of facts.fiscalYears) {
    if (f.year > year || f.year <= year - 5) continue;
    const o = f.year === year ? outcome : outcomeOf(f.year);
    if (o.byLine.length === 0 && !ledgerOf(f.year)) continue;
    const closed = closingOf.has(f.year);
    const key = f.year === year ? forecastFigures : keyFiguresOf(f, o.byLine, [], true);
    computed.set(f.year, { key, employees: f.employees, status: closed ? 'closed' : f.year === year ? 'forecast' : 'open' });
  }
  const fiveYear = fiveYearOverview(year, computed, new Map(facts.yearSummaries.map((s) => [s.year, s])));

  const fullYearLines = period.complete ? outcome.byLine : forecast.lines;
  const costBySection = sumBySection(fullYearLines, lineById).cost;
  const outlook: YearOutlook = { throughMonth: m, isForecast: !period.complete, costBySection, figures: forecastFigures, equity };

  const budgetBySection = sumBySection(revised, lineById).cost;
  const sectionsOverBudget = !period.complete
    ? costSections
        .map((section) => ({ section, forecastOre: costBySection[section], budgetOre: budgetBySection[section], overOre: costBySection[section] - budgetBySection[section] }))
        .filter((s) => s.overOre > 0)
    : [];

  const check = yearFacts.allocationOre === null ? null : checkContributions(yearFacts.allocationOre, facts.contributions, facts.members);
  const warnings = economyWarnings(forecastStatement, equity, !period.complete);

  return {
    federation: facts.federation.name,
    privacyFindings: facts.federation.privacyFindings ?? 0,
    year,
    period,
    periodLabel: periodLabel(period),
    years: facts.fiscalYears.map((f) => f.year).sort((a, b) => a - b),
    facts: yearFacts,
    lines,
    profiles,
    outcome,
    previousOutcome,
    budget: { original: facts.budget.original, revisions: facts.budget.revisions, revised },
    ledger,
    toDate: { outcome: outcomeToDateLines, budget: budgetToDateLines },
    statement,
    forecastStatement,
    keyFigures,
    forecastFigures,
    equity,
    costDistribution: {
      budget: costDistribution(revised, lineById),
      outcome: costDistribution(outcomeToDateLines, lineById),
      forecast: costDistribution(fullYearLines, lineById),
      previousOutcome: previousOutcome && previousOutcome.byLine.length ? costDistribution(previousOutcome.byLine, lineById) : null,
    },
    fiveYear,
    forecast,
    outlook,
    warnings,
    outlookWarnings: warnings,
    sectionsOverBudget,
    payerShares: check && check.totalOre > 0 ? check.shares : null,
  };
}

/**
 * The key figures of the full year as forecast: the forecast lines run through the same key figures as an
 * outcome, with the operating totals (unmapped ledger amounts included) and the financial items of the forecast,
 * and the closing equity from the year's opening equity (or the ledger's).
 */
function forecastKeyFigures(
  federation: string,
  f: FiscalYearFacts,
  ledger: LedgerYearFigures | null,
  lineById: ReadonlyMap<number, BudgetLine>,
  forecast: FullYearForecast,
  budget: readonly LineAmounts[],
): KeyFigures {
  const base = computeKeyFigures({ federation, facts: f, lines: lineById, outcome: forecast.lines, budget });
  const fin = forecast.financial ?? { incomeOre: 0, costOre: 0 };
  const operatingResultOre = forecast.operating.incomeOre - forecast.operating.costOre;
  const resultOre = operatingResultOre + fin.incomeOre - fin.costOre;
  const opening = f.openingEquityOre ?? ledger?.openingEquityOre ?? null;
  const equityClosingOre = opening === null ? null : opening + (f.equityContributionsOre ?? 0) + resultOre;
  return {
    ...base,
    operatingIncomeOre: forecast.operating.incomeOre,
    operatingCostOre: forecast.operating.costOre,
    operatingResultOre,
    financialIncomeOre: fin.incomeOre,
    financialCostOre: fin.costOre,
    resultOre,
    equityClosingOre,
    equityShareOfAllocation: equityClosingOre !== null && f.allocationOre ? ratio(equityClosingOre, f.allocationOre, 4) : null,
    // Total assets at year end are not forecast.
    equityRatio: null,
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
