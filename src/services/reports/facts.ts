/**
 * Loads everything the annual report needs (src/core/reports/facts.ts) through the services that already
 * compute it: the economy's year figures, the ledger's statements, the interventions (goals, activities,
 * consumption) and the suppressed participant statistics. Nothing is computed here that those compute.
 */
import { classify } from '../../core/ledger/classification.ts';
import type { YearStatements } from '../../core/ledger/statements.ts';
import type {
  InternalControlFacts,
  ValuePerMemberFacts,
  AmountRow,
  AnnualReportFacts,
  BoardPackFacts,
  ConsumptionFact,
  GoalFact,
  InterimReportFacts,
  PeriodEconomy,
  IndicatorResults,
  ReportEconomy,
  ReportStatements,
  YearPair,
} from '../../core/reports/facts.ts';
import { consumption } from '../../core/interventions/consumption.ts';
import { interventionRunsInYear, shownAssessment } from '../../core/interventions/goals.ts';
import type { InterventionKind } from '../../core/interventions/vocabulary.ts';
import type { ParticipantStatistics } from '../../core/statistics/participantStatistics.ts';
import type { KeyFigures } from '../../core/economy/keyFigures.ts';
import type { Database, Queryable } from '../../db/database.ts';
import { memoizeReads } from '../../db/memoizeReads.ts';
import { loadContributions } from '../economy/allocation.ts';
import { getFederation } from '../federations/federations.ts';
import { listMembers } from '../members/members.ts';
import { getYearFigures } from '../economy/yearFacts.ts';
import type { YearFigures } from '../../core/economy/yearFigures.ts';
import { budgetProfileLabels, type BudgetProfile } from '../../core/economy/budgetProfile.ts';
import { findFiscalYear } from '../economy/years.ts';
import { listActivities } from '../interventions/activities.ts';
import { listGoals } from '../interventions/goals.ts';
import { getIntervention, listInterventions } from '../interventions/interventions.ts';
import { publishedStatistics } from '../interventions/publishedStatistics.ts';
import { findLedgerYear, ledgerStatements, loadAccountBalances, loadClassRanges, type LedgerYearRef } from '../ledger/statements.ts';
import { getMeetingByDate, listAuditors, listBoardMembers, listDecisionItems, listMeetings } from './board.ts';
import { disabledChapters, getAnnualReportState } from './texts.ts';
import { indicatorResultsForYear } from '../surveys/results.ts';
import { yearOf } from '../../core/calendar.ts';
import { internalControlReport } from '../records/internalControl.ts';
import { valueReportOf } from '../value/valueReport.ts';
import { memberKindLabels, memberKinds } from '../../core/value/valueModel.ts';

/** The year's figures from the one year-figures model, or null when the year has no economy data. */
async function figuresOrNull(q: Queryable, federationId: number, year: number, opts: { throughMonth?: number } = {}): Promise<YearFigures | null> {
  if (!(await findFiscalYear(q, federationId, year))) return null;
  return getYearFigures(q, federationId, year, opts);
}

export async function loadEconomy(q: Queryable, federationId: number, year: number): Promise<ReportEconomy | null> {
  const y = await figuresOrNull(q, federationId, year);
  if (!y) return null;
  const previous = await figuresOrNull(q, federationId, year - 1);
  return {
    complete: y.period.complete,
    periodLabel: y.periodLabel,
    keyFigures: y.keyFigures,
    equity: y.equity,
    costDistribution: y.costDistribution,
    fiveYear: y.fiveYear,
    statement: y.statement,
    incomeByPayer: await incomeByPayer(q, federationId, year, y.keyFigures, previous ? previous.keyFigures : null),
  };
}

