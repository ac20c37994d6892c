/**
 * Issue 28's walk, reproduced: Västmanland 2026 started from 2025 ("Nytt år"), outcome January–November (the
 * members' contributions paid quarterly, costs every month). Before the period model the same year had four
 * answers: the overview a forecast, Nyckeltal a "result" of eleven months of costs against the whole year's
 * income (and an equity cap warning from it), Driftredovisning eleven months against the full-year budget, and
 * after one December line the overview called the year "helår" while the board pack still said November.
 * Expected figures are worked out here from the budget and the outcome written, not taken from the code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { allocation2026Ore, NAME, seedOpenYear, writeOutcome } from '../../../test/support/openYear.ts';
import { keyFiguresReport, operatingStatementReport } from '../../cli/economy.ts';
import { dashboardModel } from '../../http/economy/dashboardRoutes.tsx';
import { loadBoardPackFacts, loadInterimReportFacts } from '../reports/facts.ts';
import { closeYear, reopenYear } from './yearClosing.ts';
import { getYearFigures } from './yearFacts.ts';

const actor = { id: 'test' };
let db: Awaited<ReturnType<typeof createTestDb>>;
let fid: number;
let lines: Awaited<ReturnType<typeof seedOpenYear>>['lines'];
const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
/** Closing equity 2025 (reference: 4 028 486 + 345 299 kr), the opening equity of 2026. */
const opening2026 = 4_373_785_00;

beforeAll(async () => {
  db = await createTestDb();
  ({ fid, lines } = await seedOpenYear(db));
}, 120_000);
afterAll(() => db?.drop());

/** Every cost line costs a twelfth of its budget (rounded) each month; the contributions come each quarter. */
function outcomeThrough(month: number) {
  const rows: { lineId: number; month: number; incomeOre: number; costOre: number }[] = [];
  const income = lines.find((l) => l.section === 'income')!;
  for (let m = 1; m <= month; m++) {
    if (m % 3 === 1) rows.push({ lineId: income.id, month: m, incomeOre: allocation2026Ore / 4, costOre: 0 });
    for (const l of lines) if (l.section !== 'income' && l.budgetCostOre) rows.push({ lineId: l.id, month: m, incomeOre: 0, costOre: round(l.budgetCostOre / 12) });
  }
  return rows;
}

