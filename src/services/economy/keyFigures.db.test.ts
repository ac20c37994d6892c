/** Key figures of 2025 against the reference's output contract and every 2025 figure of the annual report. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestDb } from '../../../test/support/db.ts';
import { referenceKeyFigures2025 } from '../../../test/support/economy.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { getEconomyOverview, getKeyFigures } from './reports.ts';
import { toKeyFiguresJson } from '../../core/economy/keyFigures.ts';
import { oreToTkr } from '../../core/rounding.ts';
import { formatPercent } from '../../core/format.ts';

const fixtureDir = new URL('../../../test/fixtures/', import.meta.url);
const source = JSON.parse(readFileSync(new URL('vastmanland-2025.source.json', fixtureDir), 'utf8')) as {
  allocation: { medelstilldelning_2025_tkr: number };
  equity: { equity_tkr: number; share_of_allocated_funds_pct: number; recommended_cap_pct: number };
  five_year_overview: { rows: { year: number; income_tkr: number; costs_tkr: number; result_tkr: number; soliditet_pct: number; employees: number }[] };
  cost_distribution: { rows: { label: string; budget_2025: number; outcome_2025: number; outcome_2024: number }[]; direct_intervention_cost_share_pct: number };
  income_statement: { rows: { label: string; y2025: number }[] };
};

describe('key figures 2025', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let federationId: number;
  beforeAll(async () => {
    db = await createTestDb();
    // The demo file: the import fixture plus employees and the predecessor's 2021–2023 totals.
    await importReferenceFile(db, new URL('../../../demo/vastmanland.json', import.meta.url).pathname, { id: 'test' });
    federationId = (await db.query<{ id: number }>('select id from federation'))[0]!.id;
  });
  afterAll(() => db?.drop());

  it('equals the output contract of the reference README', async () => {
    const json = toKeyFiguresJson(await getKeyFigures(db, federationId, 2025));
    expect(json).toEqual({
      ...referenceKeyFigures2025,
      budget: {
        ...referenceKeyFigures2025.budget,
        // Budget 2025 per section (import file) / 20 986 499, independently: 13 842 499, 2 474 000, 2 017 000, 2 653 000.
        costShares: { individual: 0.6596, structural: 0.1179, processSupport: 0.0961, administration: 0.1264 },
      },
    });
  });

  it('reproduces the annual report’s printed 2025 figures', async () => {
    const o = await getEconomyOverview(db, federationId, 2025);
    const k = o.keyFigures;
    expect(oreToTkr(k.allocationOre!)).toBe(source.allocation.medelstilldelning_2025_tkr); // 18 958
    expect(k.equityClosingOre).toBe(4_373_785_00); // computed; the report prints 4 373 784 (1 kr off)
    expect(oreToTkr(k.equityClosingOre!)).toBe(source.equity.equity_tkr); // 4 374
    expect(formatPercent(k.equityShareOfAllocation!)).toBe(`${source.equity.share_of_allocated_funds_pct}\u00a0%`); // 23 %
    expect(formatPercent(k.equityRatio!, 1)).toBe('46,3\u00a0%');
    expect(formatPercent(k.directCostShare!)).toBe(`${source.cost_distribution.direct_intervention_cost_share_pct}\u00a0%`); // 86 %
    expect(k.operatingIncomeOre / 100).toBe(source.income_statement.rows.find((r) => r.label === 'Verksamhetens intäkter')!.y2025);
    // Equity vs the default cap (20 %): above it, as the report says.
    expect(o.equity.capShare * 100).toBe(source.equity.recommended_cap_pct);
    expect(o.equity.status).toBe('above_cap');
    expect(o.warnings.some((w) => w.kind === 'equity_above_cap')).toBe(true);
  });

  it('cost distribution in whole per cent: budget 66/12/9/13, outcome 66/9/11/14, 2024 66/11/10/13', async () => {
    const o = await getEconomyOverview(db, federationId, 2025);
    const order = ['individual', 'structural', 'processSupport', 'administration'] as const;
    const col = (k: 'budget_2025' | 'outcome_2025' | 'outcome_2024') => source.cost_distribution.rows.map((r) => r[k]);
    expect(order.map((s) => o.costDistribution.budget[s])).toEqual(col('budget_2025'));
    expect(order.map((s) => o.costDistribution.outcome[s])).toEqual(col('outcome_2025'));
    expect(order.map((s) => o.costDistribution.previousOutcome![s])).toEqual(col('outcome_2024'));
  });

  it('five-year overview: 2025 and 2024 computed, 2021–2023 from the predecessor’s printed totals', async () => {
    const o = await getEconomyOverview(db, federationId, 2025);
    const ours = o.fiveYear.map((r) => ({
      year: r.year,
      income_tkr: oreToTkr(r.incomeOre),
      costs_tkr: oreToTkr(-r.costOre),
      result_tkr: oreToTkr(r.resultOre),
      soliditet_pct: r.equityRatio === null ? null : Math.round(r.equityRatio * 1000) / 10,
      employees: r.employees,
    }));
    expect(ours).toEqual(source.five_year_overview.rows);
    expect(o.fiveYear.map((r) => r.basis)).toEqual(['computed', 'computed', 'summary', 'summary', 'summary']);
  });

  it('forecast through December equals the outcome; a year that does not exist is NotFound', async () => {
    const o = await getEconomyOverview(db, federationId, 2025);
    expect(o.forecast.throughMonth).toBe(12);
    expect(o.forecast.lines.reduce((a, l) => a + l.costOre, 0)).toBe(18_763_370_00);
    await expect(getKeyFigures(db, federationId, 2031)).rejects.toThrow(/2031/);
  });
});