/** Not 2: the state, each municipality, the region, and other income (operating income beyond the contributions). */
async function incomeByPayer(q: Queryable, federationId: number, year: number, key: KeyFigures, previousKey: KeyFigures | null): Promise<AmountRow[]> {
  const members = await listMembers(q, federationId);
  const current = await loadContributions(q, federationId, year);
  const previous = previousKey ? await loadContributions(q, federationId, year - 1) : null;
  if (!current.length) return [];
  const amount = (list: readonly { memberId: number | null; amountOre: number }[] | null, memberId: number | null) =>
    list ? list.filter((c) => c.memberId === memberId).reduce((a, c) => a + c.amountOre, 0) : null;
  const rows: AmountRow[] = [];
  const has = (id: number | null) => current.some((c) => c.memberId === id) || (previous ?? []).some((c) => c.memberId === id);
  if (has(null)) rows.push({ label: 'Driftbidrag från staten', currentOre: amount(current, null) ?? 0, previousOre: amount(previous, null) });
  for (const m of members.filter((x) => x.kind === 'municipality')) {
    if (has(m.id)) rows.push({ label: `Driftbidrag ${m.name}`, currentOre: amount(current, m.id) ?? 0, previousOre: amount(previous, m.id) });
  }
  for (const m of members.filter((x) => x.kind === 'region' || x.kind === 'state_fk' || x.kind === 'state_af')) {
    if (has(m.id)) rows.push({ label: `Driftbidrag från ${m.name}`, currentOre: amount(current, m.id) ?? 0, previousOre: amount(previous, m.id) });
  }
  const sum = (list: readonly { amountOre: number }[]) => list.reduce((a, c) => a + c.amountOre, 0);
  rows.push({
    label: 'Övriga intäkter',
    currentOre: key.operatingIncomeOre - sum(current),
    previousOre: previousKey && previous ? previousKey.operatingIncomeOre - sum(previous) : null,
  });
  return rows;
}

async function accountRows(q: Queryable, federationId: number, year: number, cls: 'receivables' | 'short_term_liabilities'): Promise<AmountRow[] | null> {
  const ref = await findLedgerYear(q, federationId, year);
  if (!ref) return null;
  const ranges = await loadClassRanges(q, federationId);
  const names = new Map(
    (await q.query<{ account: string; name: string }>('select account, name from ledger_account where federation_id = $1 and year_id = $2', [federationId, ref.yearId])).map((r) => [r.account, r.name]),
  );
  const current = await loadAccountBalances(q, federationId, ref);
  const prevRef: LedgerYearRef | null = ref.yearIndex === 0 ? { ...ref, yearIndex: -1 } : await findLedgerYear(q, federationId, year - 1);
  const previous = prevRef ? await loadAccountBalances(q, federationId, prevRef) : [];
  const prevBy = new Map(previous.map((b) => [b.account, b.closingOre]));
  const accounts = new Set([...current.map((b) => b.account), ...previous.map((b) => b.account)]);
  const curBy = new Map(current.map((b) => [b.account, b.closingOre]));
  const rows: AmountRow[] = [];
  for (const a of [...accounts].sort()) {
    if (classify(a, ranges) !== cls) continue;
    const c = curBy.get(a) ?? 0;
    const p = prevRef ? (prevBy.get(a) ?? 0) : null;
    if (c === 0 && !p) continue;
    rows.push({ label: names.get(a) || `Konto ${a}`, currentOre: c, previousOre: p });
  }
  return rows;
}

export async function loadStatements(q: Queryable, federationId: number, year: number, economy: ReportEconomy | null): Promise<ReportStatements | null> {
  const ledger = await ledgerStatements(q, federationId, year);
  if (ledger) {
    const pair = <T>(get: (s: YearStatements) => T): YearPair<T> => ({ current: get(ledger.current), previous: ledger.previous ? get(ledger.previous) : null });
    const movement = (s: YearStatements) => ({
      openingOre: s.balance.openingEquityOre,
      contributionsOre: s.balance.equityOre - s.balance.openingEquityOre - s.income.resultOre,
      resultOre: s.income.resultOre,
      closingOre: s.balance.equityOre,
    });
    return {
      source: 'ledger',
      income: pair((s) => s.income),
      balance: pair((s) => s.balance),
      balanceTotals: null,
      cashFlow: pair((s) => s.cashFlow),
      equity: pair(movement),
      receivables: await accountRows(q, federationId, year, 'receivables'),
      shortTermLiabilities: await accountRows(q, federationId, year, 'short_term_liabilities'),
    };
  }
  if (!economy) return null;
  const k = economy.keyFigures;
  const previousFigures = await figuresOrNull(q, federationId, year - 1);
  const prev = previousFigures && previousFigures.outcome.byLine.length > 0 ? previousFigures.keyFigures : null;
  const income = (x: KeyFigures) => ({
    operatingIncomeOre: x.operatingIncomeOre,
    operatingCostOre: x.operatingCostOre,
    operatingResultOre: x.operatingResultOre,
    financialIncomeOre: x.financialIncomeOre,
    financialCostOre: x.financialCostOre,
    resultAfterFinancialOre: x.resultOre,
    resultOre: x.resultOre,
  });
  const facts = await findFiscalYear(q, federationId, year);
  const prevFacts = prev ? await findFiscalYear(q, federationId, year - 1) : null;
  const totals = (x: KeyFigures, f: typeof facts) => ({ totalAssetsOre: f?.totalAssetsOre ?? null, equityOre: x.equityClosingOre, resultOre: x.resultOre });
  const movement = (x: KeyFigures, f: typeof facts) =>
    f && f.openingEquityOre !== null && x.equityClosingOre !== null
      ? { openingOre: f.openingEquityOre, contributionsOre: f.equityContributionsOre ?? 0, resultOre: x.resultOre, closingOre: x.equityClosingOre }
      : null;
  const eq = movement(k, facts);
  return {
    source: 'economy',
    income: { current: income(k), previous: prev ? income(prev) : null },
    balance: null,
    balanceTotals: { current: totals(k, facts), previous: prev ? totals(prev, prevFacts) : null },
    cashFlow: null,
    equity: eq ? { current: eq, previous: prev ? movement(prev, prevFacts) : null } : null,
    receivables: null,
    shortTermLiabilities: null,
  };
}

