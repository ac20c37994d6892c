import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { seedSmallFederation } from '../../../test/support/economy.ts';
import { InputError } from '../../core/errors.ts';
import type { Actor } from '../../db/database.ts';
import type { ParticipationInput } from '../../core/interventions/participation.ts';
import type { SupportSource } from '../../core/interventions/vocabulary.ts';
import { createIntervention } from '../interventions/interventions.ts';
import { insertParticipations } from '../interventions/participations.ts';
import { recordFollowUp } from '../interventions/followUps.ts';
import { replaceUnitCosts, unitCostTable } from './unitCosts.ts';
import { valueReportOf } from './valueReport.ts';

const actor: Actor = { id: 'kansli@test.example' };
const kr = (n: number) => n * 100;
const table = [
  { supportSource: 'income_support' as const, payer: 'kommun' as const, annualOre: kr(120_000), source: 'test A' },
  { supportSource: 'salary' as const, payer: 'kommun' as const, annualOre: kr(-30_000), source: 'test B' },
  { supportSource: 'salary' as const, payer: 'fk' as const, annualOre: kr(-20_000), source: 'test C' },
  { supportSource: 'sickness_benefit' as const, payer: 'fk' as const, annualOre: kr(200_000), source: 'test D' },
];

const ended = (before: SupportSource, after: SupportSource | null): ParticipationInput => ({
  gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: before, supportDuration: 'gt4',
  education: 'compulsory', startDate: '2025-01-10', endDate: '2025-03-31', exitOutcome: 'work', supportAfter: after,
});

describe('the value report in the database', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    db = await createTestDb();
    const seeded = await seedSmallFederation(db);
    fid = seeded.federationId;
    team = await createIntervention(db, fid, { name: 'Samordningsteam Testby', kind: 'individual', periodStart: '2025-01-01', budgetLineId: seeded.lines.team }, actor);
    const ids = await db.transaction(
      (tx) =>
        insertParticipations(tx, fid, team, [
          ended('income_support', 'salary'),
          ended('income_support', 'salary'),
          ended('income_support', 'salary'),
          ended('sickness_benefit', 'income_support'),
          ended('sickness_benefit', 'income_support'),
          ended('unknown', 'salary'),
        ]),
      actor,
    );
    // The 12-month status replaces "försörjning efter" for one of the two on sickness benefit.
    await recordFollowUp(db, fid, team, ids[4]!.id, { months: '12', statusDate: '2026-04-02', reached: 'ja', supportSource: 'salary', workOrStudies: 'ja' }, actor);
  });
  afterAll(() => db?.drop());

  it('uses the shipped table until the förbund imports its own, and keeps the old table when an import is refused', async () => {
    expect((await unitCostTable(db, fid, 2025)).origin).toBe('default');
    expect(await replaceUnitCosts(db, fid, 2025, table, actor)).toBe(4);
    expect(await unitCostTable(db, fid, 2025)).toEqual({ origin: 'own', costs: [...table].sort((a, b) => (a.supportSource + a.payer < b.supportSource + b.payer ? -1 : 1)) });
    await expect(replaceUnitCosts(db, fid, 2025, [{ ...table[0]!, annualOre: 1 }, { ...table[1]!, source: ' ' }], actor)).rejects.toBeInstanceOf(InputError);
    expect((await unitCostTable(db, fid, 2025)).costs).toHaveLength(4);
  });

  it('computes the effect per payer over 1 and 5 years and the return on the team line\'s outcome (650 000 kr)', async () => {
    const r = await valueReportOf(db, fid, 2025, { interventionId: team });
    // kommun: 3 × 150 000 + (0 − 120 000) + (0 − (−30 000)) = 360 000; fk: 3 × 20 000 + 200 000 + 220 000 = 480 000
    // 5 years × 1.88367744: kommun 678 123.88, fk 904 165.17, total 1 582 289.05
    expect(r).toMatchObject({
      participations: 6,
      unknown: null, // 1: a small count
      hidden: false,
      byPayer: { fk: { year1: 480_000, year5: 904_165 }, af: { year1: 0, year5: 0 }, region: { year1: 0, year5: 0 }, kommun: { year1: 360_000, year5: 678_124 } },
      total: { year1: 840_000, year5: 1_582_289 },
      cost: 650_000,
      returnPerKrona: { year1: 1.29, year5: 2.43 },
      tableOrigin: 'own',
    });
    // The förbund: the same participations; its cost is every line's cost (150 000 + 650 000 + 100 000 + 150 000).
    const all = await valueReportOf(db, fid, 2025);
    expect(all.total).toEqual(r.total);
    expect(all.cost).toBe(1_050_000);
  });

  it('reports a year the förbund has no fiscal year for, without a cost (no error)', async () => {
    const r = await valueReportOf(db, fid, 2024);
    expect(r).toMatchObject({ participations: 0, unknown: 0, hidden: true, cost: null, returnPerKrona: null });
  });

  it('hides the result under a larger minimum cell size', async () => {
    await db.query(`update federation set settings = settings || '{"minCellSize": 6}'::jsonb where id = $1`, [fid]);
    const r = await valueReportOf(db, fid, 2025, { interventionId: team });
    expect(r).toMatchObject({ hidden: true, byPayer: null, total: null, returnPerKrona: null, participations: 6 });
    await db.query(`update federation set settings = settings - 'minCellSize' where id = $1`, [fid]);
  });
});
