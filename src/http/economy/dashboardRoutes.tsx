import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission } from '../context.ts';
import { sections, sectionLabels, type Section } from '../../core/economy/types.ts';
import { sumBySection } from '../../core/economy/budget.ts';
import { budgetProfileLabels, type BudgetProfile } from '../../core/economy/budgetProfile.ts';
import type { EconomyWarning } from '../../core/economy/warnings.ts';
import type { YearFigures } from '../../core/economy/yearFigures.ts';
import { periodMonths } from '../../core/economy/period.ts';
import { oreToTkr } from '../../core/rounding.ts';
import { getYearFigures } from '../../services/economy/yearFacts.ts';
import { kronorText, tkrText } from '../kit/present.ts';
import { chosenYearParam } from './shared.ts';
import { DashboardLayout, DashboardPage, NoYearsPage, type DashboardModel } from './dashboard.tsx';
import { renderedFrom } from './renderCache.ts';
import { listStoredIdentityFindings } from '../../services/privacy/storedIdentityScan.ts';
import type { Database } from '../../db/database.ts';
import type { FederationRef, RequestContext } from '../context.ts';
import { today, yearOf } from '../../core/calendar.ts';
import { formatMonthsFromJanuary } from '../../core/format.ts';
import { nextMeeting } from '../../services/reports/nextMeeting.ts';
import { BoardMeetingPanel, type BoardMeetingPanelModel } from './boardMeetingPanel.tsx';

const costSections = sections.filter((s): s is Exclude<Section, 'income'> => s !== 'income');

/**
 * Översikt: the förbund's start page, one year at a time (?ar=…, default the latest). The loader is the year's
 * figures (one cached model, checked against the figures version read with the session); the body is rendered
 * from them once per figures version (economy/renderCache.ts), the layout for every request.
 */
export const economyDashboardRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  app.get('/f/:federationId', async (c) => {
    const ctx = requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    const figures = await getYearFigures(db, federation.id, chosenYearParam(c), { knownVersion: ctx.figuresVersion });
    if (figures === null) return c.html(<NoYearsPage federation={federation} canWrite={ctx.can('economy:write', { federationId: federation.id })} />);
    const body = await renderedFrom(figures, `dashboard:${federation.id}`, () => <DashboardPage model={dashboardModel(federation.id, figures)} />);
    // The kansli (who may correct any row) sees what the check for identity numbers in older rows found. The
    // count comes with the year's facts (their one statement), so the list costs a statement only when there is one.
    const privacyFindings = figures.privacyFindings > 0 && ctx.can('users:manage') ? await listStoredIdentityFindings(db, federation.id) : [];
    const meeting = await loadBoardMeetingPanel(db, federation, ctx, figures);
    return c.html(<DashboardLayout federation={federation} year={figures.year} body={body} privacyFindings={privacyFindings} meeting={meeting ? <BoardMeetingPanel model={meeting} /> : null} />);
  });
  return app;
};

/**
 * A board member's start page opens with the next meeting, its agenda and handlingar; null for the other roles
 * (the kansli keeps the meetings under Styrelse och möten). `figures`: the year shown, for the interim report
 * that goes with the board pack (through the month before the meeting or the last with outcome: the pack's period).
 */
