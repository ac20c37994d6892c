/**
 * What the report builders need, loaded by src/services/reports/facts.ts. Every figure here was computed by the
 * economy, ledger, interventions or statistics code; the builders only present it. Missing data is null and
 * the chapter says so in the document.
 */
import type { CostDistribution, EquityAssessment, KeyFigures, OverviewRow } from '../economy/keyFigures.ts';
import type { OperatingStatement } from '../economy/operatingStatement.ts';
import type { BalanceSheet, CashFlowStatement, IncomeStatement } from '../ledger/statements.ts';
import type { ParticipantStatistics } from '../statistics/participantStatistics.ts';
import type { ShownAssessment } from '../interventions/goals.ts';
import type { ReportStatus } from './chapters.ts';

/** A row of a note: a label and the amount of the year and the year before (öre, signed as printed). */
export interface AmountRow {
  readonly label: string;
  readonly currentOre: number;
  readonly previousOre: number | null;
}

export interface YearPair<T> {
  readonly current: T;
  readonly previous: T | null;
}

/** Equity movement (Not 5): opening, capital contributions, the year's result, closing. */
export interface EquityMovement {
  readonly openingOre: number;
  readonly contributionsOre: number;
  readonly resultOre: number;
  readonly closingOre: number;
}

export interface ReportStatements {
  /** 'ledger': from the SIE ledger; 'economy': from the economy data (reference import, entered outcome). */
  readonly source: 'ledger' | 'economy';
  readonly income: YearPair<IncomeStatement>;
  /** Full balance sheet (ledger only). */
  readonly balance: YearPair<BalanceSheet> | null;
  /** Without a ledger: the totals the economy data knows (total assets may be unknown). */
  readonly balanceTotals: YearPair<{ totalAssetsOre: number | null; equityOre: number | null; resultOre: number }> | null;
  readonly cashFlow: YearPair<CashFlowStatement> | null;
  readonly equity: YearPair<EquityMovement> | null;
  /** Not 4 and Not 6: the ledger's accounts (account name, balance). */
  readonly receivables: readonly AmountRow[] | null;
  readonly shortTermLiabilities: readonly AmountRow[] | null;
}

export interface ReportEconomy {
  /** The year is closed (bokslut); an open year's figures are to date. */
  readonly complete: boolean;
  /** The period in words ("januari–november 2026, prognos för helåret"). */
  readonly periodLabel: string;
  readonly keyFigures: KeyFigures;
  readonly equity: EquityAssessment;
  readonly costDistribution: { readonly budget: CostDistribution; readonly outcome: CostDistribution; readonly previousOutcome: CostDistribution | null };
  readonly fiveYear: readonly OverviewRow[];
  readonly statement: OperatingStatement;
  /** Not 2: income per payer (state, each municipality, region) and other income; previous year where known. */
  readonly incomeByPayer: readonly AmountRow[];
}

export interface BoardPerson {
  readonly name: string;
  /** The member that appointed them. */
  readonly memberName: string | null;
  readonly seat: 'ledamot' | 'ersattare';
  readonly position: '' | 'ordforande' | 'vice_ordforande';
}

export interface AuditorPerson {
  readonly name: string;
  readonly title: string;
  readonly appointedBy: string;
}

export interface BoardFacts {
  /** The board during the year (terms overlapping it), chair first. */
  readonly members: readonly BoardPerson[];
  readonly auditors: readonly AuditorPerson[];
  /** ISO dates of the year's meetings. */
  readonly meetingDates: readonly string[];
}

export interface GoalFact {
  readonly area: string;
  readonly text: string;
  /** The intervention the goal belongs to; null for the förbund's own goals. */
  readonly intervention: string | null;
  /** As shown (src/core/interventions/goals.ts): `no_basis` when there was nothing to assess the goal on. */
  readonly assessment: ShownAssessment | null;
  readonly comment: string;
}

export interface ActivityFact {
  readonly name: string;
  readonly targetGroup: string;
  readonly sessions: number | null;
  readonly scopeNote: string;
  readonly participants: number;
}

export interface ConsumptionFact {
  readonly intervention: string;
  readonly decidedOre: number;
  readonly usedOre: number;
  readonly ratePercent: number | null;
}

/**
 * The indicator surveys (Indikatorer för finansiell samordning) of the year, per round and answer scale, as the
 * surveys area computes them (whole per cents, hidden below the minimum cell size). Loaded by
 * loadIndicatorResults in src/services/reports/facts.ts; null or no groups: the report says none are recorded.
 */
