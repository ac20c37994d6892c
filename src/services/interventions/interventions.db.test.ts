import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import type { Actor } from '../../db/database.ts';
import { addGrant, addRequisition, addStaffing, createIntervention, getIntervention, listInterventions } from './interventions.ts';
import { addGoal, assessGoal, listGoals } from './goals.ts';
import { closeParticipation, insertParticipations, listParticipations, registerParticipation } from './participations.ts';
import { addActivity, listActivities } from './activities.ts';
import { participantStatistics } from './statistics.ts';
import { loadInterventionDemo } from './demo/loadInterventionDemo.ts';
import { addProgressionMeasurement, listProgression } from './progression.ts';

const reference = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland-2025.source.json', import.meta.url), 'utf8'));
const actor: Actor = { id: 'test-user' };
const person = {
  gender: 'kvinna',
  ageBand: '30-39',
  supportBefore: 'Försörjningsstöd',
  supportDuration: 'gt4',
  education: 'Grundskola',
  startDate: '2025-02-03',
};

/** Every row of every table this area writes, to prove a failed write left nothing behind. */
async function snapshot(db: Awaited<ReturnType<typeof createTestDb>>) {
  const tables = ['intervention', 'intervention_member', 'intervention_staffing', 'intervention_grant', 'requisition', 'goal', 'goal_assessment', 'participation', 'progression_measurement', 'activity', 'activity_participants'];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = await db.query(`select * from ${t} order by 1, 2`);
  return JSON.stringify(out);
}

