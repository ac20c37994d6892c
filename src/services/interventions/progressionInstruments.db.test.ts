import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import { createIntervention } from './interventions.ts';
import { insertParticipations } from './participations.ts';
import { addProgressionMeasurement } from './progression.ts';
import { progressionAggregatesOf, progressionInstrument, saveProgressionInstrument } from './progressionInstruments.ts';

const actor = { id: 'insats@test.example' };

describe('progression instruments and aggregates in the database', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let team: number;
  let ids: number[];
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('SF Progression') returning id")) as [{ id: number }];
    team = await createIntervention(db, fid, { name: 'Team', kind: 'individual', periodStart: '2024-01-01' }, actor);
    const p = { gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support', supportDuration: 'gt4', education: 'compulsory', startDate: '2025-01-02', endDate: null, exitOutcome: null, supportAfter: null } as const;
    ids = (await db.transaction((tx) => insertParticipations(tx, fid, team, Array.from({ length: 5 }, () => p)), actor)).map((x) => x.id);
  });
  afterAll(() => db?.drop());

  it('uses the neutral default set until the förbund defines its own, whose scale a rating must keep', async () => {
    expect(await progressionInstrument(db, fid)).toMatchObject({ isDefault: true, raters: 'both' });
    await saveProgressionInstrument(db, fid, { name: 'Eget', raters: 'staff', intervalMonths: '3', indicators: 'arbete;Närhet till arbete;1;4' }, actor);
    expect(await progressionInstrument(db, fid)).toEqual({ name: 'Eget', raters: 'staff', intervalMonths: 3, indicators: [{ key: 'arbete', label: 'Närhet till arbete', scaleMin: 1, scaleMax: 4 }], isDefault: false });
    await expect(addProgressionMeasurement(db, fid, team, ids[0]!, { measuredOn: '2025-01-05', indicator: 'arbete', score: '5', rater: 'staff' }, actor)).rejects.toBeInstanceOf(InputError);
  });

  it('aggregates start and 3-month ratings: mean change and the improved count, hidden below the minimum cell size', async () => {
    // five participations: +1, +1, +2, 0, +1 from January to April
    const pairs = [[1, 2], [2, 3], [1, 3], [2, 2], [3, 4]];
    for (const [k, [a, b]] of pairs.entries()) {
      await addProgressionMeasurement(db, fid, team, ids[k]!, { measuredOn: '2025-01-05', indicator: 'arbete', score: String(a), rater: 'staff' }, actor);
      await addProgressionMeasurement(db, fid, team, ids[k]!, { measuredOn: '2025-04-05', indicator: 'arbete', score: String(b), rater: 'staff' }, actor);
    }
    const [agg] = (await progressionAggregatesOf(db, fid, team, 2025)).indicators;
    expect(agg!.n).toBe(5);
    expect(agg!.meanChange).toBe(1); // (1 + 1 + 2 + 0 + 1) / 5
    // improved 4, unchanged 1 (small: hidden, and so the improved count with it), worsened 0
    expect(agg!.changes.cells).toEqual([[null, null, 0]]);
  });
});
