import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';
import { loadInterventionDemo } from '../../services/interventions/demo/loadInterventionDemo.ts';
import { lastClosedYear } from '../../services/interventions/publishedStatistics.ts';
import { defaultSettings } from '../../core/settings.ts';

/**
 * Issue 8: styrelse and the national reader see the participant statistics of ALL interventions, the same
 * suppressed figures as the kansli (never a false zero); the intervention's own staff see theirs live.
 */
describe('participant statistics per role', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let team: number;
  const sessions = new Map<string, TestSession>();
  const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Rollförbundet') returning id")) as [{ id: number }];
    await loadInterventionDemo(db, fid);
    [{ id: team }] = (await db.query<{ id: number }>("select id from intervention where federation_id = $1 and name like 'Samordningsteam Sala%'", [fid])) as [{ id: number }];
    const app = createApp({ db });
    const users: [string, { role?: 'kansli' | 'styrelse' | 'revisor' | 'insats'; interventionIds?: number[]; national?: boolean }][] = [
      ['kansli', { role: 'kansli' }],
      ['styrelse', { role: 'styrelse' }],
      ['revisor', { role: 'revisor' }],
      ['national', { national: true }],
      ['insats', { role: 'insats', interventionIds: [team] }],
    ];
    for (const [name, u] of users) {
      const email = `${name}@roll.example`;
      await addTestUser(db, u.national ? { email, national: true } : { email, federationId: fid, ...u });
      sessions.set(name, await loginAs(app, email));
    }
  }, 120_000);
  afterAll(() => db?.drop());

  it('kansli, styrelse, revisor and the national reader see the same figures for 2025: 278 active, 108 ended', async () => {
    const pages = new Map<string, string>();
    const json = new Map<string, unknown>();
    for (const role of ['kansli', 'styrelse', 'revisor', 'national']) {
      const res = await sessions.get(role)!.request(`/f/${fid}/statistik?ar=2025`);
      expect(res.status, role).toBe(200);
      pages.set(role, main(await res.text()));
      const api = await sessions.get(role)!.request(`/api/federations/${fid}/statistics?year=2025`);
      expect(api.status, role).toBe(200);
      json.set(role, await api.json());
    }
    const kansli = pages.get('kansli')!;
    expect(kansli).toContain('Samordningsteam Västerås');
    const figures = (json.get('kansli') as { flowByGender: { rowTotals: number[] } }).flowByGender.rowTotals;
    expect(figures[0]).toBe(278);
    expect(figures[2]).toBe(108);
    for (const role of ['styrelse', 'revisor', 'national']) {
      expect(pages.get(role), role).toBe(kansli);
      expect(json.get(role), role).toEqual(json.get('kansli'));
    }
  }, 120_000);

  it('another role sees an intervention\'s published figures; its own staff see it live', async () => {
    const styrelse = await sessions.get('styrelse')!.request(`/f/${fid}/insatser/${team}/statistik?ar=2025`);
    expect(styrelse.status).toBe(200);
    const s = main(await styrelse.text());
    expect(s).toContain('Publicerad statistik för 2025');
    expect(s).toContain('>40<'); // Sala: 40 active in 2025 (the annual report's team figures)
    const own = await sessions.get('insats')!.request(`/f/${fid}/insatser/${team}/statistik?ar=2025`);
    expect(own.status).toBe(200);
    const o = main(await own.text());
    expect(o).toContain('just nu');
    expect(o).toContain('Avslutsorsaker');
    // The insats role cannot open the förbund's statistics at all.
    expect((await sessions.get('insats')!.request(`/f/${fid}/statistik?ar=2025`)).status).toBe(403);
  }, 120_000);

  it('an open year is not published to other roles yet, and says when it will be', async () => {
    const year = new Date().getUTCFullYear() + 1;
    const res = await sessions.get('styrelse')!.request(`/f/${fid}/statistik?ar=${year}`);
    expect(res.status).toBe(200);
    const page = main(await res.text());
    expect(page).toContain(`publiceras när året har stängts, ${year + 1}-02-01`);
    // Issue 28: not also "fastställd", as if the unpublished year were published.
    expect(page).not.toContain('fastställd');
  });

  it('opens on the last year that has published figures, for the förbund and for an intervention (issue 28)', async () => {
    const latest = lastClosedYear(new Date(), defaultSettings.statisticsClosingDays);
    for (const path of [`/f/${fid}/statistik`, `/f/${fid}/insatser/${team}/statistik`]) {
      const page = main(await (await sessions.get('styrelse')!.request(path)).text());
      expect(page, path).toContain(`Publicerad statistik för ${latest}`);
      expect(page, path).not.toContain('publiceras när året har stängts');
    }
    // The intervention's own staff see it live, on the running year.
    const own = main(await (await sessions.get('insats')!.request(`/f/${fid}/insatser/${team}/statistik`)).text());
    expect(own).toContain(`Statistik ${new Date().getFullYear()}`);
  });
});
