import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText } from '../../../test/support/economy.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';

const lastYear = new Date().getFullYear() - 1;

/** A förbund in a county with three interventions: one public youth team, one public for the sick-listed, one not public. */
export async function seedCatalogue(db: Awaited<ReturnType<typeof createTestDb>>, name = 'Katalogförbundet', county = 'Västmanlands län') {
  const [{ id: fid }] = (await db.query<{ id: number }>('insert into federation (name, county) values ($1, $2) returning id', [name, county])) as [{ id: number }];
  const members = await db.query<{ id: number; name: string }>(
    `insert into member (federation_id, name, kind, sort_order) values ($1, 'Försäkringskassan', 'state_fk', 1), ($1, 'Region Västmanland', 'region', 2),
       ($1, 'Västerås stad', 'municipality', 3), ($1, 'Sala kommun', 'municipality', 4) returning id, name`,
    [fid],
  );
  const m = (n: string) => members.find((x) => x.name === n)!.id;
  const iv = await db.query<{ id: number; name: string }>(
    `insert into intervention (federation_id, name, kind, owner_member_id, period_start) values
       ($1, 'Unga vuxna Västerås', 'individual', $2, '2023-01-01'), ($1, 'Vägen tillbaka', 'individual', $3, '2022-01-01'),
       ($1, 'Hemligt pilotprojekt', 'individual', $2, '2024-01-01') returning id, name`,
    [fid, m('Västerås stad'), m('Region Västmanland')],
  );
  const id = (n: string) => iv.find((x) => x.name === n)!.id;
  await db.query('insert into intervention_member (federation_id, intervention_id, member_id) values ($1, $2, $3), ($1, $2, $4)', [fid, id('Unga vuxna Västerås'), m('Försäkringskassan'), m('Region Västmanland')]);
  const entry = (interventionId: number, pub: boolean, purpose: string, target: string, municipalities: string[], ages: [number, number], sources: string[], open: boolean, reviewBy: string) =>
    db.query(
      `insert into catalogue_entry (federation_id, intervention_id, public, purpose, target_group, age_min, age_max, municipalities, support_sources,
         referral_process, contact_role, contact_email, contact_phone, open_for_referral, capacity, review_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::text[], 'Handläggaren fyller i remissblanketten tillsammans med personen.',
               'Teamets mottagning', 'team@example.se', '021-10 00 00', $10, 25, $11)`,
      [fid, interventionId, pub, purpose, target, ages[0], ages[1], municipalities, sources, open, reviewBy],
    );
  await entry(id('Unga vuxna Västerås'), true, 'Stöd till ungdomar som varken arbetar eller studerar.', 'Ungdomar och unga vuxna', ['Västerås'], [16, 29], ['income_support', 'none'], true, '2099-12-31');
  await entry(id('Vägen tillbaka'), true, 'Samordnad rehabilitering efter lång sjukskrivning.', 'Långtidssjukskrivna', ['Sala', 'Västerås'], [30, 64], ['sickness_benefit'], false, '2020-01-01');
  await entry(id('Hemligt pilotprojekt'), false, 'Inte klart för publicering.', 'Ungdomar', ['Västerås'], [16, 29], [], true, '2099-12-31');
  // Last year: 12 in the youth team (7 women, 5 men; 4 ended: 3 work, 1 studies), 3 in Vägen tillbaka (small: hidden).
  const add = (interventionId: number, k: number, gender: string, start: string, end: string | null, outcome: string | null) =>
    db.query(
      `insert into participation (federation_id, intervention_id, code, gender, age_band, support_before, support_duration, education, start_date, end_date, exit_outcome)
       values ($1, $2, $3, $4, '20-24', 'income_support', 'lt1', 'compulsory', $5, $6, $7)`,
      [fid, interventionId, `K-${interventionId}-${k}`, gender, start, end, outcome],
    );
  for (let k = 0; k < 12; k++) {
    const ended = k < 4;
    await add(id('Unga vuxna Västerås'), k, k < 7 ? 'woman' : 'man', `${lastYear}-02-01`, ended ? `${lastYear}-11-30` : null, ended ? (k < 3 ? 'work' : 'studies') : null);
  }
  for (let k = 0; k < 3; k++) await add(id('Vägen tillbaka'), k, 'woman', `${lastYear}-03-01`, null, null);
  return { fid, youth: id('Unga vuxna Västerås'), back: id('Vägen tillbaka'), hidden: id('Hemligt pilotprojekt') };
}

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
    // Independent: 12 active, 12 new, 4 ended (seeded above); the outcomes 3 work / 1 studies are small and hidden.
    expect(youth.results).toMatchObject({ year: lastYear, active: 12, new: 12, ended: null });
    const back = body.interventions.find((i) => i.name === 'Vägen tillbaka')!;
    expect(back.results).toMatchObject({ active: null, new: null, ended: 0 });
    expect(JSON.stringify(body)).not.toContain('Hemligt');
  });

  it('the results are exactly what the intervention’s statistics page shows', async () => {
    const stats = pageText(await (await kansli.request(`/f/${s.fid}/insatser/${s.youth}/statistik?ar=${lastYear}`)).text());
    const entry = pageText(await (await app.request(`/katalog/${s.fid}/insats/${s.youth}`)).text());
    expect(entry).toContain('Aktiva 12');
    expect(stats).toMatch(/Aktiva\s+7\s.*5.*12/);
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
  });
});
