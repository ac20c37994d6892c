/**
 * The acceptance interfaces of issue 21 through HTTP with real logins: an application posted, put on a meeting's
 * agenda, decided "beviljas" in the protocol, approved by each justerare in turn; before the last approval no
 * grant exists, after it the application is beviljad and the intervention holds the decided amounts; the public
 * anslag lists the protocol. Each refusal is a 4xx with every table unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { addDays } from '../../core/meetings/publicNotice.ts';
import { today } from '../../core/calendar.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));
let db: Awaited<ReturnType<typeof createTestDb>>;
let app: ReturnType<typeof createApp>;
let fid: number;
let owner: number;
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  db = await createTestDb();
  fid = (await importReferenceFile(db, fixture, { id: 'test' })).federationId;
  owner = (await db.query<{ id: number }>('select id from member where federation_id = $1 order by id limit 1', [fid]))[0]!.id;
  await addTestUser(db, { email: 'kansli@forbund.se', federationId: fid, role: 'kansli' });
  for (const who of ['bo', 'dan', 'eva']) await addTestUser(db, { email: `${who}@forbund.se`, federationId: fid, role: 'styrelse' });
  app = createApp({ db });
  for (const who of ['kansli', 'bo', 'dan', 'eva']) s[who] = await loginAs(app, `${who}@forbund.se`);
}, 120_000);
afterAll(() => db?.drop());

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', accept: 'application/json' } });
const tables = ['application', 'board_meeting', 'decision_item', 'minutes', 'minutes_paragraph', 'minutes_approval', 'intervention', 'intervention_grant'];
const snapshot = async () => JSON.stringify(await Promise.all(tables.map((t) => db.query(`select * from ${t} where federation_id = $1 order by 1`, [fid]))));
async function refused(who: string, path: string, body: unknown, status: number) {
  const before = await snapshot();
  const r = await s[who]!.request(path, json(body));
  expect(r.status).toBe(status);
  expect(((await r.json()) as { error: string }).error).toMatch(/[a-zåäö]/);
  expect(await snapshot()).toBe(before);
}

describe('from application to decision through the API', () => {
  it('grants the decided amounts per year at the last justering, not before, and publishes the anslag', async () => {
    const api = `/api/federations/${fid}`;
    const created = await s.kansli!.request(`${api}/applications`, json({
      title: 'Vägen till arbete', ownerMember: owner, level: 'individual', periodStart: '2027-01-01', periodEnd: '2028-12-31',
      budget: [{ year: 2027, amount: 800000 }, { year: 2028, amount: 700000 }], goals: ['Fler i arbete'], problem: 'Långt från arbete.',
      targetGroup: 'Vuxna 25–64 år', followUp: 'Indikatorer.',
    }));
    expect(created.status).toBe(201);
    const { id: appId } = (await created.json()) as { id: number };

    const meetingRes = await s.kansli!.request(`${api}/meetings`, json({ date: addDays(today(), 7), items: [{ title: 'Ansökan: Vägen till arbete', application: appId }] }));
    expect(meetingRes.status).toBe(201);
    const { id: mid } = (await meetingRes.json()) as { id: number };

    const protocol = { present: ['Anna', 'Bo', 'Dan'], chair: 'Anna', secretary: 'Cecilia', adjusters: ['bo@forbund.se', 'dan@forbund.se'],
      paragraphs: [{ item: 1, decision: 'beviljas', amounts: [{ year: 2027, amount: 750000 }, { year: 2028, amount: 600000 }] }] };
    expect((await s.kansli!.request(`${api}/meetings/${mid}/protocol`, json(protocol))).status).toBe(201);

    const grants = () => db.query<{ year: number; decided_ore: string }>(
      `select g.year, g.decided_ore from intervention_grant g join intervention i on i.federation_id = g.federation_id and i.id = g.intervention_id
       where i.federation_id = $1 and i.name = 'Vägen till arbete' order by g.year`, [fid]);
    await refused('eva', `${api}/meetings/${mid}/protocol/approve`, {}, 403);
    expect((await s.bo!.request(`${api}/meetings/${mid}/protocol/approve`, json({}))).status).toBe(200);
    expect(await grants()).toEqual([]);
    const before = (await (await s.kansli!.request(`${api}/applications/${appId}`, { headers: { accept: 'application/json' } })).json()) as { status: string; decision: unknown };
    expect(before).toMatchObject({ status: 'till_styrelsen', decision: null });

    expect((await s.dan!.request(`${api}/meetings/${mid}/protocol/approve`, json({}))).status).toBe(200);
    const after = (await (await s.bo!.request(`${api}/applications/${appId}`)).json()) as { status: string; decision: { amounts: { year: number; amount: number }[] } };
    expect(after.status).toBe('beviljad');
    expect(after.decision.amounts.map((a) => [a.year, a.amount])).toEqual([[2027, 750000], [2028, 600000]]);
    expect((await grants()).map((g) => [g.year, Number(g.decided_ore)])).toEqual([[2027, 75_000_000], [2028, 60_000_000]]);

    // The public anslag, without a login.
    const page = await app.request(`/katalog/${fid}/anslag`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(today());
    expect(html).toContain(addDays(today(), 21));
    const open = (await (await app.request(`/katalog/${fid}/anslag?format=json`)).json()) as { notices: { meetingId: number; firstDay: string; lastDay: string }[] };
    expect(open.notices).toEqual([expect.objectContaining({ meetingId: mid, firstDay: today(), lastDay: addDays(today(), 21) })]);

    // The bad-input list: each a clear 4xx with nothing changed.
    await refused('kansli', `${api}/meetings/${mid}/protocol`, { ...protocol, chair: 'Ändrad' }, 409);
    await refused('dan', `${api}/meetings/${mid}/protocol/approve`, {}, 409);
    await refused('kansli', `${api}/meetings`, { date: addDays(today(), 40), items: [{ title: 'Igen', application: appId }] }, 409);
    await refused('kansli', `${api}/meetings`, { date: addDays(today(), -3), items: [{ title: 'Redan hållet' }] }, 409);
    await refused('kansli', `${api}/applications`, { title: 'Med personnummer', problem: 'Gäller 19121212-1212', draft: true }, 400);
    await refused('bo', `${api}/applications`, { title: 'Styrelsen registrerar inte', draft: true }, 403);
  }, 120_000);
});
