/**
 * The year's figures through the one loader: its cache never serves figures older than the data. Every table
 * the loader reads bumps figures_version on every write statement (checked against the loader's own SQL), and
 * each kind of write a user makes changes what the next read returns. Plus budget profiles and budget to date
 * on a real database, with figures worked out by hand from test/support/economy.ts's small förbund.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { seedSmallFederation } from '../../../test/support/economy.ts';
import { budgetToDate } from '../../core/economy/yearFigures.ts';
import {
  addBudgetRevision,
  createBudgetLine,
  saveBudgetAmount,
  saveBudgetProfile,
  saveContributions,
  saveFederationSettings,
  saveFiscalYear,
  saveOutcomeEntry,
  saveYearSummary,
} from './index.ts';
import { getYearFigures, yearFactsSql, yearFigures, yearFiguresCacheStats } from './yearFacts.ts';

const actor = { id: 'test' };
const kr = (n: number) => n * 100;

describe('the year figures cache', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let lines: Awaited<ReturnType<typeof seedSmallFederation>>['lines'];
  beforeAll(async () => {
    db = await createTestDb();
    ({ federationId: fid, lines } = await seedSmallFederation(db));
  });
  afterAll(() => db.drop());

  it('every table the loader reads bumps the version on insert, update, delete and truncate', async () => {
    const existing = new Set((await db.query<{ name: string }>("select relname as name from pg_class where relkind = 'r'")).map((r) => r.name));
    // Every "from <table>" of the loader's statement (not "extract(year from <column>)").
    const tables = [...new Set([...yearFactsSql.matchAll(/\bfrom\s+([a-z_]+)/g)].map((m) => m[1]!))].filter((t) => existing.has(t)).sort();
    expect(tables.length).toBeGreaterThanOrEqual(12);
    expect(tables).toContain('outcome_entry');
    expect(tables).toContain('ledger_account_total');
    const triggers = await db.query<{ table: string; events: string }>(
      `select c.relname as table, string_agg(t.tgname, ',') as events from pg_trigger t join pg_class c on c.oid = t.tgrelid
       where t.tgname like 'figures_version_bump%' group by c.relname`,
    );
    const covered = new Map(triggers.map((t) => [t.table, t.events.split(',').sort()]));
    for (const t of tables.filter((t) => t !== 'figures_version')) {
      expect(covered.get(t), t).toEqual(['figures_version_bump', 'figures_version_bump_truncate']);
    }
    // The version row is bookkeeping: not audited, so a write costs no extra audit row.
    const audited = await db.query("select 1 from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relname = 'figures_version' and t.tgname like 'audit%'");
    expect(audited).toEqual([]);
    const version = async () => (await db.query<{ v: string }>('select version::text as v from samordna_internal.figures_version'))[0]!.v;
    const before = await version();
    await db.query('update budget_line set sort_order = sort_order where federation_id = $1', [fid]);
    expect(await version()).not.toBe(before);
  });

  it('a read with nothing changed comes from the cache; each kind of write changes the next read', async () => {
    const read = () => yearFigures(db, fid, 2026);
    const first = await read();
    const hits = yearFiguresCacheStats.hits;
    expect(await read()).toBe(first);
    expect(yearFiguresCacheStats.hits).toBe(hits + 1);

    // Each write, then what the next read must show (worked out from the seed: 2026 has outcome January–March).
    const steps: [string, () => Promise<unknown>, (f: Awaited<ReturnType<typeof read>>) => void][] = [
      [
        'manual outcome',
        () => saveOutcomeEntry(db, fid, 2026, { lineId: lines.kansli, month: 4, incomeOre: 0, costOre: kr(15_000) }, actor),
        (f) => expect(f.outcome.byLine.find((l) => l.lineId === lines.kansli)!.costOre).toBe(kr(60_000)),
      ],
      ['budget amount', () => saveBudgetAmount(db, fid, 2026, { lineId: lines.training, incomeOre: 0, costOre: kr(175_000) }, actor), (f) => expect(f.keyFigures.budget.operatingCostOre).toBe(kr(1_325_000))],
      [
        'budget revision',
        () => addBudgetRevision(db, fid, 2026, { decidedOn: '2026-05-01', decision: 'Tilläggsbudget', lines: [{ lineId: lines.process, incomeOre: 0, costOre: kr(125_000) }] }, actor),
        (f) => expect(f.keyFigures.budget.operatingCostOre).toBe(kr(1_300_000)),
      ],
      ['fiscal-year facts', () => saveFiscalYear(db, fid, { year: 2026, openingEquityOre: kr(160_000) }, actor), (f) => expect(f.facts.openingEquityOre).toBe(kr(160_000))],
      ['settings', () => saveFederationSettings(db, fid, { equityCapShare: 0.5 }, actor), (f) => expect(f.equity.capShare).toBe(0.5)],
      ['budget profile', () => saveBudgetProfile(db, fid, lines.income, 'yearly', actor), (f) => expect(f.profiles.get(lines.income)).toBe('yearly')],
      ['new budget line', () => createBudgetLine(db, fid, { section: 'structural', label: 'Ny insats' }, actor), (f) => expect(f.lines.some((l) => l.label === 'Ny insats')).toBe(true)],
      ['year summary', () => saveYearSummary(db, fid, { year: 2023, incomeOre: kr(900_000), costOre: kr(800_000), resultOre: kr(100_000), equityRatio: null, employees: null, note: 'Föregångare' }, actor), (f) => expect(f.fiveYear.some((r) => r.year === 2023)).toBe(true)],
      ['contributions', () => saveContributions(db, fid, 2026, [{ memberId: null, amountOre: kr(1_200_000) }], actor), (f) => expect(f.payerShares).toEqual({ state: 1, region: 0, municipalities: 0 })],
      ['raw SQL outside the services', () => db.query('delete from outcome_entry where federation_id = $1 and year = 2026 and month = 4', [fid]), (f) => expect(f.outcome.byLine.find((l) => l.lineId === lines.kansli)!.costOre).toBe(kr(45_000))],
    ];
    for (const [name, write, check] of steps) {
      const before = await read();
      await write();
      const after = await read();
      expect(after, name).not.toBe(before);
      check(after);
    }
  });

  it('the latest year (no ?ar) is cached and invalidated too', async () => {
    const a = await getYearFigures(db, fid, null);
    expect(a!.year).toBe(2026);
    expect(await getYearFigures(db, fid, null)).toBe(a);
    await saveFiscalYear(db, fid, { year: 2027 }, actor);
    expect((await getYearFigures(db, fid, null))!.year).toBe(2027);
  });
});

describe('budget profiles: budget to date and the forecast', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let lines: Awaited<ReturnType<typeof seedSmallFederation>>['lines'];
  beforeAll(async () => {
    db = await createTestDb();
    ({ federationId: fid, lines } = await seedSmallFederation(db));
  });
  afterAll(() => db.drop());

  it('the members’ payments (income) are quarterly by default, costs even; budget to date follows', async () => {
    const f = await yearFigures(db, fid, 2026);
    expect(f.profiles.get(lines.income)).toBe('quarterly');
    expect(f.profiles.get(lines.team)).toBe('even');
    const may = new Map(budgetToDate(f, 5).map((l) => [l.lineId, l]));
    // Income 1 200 000 kr quarterly: January and April → 600 000 kr by May.
    expect(may.get(lines.income)!.incomeOre).toBe(kr(600_000));
    // Team 800 000 kr evenly: 5/12 → 333 333,33 kr.
    expect(may.get(lines.team)!.costOre).toBe(33_333_333);
    expect(budgetToDate(f, 12).map((l) => [l.lineId, l.incomeOre, l.costOre])).toEqual(f.budget.revised.map((l) => [l.lineId, l.incomeOre, l.costOre]));
  });

  it('a yearly payment received in January is the whole year, not twelve times it', async () => {
    const db2 = db;
    await saveBudgetProfile(db2, fid, lines.income, 'yearly', actor);
    // Replace January–March income (100 000 kr a month) with one payment of 1 200 000 kr in January.
    for (const month of [2, 3]) await saveOutcomeEntry(db2, fid, 2026, { lineId: lines.income, month, incomeOre: 0, costOre: 0 }, actor);
    await saveOutcomeEntry(db2, fid, 2026, { lineId: lines.income, month: 1, incomeOre: kr(1_200_000), costOre: 0 }, actor);
    const f = await yearFigures(db2, fid, 2026);
    expect(f.forecast.lines.find((l) => l.lineId === lines.income)!.incomeOre).toBe(kr(1_200_000));
    // Linear would have said 1 200 000 × 12 / 3 = 4 800 000 kr.
    const q = await yearFigures(db2, fid, 2026, { throughMonth: 3 });
    expect(q.forecast.lines.find((l) => l.lineId === lines.income)!.incomeOre).toBe(kr(1_200_000));
  });
});
