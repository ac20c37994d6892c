/**
 * Through HTTP with real logins: the value page (kansli and styrelse read it, insats does not), and the
 * follow-up pages of an intervention's own staff (due list, recording, a refused status before the exit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { createIntervention } from '../../services/interventions/interventions.ts';
import { insertParticipations } from '../../services/interventions/participations.ts';
import { replaceUnitCosts } from '../../services/value/unitCosts.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let fid: number;
let team: number;
let pids: number[];
const sessions: Record<string, TestSession> = {};

beforeAll(async () => {
  db = await createTestDb();
  const seeded = await seedSmallFederation(db);
  fid = seeded.federationId;
  team = await createIntervention(db, fid, { name: 'Teamet', kind: 'individual', periodStart: '2025-01-01', budgetLineId: seeded.lines.team }, { id: 't' });
  const p = { gender: 'man', ageBand: '25-29', homeMunicipality: null, referringMemberId: null, supportDuration: 'lt1', education: 'upper_secondary', startDate: '2025-02-01', endDate: '2025-06-30', exitOutcome: 'work' } as const;
  pids = (await db.transaction((tx) => insertParticipations(tx, fid, team, Array.from({ length: 5 }, () => ({ ...p, supportBefore: 'income_support' as const, supportAfter: 'salary' as const }))), { id: 't' })).map((x) => x.id);
  await replaceUnitCosts(db, fid, 2025, [{ supportSource: 'income_support', payer: 'kommun', annualOre: 100_000_00, source: 'test' }], { id: 't' });
  for (const role of ['kansli', 'styrelse', 'insats'] as const) {
    await addTestUser(db, { email: `${role}@forbund.se`, federationId: fid, role, ...(role === 'insats' ? { interventionIds: [team] } : {}) });
  }
  app = createApp({ db });
  for (const role of ['kansli', 'styrelse', 'insats']) sessions[role] = await loginAs(app, `${role}@forbund.se`);
}, 120_000);
afterAll(() => db?.drop());

describe('the value page', () => {
  it('shows the förbund\'s and the team\'s effect per payer, the net per member kind and the chart to kansli and styrelse', async () => {
    for (const role of ['kansli', 'styrelse']) {
      const res = await sessions[role]!.request(`/f/${fid}/nytta?ar=2025`);
      expect(res.status).toBe(200);
      const text = pageText(await res.text());
      // 5 × 100 000 kr for the municipality; 5 years × 1.88367744 = 941 838.72
      expect(text).toContain('Kommunen 500 000 941 839');
      expect(text).toContain('Netto per medlemsslag');
      expect(text).toMatch(/Kostnad 2025 \(utfall i driftredovisningen\): 650 000 kr/);
    }
    expect((await sessions.insats!.request(`/f/${fid}/nytta?ar=2025`)).status).toBe(403);
  });
});

describe('follow-up after exit for the team', () => {
  it('lists the 6-month points due in December 2025, records one and refuses a status before the exit', async () => {
    const s = sessions.insats!;
    let text = pageText(await (await s.request(`/f/${fid}/insatser/${team}/uppfoljning?ar=2025&manad=12`)).text());
    expect(text).toContain('Infaller 2025-12 (5)');
    expect(text.match(/Ej registrerad/g)).toHaveLength(5);
    const post = (fields: Record<string, string>) =>
      s.request(`/f/${fid}/insatser/${team}/deltagare/${pids[0]}/uppfoljning`, { method: 'POST', body: new URLSearchParams({ ...fields, _csrf: s.csrf }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const refused = await post({ months: '6', statusDate: '2025-06-29', reached: 'nej' });
    expect(refused.status).toBe(400);
    expect(pageText(await refused.text())).toContain('är före avslutet (2025-06-30)');
    expect((await post({ months: '6', statusDate: '2025-12-20', reached: 'ja', supportSource: 'salary', workOrStudies: 'ja' })).status).toBe(303);
    text = pageText(await (await s.request(`/f/${fid}/insatser/${team}/uppfoljning?ar=2025&manad=12`)).text());
    expect(text).toContain('Lön, i arbete eller studier (2025-12-20)');
    expect((await sessions.styrelse!.request(`/f/${fid}/insatser/${team}/uppfoljning`)).status).toBe(403);
  });
});
