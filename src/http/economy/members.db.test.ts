import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { createApp } from '../app.tsx';
import { getAllocationOverview, listMembers } from '../../services/economy/index.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));

describe('members and allocation pages (HTTP)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let small: Awaited<ReturnType<typeof seedSmallFederation>>;
  let ref: number;
  beforeAll(async () => {
    db = await createTestDb();
    small = await seedSmallFederation(db);
    ref = (await importReferenceFile(db, fixture, { id: 'test' })).federationId;
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const text = pageText;
  const post = (path: string, fields: Record<string, string>) =>
    app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('shows each kind of member’s share of the reference allocation: 2025 50/31,25/18,75, 2024 50/25/25', async () => {
    const t2025 = text(await (await app.request(`/f/${ref}/ar/2025/medelstilldelning`)).text());
    expect(t2025).toContain('Staten (FK och AF) 9 479 000 kr 50 %');
    expect(t2025).toContain('Region 5 924 375 kr 31,25 %');
    expect(t2025).toContain('Kommunerna 3 554 625 kr 18,75 %');
    expect(t2025).toContain('Bidragen summerar till medelstilldelningen.');
    expect(t2025).toContain('Arboga kommun Kommun 168 183 kr');
    const t2024 = text(await (await app.request(`/f/${ref}/ar/2024/medelstilldelning`)).text());
    expect(t2024).toMatch(/Region 4 759 500 kr 25 %/);
    expect(t2024).toMatch(/Kommunerna \d[\d ]* kr 25 %/);
  });

  it('lists, adds, edits and removes members with their kind in Swedish', async () => {
    const list = text(await (await app.request(`/f/${small.federationId}/medlemmar`)).text());
    expect(list).toContain('Försäkringskassan Försäkringskassan');
    expect(list).toContain('Testby kommun Kommun');
    const bad = await post(`/f/${small.federationId}/medlemmar`, { name: '', kind: 'county' });
    expect(bad.status).toBe(400);
    const badText = text(await bad.text());
    expect(badText).toContain('Ange medlemmens namn.');
    expect(badText).toContain('Välj typ av medlem.');
    const ok = await post(`/f/${small.federationId}/medlemmar`, { name: 'Andraby kommun', kind: 'municipality', sortOrder: '' });
    expect(ok.status).toBe(303);
    const m = (await listMembers(db, small.federationId)).find((x) => x.name === 'Andraby kommun')!;
    expect(m.kind).toBe('municipality');
    const dup = await post(`/f/${small.federationId}/medlemmar`, { name: 'Andraby kommun', kind: 'municipality' });
    expect(dup.status).toBe(400);
    expect(text(await dup.text())).toContain('Det finns redan en medlem som heter "Andraby kommun".');
    expect((await post(`/f/${small.federationId}/medlemmar/${m.id}`, { name: 'Andraby stad', kind: 'municipality', sortOrder: '2' })).status).toBe(303);
    expect((await listMembers(db, small.federationId)).find((x) => x.id === m.id)?.name).toBe('Andraby stad');
    expect((await post(`/f/${small.federationId}/medlemmar/${m.id}/ta-bort`, { bekrafta: 'ja' })).status).toBe(303);
    expect((await listMembers(db, small.federationId)).some((x) => x.id === m.id)).toBe(false);
    expect((await app.request(`/f/${small.federationId}/medlemmar/999999`)).status).toBe(404);
  });

  it('saves a key by population, computes contributions to the krona and stores them', async () => {
    const members = await listMembers(db, small.federationId);
    const kommun = members.find((m) => m.kind === 'municipality')!;
    const andra = await post(`/f/${small.federationId}/medlemmar`, { name: 'Tredje kommun', kind: 'municipality' });
    expect(andra.status).toBe(303);
    const tredje = (await listMembers(db, small.federationId)).find((m) => m.name === 'Tredje kommun')!;
    const base = `/f/${small.federationId}/ar/2026`;
    const bad = await post(`${base}/fordelningsnyckel`, { stateShare: '50', regionShare: '30', municipalitiesShare: '30', basis: 'population' });
    expect(bad.status).toBe(400);
    expect(text(await bad.text())).toContain('ska tillsammans vara 100 %');
    const res = await post(`${base}/fordelningsnyckel`, {
      stateShare: '50',
      regionShare: '31,25',
      municipalitiesShare: '18,75',
      basis: 'population',
      [`weight-${kommun.id}`]: '20 000',
      [`weight-${tredje.id}`]: '10 000',
    });
    expect(res.status).toBe(303);
    expect((await post(`${base}/bidrag`, {})).status).toBe(303);
    const o = await getAllocationOverview(db, small.federationId, 2026);
    // 1 200 000 kr: state 600 000, region 375 000, municipalities 225 000 split 2:1 → 150 000 and 75 000.
    const byMember = new Map(o.contributions.map((c) => [c.memberId, c.amountOre / 100]));
    expect(byMember.get(null)).toBe(600_000);
    expect(byMember.get(members.find((m) => m.kind === 'region')!.id)).toBe(375_000);
    expect(byMember.get(kommun.id)).toBe(150_000);
    expect(byMember.get(tredje.id)).toBe(75_000);
    const t = text(await (await app.request(`${base}/medelstilldelning?sparat=contributions`)).text());
    expect(t).toContain('Bidragen är beräknade och sparade.');
    expect(t).toContain('Region 375 000 kr 31,25 %');
    // A member with contributions cannot be removed.
    const refused = await post(`/f/${small.federationId}/medlemmar/${tredje.id}/ta-bort`, { bekrafta: 'ja' });
    expect(refused.status).toBe(400);
    expect(text(await refused.text())).toContain('kan inte tas bort');
  });

  it('creates a new year with its allocation and refuses a bad amount', async () => {
    const bad = await post(`/f/${small.federationId}/ar`, { year: '2027', allocation: 'en miljon' });
    expect(bad.status).toBe(400);
    const res = await post(`/f/${small.federationId}/ar`, { year: '2027', allocation: '1 300 000' });
    expect(res.status).toBe(303);
    // A year after an existing one starts from it (budget copied, key carried over) and lands on its budget.
    expect(res.headers.get('location')).toBe(`/f/${small.federationId}/ar/2027/budget?sparat=year-started`);
    expect(await (await app.request(`/f/${small.federationId}/ar/2027/medelstilldelning`)).text()).toContain('value="1 300 000"');
    const dup = await post(`/f/${small.federationId}/ar`, { year: '2027', allocation: '1' });
    expect(text(await dup.text())).toContain('Året 2027 finns redan.');
    // A year with an allocation only: every page renders (no budget, no outcome yet).
    const f = small.federationId;
    for (const path of [`/f/${f}?ar=2027`, `/f/${f}/ar/2027/driftredovisning`, `/f/${f}/ar/2027/nyckeltal`, `/f/${f}/ar/2027/budget`, `/f/${f}/ar/2027/utfall`, `/api/federations/${f}/years/2027/export/driftredovisning.xlsx`]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
    }
    const dashboard = text(await (await app.request(`/f/${small.federationId}?ar=2027`)).text());
    expect(dashboard).toContain('Period: 2027, inget utfall ännu, prognos för helåret.');
    expect(dashboard).toContain('Medelstilldelning 1 300 tkr');
  });
});