export async function loadBoardMeetingPanel(
  db: Database,
  federation: FederationRef,
  ctx: Pick<RequestContext, 'principal' | 'can'>,
  figures: Pick<YearFigures, 'year' | 'years' | 'period'>,
): Promise<BoardMeetingPanelModel | null> {
  if (ctx.principal.federations.get(federation.id)?.role !== 'styrelse' || !ctx.can('reports:read', { federationId: federation.id })) return null;
  const base = `/f/${federation.id}`;
  const m = await nextMeeting(db, federation.id, today());
  if (!m) return { meeting: null, boardHref: `${base}/styrelse` };
  const year = yearOf(m.date);
  const month = Number(m.date.slice(5, 7));
  const through = year === figures.year ? Math.min(month - 1, figures.period.throughMonth) : month - 1;
  const pack = `${base}/rapporter/handlingar?datum=${m.date}`;
  const documents = [
    { href: `${pack}&format=pdf`, label: 'Handlingar till mötet (PDF)' },
    { href: `${pack}&format=docx`, label: 'Handlingar till mötet (Word)' },
    ...(through > 0 && figures.years.includes(year)
      ? [{ href: `${base}/rapporter/delarsrapport?ar=${year}&manad=${through}&format=pdf`, label: `Delårsrapport ${formatMonthsFromJanuary(through)} ${year} (PDF)` }]
      : []),
  ];
  const dateText = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.date}T00:00:00Z`));
  return { meeting: { date: m.date, dateText, note: m.note, href: `${base}/styrelse/mote/${m.id}`, items: m.items, documents }, boardHref: `${base}/styrelse` };
}

/** The dashboard's view model: every figure comes from the year's one model (src/core/economy/yearFigures.ts). */
export function dashboardModel(federationId: number, f: YearFigures): DashboardModel {
  const outlook = f.outlook;
  const outcomeSoFar = sumBySection(f.toDate.outcome, new Map(f.lines.map((l) => [l.id, l]))).cost;
  // The full year's budget beside the full year's forecast (the driftredovisning's budget is to date).
  const budgetBySection = Object.fromEntries(f.forecastStatement.sections.map((s) => [s.section, s.subtotal.budget.costOre])) as Record<Section, number>;
  // A year with a ledger has its result and equity even before any account is mapped to a budget line; an open
  // year without outcome has the budget as its forecast.
  const known = outlook.throughMonth > 0 || f.ledger !== null || !f.period.complete;
  return {
    federationId,
    year: f.year,
    years: f.years,
    period: { throughMonth: f.period.throughMonth, complete: f.period.complete, label: f.periodLabel, months: periodMonths(f.period) },
    forecastMethod: f.forecast.method,
    allocationOre: f.facts.allocationOre,
    payerShares: f.payerShares,
    sections: costSections.map((s) => ({
      label: sectionLabels[s],
      budgetOre: budgetBySection[s] ?? 0,
      outcomeOre: outcomeSoFar[s],
      forecastOre: outlook.isForecast ? outlook.costBySection[s] : null,
      overBudget: outlook.costBySection[s] > (budgetBySection[s] ?? 0),
    })),
    monthsWithOutcome: outlook.throughMonth,
    forecastProfiles: outlook.isForecast ? forecastProfiles(f) : [],
    budgetResultOre: f.keyFigures.budget.resultOre,
    resultOre: known ? outlook.figures.resultOre : null,
    equity: {
      closingOre: outlook.equity.equityClosingOre,
      shareOfAllocation: outlook.equity.shareOfAllocation,
      capShare: outlook.equity.capShare,
      capOre: outlook.equity.capOre,
      floorOre: outlook.equity.floorOre,
      aboveCap: outlook.equity.status === 'above_cap',
      belowFloor: outlook.equity.status === 'below_floor',
    },
    warnings: [
      // During the year: sections whose forecast for the whole year is over budget.
      ...f.sectionsOverBudget.map((s) => `${sectionLabels[s.section]}: prognosen för helåret är ${tkrText(s.overOre)} över budget.`),
      // Line warnings: cost to date over budget to date; equity warnings: the forecast equity against cap and floor.
      ...f.warnings.map(warningText),
    ],
  };
}

/** The lines the forecast rests on, grouped by budget profile (for the explanation under the chart). */
function forecastProfiles(f: YearFigures): { profile: BudgetProfile; label: string; lines: string[] }[] {
  const labels = new Map(f.lines.map((l) => [l.id, l.label]));
  const groups = new Map<BudgetProfile, string[]>();
  for (const l of f.forecast.lines) {
    if (l.profile === 'even') continue;
    groups.set(l.profile, [...(groups.get(l.profile) ?? []), labels.get(l.lineId) ?? String(l.lineId)]);
  }
  return [...groups.entries()].map(([profile, lines]) => ({ profile, label: budgetProfileLabels[profile], lines }));
}

/** A warning as a sentence a board member reads, with the amounts. */
export function warningText(w: EconomyWarning): string {
  switch (w.kind) {
    case 'line_over_budget':
      return `${w.label}: ${w.forecast ? 'prognosen för helåret' : 'kostnaden'} är över budget med ${oreToTkr(w.overOre) === 0 ? kronorText(w.overOre) : tkrText(w.overOre)}.`;
    case 'equity_above_cap':
      return `Det egna kapitalet (${tkrText(w.equityOre)}) är över det rekommenderade taket (${tkrText(w.capOre)}).`;
    case 'equity_below_floor':
      return `Det egna kapitalet (${tkrText(w.equityOre)}) är under den lägsta nivån (${tkrText(w.floorOre)}).`;
  }
}

