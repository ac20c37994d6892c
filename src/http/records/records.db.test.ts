import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText } from '../../../test/support/economy.ts';
import { addTestUser, csrfFrom, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';

describe('registry, plan and internal control (HTTP, database)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  let kansli: TestSession;
  let revisor: TestSession;
  const json = (s: TestSession, path: string, body: unknown) => s.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbundet i Mälardalen') returning id")) as [{ id: number }];
    await addTestUser(db, { email: 'kansli@example.se', federationId: fid, role: 'kansli' });
    await addTestUser(db, { email: 'revisor@example.se', federationId: fid, role: 'revisor' });
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@example.se');
    revisor = await loginAs(app, 'revisor@example.se');
  }, 60_000);
  afterAll(() => db.drop());

  it('POST /api/federations/:id/registry answers the number; the revisor may read but not register', async () => {
    const res = await json(kansli, `/api/federations/${fid}/registry`, { date: '2026-03-02', direction: 'in', party: 'Försäkringskassan', subject: 'Ansökan om medel för Steget vidare', documentClass: '1.2', secrecy: null });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ number: '2026/1' });
    const secret = await json(kansli, `/api/federations/${fid}/registry`, { date: '2026-03-03', direction: 'in', party: 'Region Västmanland', subject: 'Utredning om hälsotillstånd i teamet', documentClass: null, secrecy: { section: '21 kap. 1 § OSL' } });
    expect(await secret.json()).toEqual({ number: '2026/2' });
    expect((await json(revisor, `/api/federations/${fid}/registry`, { date: '2026-03-02', direction: 'in', party: 'X', subject: 'Y', secrecy: null })).status).toBe(403);
    const list = (await (await revisor.request(`/api/federations/${fid}/registry`)).json()) as { entries: { number: string }[] };
    expect(list.entries.map((e) => e.number)).toEqual(['2026/2', '2026/1']);
  });

  it('refuses a personnummer in the party with a 400 and stores nothing', async () => {
    const res = await json(kansli, `/api/federations/${fid}/registry`, { date: '2026-03-02', direction: 'in', party: '811228-9874', subject: 'Brev', documentClass: null, secrecy: null });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('9874');
    expect(await db.query('select count(*)::int as n from registry_entry')).toEqual([{ n: 2 }]);
  });

  it('the public registry (no login) lists every entry but never a secret subject, and links the accessibility statement', async () => {
    const res = await app.request(`/diarium/${fid}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const t = pageText(html);
    expect(t).toContain('Ansökan om medel för Steget vidare');
    expect(t).toContain('2026/2');
    expect(t).toContain('Sekretessmarkerad (21 kap. 1 § OSL)');
    expect(html).not.toContain('hälsotillstånd');
    expect(html).toContain(`href="/tillganglighet/${fid}"`);
    const found = (await (await app.request(`/diarium/${fid}?q=h%C3%A4lsotillst%C3%A5nd&format=json`)).json()) as { entries: unknown[] };
    expect(found.entries).toEqual([]);
    expect((await app.request('/diarium/999999')).status).toBe(404);
  });

  it('a visitor’s request for a public document is registered as an incoming entry', async () => {
    const page = await app.request(`/diarium/${fid}`);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    const res = await app.request(`/diarium/${fid}/begaran`, {
      method: 'POST',
      body: new URLSearchParams({ _csrf: csrfFrom(await page.text()), subject: 'Protokoll från styrelsemötet i mars' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('detalj=2026%2F3');
    const [e] = await db.query<{ direction: string; public_request: boolean; party: string }>('select direction, public_request, party from registry_entry where federation_id = $1 and number = 3', [fid]);
    expect(e).toEqual({ direction: 'in', public_request: true, party: 'Anonym' });
  });

  it('the kansli registers through the page form; the plan page shows the template and refuses disposing a kept class', async () => {
    const page = await kansli.request(`/f/${fid}/diarium`);
    expect(page.status).toBe(200);
    const posted = await kansli.request(`/f/${fid}/diarium`, {
      method: 'POST',
      body: new URLSearchParams({ date: '2026-04-01', direction: 'out', party: 'Sala kommun', subject: 'Svar på begäran', officer: 'Förbundschefen', caseNumber: '2026/3', documentClass: '3.3', secrecySection: '' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(posted.status).toBe(303);
    expect(pageText(await (await kansli.request(`/f/${fid}/diarium?q=2026/4`)).text())).toContain('Svar på begäran');
    const plan = pageText(await (await revisor.request(`/f/${fid}/dokumenthanteringsplan`)).text());
    expect(plan).toContain('Årsredovisning');
    expect(plan).toContain('Gallras efter 7 år');
    const refused = await kansli.request(`/f/${fid}/dokumenthanteringsplan/gallra`, {
      method: 'POST',
      body: new URLSearchParams({ code: '2.1', through: '2019-12-31', decision: 'Styrelsen 2026-02-12 § 7' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    expect(refused.status).toBe(400);
    expect(await db.query('select count(*)::int as n from disposal')).toEqual([{ n: 0 }]);
  });

  it('internal control: risks scored probability × consequence, a point with its result; the revisor reads it', async () => {
    const form = (path: string, body: Record<string, string>) => kansli.request(path, { method: 'POST', body: new URLSearchParams(body), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await form(`/f/${fid}/internkontroll/2026/risk`, { description: 'Felaktiga utbetalningar till insatser', probability: '2', consequence: '4' })).status).toBe(303);
    expect((await form(`/f/${fid}/internkontroll/2026/risk`, { description: 'Sen rekvisition', probability: '3', consequence: '1' })).status).toBe(303);
    const [risk] = await db.query<{ id: number }>("select id from internal_control_risk where description like 'Felaktiga%'");
    expect((await form(`/f/${fid}/internkontroll/2026/punkt`, { riskId: String(risk!.id), what: 'Utbetalningar mot beslut', how: 'Stickprov på tio utbetalningar', frequency: 'Varje kvartal', responsible: 'Förbundschefen', reportToBoard: 'Vid delårsrapporten' })).status).toBe(303);
    const [point] = await db.query<{ id: number }>('select id from internal_control_point');
    expect((await form(`/f/${fid}/internkontroll/2026/punkt/${point!.id}/resultat`, { checkedOn: '2026-04-15', finding: 'Inga avvikelser', action: '' })).status).toBe(303);
    expect((await form(`/f/${fid}/internkontroll/2026/antagen`, { adoptedOn: '2026-02-12', reference: 'Styrelsen 2026-02-12 § 5' })).status).toBe(303);
    const report = (await (await revisor.request(`/api/federations/${fid}/internal-control/2026`)).json()) as { risks: { description: string; score: number }[]; points: { results: { finding: string }[] }[]; adoptedOn: string };
    expect(report.risks.map((r) => [r.description, r.score])).toEqual([['Felaktiga utbetalningar till insatser', 8], ['Sen rekvisition', 3]]);
    expect(report.points[0]!.results[0]!.finding).toBe('Inga avvikelser');
    expect(report.adoptedOn).toBe('2026-02-12');
    const t = pageText(await (await revisor.request(`/f/${fid}/internkontroll?ar=2026`)).text());
    expect(t).toContain('Hög risk');
    expect(t).not.toContain('Lägg till en risk');
    const [registered] = await db.query<{ subject: string }>("select subject from registry_entry where source_kind = 'internal_control'");
    expect(registered!.subject).toBe('Internkontrollplan 2026, antagen (Styrelsen 2026-02-12 § 5)');
  });
});
