import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { pageText } from '../../../test/support/economy.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { loadNationalSynthetic, syntheticName } from '../../services/national/synthetic.ts';
import { nationalStatisticsForYear } from '../../services/national/nationalStatistics.ts';
import { freezeAllClosedYears, publishedStatistics } from '../../services/interventions/publishedStatistics.ts';
import { stateAllocationForYear } from '../../services/economy/stateAllocation.ts';
import { stateBaseOre } from '../../core/economy/stateAllocation.ts';
import { insertParticipations } from '../../services/interventions/participations.ts';
import type { ParticipationInput } from '../../core/interventions/participation.ts';

describe('national view and state allocation (HTTP, database)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let national: TestSession;
  let kansli: TestSession;
  let styrelse: TestSession;
  let firstId: number;
  beforeAll(async () => {
    db = await createTestDb();
    await loadNationalSynthetic(db, { id: 'test' }, { federations: 6, firstYear: 2024, years: 2 });
    // The years close: the server's background freezer (or `samordna statistics freeze`) fixes them.
    await freezeAllClosedYears(db, { today: new Date('2026-03-01') });
    firstId = (await db.query<{ id: number }>('select id from federation where name = $1', [syntheticName(1)]))[0]!.id;
    await addTestUser(db, { email: 'nat@example.se', national: true });
    await addTestUser(db, { email: 'kansli@example.se', federationId: firstId, role: 'kansli' });
    await addTestUser(db, { email: 'styrelse@example.se', federationId: firstId, role: 'styrelse' });
    app = createApp({ db });
    national = await loginAs(app, 'nat@example.se');
    kansli = await loginAs(app, 'kansli@example.se');
    styrelse = await loginAs(app, 'styrelse@example.se');
  }, 120_000);
  afterAll(() => db.drop());

  it('a closed year waits ("publiceras snart") until every förbund with participants has frozen it, and is stored only then', async () => {
    // Before anything has read the year: a förbund with participations in the closed year has not frozen it.
    await db.query('delete from statistics_snapshot where federation_id = $1 and year = 2025', [firstId]);
    const pending = await nationalStatisticsForYear(db, 2025, { today: new Date('2026-03-01') });
    expect(pending.publication.state).toBe('pending');
    expect(pending.byCounty.cells.flat().every((v) => v === null)).toBe(true);
    expect(await db.query('select 1 from national_publication where year = 2025')).toHaveLength(0);
    await freezeAllClosedYears(db, { today: new Date('2026-03-01') });
    expect((await nationalStatisticsForYear(db, 2025, { today: new Date('2026-03-01') })).publication.state).toBe('published');
    expect(await db.query('select 1 from national_publication where year = 2025')).toHaveLength(1);
    // The trend's earlier years were read too: 2024 (participants) is published, 2021–2023 (nobody yet) are not
    // stored, so a förbund's history for them can still be entered.
    expect((await db.query<{ year: number }>('select year from national_publication order by year')).map((r) => r.year)).toEqual([2024, 2025]);
  });

  it('the synthetic set: förbund marked synthetic with counties, participations counted as the database counts them', async () => {
    const s = await nationalStatisticsForYear(db, 2025, { today: new Date('2026-03-01') });
    expect(s.publication.state).toBe('published');
    expect(s.synthetic).toBe(true);
    expect(s.federations).toHaveLength(6);
    // Independent count straight from the table: active in 2025 in individual interventions.
    const [{ n }] = (await db.query<{ n: number }>(
      `select count(*)::int as n from participation p join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id
       where i.kind = 'individual' and p.start_date <= '2025-12-31' and (p.end_date is null or p.end_date >= '2025-01-01')`,
    )) as [{ n: number }];
    expect(s.byFederation.colTotals![0]).toBe(n);
    const shown = s.byFederation.cells.map((r) => r[0]).filter((v): v is number => v !== null);
    expect(shown.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(n);
    // Economy: the allocation per förbund is the fiscal year's.
    const [{ a }] = (await db.query<{ a: number }>('select allocation_ore as a from fiscal_year where federation_id = $1 and year = 2025', [firstId])) as [{ a: number }];
    const row = s.federations.indexOf(syntheticName(1));
    expect(s.economy.cells[row]![0]).toBe(Math.round(a / 100));
  });

  it('every förbund row is exactly what the förbund itself publishes: its shown cells shown, its hidden cells hidden', async () => {
    const s = await nationalStatisticsForYear(db, 2025, { today: new Date('2026-03-01') });
    let hiddenSeen = 0;
    for (const [i, name] of s.federations.entries()) {
      const [{ id }] = (await db.query<{ id: number }>('select id from federation where name = $1', [name])) as [{ id: number }];
      const own = (await publishedStatistics(db, id, 2025, { today: new Date('2026-03-01') })).stats!;
      // active/new/ended by gender, the totals, and ended by outcome
      [s.activeByFederationAndGender, s.newByFederationAndGender, s.endedByFederationAndGender].forEach((t, m) => {
        expect(t.cells[i], `${name} ${t.key}`).toEqual(own.flowByGender.cells[m]);
        expect(t.rowTotals![i], `${name} ${t.key} total`).toBe(own.flowByGender.rowTotals![m]);
      });
      expect(s.exitOutcomesByFederation.cells[i], `${name} outcomes`).toEqual(own.exitOutcomes.cells[0]);
      hiddenSeen += own.flowByGender.cells.flat().filter((v) => v === null).length;
    }
    expect(hiddenSeen).toBeGreaterThan(0); // the synthetic set has hidden förbund cells, so the check means something
  });

  it('an open year shows no participant counts (published when the year closes)', async () => {
    const open = await nationalStatisticsForYear(db, 2026, { today: new Date('2026-06-01') });
    expect(open.publication).toEqual({ state: 'open', publishedFrom: '2027-02-01' });
    expect(open.byFederation.cells.flat().every((v) => v === null)).toBe(true);
    expect(open.economy.rowLabels.length).toBe(6); // money is public and shown
    const r = await national.request('/nationell?ar=2026');
    expect(pageText(await r.text())).toContain('Deltagarsiffrorna för 2026 publiceras när året stängs');
  });

  it('trends per county and per förbund: each year as that year\'s publication shows it', async () => {
    const s = await nationalStatisticsForYear(db, 2025, { today: new Date('2026-03-01') });
    const y2024 = await nationalStatisticsForYear(db, 2024, { today: new Date('2026-03-01') });
    const [active] = s.trends.byFederation;
    expect(active!.colLabels).toEqual(['2021', '2022', '2023', '2024', '2025']);
    s.federations.forEach((_, i) => {
      expect(active!.cells[i]![4]).toBe(s.byFederation.cells[i]![0]);
      expect(active!.cells[i]![3]).toBe(y2024.byFederation.cells[i]![0]);
      expect(active!.cells[i]![0]).toBe(0); // no participations before 2024: nobody
    });
    const [, nw] = s.trends.byCounty;
    s.counties.forEach((_, k) => expect(nw!.cells[k]![4]).toBe(s.byCounty.cells[k]![1]));
    expect(nw!.cells.at(-1)![4]).toBe(s.byFederation.colTotals![1]);
    const page = pageText(await (await national.request('/nationell/trender?ar=2025')).text());
    expect(page).toContain('Aktiva deltagare per län och år');
    expect(page).toContain('Nya deltagare per förbund och år');
  });

  it('the state allocation of the synthetic year adds up to the state total and gives everyone at least the base', async () => {
    const y = await stateAllocationForYear(db, 2025);
    expect(y.problem).toBeNull();
    expect(y.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(y.settings!.totalOre);
    for (const r of y.rows) expect(r.amountOre).toBeGreaterThanOrEqual(stateBaseOre);
  });

  it('the national role and a kansli see the pages; the board does not, and has no menu entry', async () => {
    for (const path of ['/nationell?ar=2025', '/nationell/ekonomi?ar=2025', '/nationell/kon-och-avslut?ar=2025', '/nationell/trender?ar=2025', '/nationell/fordelning?ar=2025']) {
      const r = await national.request(path);
      expect(r.status, path).toBe(200);
      expect(pageText(await r.text())).toContain('Syntetiskt förbund 01');
      expect((await kansli.request(path)).status, path).toBe(200);
      expect((await styrelse.request(path)).status, path).toBe(403);
    }
    expect(await (await kansli.request(`/f/${firstId}`)).text()).toContain('href="/nationell"');
    expect(await (await styrelse.request(`/f/${firstId}`)).text()).not.toContain('href="/nationell"');
  });

  it('exports CSV and JSON with the synthetic mark; hidden cells are "–" / null', async () => {
    const csv = await (await national.request('/nationell/statistik.csv?ar=2025')).text();
    expect(csv).toContain('SYNTETISKA DATA');
    expect(csv).toContain('Deltagare per förbund 2025');
    const json = await (await national.request('/api/national/statistics?year=2025')).json();
    expect(json.note).toMatch(/SYNTETISKA/);
    expect(json.byFederation.rowLabels).toHaveLength(6);
    expect((await styrelse.request('/api/national/statistics?year=2025')).status).toBe(403);
  });

  it('the national role sets the total and imports inputs; a bad file changes nothing', async () => {
    const before = await stateAllocationForYear(db, 2025);
    const bad = new FormData();
    bad.set('file', new File([`förbund;befolkning_16_64;försörjningsmått\n${syntheticName(1)};1000;10\nOkänt förbund;5;5\n`], 'underlag.csv', { type: 'text/csv' }));
    const r = await national.request('/nationell/fordelning/import?ar=2025', { method: 'POST', body: bad });
    expect(r.status).toBe(400);
    expect(pageText(await r.text())).toContain('underlag.csv, rad 3, fält "förbund": Förbundet "Okänt förbund" finns inte');
    expect((await stateAllocationForYear(db, 2025)).rows).toEqual(before.rows);
    // kansli may read but not write
    expect((await kansli.request('/nationell/fordelning/total?ar=2025', { method: 'POST', body: new URLSearchParams({ total: '1' }) })).status).toBe(403);
    const ok = await national.request('/nationell/fordelning/total?ar=2025', { method: 'POST', body: new URLSearchParams({ total: '10 000 000', maxFall: '' }) });
    expect(ok.status).toBe(303);
    const after = await stateAllocationForYear(db, 2025);
    expect(after.rows.reduce((s, r) => s + r.amountOre, 0)).toBe(10_000_000_00);
  });

  it('what-if: merging two förbund keeps the total and shows before and after', async () => {
    const ids = (await db.query<{ id: number }>('select id from federation where synthetic order by name limit 2')).map((r) => r.id);
    const r = await national.request(`/nationell/fordelning?ar=2025&slaihop=${ids[0]}&slaihop=${ids[1]}&namn=Nytt`);
    const t = pageText(await r.text());
    expect(t).toContain(`${syntheticName(1)} + ${syntheticName(2)}`);
    expect(t).toContain('Nytt');
  });

  it('what-if: splitting a förbund on the page shows before and after, checked against an independent calculation', async () => {
    const year = 2025;
    const rows = await db.query<{ id: number; name: string; population: number; measure: number }>(
      `select f.id, f.name, i.population_16_64 as population, i.support_measure_hundredths as measure
       from state_allocation_input i join federation f on f.id = i.federation_id where i.year = $1 order by f.name`,
      [year],
    );
    const [{ total }] = (await db.query<{ total: number }>('select total_ore / 100 as total from state_allocation_year where year = $1', [year])) as [{ total: number }];
    const target = rows[0]!;
    const parts = [
      { name: 'Norra delen', population: Math.floor(target.population / 3), measure: 1234.5 },
      { name: 'Södra delen', population: target.population - Math.floor(target.population / 3), measure: 2000 },
    ];
    const q = new URLSearchParams({ ar: String(year), dela: String(target.id) });
    parts.forEach((p, k) => {
      q.set(`del${k + 1}namn`, p.name);
      q.set(`del${k + 1}befolkning`, String(p.population));
      q.set(`del${k + 1}matt`, String(p.measure).replace('.', ','));
    });
    const html = await (await national.request(`/nationell/fordelning?${q}`)).text();
    const row = html.split('<tr').find((r) => r.includes('Norra delen + Södra delen'));
    expect(row, 'the split group').toBeDefined();
    const cells = [...row!.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => pageText(m[1]!).trim());
    const num = (t: string) => Number(t.replace(/[\s\u00a0]/g, '').replace('\u2212', '-'));
    expect(cells[0]).toBe(target.name);
    expect(cells[2]).toBe('Norra delen + Södra delen');
    // Independently: 400 000 kr per förbund, the rest 75 % by försörjningsmått and 25 % by population.
    const after = [...rows.filter((r) => r.id !== target.id).map((r) => ({ population: r.population, measure: r.measure / 100 })), ...parts];
    const variable = total - 400_000 * after.length;
    const sumM = after.reduce((a, x) => a + x.measure, 0);
    const sumP = after.reduce((a, x) => a + x.population, 0);
    const expected = parts.reduce((a, p) => a + 400_000 + variable * (0.75 * (p.measure / sumM) + 0.25 * (p.population / sumP)), 0);
    expect(Math.abs(num(cells[3]!) - expected)).toBeLessThanOrEqual(2); // each part rounded to the krona by largest remainder
    // The total is kept: the sum row.
    const sumRow = html.slice(html.indexOf('id="scenario"')).split('<tr').find((r) => r.includes('Summa'))!;
    const sums = [...sumRow.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) => pageText(m[1]!).trim());
    expect(num(sums[1]!)).toBe(total);
    expect(num(sums[3]!)).toBe(total);
    // Bad parts: one part only, a part without försörjningsmått: Swedish errors, no table.
    const bad = new URLSearchParams({ ar: String(year), dela: String(target.id), del1namn: 'Ensam', del1befolkning: '10', del1matt: 'mycket' });
    const t = pageText(await (await national.request(`/nationell/fordelning?${bad}`)).text());
    expect(t).toContain('Ange försörjningsmåttet, t.ex. 1 234,5.');
    expect(t).not.toContain('Före och efter');
  });
  it('a year is published once: a förbund added later with participants that year, a moved county or a raised minimum change nothing in it', async () => {
    const today = new Date('2026-03-01');
    const before = await nationalStatisticsForYear(db, 2025, { today });
    expect(before.publication.state).toBe('published');
    expect(before.publication.notCovered).toEqual([]);
    const [{ county }] = (await db.query<{ county: string }>('select county from federation where id = $1', [firstId])) as [{ county: string }];
    // A förbund joins in the same county and enters its 2025: 7 women active, 2 of them ended to work; money too.
    const [{ id }] = (await db.query<{ id: number }>("insert into federation (name, county) values ('Nya förbundet', $1) returning id", [county])) as [{ id: number }];
    const [{ id: iv }] = (await db.query<{ id: number }>("insert into intervention (federation_id, name, kind, period_start) values ($1, 'Teamet', 'individual', '2025-01-01') returning id", [id])) as [{ id: number }];
    const person: ParticipationInput = {
      gender: 'woman', ageBand: '30-39', homeMunicipality: null, referringMemberId: null, supportBefore: 'income_support',
      supportDuration: 'gt4', education: 'compulsory', startDate: '2025-02-01', endDate: null, exitOutcome: null, supportAfter: null,
    };
    await db.transaction((tx) => insertParticipations(tx, id, iv, [...Array.from({ length: 5 }, () => person), ...Array.from({ length: 2 }, () => ({ ...person, endDate: '2025-09-30', exitOutcome: 'work' as const }))]), { id: 'test' });
    await db.query('insert into fiscal_year (federation_id, year, allocation_ore, opening_equity_ore, total_assets_ore, employees) values ($1, 2025, 300000000, 0, 0, 1)', [id]);
    // Another förbund moves county and raises its minimum cell size.
    const other = (await db.query<{ id: number }>('select id from federation where synthetic and id <> $1 order by id limit 1', [firstId]))[0]!.id;
    await db.query(`update federation set county = 'Gotlands län', settings = coalesce(settings, '{}'::jsonb) || '{"minCellSize": 9}'::jsonb where id = $1`, [other]);
    await freezeAllClosedYears(db, { today });
    expect(await db.query('select 1 from statistics_snapshot where federation_id = $1 and year = 2025', [id])).toHaveLength(1);

    const after = await nationalStatisticsForYear(db, 2025, { today });
    for (const k of ['byFederation', 'byCounty', 'flowByGender', 'activeByFederationAndGender', 'newByFederationAndGender', 'endedByFederationAndGender', 'exitOutcomes', 'exitOutcomesByFederation'] as const) {
      expect(after[k], k).toEqual(before[k]);
    }
    expect(after.units).toEqual(before.units);
    expect(after.minCellSize).toBe(before.minCellSize);
    expect(after.publication.notCovered).toEqual(['Nya förbundet']);
    // Its money is public and shown; its cost per participant is not (the year's counts do not cover it),
    // and nor is its county's, whose counts cover other förbund than its money now does.
    const row = after.economy.rowLabels.indexOf('Nya förbundet');
    expect(after.economy.cells[row]![0]).toBe(3_000_000);
    const perParticipant = after.economy.colLabels.findIndex((l) => /per aktiv deltagare/.test(l));
    expect(perParticipant).toBeGreaterThan(0);
    expect(after.economy.cells[row]![perParticipant]).toBeNull();
    const countyRow = after.economyByCounty.rowLabels.indexOf(county);
    expect(after.economyByCounty.cells[countyRow]![perParticipant]).toBeNull();
    expect(after.economyByCounty.cells.at(-1)![perParticipant]).toBeNull();
    // The page says which förbund the year's participant figures do not cover, and why.
    expect(pageText(await (await national.request('/nationell?ar=2025')).text())).toContain('Nya förbundet ingår inte i deltagarsiffrorna för 2025');
    // The next year, not yet published, covers it.
    const open = await nationalStatisticsForYear(db, 2026, { today: new Date('2026-06-01') });
    expect(open.federations).toContain('Nya förbundet');
    expect(open.publication.notCovered ?? []).toEqual([]);
  });
});
