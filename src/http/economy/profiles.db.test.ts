import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';

/**
 * The periodisering page and the forecast it drives, over the small förbund (2026: outcome January–March,
 * income 100 000 kr a month, allocation budget 1 200 000 kr).
 */
describe('periodisering page', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  let income: number;
  let kansli: number;
  beforeAll(async () => {
    db = await createTestDb();
    const seed = await seedSmallFederation(db);
    fid = seed.federationId;
    income = seed.lines.income;
    kansli = seed.lines.kansli;
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const form = (fields: Record<string, string>) => ({ method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('shows every line with its profile and explains the forecast on the dashboard', async () => {
    const page = pageText(await (await app.request(`/f/${fid}/periodisering`)).text());
    expect(page).toContain('Periodisering av budgeten');
    expect(page).toContain('Medel från huvudmännen (Intäkter; standard: kvartalsvis (januari, april, juli, oktober))');
    const dashboard = pageText(await (await app.request(`/f/${fid}?ar=2026`)).text());
    expect(dashboard).toContain('Så räknas prognosen');
    expect(dashboard).toContain('Periodiseras kvartalsvis (januari, april, juli, oktober): Medel från huvudmännen.');
  });

  it('saving "yearly" for a line changes its forecast: 45 000 kr by March is then the whole year; the contributions stay at the allocation', async () => {
    // Kansli: 15 000 kr a month January–March.
    const res = await app.request(`/f/${fid}/periodisering`, form({ [`profile-${kansli}`]: 'yearly', [`profile-${income}`]: 'yearly' }));
    expect(res.status).toBe(303);
    const overview = await (await app.request(`/api/federations/${fid}/years/2026/overview`)).json();
    const line = (id: number, o: typeof overview) => o.forecast.lines.find((l: { lineId: number }) => l.lineId === id);
    expect(line(kansli, overview)).toMatchObject({ profile: 'yearly', costOre: 45_000_00 });
    // The members' contributions are not extrapolated, whatever their profile: the allocation decided, 1 200 000 kr.
    expect(line(income, overview)).toMatchObject({ basis: 'allocation', incomeOre: 1_200_000_00 });
    // Back to the default (even): 45 000 kr in three months → 180 000 kr.
    expect((await app.request(`/f/${fid}/periodisering`, form({ [`profile-${kansli}`]: '', [`profile-${income}`]: '' }))).status).toBe(303);
    const again = await (await app.request(`/api/federations/${fid}/years/2026/overview`)).json();
    expect(line(kansli, again)).toMatchObject({ profile: 'even', costOre: 180_000_00 });
  });

  it('a forecast month outside 1–12 is a 400, never a 500', async () => {
    for (const m of ['13', '0', 'x', '-1']) expect((await app.request(`/api/federations/${fid}/years/2026/overview?throughMonth=${m}`)).status, m).toBe(400);
    const ok = await (await app.request(`/api/federations/${fid}/years/2026/overview?throughMonth=2`)).json();
    expect(ok.forecast.throughMonth).toBe(2);
  });

  it('refuses an unknown profile with 400 and changes nothing', async () => {
    const res = await app.request(`/f/${fid}/periodisering`, form({ [`profile-${income}`]: 'weekly' }));
    expect(res.status).toBe(400);
    const res2 = await app.request(`/api/federations/${fid}/budget-lines/${income}/profile`, { method: 'PUT', body: JSON.stringify({ profile: 'monthly' }), headers: { 'content-type': 'application/json' } });
    expect(res2.status).toBe(400);
    expect((await app.request(`/api/federations/${fid}/budget-lines/999999/profile`, { method: 'PUT', body: JSON.stringify({ profile: 'even' }), headers: { 'content-type': 'application/json' } })).status).toBe(404);
  });
});