describe('interventions, grants, goals and participations in the database', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let otherFid: number;
  let municipality: number;
  let af: number;
  let team: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('SF Test') returning id")) as [{ id: number }];
    [{ id: otherFid }] = (await db.query<{ id: number }>("insert into federation (name) values ('SF Annat') returning id")) as [{ id: number }];
    [{ id: municipality }] = (await db.query<{ id: number }>("insert into member (federation_id, name, kind) values ($1, 'Sala kommun', 'municipality') returning id", [fid])) as [{ id: number }];
    [{ id: af }] = (await db.query<{ id: number }>("insert into member (federation_id, name, kind) values ($1, 'Arbetsförmedlingen', 'state_af') returning id", [fid])) as [{ id: number }];
    team = await createIntervention(db, fid, {
      name: 'Samordningsteam Sala',
      kind: 'individual',
      ownerMemberId: municipality,
      periodStart: '2024-01-01',
      targetGroup: 'Personer 16–64 år',
      municipalitiesServed: 'Sala',
      capacity: '30',
      participatingMemberIds: [municipality, af],
    }, actor);
  });
  afterAll(() => db?.drop());

  it('registers an intervention with staffing in FTE and its participating members', async () => {
    await addStaffing(db, fid, team, { memberId: municipality, role: 'Verksamhetsledare', fte: '1,0' }, actor);
    await addStaffing(db, fid, team, { memberId: af, role: 'Arbetsförmedlare', fte: '0.4' }, actor);
    const i = await getIntervention(db, fid, team);
    expect(i).toMatchObject({ name: 'Samordningsteam Sala', kind: 'individual', ownerName: 'Sala kommun', capacity: 30, municipalitiesServed: ['Sala'] });
    expect(i.staffing.map((s) => [s.role, s.fte])).toEqual([['Arbetsförmedlare', 0.4], ['Verksamhetsledare', 1]]);
    expect(i.participatingMembers.map((m) => m.name)).toEqual(['Arbetsförmedlingen', 'Sala kommun']);
  });

  it('computes the consumption rate from grants and requisitions (reference: 3 950 544 of 4 119 000 = 96 %)', async () => {
    await addGrant(db, fid, team, { year: 2025, decided: '4 119 000', decisionDate: '2024-11-20', reference: 'Dnr 2024/17' }, actor);
    for (const [date, amount] of [['2025-03-31', '1 000 000'], ['2025-06-30', '1 000 000'], ['2025-09-30', '1 000 000'], ['2025-12-31', '950 544']] as const) {
      await addRequisition(db, fid, team, { date, amount }, actor);
    }
    const i = await getIntervention(db, fid, team);
    expect(i.consumption).toEqual([
      { year: 2025, decidedOre: 411_900_000, usedOre: 395_054_400, ratePercent: 96 },
      { year: null, decidedOre: 411_900_000, usedOre: 395_054_400, ratePercent: 96 },
    ]);
  });

  it('keeps goals with a yearly assessment, replacing the year\'s assessment', async () => {
    const goal = await addGoal(db, fid, team, { area: 'Individ', text: 'Hälften tar steg närmare arbete' }, actor);
    await assessGoal(db, fid, goal, { year: 2025, assessment: 'delvis uppfyllt', comment: 'Nära' }, actor);
    await assessGoal(db, fid, goal, { year: 2025, assessment: 'met', comment: 'Uppnått' }, actor);
    expect((await listGoals(db, fid, team))[0]!.assessments).toEqual([{ year: 2025, assessment: 'met', comment: 'Uppnått' }]);
  });

  it('registers a participation under a random code and closes it', async () => {
    const { id, code } = await registerParticipation(db, fid, team, { ...person, referringMemberId: String(af) }, actor);
    expect(code).toMatch(/^D-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await closeParticipation(db, fid, team, id, { endDate: '2025-10-31', exitOutcome: 'Arbete', supportAfter: 'salary' }, actor);
    const [p] = await listParticipations(db, fid, team);
    expect(p).toMatchObject({ code, gender: 'woman', endDate: '2025-10-31', exitOutcome: 'work', supportAfter: 'salary', referringMemberId: af });
    await expect(closeParticipation(db, fid, team, id, { endDate: '2025-11-30', exitOutcome: 'work' }, actor)).rejects.toThrow('redan avslutat');
  });

  it('keeps progression measurements (BIP indicators) per date, refusing identity numbers', async () => {
    const { id } = await registerParticipation(db, fid, team, person, actor);
    await addProgressionMeasurement(db, fid, team, id, { measuredOn: '2025-05-01', indicator: 'Hälsa', score: '4' }, actor);
    await addProgressionMeasurement(db, fid, team, id, { measuredOn: '2025-08-01', indicator: 'Hälsa', score: 6 }, actor);
    expect(await listProgression(db, fid, team, id)).toEqual([
      { measuredOn: '2025-05-01', indicator: 'Hälsa', score: 4 },
      { measuredOn: '2025-08-01', indicator: 'Hälsa', score: 6 },
    ]);
    await expect(addProgressionMeasurement(db, fid, team, id, { measuredOn: '2025-08-01', indicator: '811228-9874', score: 6 }, actor)).rejects.toThrow(InputError);
    await expect(addProgressionMeasurement(db, fid, team, id, { measuredOn: '2025-08-01', indicator: 'Hälsa', score: 11 }, actor)).rejects.toThrow(/mellan 0 och 10/);
  });

  it('refuses a personnummer in any text field and leaves the database unchanged', async () => {
    const before = await snapshot(db);
    await expect(registerParticipation(db, fid, team, { ...person, homeMunicipality: 'Sala 19811228-9874' }, actor)).rejects.toThrow(InputError);
    await expect(createIntervention(db, fid, { name: 'Team', kind: 'individual', periodStart: '2025-01-01', steeringGroup: 'Kontakt 811228-9874' }, actor)).rejects.toThrow(/personnummer/);
    await expect(addGoal(db, fid, team, { text: 'Deltagare 701063-2391 ska…' }, actor)).rejects.toThrow(/samordningsnummer/);
    await expect(addActivity(db, fid, { year: 2025, name: 'Utbildning', participants: 10, targetGroup: '8112289874' }, actor)).rejects.toThrow(InputError);
    await expect(addRequisition(db, fid, team, { date: '2025-01-31', amount: '100', note: '811228-9874' }, actor)).rejects.toThrow(InputError);
    expect(await snapshot(db)).toBe(before);
  });

  it('names the bad fields and refuses members and interventions of another förbund', async () => {
    const err = await registerParticipation(db, fid, team, { ...person, gender: 'x', startDate: '2025-02-30' }, actor).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems.map((p) => p.field)).toEqual(['gender', 'startDate']);
    const [{ id: foreign }] = (await db.query<{ id: number }>("insert into member (federation_id, name, kind) values ($1, 'Främmande', 'region') returning id", [otherFid])) as [{ id: number }];
    await expect(registerParticipation(db, fid, team, { ...person, referringMemberId: foreign }, actor)).rejects.toThrow('Okänd medlem');
    await expect(registerParticipation(db, otherFid, team, person, actor)).rejects.toThrow(NotFoundError);
    expect(await listInterventions(db, otherFid)).toEqual([]);
  });
});

