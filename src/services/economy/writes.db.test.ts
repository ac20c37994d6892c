/** Writes through the economy services: one transaction each, InputError with field names, nothing half-done. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import * as economy from './index.ts';
import { economySnapshot } from './snapshot.testing.ts';

const actor = { id: 'test' };

describe('economy writes', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await economy.createFederation(db, { name: 'Samordningsförbundet Prov' }, actor)).id;
  });
  afterAll(() => db?.drop());

  it('builds a year from nothing: members, allocation, key, contributions, budget, outcome', async () => {
    const fk = await economy.createMember(db, fid, { name: 'Försäkringskassan', kind: 'state_fk' }, actor);
    await economy.createMember(db, fid, { name: 'Arbetsförmedlingen', kind: 'state_af' }, actor);
    const region = await economy.createMember(db, fid, { name: 'Region Prov', kind: 'region' }, actor);
    const a = await economy.createMember(db, fid, { name: 'A kommun', kind: 'municipality' }, actor);
    const b = await economy.createMember(db, fid, { name: 'B kommun', kind: 'municipality' }, actor);
    await expect(economy.createMember(db, fid, { name: 'A kommun', kind: 'municipality' }, actor)).rejects.toThrow(/finns redan/);

    await economy.saveFiscalYear(db, fid, { year: 2026, openingEquityOre: 100_000_00, totalAssetsOre: 500_000_00 }, actor);
    await economy.saveAllocation(db, fid, 2026, 1_000_001_00, actor);
    await economy.saveAllocationKey(db, fid, 2026, { stateShareBp: 5000, regionShareBp: 2500, municipalitiesShareBp: 2500, municipalBasis: 'population', weights: [{ memberId: a.id, weight: 1 }, { memberId: b.id, weight: 2 }] }, actor);
    const applied = await economy.applyAllocationKey(db, fid, 2026, actor);
    // 1 000 001 kr: state 500 001 (largest remainder gets the odd krona), region 250 000, municipalities 250 000 split 1:2.
    expect(applied.map((c) => [c.payerName, c.amountOre / 100])).toEqual([
      [economy.stateLabel, 500_001],
      ['Region Prov', 250_000],
      ['A kommun', 83_333],
      ['B kommun', 166_667],
    ]);
    const overview = await economy.getAllocationOverview(db, fid, 2026);
    expect(overview.check!.differenceOre).toBe(0);
    const byPayer = (l: readonly { memberId: number | null; amountOre: number }[]) => [...l].map((c) => `${c.memberId}:${c.amountOre}`).sort();
    expect(byPayer(overview.fromKey!)).toEqual(byPayer(overview.contributions));
    expect(overview.check!.shares).toEqual({ state: 0.5, region: 0.25, municipalities: 0.25 });

    const styrelse = await economy.createBudgetLine(db, fid, { section: 'administration', label: 'Styrelse' }, actor);
    const medel = await economy.createBudgetLine(db, fid, { section: 'income', label: 'Medel från huvudmännen' }, actor);
    await economy.saveBudgetAmount(db, fid, 2026, { lineId: medel.id, incomeOre: 1_000_001_00, costOre: 0 }, actor);
    await economy.saveBudgetAmount(db, fid, 2026, { lineId: styrelse.id, incomeOre: 0, costOre: 600_000_00 }, actor);
    for (const month of [1, 2, 3]) await economy.saveOutcomeEntry(db, fid, 2026, { lineId: styrelse.id, month, incomeOre: 0, costOre: 40_000_00 }, actor);
    const o = await economy.getEconomyOverview(db, fid, 2026);
    expect(o.forecast.throughMonth).toBe(3);
    expect(o.forecast.lines.find((l) => l.lineId === styrelse.id)!.costOre).toBe(480_000_00);
    expect(o.keyFigures.equityClosingOre).toBe(100_000_00 - 120_000_00);
    expect(o.keyFigures.budget.resultOre).toBe(400_001_00);
    expect(fk.kind).toBe('state_fk');
    expect(region.kind).toBe('region');
  });

  it('refuses what does not add up or does not exist, and leaves everything as it was', async () => {
    const before = await economySnapshot(db);
    const members = await economy.listMembers(db, fid);
    const a = members.find((m) => m.name === 'A kommun')!;
    const err = await economy.saveContributions(db, fid, 2026, [{ memberId: null, amountOre: 1 }, { memberId: a.id, amountOre: 1 }], actor).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]!.field).toBe('contributions');
    await expect(economy.deleteMember(db, fid, a.id, actor)).rejects.toThrow(/kan inte tas bort/);
    await expect(economy.saveBudgetAmount(db, fid, 2031, { lineId: 1, incomeOre: 0, costOre: 1 }, actor)).rejects.toBeInstanceOf(NotFoundError);
    await expect(economy.addBudgetRevision(db, fid, 2026, { decidedOn: '2026-05-14', decision: 'Tillägg', lines: [{ lineId: 999_999, incomeOre: 0, costOre: 1 }] }, actor)).rejects.toThrow(/Budgetposten finns inte/);
    await expect(economy.saveOutcomeEntry(db, fid, 2026, { lineId: 999_999, month: 1, incomeOre: 0, costOre: 1 }, actor)).rejects.toBeInstanceOf(InputError);
    await expect(economy.saveFiscalYear(db, fid, { year: 2026, allocationOre: -5 }, actor)).rejects.toThrow(/negativt/);
    await expect(economy.updateMember(db, fid, 999_999, { name: 'X', kind: 'region' }, actor)).rejects.toBeInstanceOf(NotFoundError);
    expect(await economySnapshot(db)).toBe(before);
  });

  it('keeps förbund apart: another förbund’s member or line cannot be used', async () => {
    const other = await economy.createFederation(db, { name: 'Annat förbund' }, actor);
    const otherMember = await economy.createMember(db, other.id, { name: 'C kommun', kind: 'municipality' }, actor);
    const err = await economy.saveAllocationKey(db, fid, 2026, { stateShareBp: 5000, regionShareBp: 2500, municipalitiesShareBp: 2500, municipalBasis: 'population', weights: [{ memberId: otherMember.id, weight: 1 }] }, actor).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]!.field).toBe('weights[0].memberId');
    await expect(db.query('insert into contribution (federation_id, year, member_id, amount_ore) values ($1, 2026, $2, 1)', [fid, otherMember.id])).rejects.toThrow();
  });
});
