import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { loadDemoIfEmpty } from './index.ts';
import { demoSteps } from '../../cli/demo.ts';
import { getEconomyOverview, getFederationByName } from '../economy/index.ts';
import { loadBoardPackFacts, loadInterimReportFacts } from '../reports/facts.ts';

describe('demo data', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.drop());

  it('loads Samordningsförbundet Västmanland 2024–2025 into an empty database, once', async () => {
    expect(await loadDemoIfEmpty(db, demoSteps)).toBe(true);
    expect(await loadDemoIfEmpty(db, demoSteps)).toBe(false);
    const f = await getFederationByName(db, 'Samordningsförbundet Västmanland');
    const o = await getEconomyOverview(db, f.id, 2025);
    expect(o.keyFigures.resultOre).toBe(345_299_00);
    expect(o.fiveYear.map((r) => r.year)).toEqual([2025, 2024, 2023, 2022, 2021]);
  });

  it('has a living year: 2026 (example data) open with outcome January–September, a forecast, and a board pack with figures', async () => {
    const f = await getFederationByName(db, 'Samordningsförbundet Västmanland');
    const o = await getEconomyOverview(db, f.id, 2026);
    expect(o.period).toMatchObject({ year: 2026, throughMonth: 9, complete: false });
    expect(o.periodLabel).toBe('januari–september 2026, prognos för helåret');
    expect(o.keyFigures.operatingCostOre).toBeGreaterThan(0);
    expect(o.fiveYear[0]).toMatchObject({ year: 2026, status: 'forecast' });
    const interim = await loadInterimReportFacts(db, f.id, 2026, 9);
    const pack = await loadBoardPackFacts(db, f.id, '2026-10-15');
    expect(pack.meetingNote).toContain('exempeldata');
    expect(pack.economy!.throughMonth).toBe(9);
    expect(pack.economy!.forecastKeyFigures.resultOre).toBe(interim.economy!.forecastKeyFigures.resultOre);
    expect(pack.economy!.forecastKeyFigures.resultOre).toBe(o.forecastFigures.resultOre);
    expect(pack.economy!.toDate.total.outcome.costOre).toBeGreaterThan(0);
  });

  it('rolls the whole demo back when a step fails', async () => {
    const fresh = await createTestDb();
    try {
      const failing = [...demoSteps, { name: 'trasig', run: async () => { throw new Error('steget misslyckades'); } }];
      await expect(loadDemoIfEmpty(fresh, failing)).rejects.toThrow('steget misslyckades');
      expect((await fresh.query<{ n: number }>('select count(*)::int as n from federation'))[0]!.n).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