export interface IndicatorResults {
  readonly groups: readonly {
    readonly title: string;
    /** 'shares': per cent per answer step; 'assessment': the board's self-assessment, one word per area. */
    readonly kind: 'shares' | 'assessment';
    /** Answer scale, e.g. Aldrig … Alltid. */
    readonly scale: readonly string[];
    readonly questions: readonly {
      readonly text: string;
      readonly n: number | null;
      /** null per step when hidden. */
      readonly percents: readonly (number | null)[];
      readonly assessment: string | null;
    }[];
  }[];
}

export interface ReportTexts {
  /** Chapter key → markup source (already validated when saved). */
  readonly byChapter: Readonly<Record<string, string>>;
  readonly status: ReportStatus;
  readonly adoptedDate: string | null;
  readonly adoptedParagraph: string | null;
}

export interface AnnualReportFacts {
  readonly federation: { readonly name: string; readonly members: readonly { name: string; kind: string }[] };
  readonly year: number;
  readonly texts: ReportTexts;
  /** Chapter keys switched off for the förbund. */
  readonly disabledChapters: ReadonlySet<string>;
  /** null when the year has no economy data at all. */
  readonly economy: ReportEconomy | null;
  readonly statements: ReportStatements | null;
  readonly board: BoardFacts;
  readonly goals: readonly GoalFact[];
  readonly participants: ParticipantStatistics | null;
  /** When participants is null because the year is not published yet: the day it is (ISO date). */
  readonly participantsPublishedFrom?: string | null;
  readonly activities: readonly ActivityFact[];
  readonly consumption: readonly ConsumptionFact[];
  readonly indicators: IndicatorResults | null;
  /** Part 15's follow-up of the internal control plan; absent or null: the chapter is left out. */
  readonly internalControl?: InternalControlFacts | null;
  /** Part 16's value per member; absent or null: the chapter is left out. */
  readonly valuePerMember?: ValuePerMemberFacts | null;
  /** For the document's properties; fixed in tests. */
  readonly created?: Date;
}

/** The year's internal control checks as the annual report prints them (part 15 gives them). */
export interface InternalControlFacts {
  readonly checks: readonly { readonly area: string; readonly control: string; readonly result: string; readonly action: string }[];
}

/** Each member's contribution and the computed value of the interventions to it (part 16 gives them). */
export interface ValuePerMemberFacts {
  readonly rows: readonly { readonly member: string; readonly contributionOre: number; readonly valueOre: number }[];
  /** One sentence on how the value is computed, printed under the table. */
  readonly method: string;
}

/** The economy of a period within a year (interim report, board pack), computed by the economy code. */
export interface PeriodEconomy {
  /** Months with outcome the period covers (0–12). */
  readonly throughMonth: number;
  /** The year is closed: the full year is the outcome, not a forecast. */
  readonly complete: boolean;
  /** The period in words ("januari–november 2026, prognos för helåret"). */
  readonly periodLabel: string;
  /** Outcome to date against the budget to date (each line's budget spread over the months by its profile). */
  readonly toDate: OperatingStatement;
  /** The full-year forecast against the year's (revised) budget. */
  readonly fullYear: OperatingStatement;
  /** Swedish sentence: how the forecast is made. */
  readonly forecastMethod: string;
  /** Swedish sentence: how the budget is spread over the months. */
  readonly budgetProfileNote: string;
  /** Key figures of the year as forecast (result, equity, cost shares). */
  readonly forecastKeyFigures: KeyFigures;
  /** Forecast equity at year end against the cap and the floor. */
  readonly equity: EquityAssessment;
}

export interface DecisionItemFact {
  readonly title: string;
  /** Markup, as the narrative texts. */
  readonly body: string;
  readonly proposal: string;
}

export interface PeriodReportFacts {
  readonly federation: { readonly name: string };
  readonly year: number;
  readonly economy: PeriodEconomy | null;
  readonly goals: readonly GoalFact[];
  readonly participants: ParticipantStatistics | null;
  /** When participants is null because the year is not published yet: the day it is (ISO date). */
  readonly participantsPublishedFrom?: string | null;
  readonly consumption: readonly ConsumptionFact[];
  readonly created?: Date;
}

export interface InterimReportFacts extends PeriodReportFacts {
  readonly throughMonth: number;
}

export interface BoardPackFacts extends PeriodReportFacts {
  readonly meetingDate: string;
  readonly meetingNote: string;
  readonly decisionItems: readonly DecisionItemFact[];
}
