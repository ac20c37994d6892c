/**
 * The economy's service API (use cases over the database). Reads take any Queryable (a Database or an open
 * transaction); writes take the Database and an Actor and run in ONE transaction each, validating through
 * the core and throwing InputError (with field names) / NotFoundError. Amounts are integer öre.
 *
 * Pages and the JSON API use these; presentation helpers live in the core:
 *   - src/core/economy/statementTable.ts  driftredovisning → tkr table (statementTable) / contract JSON (statementJson)
 *   - src/core/economy/keyFigures.ts      toKeyFiguresJson (contract JSON), costDistribution, assessEquity
 *   - src/core/economy/tables.ts          key figures, cost distribution, five-year, budget, contributions as Tables
 *   - src/exports/csv.ts, xlsx.ts         tableToCsv / tableToXlsx for any Table (downloads)
 *   - src/core/format.ts                  "18 964", "−2 029", "23 %", "46,3 %"
 *   - src/core/economy/types.ts           sections, sectionLabels, memberKindLabels
 */
export { getFederation, getFederationByName, listFederations, createFederation, saveFederationSettings, type FederationInfo } from '../federations/federations.ts';
export { listMembers, createMember, updateMember, deleteMember, type MemberInput } from '../members/members.ts';
export {
  listFiscalYears,
  findFiscalYear,
  getFiscalYear,
  saveFiscalYear,
  listYearSummaries,
  saveYearSummary,
  type FiscalYearInput,
} from './years.ts';
export { listBudgetLines, createBudgetLine, saveBudgetProfile, listBudgetProfiles } from './lines.ts';
export {
  getAllocationOverview,
  saveAllocation,
  saveAllocationKey,
  saveContributions,
  applyAllocationKey,
  stateLabel,
  type AllocationOverview,
  type ContributionRow,
} from './allocation.ts';
export { getBudget, saveBudgetAmount, addBudgetRevision, loadRevisedBudget, type YearBudget } from './budget.ts';
export { loadYearOutcome, saveOutcomeEntry, type YearOutcome, type OutcomeEntryInput, type OutcomeSource } from './outcome.ts';
export { getOperatingStatement, getKeyFigures, getEconomyOverview, type EconomyOverview } from './reports.ts';
export { getYearFigures, yearFigures, loadYearFacts, clearYearFiguresCache } from './yearFacts.ts';
export { closeYear, reopenYear, getYearClosing } from './yearClosing.ts';