/**
 * Goals of the förbund and of the interventions that run in the year, with the year's assessment as it may be shown
 * (src/core/interventions/goals.ts). `finished`: each individual intervention's finished participants of the year
 * as published, by name (the annual report has them; without them the recorded assessment stands).
 */
export async function loadGoals(q: Queryable, federationId: number, year: number, finished: ReadonlyMap<string, number | null> = new Map()): Promise<GoalFact[]> {
  const out: GoalFact[] = [];
  const add = (goals: Awaited<ReturnType<typeof listGoals>>, intervention: { name: string; kind: InterventionKind } | null) => {
    for (const g of goals) {
      const a = g.assessments.find((x) => x.year === year);
      const basis = { kind: intervention?.kind ?? null, finished: intervention ? (finished.get(intervention.name) ?? null) : null };
      out.push({ area: g.area, text: g.text, intervention: intervention?.name ?? null, assessment: shownAssessment(a?.assessment ?? null, basis), comment: a?.comment ?? '' });
    }
  };
  add(await listGoals(q, federationId, null), null);
  for (const i of await listInterventions(q, federationId)) if (interventionRunsInYear(i, year)) add(await listGoals(q, federationId, i.id), i);
  return out;
}

/** Finished participants of the year per intervention (by name), from the published statistics (null: hidden). */
export function finishedByIntervention(s: ParticipantStatistics | null): Map<string, number | null> {
  const t = s?.byIntervention;
  // Columns: active, new, finished (src/core/statistics/participantStatistics.ts).
  return new Map(t ? t.rowLabels.map((name, i) => [name, t.cells[i]?.[2] ?? null] as const) : []);
}

/** Decided and used money per intervention for the year, requisitions up to `throughDate` (ISO) when given. */
export async function loadConsumption(q: Queryable, federationId: number, year: number, throughDate?: string): Promise<ConsumptionFact[]> {
  const out: ConsumptionFact[] = [];
  for (const s of await listInterventions(q, federationId)) {
    const i = await getIntervention(q, federationId, s.id);
    const grants = i.grants.filter((g) => g.year === year);
    if (!grants.length) continue;
    const reqs = i.requisitions.filter((r) => r.date.startsWith(`${year}-`) && (!throughDate || r.date <= throughDate));
    const line = consumption(grants, reqs).find((l) => l.year === year);
    if (line) out.push({ intervention: i.name, decidedOre: line.decidedOre, usedOre: line.usedOre, ratePercent: line.ratePercent });
  }
  return out;
}

/** Indicator survey results of the year, from the surveys area (null when the year has no shown results). */
export async function loadIndicatorResults(q: Queryable, federationId: number, year: number): Promise<IndicatorResults | null> {
  return indicatorResultsForYear(q, federationId, year);
}

export async function loadBoard(q: Queryable, federationId: number, from: string, to: string) {
  const year = yearOf(from);
  return {
    members: await listBoardMembers(q, federationId, { from, to }),
    auditors: await listAuditors(q, federationId, { from, to }),
    meetingDates: (await listMeetings(q, federationId, year)).map((m) => m.date).filter((d) => d >= from && d <= to),
  };
}

