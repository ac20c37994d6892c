import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { loadYearOutcome } from '../../services/economy/index.ts';

describe('outcome page (HTTP)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let seed: Awaited<ReturnType<typeof seedSmallFederation>>;
  beforeAll(async () => {
    db = await createTestDb();
    seed = await seedSmallFederation(db);
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  const text = pageText;
  const post = (path: string, fields: Record<string, string>) =>
    app.request(path, { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const base = () => `/f/${seed.federationId}/ar/2026/utfall`;

  it('shows the outcome per line and month, net in kronor', async () => {
    const t = text(await (await app.request(base())).text());
    expect(t).toContain('Utfallet kommer från: inmatat.');
    // Team: 70 000 kr a month for three months, each entered by hand (M).
    expect(t).toContain('Samordningsteam Testby −70 000 M −70 000 M −70 000 M −210 000');
  });

  it('records a month for a line and the dashboard follows (forecast from four months)', async () => {
    const res = await post(base(), { lineId: String(seed.lines.team), month: '4', income: '', cost: '70 000' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base()}?sparat=outcome`);
    const t = text(await (await app.request(`${base()}?sparat=outcome`)).text());
    expect(t).toContain('Utfallet är sparat.');
    expect(t).toContain('Samordningsteam Testby −70 000 M −70 000 M −70 000 M −70 000 M −280 000');
    expect(text(await (await app.request(`/f/${seed.federationId}`)).text())).toContain('Period: januari–april 2026, prognos för helåret.');
  });

  it('refuses a missing month or a bad amount and changes nothing', async () => {
    const before = await loadYearOutcome(db, seed.federationId, 2026);
    const res = await post(base(), { lineId: String(seed.lines.team), month: '', cost: 'sjuttio' });
    expect(res.status).toBe(400);
    const t = text(await res.text());
    expect(t).toContain('Välj månad.');
    expect(t).toContain('Kostnad: Ange ett belopp i kronor');
    const res2 = await post(base(), { lineId: '999999', month: '5', cost: '1' });
    expect(res2.status).toBe(400);
    expect(text(await res2.text())).toContain('Budgetposten finns inte.');
    expect(await loadYearOutcome(db, seed.federationId, 2026)).toEqual(before);
  });

  const upload = (name: string, content: string) => {
    const form = new FormData();
    form.append('file', new File([content], name));
    return app.request(`${base()}/fil`, { method: 'POST', body: form });
  };

  it('reads an outcome file (CSV) all or nothing, naming file, line and field on error', async () => {
    const before = await loadYearOutcome(db, seed.federationId, 2026);
    const bad = await upload('utfall.csv', 'år;avsnitt;budgetpost;månad;intäkt;kostnad\r\n2026;Administration;Kansli;5;;15 000\r\n2026;Administration;Kansli;6;;tio\r\n');
    expect(bad.status).toBe(400);
    const t = text(await bad.text());
    expect(t).toContain('Ingenting har lästs in.');
    expect(t).toMatch(/utfall\.csv, rad 3, fält "kostnad"/);
    expect(await loadYearOutcome(db, seed.federationId, 2026)).toEqual(before);
    const empty = await upload('', '');
    expect(empty.status).toBe(400);

    // Every error of the file, not just the first.
    const twoBad = await upload('utfall.csv', 'år;avsnitt;budgetpost;månad;intäkt;kostnad\r\n2026;Administration;Kansli;13;;1\r\n2026;Administration;Kansli;6;;tio\r\n');
    const tt = text(await twoBad.text());
    expect(tt).toContain('Filen har 2 fel');
    expect(tt).toMatch(/rad 2, fält "månad"/);
    expect(tt).toMatch(/rad 3, fält "kostnad"/);

    // A good file is previewed (line, month, old → new) and nothing is saved until confirmed.
    const preview = await upload('utfall.csv', 'år;avsnitt;budgetpost;månad;intäkt;kostnad\r\n2026;Administration;Kansli;5;;15 000\r\n2026;Administration;Kansli;6;;16 000\r\n');
    expect(preview.status).toBe(200);
    const html = await preview.text();
    const pt = text(html);
    expect(pt).toContain('2 belopp ändras');
    expect(pt).toContain('2026 Kansli maj inget 0 / −15 000');
    expect(await loadYearOutcome(db, seed.federationId, 2026)).toEqual(before);
    const data = /name="data" value="([^"]*)"/.exec(html)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#39;/g, "'");
    const ok = await post(`${base()}/fil/bekrafta`, { data, fileName: 'utfall.csv' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${base()}?sparat=outcome-import`);
    const after = text(await (await app.request(`${base()}?sparat=outcome-import`)).text());
    expect(after).toContain('Filen är inläst.');
    expect(after).toContain('Kansli −15 000 M −15 000 M −15 000 M −15 000 F');
    // A second file for June only: May stays, June shows old → new.
    const june = text(await (await upload('utfall.csv', 'år;avsnitt;budgetpost;månad;intäkt;kostnad\r\n2026;Administration;Kansli;6;;17 000\r\n')).text());
    expect(june).toContain('1 belopp ändras');
    expect(june).toContain('2026 Kansli juni 0 / −16 000 0 / −17 000');
  });

  it('offers the template with the year’s budget lines', async () => {
    const csv = await app.request(`/f/${seed.federationId}/ar/2026/utfallsmall.csv`);
    expect(csv.status).toBe(200);
    const body = await csv.text();
    expect(body).toContain('år;avsnitt;budgetpost;månad;intäkt;kostnad');
    expect(body).toContain('2026;Individinsatser;Samordningsteam Testby;1;;');
    expect((await app.request(`/f/${seed.federationId}/ar/2026/utfallsmall.xlsx`)).headers.get('content-type')).toContain('spreadsheetml');
  });
});
