import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { getBudget } from '../../services/economy/index.ts';

describe('budget page (HTTP)', () => {
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
  const base = () => `/f/${seed.federationId}/ar/2026/budget`;

  it('shows original and revised totals, planned result, use of equity and the plan shares', async () => {
    const res = await app.request(base());
    expect(res.status).toBe(200);
    const html = await res.text();
    const t = text(html);
    const href = `/api/federations/${seed.federationId}/years/2026/export/budget.xlsx`;
    expect(html).toContain(`href="${href}"`);
    expect((await app.request(href)).status).toBe(200);
    // 2026: income 1 200 000, costs 200 000 + 800 000 + 150 000 + 150 000 = 1 300 000 → result −100 000,
    // use of equity 100 000, expected closing equity 150 000 − 100 000 = 50 000.
    expect(t).toContain('Kostnader 1 300 000 kr 1 300 000 kr');
    expect(t).toContain('Planerat resultat −100 000 kr −100 000 kr');
    expect(t).toContain('Planerad användning av eget kapital 100 000 kr 100 000 kr');
    expect(t).toContain('Eget kapital vid årets slut enligt budgeten 50 000 kr 50 000 kr');
    // Administration 200/1 300 = 15,4 % → 15 %, direct 85 %; individual 800/1 100 = 72,7 % → 73 %, rest 27 %.
    expect(t).toContain('Administration, andel av kostnaderna 15 % 15 %');
    expect(t).toContain('Individinsatser, andel av direkta kostnader 73 % 73 %');
  });

  it('edits a line through the form and redirects back with the new totals', async () => {
    const edit = await app.request(`${base()}/post/${seed.lines.team}`);
    const form = await edit.text();
    expect(form).toContain('<label for="f-cost">Kostnad');
    expect(form).toContain('value="800 000"');
    const res = await post(`${base()}/post/${seed.lines.team}`, { income: '0', cost: '900 000' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${base()}?sparat=budget#post-${seed.lines.team}`);
    const t = text(await (await app.request(`${base()}?sparat=budget`)).text());
    expect(t).toContain('Budgetposten är sparad.');
    expect(t).toContain('Kostnader 1 400 000 kr 1 400 000 kr');
    expect(t).toContain('Planerat resultat −200 000 kr −200 000 kr');
  });

  it('refuses a bad amount with the error tied to the field, and changes nothing', async () => {
    const before = await getBudget(db, seed.federationId, 2026);
    const res = await post(`${base()}/post/${seed.lines.team}`, { income: '0', cost: 'niohundra' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Det finns fel i formuläret');
    expect(html).toContain('href="#f-cost"');
    expect(html).toMatch(/id="f-cost"[^>]*aria-invalid="true"[^>]*aria-describedby="f-cost-hint f-cost-error"/);
    expect(html).toContain('value="niohundra"');
    expect(await getBudget(db, seed.federationId, 2026)).toEqual(before);
  });

  it('records a tilläggsbudget with only the changed lines; the original stays visible', async () => {
    const budget = await getBudget(db, seed.federationId, 2026);
    const fields: Record<string, string> = { decidedOn: '2026-05-14', decision: 'Tilläggsbudget, styrelsemöte 2026-05-14 § 7' };
    for (const l of budget.lines) {
      const r = budget.revised.find((x) => x.lineId === l.id);
      fields[`income-${l.id}`] = String((r?.incomeOre ?? 0) / 100);
      fields[`cost-${l.id}`] = String((r?.costOre ?? 0) / 100);
    }
    fields[`cost-${seed.lines.training}`] = '250 000';
    const res = await post(`${base()}/tillaggsbudget`, fields);
    expect(res.status).toBe(303);
    const after = await getBudget(db, seed.federationId, 2026);
    expect(after.revisions).toHaveLength(1);
    expect(after.revisions[0]!.lines).toEqual([{ lineId: seed.lines.training, incomeOre: 0, costOre: 250_000_00 }]);
    const t = text(await (await app.request(base())).text());
    // Original 1 400 000 (after the edit above), revised 1 500 000.
    expect(t).toContain('Kostnader 1 400 000 kr 1 500 000 kr');
    expect(t).toContain('2026-05-14 Tilläggsbudget, styrelsemöte 2026-05-14 § 7 Utbildningsinsatser: 0 kr / −250 000 kr');
    expect(t).toContain('Utbildningsinsatser 0 kr −150 000 kr 0 kr −250 000 kr');
  });

  it('refuses a tilläggsbudget without date or changes', async () => {
    const res = await post(`${base()}/tillaggsbudget`, { decidedOn: '14 maj', decision: '' });
    expect(res.status).toBe(400);
    const t = text(await res.text());
    expect(t).toContain('Tilläggsbudgeten ändrar ingen budgetpost');
    const res2 = await post(`${base()}/tillaggsbudget`, { decidedOn: '14 maj', decision: '', [`cost-${seed.lines.kansli}`]: '1' });
    const t2 = text(await res2.text());
    expect(t2).toContain('Ange beslutsdatum som ÅÅÅÅ-MM-DD.');
    expect(t2).toContain('Ange beslutet.');
    expect((await getBudget(db, seed.federationId, 2026)).revisions).toHaveLength(1);
  });

  it('adds a budget line with amounts', async () => {
    const res = await post(`${base()}/poster`, { 'new-section': 'structural', 'new-label': 'Extern utvärdering', 'new-income': '', 'new-cost': '40 000' });
    expect(res.status).toBe(303);
    const t = text(await (await app.request(base())).text());
    expect(t).toContain('Extern utvärdering 0 kr −40 000 kr 0 kr −40 000 kr');
    const dup = await post(`${base()}/poster`, { 'new-section': 'structural', 'new-label': 'Extern utvärdering', 'new-cost': '1' });
    expect(dup.status).toBe(400);
  });

  it('closes the year (bokslut) with who and when, refuses closing twice, and opens it again; the overview follows', async () => {
    const year = `/f/${seed.federationId}/ar/2026/stang`;
    const overview = async () => text(await (await app.request(`/f/${seed.federationId}?ar=2026`)).text());
    expect(await overview()).toContain('Period: januari–mars 2026, prognos för helåret.');
    const closed = await post(year, {});
    expect(closed.status).toBe(303);
    expect(text(await (await app.request(base())).text())).toMatch(/Året stängdes \d{4}-\d\d-\d\d av /);
    expect(await overview()).toContain('Period: januari–december 2026, bokslut (året är stängt).');
    const twice = await post(year, {});
    expect(twice.status).toBe(400);
    expect(text(await twice.text())).toContain('Året 2026 är redan stängt');
    expect((await post(year, { reopen: 'ja' })).status).toBe(303);
    expect(await overview()).toContain('Period: januari–mars 2026, prognos för helåret.');
  });
});
