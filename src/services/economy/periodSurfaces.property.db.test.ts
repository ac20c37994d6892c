/**
 * Property (issue 28): for random outcome months and budget profiles, every surface of an open year names the
 * same period and prints the same forecast result and closing equity — the key figures JSON, the driftredovisning
 * JSON, the overview's view model, the interim report through month M and the board pack of a meeting in M+1 —
 * and the driftredovisning's budget to date is each line's budget spread by its profile (worked out here).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { NAME, seedOpenYear, writeOutcome } from '../../../test/support/openYear.ts';
import { keyFiguresReport, operatingStatementReport } from '../../cli/economy.ts';
import { dashboardModel } from '../../http/economy/dashboardRoutes.tsx';
import type { BudgetProfile } from '../../core/economy/budgetProfile.ts';
import { loadBoardPackFacts, loadInterimReportFacts } from '../reports/facts.ts';
import { saveBudgetProfile } from './lines.ts';
import { getYearFigures } from './yearFacts.ts';

const actor = { id: 'test' };
let db: Awaited<ReturnType<typeof createTestDb>>;
let fid: number;
let lines: Awaited<ReturnType<typeof seedOpenYear>>['lines'];
const ore = (kronor: number) => Math.round(kronor * 100);

beforeAll(async () => {
  db = await createTestDb();
  ({ fid, lines } = await seedOpenYear(db));
}, 120_000);
afterAll(() => db?.drop());

/** Budget through month m by profile, independently of the code: even m/12, quarterly ⌈m/3⌉/4, yearly all. */
function expectedToDate(amountOre: number, profile: BudgetProfile, m: number): number {
  const [num, den] = profile === 'even' ? [m, 12] : profile === 'quarterly' ? [Math.ceil(m / 3), 4] : [m === 0 ? 0 : 1, 1];
  const x = (amountOre * num) / den;
  return Math.sign(x) * Math.round(Math.abs(x));
}

describe('every surface of an open year gives the same period, result and equity', () => {
  it('property: random outcome months and budget profiles', async () => {
    const costLines = lines.filter((l) => l.section !== 'income');
    const profile = fc.constantFrom<BudgetProfile>('even', 'quarterly', 'yearly');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 11 }),
        fc.array(profile, { minLength: lines.length, maxLength: lines.length }),
        fc.array(fc.record({ line: fc.nat(lines.length - 1), month: fc.integer({ min: 1, max: 12 }), amount: fc.integer({ min: -5_000_00, max: 400_000_00 }) }), { maxLength: 40 }),
        async (month, profiles, raw) => {
          for (const [i, l] of lines.entries()) await saveBudgetProfile(db, fid, l.id, profiles[i]!, actor);
          const rows = raw
            .filter((r) => r.month <= month)
            .map((r) => {
              const l = lines[r.line]!;
              return { lineId: l.id, month: r.month, incomeOre: l.section === 'income' ? Math.abs(r.amount) : 0, costOre: l.section === 'income' ? 0 : r.amount };
            });
          // The last month with outcome is `month`: one cost there makes sure of it.
          rows.push({ lineId: costLines[0]!.id, month, incomeOre: 0, costOre: 1_000_00 });
          const merged = new Map<string, (typeof rows)[number]>();
          for (const r of rows) {
            const k = `${r.lineId}:${r.month}`;
            const x = merged.get(k);
            merged.set(k, x ? { ...x, incomeOre: x.incomeOre + r.incomeOre, costOre: x.costOre + r.costOre } : r);
          }
          await writeOutcome(db, fid, 2026, [...merged.values()]);

          const f = (await getYearFigures(db, fid, 2026))!;
          const period = { year: 2026, throughMonth: month, complete: false };
          expect(f.period).toMatchObject(period);
          const result = f.forecastFigures.resultOre;
          const equity = f.forecastFigures.equityClosingOre;

          const k = JSON.parse(await keyFiguresReport(db, NAME, 2026));
          expect(k.period).toEqual(period);
          expect(ore(k.forecast.result)).toBe(result);
          expect(ore(k.forecast.equityClosing)).toBe(equity);

          const s = JSON.parse(await operatingStatementReport(db, NAME, 2026));
          expect(s.period).toEqual(period);
          expect(ore(s.forecast.result)).toBe(result);
          const budgetCost = lines.reduce((a, l, i) => a + expectedToDate(l.budgetCostOre, profiles[i]!, month), 0);
          expect(ore(s.total.budget.cost)).toBe(budgetCost);

          const overview = dashboardModel(fid, f);
          expect(overview.monthsWithOutcome).toBe(month);
          expect(overview.resultOre).toBe(result);
          expect(overview.equity.closingOre).toBe(equity);

          const interim = await loadInterimReportFacts(db, fid, 2026, month);
          const pack = await loadBoardPackFacts(db, fid, `2026-${String(month + 1).padStart(2, '0')}-15`);
          for (const e of [interim.economy!, pack.economy!]) {
            expect({ throughMonth: e.throughMonth, complete: e.complete }).toEqual({ throughMonth: month, complete: false });
            expect(e.periodLabel).toBe(f.periodLabel);
            expect(e.forecastKeyFigures.resultOre).toBe(result);
            expect(e.equity.equityClosingOre).toBe(equity);
          }
        },
      ),
      { numRuns: 8 },
    );
  }, 600_000);
});
