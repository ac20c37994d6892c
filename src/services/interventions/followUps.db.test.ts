import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import type { Actor } from '../../db/database.ts';
import { countFollowUps, type FollowUpFact } from '../../core/interventions/followUp.ts';
import { createIntervention } from './interventions.ts';
import { closeParticipation, insertParticipations, registerParticipation } from './participations.ts';
import { countFollowUpsInDb, dueFollowUps, followUpsOf, recordFollowUp } from './followUps.ts';

const actor: Actor = { id: 'insats@test.example' };
const person = { gender: 'kvinna', ageBand: '30-39', supportBefore: 'Försörjningsstöd', supportDuration: 'gt4', education: 'Grundskola', startDate: '2024-02-03' };

describe('follow-up after exit in the database', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('SF Uppföljning') returning id")) as [{ id: number }];
    team = await createIntervention(db, fid, { name: 'Team', kind: 'individual', periodStart: '2024-01-01' }, actor);
  });
  afterAll(() => db?.drop());

  it('records the 6- and 12-month status, lists what is due in a month and refuses a status before the exit or on an open participation', async () => {
    const ended = await registerParticipation(db, fid, team, person, actor);
    await closeParticipation(db, fid, team, ended.id, { endDate: '2025-03-31', exitOutcome: 'work', supportAfter: 'salary' }, actor);
    const open = await registerParticipation(db, fid, team, person, actor);

    const before = await db.query('select * from participation_follow_up');
    const refused = async (pid: number, raw: Record<string, unknown>) => {
      try {
        await recordFollowUp(db, fid, team, pid, raw, actor);
        return null;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return e.problems.map((p) => p.message).join(' ');
      }
    };
    expect(await refused(ended.id, { months: '6', statusDate: '2025-03-30', reached: 'nej' })).toBe('Datum för uppgiften (2025-03-30) är före avslutet (2025-03-31).');
    expect(await refused(open.id, { months: '6', statusDate: '2025-09-30', reached: 'nej' })).toMatch(/inte avslutat/);
    expect(await db.query('select * from participation_follow_up')).toEqual(before);

    // Due in September 2025 (2025-03-31 + 6 months = 2025-09-30), not recorded yet
    let list = await dueFollowUps(db, fid, team, 2025, 9);
    expect(list.due.map((d) => [d.code, d.months, d.dueDate, d.recorded])).toEqual([[ended.code, 6, '2025-09-30', null]]);
    expect((await dueFollowUps(db, fid, team, 2025, 10)).overdue.map((d) => d.code)).toEqual([ended.code]);

    await recordFollowUp(db, fid, team, ended.id, { months: '6', statusDate: '2025-10-02', reached: 'ja', supportSource: 'Lön', workOrStudies: 'ja' }, actor);
    list = await dueFollowUps(db, fid, team, 2025, 9);
    expect(list.due[0]!.recorded).toEqual({ months: 6, statusDate: '2025-10-02', reached: true, supportSource: 'salary', workOrStudies: true });
    expect((await dueFollowUps(db, fid, team, 2025, 10)).overdue).toEqual([]);
    // The 12-month point falls due in March 2026.
    expect((await dueFollowUps(db, fid, team, 2026, 3)).due.map((d) => [d.months, d.dueDate])).toEqual([[12, '2026-03-31']]);
    // Recording again replaces; the audit trail has both.
    await recordFollowUp(db, fid, team, ended.id, { months: '6', statusDate: '2025-10-03', reached: 'ej nådd' }, actor);
    expect((await followUpsOf(db, fid, team, ended.id)).map((f) => f.recorded?.reached ?? null)).toEqual([false, null]);
    const audit = await db.query<{ action: string }>("select action from audit_log where table_name = 'participation_follow_up' order by id");
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update'].map((a) => expect.stringMatching(new RegExp(a, 'i'))));
  });

  it('property: the database counts the follow-ups due in a year as the core does', async () => {
    const isoDate = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const status = fc.option(
      fc.oneof(fc.constant({ reached: false, supportSource: null, workOrStudies: null }), fc.record({ reached: fc.constant(true), supportSource: fc.constantFrom('salary' as const, 'income_support' as const, 'unknown' as const), workOrStudies: fc.boolean() })),
      { nil: null },
    );
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ end: isoDate, s6: status, s12: status }), { maxLength: 25 }), fc.integer({ min: 2024, max: 2026 }), async (rows, year) => {
        run++;
        const [{ id: f }] = (await db.query<{ id: number }>('insert into federation (name) values ($1) returning id', [`SF p${run}`])) as [{ id: number }];
        const iv = await createIntervention(db, f, { name: 'A', kind: 'individual', periodStart: '2023-01-01' }, actor);
        const facts: FollowUpFact[] = [];
        await db.transaction(async (tx) => {
          const ids = await insertParticipations(
            tx,
            f,
            iv,
            rows.map((r) => ({
              gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support', supportDuration: 'gt4',
              education: 'compulsory', startDate: '2023-06-01', endDate: r.end, exitOutcome: 'work', supportAfter: null,
            })),
          );
          for (const [i, r] of rows.entries()) {
            for (const [months, s] of [[6, r.s6], [12, r.s12]] as const) {
              facts.push({ endDate: r.end, months, status: s });
              if (s) await tx.query('insert into participation_follow_up (federation_id, participation_id, months, status_date, reached, support_source, work_or_studies) values ($1, $2, $3, $4, $5, $6, $7)', [f, ids[i]!.id, months, r.end, s.reached, s.supportSource, s.workOrStudies]);
            }
          }
        }, actor);
        expect(await countFollowUpsInDb(db, f, year, [iv])).toEqual(countFollowUps(facts, year));
      }),
      { numRuns: 12 },
    );
  });
});