describe('bulk participations (the demo loader)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  afterAll(() => db?.drop());

  it('refuses a participation dated before its intervention starts, naming the row, and writes nothing (issue 28)', async () => {
    db = await createTestDb();
    const [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('F') returning id")) as [{ id: number }];
    const [{ id: iid }] = (await db.query<{ id: number }>(
      "insert into intervention (federation_id, name, kind, period_start) values ($1, 'Team', 'individual', '2024-01-01') returning id",
      [fid],
    )) as [{ id: number }];
    const p = { interventionId: iid, gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support', supportDuration: 'gt4', education: 'compulsory', endDate: null, exitOutcome: null, supportAfter: null } as const;
    const attempt = db.transaction((tx) => insertParticipations(tx, fid, iid, [{ ...p, startDate: '2024-03-01' }, { ...p, startDate: '2023-11-15' }]), actor);
    await expect(attempt).rejects.toThrow(InputError);
    await expect(attempt).rejects.toThrow('rad 2, fält "startDate": Startdatum (2023-11-15) är före insatsens start (2024-01-01).');
    expect(await db.query('select 1 from participation where federation_id = $1', [fid])).toEqual([]);
  });
});

describe('the Västmanland demo', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Västmanland') returning id")) as [{ id: number }];
    await loadInterventionDemo(db, fid);
    await loadInterventionDemo(db, fid); // a second time does nothing
  });
  afterAll(() => db?.drop());

  it('has the six teams with the 2024 plan\'s staffing', async () => {
    const list = await listInterventions(db, fid);
    expect(list).toHaveLength(6);
    const fns = await getIntervention(db, fid, list.find((i) => i.name === 'Samordningsteam FNS')!.id);
    expect(fns.staffing.reduce((s, x) => s + x.fte, 0)).toBeCloseTo(1 + 4 + 0.5 + 0.1 + 0.4);
    expect(fns.capacity).toBe(55);
    // grant = the 2025 budget of the line, used = its outcome (driftredovisning 2025): 1 614 000 / 1 650 299 = 98 %
    expect(fns.consumption.find((l) => l.year === 2025)).toEqual({ year: 2025, decidedOre: 165_029_900, usedOre: 161_400_000, ratePercent: 98 });
  });

  it('gives the annual report\'s participant figures from the database, suppressed', async () => {
    const ps = reference.participant_statistics;
    const s = await participantStatistics(db, fid, 2025);
    expect(s.flowByGender.rowTotals![0]).toBe(ps.total_participants_six_interventions);
    expect(s.flowByGender.rowTotals![2]).toBe(ps.ended_participants);
    expect(s.shares.closerToWork).toBe(ps.pct_started_work_studies_or_closer);
    expect(s.shares.sick).toBe(ps.pct_ended_sick_medical_rehab);
    expect(s.series.map((p) => p.year)).toEqual([2023, 2024, 2025]);
  });

  it('has no participant before the team started, so no chart shows years before it (issue 28: Sala had 6 in 2023, start 2024)', async () => {
    const early = await db.query<{ name: string }>(
      `select i.name from participation p join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id
        where p.federation_id = $1 and (p.start_date < i.period_start or p.end_date < i.period_start)`,
      [fid],
    );
    expect(early).toEqual([]);
    for (const i of await listInterventions(db, fid)) {
      const s = await participantStatistics(db, fid, 2025, { interventionIds: [i.id] });
      const startYear = Number(i.periodStart.slice(0, 4));
      expect(s.series.filter((p) => p.year < startYear && p.active !== 0), i.name).toEqual([]);
    }
  });

  it('reproduces the 2025 structural activities table: 12 rows summing to 1 734 (the text says "ca 1743")', async () => {
    const rows = await listActivities(db, fid, 2025);
    const ref = reference.structural_activities.rows as { activity: string; participants: number; target_group: string; scope: string }[];
    expect(rows.map((r) => [r.name, r.targetGroup, r.participants, r.scopeNote])).toEqual(ref.map((r) => [r.activity, r.target_group, r.participants, r.scope]));
    const sum = rows.reduce((s, r) => s + r.participants, 0);
    expect(sum).toBe(ref.reduce((s, r) => s + r.participants, 0));
    expect(sum).toBe(1734);
    expect(reference.structural_activities.stated_total_approx).toBe(1743); // the report's text transposes two digits
  });
});