/**
 * The year's participant statistics as published (src/services/interventions/publishedStatistics.ts): the same
 * figures as the statistics page, the API and the national view, and none before the year is published.
 */
export async function loadParticipants(db: Database, federationId: number, year: number): Promise<{ participants: ParticipantStatistics | null; participantsPublishedFrom: string | null }> {
  const interventions = await listInterventions(db, federationId);
  if (!interventions.some((i) => i.kind === 'individual')) return { participants: null, participantsPublishedFrom: null };
  const { stats, publishedFrom } = await publishedStatistics(db, federationId, year);
  return { participants: stats, participantsPublishedFrom: stats ? null : publishedFrom };
}

export async function loadAnnualReportFacts(db: Database, federationId: number, year: number, opts: { created?: Date } = {}): Promise<AnnualReportFacts> {
  const q = memoizeReads(db);
  const federation = await getFederation(q, federationId);
  const members = await listMembers(q, federationId);
  const state = await getAnnualReportState(q, federationId, year);
  const economy = await loadEconomy(q, federationId, year);
  const participants = await loadParticipants(db, federationId, year);
  return {
    federation: { name: federation.name, members: members.map((m) => ({ name: m.name, kind: m.kind })) },
    year,
    texts: {
      byChapter: Object.fromEntries(state.texts.map((t) => [t.chapter, t.body])),
      status: state.status,
      adoptedDate: state.adoptedDate,
      adoptedParagraph: state.adoptedParagraph,
    },
    disabledChapters: await disabledChapters(q, federationId),
    economy,
    statements: await loadStatements(q, federationId, year, economy),
    board: await loadBoard(q, federationId, `${year}-01-01`, `${year}-12-31`),
    goals: await loadGoals(q, federationId, year, finishedByIntervention(participants.participants)),
    ...participants,
    activities: (await listActivities(q, federationId, year)).map((a) => ({
      name: a.name,
      targetGroup: a.targetGroup,
      sessions: a.sessions,
      scopeNote: a.scopeNote,
      participants: a.participants,
    })),
    consumption: await loadConsumption(q, federationId, year),
    indicators: await loadIndicatorResults(q, federationId, year),
    internalControl: await loadInternalControl(q, federationId, year),
    valuePerMember: await loadValuePerMember(q, federationId, year),
    ...(opts.created ? { created: opts.created } : {}),
  };
}

/**
 * The internal control's follow-up of the year (part 15): each control point with its results; a point not yet
 * checked says so. Null when the year has no plan: the chapter "Intern kontroll" is then left out.
 */
export async function loadInternalControl(q: Queryable, federationId: number, year: number): Promise<InternalControlFacts | null> {
  const report = await internalControlReport(q, federationId, year);
  if (report.planId === null || report.points.length === 0) return null;
  const riskOf = new Map(report.risks.map((r) => [r.id, r.description]));
  return {
    checks: report.points.flatMap((p) => {
      const area = (p.riskId !== null && riskOf.get(p.riskId)) || p.what;
      const control = `${p.what} (${p.how}, ${p.frequency}; ${p.responsible})`;
      if (!p.results.length) return [{ area, control, result: 'Ingen kontroll registrerad under året.', action: '' }];
      return p.results.map((r) => ({ area, control, result: `${r.checkedOn}: ${r.finding}`, action: r.action }));
    }),
  };
}

/**
 * The value per member of the year (part 16): per member kind, its share of the förbund's cost and the effect
 * on its payers over one year (src/core/value/valueModel.ts). Null when the result is hidden (fewer ended
 * participations with an effect than the minimum cell size) or the year has no cost: the chapter is left out.
 */
export async function loadValuePerMember(q: Queryable, federationId: number, year: number): Promise<ValuePerMemberFacts | null> {
  const report = await valueReportOf(q, federationId, year);
  if (report.hidden || !report.byMemberKind) return null;
  const kinds = report.byMemberKind;
  if (memberKinds.some((k) => kinds[k].costShare === null)) return null;
  return {
    rows: memberKinds.map((k) => ({ member: memberKindLabels[k], contributionOre: kinds[k].costShare! * 100, valueOre: kinds[k].year1 * 100 })),
    method:
      `Effekten under ett år för de ${report.participations ?? 'få'} deltaganden som avslutades under året: skillnaden i offentlig kostnad ` +
      `mellan försörjningen före och efter insatsen (eller status efter 12 månader), enligt ${report.tableOrigin === 'own' ? 'förbundets egen' : 'Samordnas förvalda'} kostnadstabell; ` +
      'kostnaden är medlemmens andel av förbundets kostnad. Modellen och vad den inte räknar med beskrivs på sidan Värde per medlem.',
  };
}

