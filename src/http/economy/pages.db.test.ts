import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { addTestUser, loginAs } from '../../../test/support/auth.ts';
import { createFederation } from '../../services/economy/index.ts';

/** Page routes over a small förbund; every expected figure is worked out by hand in the comments. */
describe('economy pages (HTTP)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await seedSmallFederation(db)).federationId;
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };
  const text = pageText;

  it('dashboard defaults to the latest year and forecasts it from January–March', async () => {
    const { status, html } = await get(`/f/${fid}`);
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toContain('Översikt 2026');
    expect(t).toContain('Period: januari–mars 2026, prognos för helåret.');
    // Allocation 1 200 000 kr.
    expect(t).toMatch(/Medelstilldelning 1 200 tkr/);
    // Forecast ×12/3: income 1 200 000, costs (45 000 + 210 000) × 4 = 1 020 000 → result 180 000 kr.
    expect(t).toMatch(/Prognos årets resultat 180 tkr/);
    // Equity 150 000 + 180 000 = 330 000 kr, 27,5 % → "28 %" of the allocation, over the 20 % cap (240 000 kr).
    expect(t).toMatch(/Förväntat eget kapital vid årets slut 330 tkr/);
    expect(t).toContain('28 % av medelstilldelningen; tak 20 % (240 tkr)');
    expect(t).toContain('Det egna kapitalet (330 tkr) är över det rekommenderade taket (240 tkr).');
    // The chart: an image with a title and a description naming the figures, and the same data as a table.
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-sections-title chart-sections-desc"/);
    // Individinsatser: budget 800, so far 210, forecast 840 (over budget).
    expect(t).toContain('Individinsatser: budget 800 tkr, utfall hittills 210 tkr, prognos helår 840 tkr (prognos över budget).');
    // 840 − 800 = 40 tkr.
    expect(t).toContain('Individinsatser: prognosen för helåret är 40 tkr över budget.');
    expect(html).toContain('<caption>Tabell: Kostnader per avsnitt 2026');
  });

  it('dashboard of a complete year shows the result and the line over budget', async () => {
    const t = text((await get(`/f/${fid}?ar=2025`)).html);
    expect(t).toContain('Period: januari–december 2025, bokslut (året är stängt).');
    // 1 000 000 − 1 050 000 = −50 000 kr.
    expect(t).toMatch(/Årets resultat −50 tkr/);
    expect(t).toContain('Samordningsteam Testby: kostnaden är över budget med 50 tkr.');
    // Equity 100 000 − 50 000 = 50 000 kr: within the 200 000 kr cap.
    expect(t).not.toContain('över det rekommenderade taket');
    expect((await get(`/f/${fid}?ar=1999`)).status).toBe(404);
  });

  it('driftredovisning prints every line in tkr with grouped headings and download links', async () => {
    const { status, html } = await get(`/f/${fid}/ar/2026/driftredovisning`);
    expect(status).toBe(200);
    const t = text(html);
    expect(t).toContain('Driftredovisning januari–mars 2026, Samordningsförbundet Test (Belopp i tkr. Period: januari–mars 2026, prognos för helåret.)');
    expect(html).toContain('<th scope="colgroup" colspan="3" class="group">Utfall januari–mars 2026</th>');
    expect(html).toContain('<th scope="colgroup" colspan="3" class="group">Budget januari–mars 2026</th>');
    expect(html).toContain('<th scope="colgroup" colspan="3" class="group">Helår 2026</th>');
    expect(html).toContain('<th scope="colgroup" colspan="3" class="group">Utfall 2025</th>');
    // Team, January–March: outcome −210 against the budget to date −800 × 3/12 = −200, deviation −10 (not +590
    // against the whole year's budget); the full year: forecast −210 × 12/3 = −840 against −800, deviation −40;
    // last year −650.
    expect(t).toContain('Samordningsteam Testby 0 −210 −210 0 −200 −200 −10 −840 −800 −40 0 −650 −650');
    expect(t).toMatch(/Prognos årets resultat: −?[\d ]+ tkr/);
    expect(html).toContain('class="num negative">−210</td>');
    expect(html).toContain(`href="/api/federations/${fid}/years/2026/export/driftredovisning.xlsx"`);
    expect(html).toContain(`href="/api/federations/${fid}/years/2026/export/driftredovisning.csv"`);
    // 2025 has no previous year: no columns for it.
    expect(text((await get(`/f/${fid}/ar/2025/driftredovisning`)).html)).not.toContain('Utfall 2024');
  });

  it('key figures show cost distribution and the five-year overview', async () => {
    const t = text((await get(`/f/${fid}/ar/2025/nyckeltal`)).html);
    // Costs 2025: kansli 150, team 650, training 100, process 150 of 1 050 tkr → 61,9 / 9,5 / 14,3 / 14,3 %
    // → largest remainder 62 / 10 / 14 / 14 (sum 100).
    expect(t).toContain('Individinsatser 60 % 62 %');
    expect(t).toContain('Strukturpåverkande insatser 10 % 10 %');
    // Soliditet 50 000 / 400 000 = 12,5 %.
    expect(t).toContain('Soliditet 12,5 %');
    expect(t).toContain('2025 1 000 −1 050 −50 12,5 %');
  });

  it('a förbund without years gets a start page that says what to do', async () => {
    const other = await createFederation(db, { name: 'Samordningsförbundet Nytt' }, { id: 'test' });
    const { status, html } = await get(`/f/${other.id}`);
    expect(status).toBe(200);
    expect(text(html)).toContain('Förbundet har inga räkenskapsår ännu');
    // Issue 28: Budget, Driftredovisning, Nyckeltal and Utfall explain the first step instead of redirecting silently.
    for (const [page, title] of [['budget', 'Budget'], ['driftredovisning', 'Driftredovisning'], ['nyckeltal', 'Nyckeltal'], ['utfall', 'Utfall']] as const) {
      const r = await get(`/f/${other.id}/${page}`);
      expect(r.status, page).toBe(200);
      expect(r.location, page).toBeNull();
      expect(text(r.html), page).toContain(`${title} Förbundet har inga räkenskapsår ännu`);
      expect(text(r.html), page).toContain('Första steget är att lägga in medlemmarna och årets medelstilldelning');
      expect(r.html, page).toContain(`href="/f/${other.id}/medlemmar"`);
    }
  });

  it('year selectors redirect to the chosen year; unknown years are 404, malformed years and months 400', async () => {
    const r = await get(`/f/${fid}/driftredovisning?ar=2025`);
    expect(r.status).toBe(303);
    expect(r.location).toBe(`/f/${fid}/ar/2025/driftredovisning`);
    expect((await get(`/f/${fid}/nyckeltal`)).location).toBe(`/f/${fid}/ar/2026/nyckeltal`);
    expect((await get(`/f/${fid}/ar/2031/driftredovisning`)).status).toBe(404);
    for (const bad of ['abc', '20255', '0999', '%00']) expect((await get(`/f/${fid}/ar/${bad}/driftredovisning`)).status, bad).toBe(400);
    expect((await get(`/f/${fid}?ar=x`)).status).toBe(400);
    for (const m of ['13', '0', '1.5', 'x']) expect((await get(`/api/federations/${fid}/years/2025/overview?throughMonth=${m}`)).status, m).toBe(400);
    expect((await get(`/api/federations/${fid}/years/2025/overview?throughMonth=3`)).status).toBe(200);
    expect((await get(`/api/federations/${fid}/years/2031/overview`)).status).toBe(404);
  });
});

describe('economy pages of a förbund without years, for a board member (issue 28)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.drop());

  it('a board member of a förbund without years is told that the kansli takes the first step (issue 28)', async () => {
    const other = await createFederation(db, { name: 'Samordningsförbundet Tomt' }, { id: 'test' });
    await addTestUser(db, { email: 'styrelse@tomt.se', federationId: other.id, role: 'styrelse' });
    const board = await loginAs(createApp({ db }), 'styrelse@tomt.se');
    const res = await board.request(`/f/${other.id}/budget`);
    expect(res.status).toBe(200);
    const t = pageText(await res.text());
    expect(t).toContain('Första steget tar kansliet');
    expect(t).not.toContain('Lägg in medlemmar och årets medelstilldelning');
  });
});
