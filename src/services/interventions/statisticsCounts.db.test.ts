import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb } from '../../../test/support/db.ts';
import { countParticipations, type RawCounts } from '../../core/statistics/participantStatistics.ts';
import type { ParticipationFacts } from '../../core/interventions/participation.ts';
import { AgeBand, Education, ExitOutcome, Gender, SupportDuration, SupportSource } from '../../core/interventions/vocabulary.ts';
import { insertParticipations } from './participations.ts';
import { countParticipationsInDb } from './statisticsCounts.ts';
import { createIntervention } from './interventions.ts';

const plain = (c: RawCounts) => ({
  ...c,
  byIntervention: [...c.byIntervention].sort(),
  referring: [...c.referring].sort(),
  // numeric vs binary floating point: the mean agrees to far below a day
  endedDays: { ...c.endedDays, mean: c.endedDays.mean === null ? null : Math.round(c.endedDays.mean * 1e6) },
});

// Starts 2023–2025 and at most 700 days long: every date within the registration rule (at most a year ahead of today).
const isoDate = fc.integer({ min: 0, max: 365 * 3 - 1 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const facts = fc
  .record({
    gender: fc.constantFrom(...Gender.codes),
    ageBand: fc.constantFrom(...AgeBand.codes),
    supportBefore: fc.constantFrom(...SupportSource.codes),
    supportDuration: fc.constantFrom(...SupportDuration.codes),
    education: fc.constantFrom(...Education.codes),
    startDate: isoDate,
    length: fc.option(fc.integer({ min: 0, max: 700 }), { nil: null }),
    exitOutcome: fc.constantFrom(...ExitOutcome.codes),
    supportAfter: fc.option(fc.constantFrom(...SupportSource.codes), { nil: null }),
    slot: fc.integer({ min: 0, max: 1 }),
  })
  .map((r) => {
    const endDate = r.length === null ? null : new Date(Date.parse(r.startDate) + r.length * 86_400_000).toISOString().slice(0, 10);
    return { ...r, endDate, exitOutcome: endDate ? r.exitOutcome : null, supportAfter: endDate ? r.supportAfter : null };
  });

describe('the database counts exactly what the core counts', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.drop());

  it('property: random participations, any year — GROUPING SETS in SQL equal the core count', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(facts, { minLength: 0, maxLength: 60 }), fc.integer({ min: 2023, max: 2026 }), async (rows, year) => {
        run++;
        const [{ id: fid }] = (await db.query<{ id: number }>('insert into federation (name) values ($1) returning id', [`SF ${run}`])) as [{ id: number }];
        const ids = [
          await createIntervention(db, fid, { name: 'A', kind: 'individual', periodStart: '2023-01-01' }, { id: 't' }),
          await createIntervention(db, fid, { name: 'B', kind: 'individual', periodStart: '2023-01-01' }, { id: 't' }),
        ];
        const all: ParticipationFacts[] = rows.map((r) => ({
          interventionId: ids[r.slot]!, gender: r.gender, ageBand: r.ageBand, homeMunicipality: null, referringMemberId: null,
          supportBefore: r.supportBefore, supportDuration: r.supportDuration, education: r.education,
          startDate: r.startDate, endDate: r.endDate, exitOutcome: r.exitOutcome, supportAfter: r.supportAfter,
        }));
        await db.transaction(async (tx) => {
          for (const id of ids) await insertParticipations(tx, fid, id, all.filter((p) => p.interventionId === id));
        });
        const fromDb = await countParticipationsInDb(db, fid, year, ids);
        const fromCore = countParticipations(all, year);
        expect(plain(fromDb)).toEqual(plain(fromCore));
      }),
      { numRuns: 15 },
    );
  });
});