function profileSentence(y: YearFigures, lead: string): string {
  const count = new Map<BudgetProfile, number>();
  for (const l of y.budget.revised) {
    const p = y.profiles.get(l.lineId) ?? 'even';
    count.set(p, (count.get(p) ?? 0) + 1);
  }
  const parts = [...count.entries()].map(([p, n]) => `${n} ${n === 1 ? 'post' : 'poster'} ${budgetProfileLabels[p]}`);
  return `${lead} ${parts.length ? parts.join(', ') : 'inga budgetposter'}.`;
}

/**
 * The economy of the year's period, read from the year-figures model as it is (no figure assembled here): outcome
 * to date against budget to date, the full-year forecast against the budget, the forecast key figures and equity.
 * `throughMonth` chooses the month; without it the period is the model's own (the last month with outcome).
 */
export async function loadPeriodEconomy(q: Queryable, federationId: number, year: number, throughMonth?: number): Promise<PeriodEconomy | null> {
  if (!(await findFiscalYear(q, federationId, year))) return null;
  const y = await getYearFigures(q, federationId, year, throughMonth === undefined ? {} : { throughMonth });
  if (!y) return null;
  return {
    throughMonth: y.period.throughMonth,
    complete: y.period.complete,
    periodLabel: y.periodLabel,
    toDate: y.statement,
    fullYear: y.forecastStatement,
    forecastMethod: y.forecast.method,
    budgetProfileNote: profileSentence(y, `Budgeten hittills är årets budget (med tilläggsbudgetar) fördelad över månaderna per budgetpost:`),
    forecastKeyFigures: y.forecastFigures,
    equity: y.equity,
  };
}

function isoEndOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

export async function loadInterimReportFacts(db: Database, federationId: number, year: number, throughMonth: number, opts: { created?: Date } = {}): Promise<InterimReportFacts> {
  const q = memoizeReads(db);
  const federation = await getFederation(q, federationId);
  return {
    federation: { name: federation.name },
    year,
    throughMonth,
    economy: await loadPeriodEconomy(q, federationId, year, throughMonth),
    goals: await loadGoals(q, federationId, year),
    ...(await loadParticipants(db, federationId, year)),
    consumption: await loadConsumption(q, federationId, year, isoEndOfMonth(year, throughMonth)),
    ...(opts.created ? { created: opts.created } : {}),
  };
}

/**
 * The board pack for a meeting: the months with outcome before the meeting's month, the consumption up to the
 * meeting date, and the meeting's decision items. A date without a registered meeting gives a pack without items.
 */
export async function loadBoardPackFacts(db: Database, federationId: number, meetingDate: string, opts: { created?: Date } = {}): Promise<BoardPackFacts> {
  const q = memoizeReads(db);
  const federation = await getFederation(q, federationId);
  const year = yearOf(meetingDate);
  const meeting = await getMeetingByDate(q, federationId, meetingDate);
  // The months with outcome before the meeting's month: the same period an interim report through the month
  // before the meeting has, so both print the same forecast.
  let economy: PeriodEconomy | null = null;
  if (await findFiscalYear(q, federationId, year)) {
    const y = (await getYearFigures(q, federationId, year))!;
    const month = Math.max(0, Math.min(y.period.throughMonth, Number(meetingDate.slice(5, 7)) - 1));
    economy = await loadPeriodEconomy(q, federationId, year, month === y.period.throughMonth ? undefined : month);
  }
  return {
    federation: { name: federation.name },
    year,
    meetingDate,
    meetingNote: meeting?.note ?? '',
    economy,
    goals: await loadGoals(q, federationId, year),
    ...(await loadParticipants(db, federationId, year)),
    consumption: await loadConsumption(q, federationId, year, meetingDate),
    decisionItems: meeting ? (await listDecisionItems(q, federationId, meeting.id)).map((d) => ({ title: d.title, body: d.body, proposal: d.proposal })) : [],
    ...(opts.created ? { created: opts.created } : {}),
  };
}