describe('the open year has one answer (issue 28)', () => {
  it('Nytt år carried the budget with its income at the allocation, and the contributions', async () => {
    const income = lines.filter((l) => l.section === 'income');
    expect(income.reduce((a, l) => a + l.budgetIncomeOre, 0)).toBe(allocation2026Ore);
    const [c] = await db.query<{ total: string }>('select sum(amount_ore)::text as total from contribution where federation_id = $1 and year = 2026', [fid]);
    expect(Number(c!.total)).toBe(allocation2026Ore);
  });

  it('January–November: overview, key figures, driftredovisning, interim report and board pack agree', async () => {
    await writeOutcome(db, fid, 2026, outcomeThrough(11));
    // By hand: costs forecast ×12/11 per line (evenly spread), contributions at the allocation decided.
    const costForecast = lines.filter((l) => l.section !== 'income').reduce((a, l) => a + round((round(l.budgetCostOre / 12) * 11 * 12) / 11), 0);
    const costToDate = lines.filter((l) => l.section !== 'income').reduce((a, l) => a + round(l.budgetCostOre / 12) * 11, 0);
    const forecastResult = allocation2026Ore - costForecast;
    const forecastEquity = opening2026 + forecastResult;

    const f = (await getYearFigures(db, fid, 2026))!;
    expect(f.period).toMatchObject({ year: 2026, throughMonth: 11, complete: false });
    expect(f.periodLabel).toBe('januari–november 2026, prognos för helåret');

    // Key figures (CLI/API JSON): to date, and the forecast beside them.
    const k = JSON.parse(await keyFiguresReport(db, NAME, 2026));
    expect(k.period).toEqual({ year: 2026, throughMonth: 11, complete: false });
    expect(k.result * 100).toBe(allocation2026Ore - costToDate);
    expect(k.forecast.result * 100).toBe(forecastResult);
    expect(k.forecast.equityClosing * 100).toBe(forecastEquity);

    // The cap warning comes from the forecast equity, not from eleven months of costs.
    expect(f.equity.equityClosingOre).toBe(forecastEquity);
    const capWarnings = f.warnings.filter((w) => w.kind === 'equity_above_cap');
    expect(capWarnings.length > 0).toBe(forecastEquity > f.equity.capOre!);
    // A line's warning, too, speaks of the full-year forecast against the full-year budget, never of months to date.
    const forecastCost = new Map(f.forecastStatement.sections.flatMap((sec) => sec.lines).map((l) => [l.line.id, l.figures.outcome.costOre - l.figures.budget.costOre]));
    for (const w of f.warnings) {
      if (w.kind !== 'line_over_budget') continue;
      expect(w.forecast).toBe(true);
      expect(w.overOre).toBe(forecastCost.get(w.lineId));
    }
    const overLines = [...forecastCost.entries()].filter(([id, over]) => over > 0 && lines.some((l) => l.id === id && l.section !== 'income'));
    expect(f.warnings.filter((w) => w.kind === 'line_over_budget')).toHaveLength(overLines.length);

    // Driftredovisning: eleven months of outcome against eleven months of budget.
    const s = JSON.parse(await operatingStatementReport(db, NAME, 2026));
    expect(s.period).toEqual({ year: 2026, throughMonth: 11, complete: false });
    const budgetCostToDate = lines.filter((l) => l.section !== 'income').reduce((a, l) => a + round((l.budgetCostOre * 11) / 12), 0);
    expect(s.total.budget.cost * 100).toBe(budgetCostToDate);
    expect(s.forecast.result * 100).toBe(forecastResult);

    // The overview.
    const overview = dashboardModel(fid, f);
    expect(overview.resultOre).toBe(forecastResult);
    expect(overview.equity.closingOre).toBe(forecastEquity);

    // The interim report through November and the board pack of a December meeting.
    const interim = await loadInterimReportFacts(db, fid, 2026, 11);
    const pack = await loadBoardPackFacts(db, fid, '2026-12-10');
    for (const e of [interim.economy!, pack.economy!]) {
      expect(e.throughMonth).toBe(11);
      expect(e.forecastKeyFigures.resultOre).toBe(forecastResult);
      expect(e.equity.equityClosingOre).toBe(forecastEquity);
    }

    // Five-year overview: the closed years, and 2026 as "prognos".
    expect(f.fiveYear.map((r) => [r.year, r.status])).toEqual([
      [2026, 'forecast'],
      [2025, 'closed'],
      [2024, 'closed'],
    ]);
    expect(f.fiveYear[0]!.resultOre).toBe(forecastResult);
  });

  it('one December line does not close the year; the board pack of the same day keeps November; closing does', async () => {
    const rows = outcomeThrough(11);
    const cost = lines.find((l) => l.section === 'administration')!;
    await writeOutcome(db, fid, 2026, [...rows, { lineId: cost.id, month: 12, incomeOre: 0, costOre: 10_000_00 }]);
    const f = (await getYearFigures(db, fid, 2026))!;
    expect(f.period).toMatchObject({ throughMonth: 12, complete: false });
    expect(f.outlook.isForecast).toBe(true);
    expect(dashboardModel(fid, f).sections.every((s) => s.forecastOre !== null)).toBe(true);
    const pack = await loadBoardPackFacts(db, fid, '2026-12-10');
    const interim = await loadInterimReportFacts(db, fid, 2026, 11);
    expect(pack.economy!.throughMonth).toBe(11);
    expect(pack.economy!.forecastKeyFigures.resultOre).toBe(interim.economy!.forecastKeyFigures.resultOre);

    await closeYear(db, fid, 2026, actor);
    const closed = (await getYearFigures(db, fid, 2026))!;
    expect(closed.period).toMatchObject({ throughMonth: 12, complete: true });
    expect(closed.forecastFigures.resultOre).toBe(closed.keyFigures.resultOre);
    const k = JSON.parse(await keyFiguresReport(db, NAME, 2026));
    expect(k.forecast.result).toBe(k.result);
    expect(k.forecast.equityClosing).toBe(k.equityClosing);
    const audit = await db.query<{ action: string; actor: string }>("select action, actor from audit_log where table_name = 'year_closing' and federation_id = $1 order by id", [fid]);
    expect(audit.at(-1)).toEqual({ action: 'insert', actor: 'test' });

    await reopenYear(db, fid, 2026, actor);
    expect((await getYearFigures(db, fid, 2026))!.period.complete).toBe(false);
  });
});
