import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText } from '../../../test/support/economy.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { lastYear, seedCatalogue } from '../../../test/support/catalogue.ts';

describe('public catalogue (HTTP, database)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let s: Awaited<ReturnType<typeof seedCatalogue>>;
  let kansli: TestSession;
  beforeAll(async () => {
    db = await createTestDb();
    s = await seedCatalogue(db);
    // An account exists, so the installation requires login: visitors are anonymous.
    await addTestUser(db, { email: 'kansli@example.se', federationId: s.fid, role: 'kansli' });
    await addTestUser(db, { email: 'team@example.se', federationId: s.fid, role: 'insats', interventionIds: [s.youth] });
    app = createApp({ db });
    kansli = await loginAs(app, 'kansli@example.se');
  }, 60_000);
  afterAll(() => db.drop());

  it('the Swedish snowball configuration exists on this database: "unga" as a prefix of its stem finds "ungdomar"', async () => {
    const [r] = await db.query<{ hit: boolean; stem: string }>(
      "select to_tsvector('swedish', 'ungdomar') @@ to_tsquery('swedish', 'unga:*') as hit, to_tsvector('swedish', 'ungdomar')::text as stem",
    );
    expect(r).toEqual({ hit: true, stem: "'ungdom':1" });
  });

  it('anyone without an account sees the public entries only', async () => {
    const res = await app.request(`/katalog/${s.fid}`);
    expect(res.status).toBe(200);
    const t = pageText(await res.text());
    expect(t).toContain('Unga vuxna Västerås');
    expect(t).toContain('Vägen tillbaka');
    expect(t).not.toContain('Hemligt pilotprojekt');
    expect((await app.request(`/katalog/${s.fid}/insats/${s.hidden}`)).status).toBe(404);
  });

  it('finds word forms and filters by municipality, age and support source', async () => {
    const names = async (query: string) =>
      ((await (await app.request(`/api/katalog/${s.fid}?${query}`)).json()) as { interventions: { name: string }[] }).interventions.map((i) => i.name).sort();
    expect(await names('q=unga')).toEqual(['Unga vuxna Västerås']); // "ungdomar" in the target group and purpose
    expect(await names('q=sjukskrivning')).toEqual(['Vägen tillbaka']); // "sjukskrivna" and "sjukskrivning" share the stem
    expect(await names('q=rehabiliteringen')).toEqual(['Vägen tillbaka']); // the definite form stems the same
    expect(await names('q=cykelverkstad')).toEqual([]);
    expect(await names('kommun=Sala')).toEqual(['Vägen tillbaka']);
    expect(await names('kommun=Västerås')).toEqual(['Unga vuxna Västerås', 'Vägen tillbaka']);
    expect(await names('alder=45')).toEqual(['Vägen tillbaka']);
    expect(await names('forsorjning=income_support')).toEqual(['Unga vuxna Västerås']);
    expect(await names("q=unga'%20%7C%20!%26:*()&kommun=V%C3%A4ster%C3%A5s")).toEqual(['Unga vuxna Västerås']); // tsquery syntax is not passed through
  });

  it('the JSON list: name, target group, municipalities, open for referral, last year’s suppressed counts', async () => {
    const body = (await (await app.request(`/api/katalog/${s.fid}`)).json()) as { resultsYear: number; interventions: Record<string, any>[] };
    expect(body.resultsYear).toBe(lastYear);
    const youth = body.interventions.find((i) => i.name === 'Unga vuxna Västerås')!;
    expect(youth).toMatchObject({ targetGroup: 'Ungdomar och unga vuxna', municipalities: ['Västerås'], openForReferral: true, owner: 'Västerås stad', url: `/katalog/${s.fid}/insats/${s.youth}` });
    expect(youth.participatingMembers).toEqual(['Försäkringskassan', 'Region Västmanland']);
    // Independent: 12 active, 12 new, 4 ended in the youth team, 3/3/0 in Vägen tillbaka (seeded above). The
    // published statistics show each count as it is or hide it (null); a small count (1–4) is never shown.
    const shownOrHidden = (v: number | null, truth: number) => v === null || (v === truth && (truth === 0 || truth >= 5));
    expect(youth.results.year).toBe(lastYear);
    expect(shownOrHidden(youth.results.active, 12) && shownOrHidden(youth.results.new, 12) && shownOrHidden(youth.results.ended, 4)).toBe(true);
    expect(youth.results.ended).toBeNull();
    const back = body.interventions.find((i) => i.name === 'Vägen tillbaka')!;
    expect(back.results.active).toBeNull();
    expect(shownOrHidden(back.results.new, 3) && shownOrHidden(back.results.ended, 0)).toBe(true);
    expect(JSON.stringify(body)).not.toContain('Hemligt');
  });

  it('the results are exactly what the intervention’s statistics page shows', async () => {
    const stats = pageText(await (await kansli.request(`/f/${s.fid}/insatser/${s.youth}/statistik?ar=${lastYear}`)).text());
    const entry = pageText(await (await app.request(`/katalog/${s.fid}/insats/${s.youth}`)).text());
    // The gender table's row totals (last column) on the statistics page, and the catalogue's counts.
    const total = (row: string) => new RegExp(`${row}(?: [–\\d]+){4} ([–\\d]+)`).exec(stats.slice(stats.indexOf('Deltagare efter kön')))?.[1];
    const shown = (row: string) => new RegExp(`${row} ([–\\d]+)`).exec(entry.slice(entry.indexOf('Deltagare ' + lastYear)))?.[1];
    for (const row of ['Aktiva', 'Nya', 'Avslutade']) {
      expect(total(row), row).toBeDefined();
      expect(shown(row), row).toBe(total(row));
    }
  });

  it('CSV open data and the county page', async () => {
    const csv = await (await app.request(`/api/katalog/${s.fid}?format=csv`)).text();
    expect(csv).toContain('Unga vuxna Västerås');
    expect(csv).not.toContain('Hemligt');
    const county = await app.request(`/katalog/lan/${encodeURIComponent('Västmanlands län')}?q=unga`);
    expect(county.status).toBe(200);
    expect(pageText(await county.text())).toContain('Unga vuxna Västerås');
  });

  it('framing is allowed on the embed view only; everything else stays closed', async () => {
    const embed = await app.request(`/katalog/${s.fid}/inbaddning`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('x-frame-options')).toBeNull();
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors https:');
    const page = await app.request(`/katalog/${s.fid}`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // Not public: pages, the API and any write.
    expect((await app.request(`/f/${s.fid}`)).status).toBe(303);
    expect((await app.request('/api/federations')).status).toBe(401);
    expect((await app.request(`/katalog/${s.fid}`, { method: 'POST' })).status).toBe(303);
    expect((await app.request(`/f/${s.fid}/insatser/${s.youth}/katalog`)).status).toBe(303);
  });

  it('the kansli writes entries (identity guard) and sees which are out of date', async () => {
    expect(pageText(await (await app.request(`/katalog/${s.fid}`)).text())).not.toContain('Hemligt pilotprojekt');
    const overview = pageText(await (await kansli.request(`/f/${s.fid}/katalog`)).text());
    expect(overview).toContain('2020-01-01 – inaktuell');
    const form = {
      purpose: 'Stöd för 19121212-1212',
      targetGroup: 'Unga',
      referralProcess: 'Ring',
      contactRole: 'Mottagningen',
      reviewBy: '2099-01-01',
      public: 'on',
    };
    const bad = await kansli.request(`/f/${s.fid}/insatser/${s.hidden}/katalog`, { method: 'POST', body: new URLSearchParams(form) });
    expect(bad.status).toBe(400);
    expect(pageText(await bad.text())).toContain('personnummer');
    const ok = await kansli.request(`/f/${s.fid}/insatser/${s.hidden}/katalog`, { method: 'POST', body: new URLSearchParams({ ...form, purpose: 'Nu klart.' }) });
    expect(ok.status).toBe(303);
    expect((await app.request(`/katalog/${s.fid}/insats/${s.hidden}`)).status).toBe(200);
    // The list (cached per address) shows the new entry at once: the förbund's data version changed.
    expect(pageText(await (await app.request(`/katalog/${s.fid}`)).text())).toContain('Hemligt pilotprojekt');
  });

  it('the intervention’s own staff write its entry, and no other', async () => {
    const team = await loginAs(app, 'team@example.se');
    expect((await team.request(`/f/${s.fid}/insatser/${s.youth}/katalog`)).status).toBe(200);
    const form = { purpose: 'Stöd till ungdomar.', targetGroup: 'Ungdomar och unga vuxna', referralProcess: 'Ring mottagningen.', contactRole: 'Mottagningen', reviewBy: '2099-06-30', public: 'on', openForReferral: 'on', municipalities: 'Västerås' };
    expect((await team.request(`/f/${s.fid}/insatser/${s.youth}/katalog`, { method: 'POST', body: new URLSearchParams(form) })).status).toBe(303);
    expect((await team.request(`/f/${s.fid}/insatser/${s.back}/katalog`, { method: 'POST', body: new URLSearchParams(form) })).status).toBe(403);
    const overview = pageText(await (await team.request(`/f/${s.fid}/katalog`)).text());
    expect(overview).toContain('Unga vuxna Västerås');
    expect(overview).not.toContain('Vägen tillbaka');
  });
});
