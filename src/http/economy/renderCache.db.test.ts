/**
 * The rendered bodies of the dashboard, driftredovisning and key-figures pages are kept with the year's figures
 * (src/http/economy/renderCache.ts). These tests hold that cache to its promise, in the pattern of
 * src/services/economy/yearFigures.db.test.ts: an unchanged year is served from the cache, every kind of write
 * shows on the next request of every page (also a write that bypasses the services, as another process would
 * make), and nothing of one user is served to another (the menu is the user's, the body the same).
 * Expected figures are worked out by hand from test/support/economy.ts's small förbund (2025 is complete:
 * income 1 000 000 kr, costs 1 050 000 kr, opening equity 100 000 kr, allocation 1 000 000 kr).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { countingDb } from '../../../test/support/countingDb.ts';
import { pageText, seedSmallFederation } from '../../../test/support/economy.ts';
import { createApp } from '../app.tsx';
import { saveBudgetAmount, saveFederationSettings, saveOutcomeEntry } from '../../services/economy/index.ts';
import { renderCacheStats } from './renderCache.ts';

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const actor = { id: 'test' };
const kr = (n: number) => n * 100;
const main = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)![1]!;
const nav = (html: string) => /<nav[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';

describe('the rendered economy pages follow every write', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let counter: ReturnType<typeof countingDb>;
  let app: ReturnType<typeof createApp>;
  let fid: number;
  let lines: Awaited<ReturnType<typeof seedSmallFederation>>['lines'];
  let kansli: TestSession;
  let styrelse: TestSession;
  beforeAll(async () => {
    db = await createTestDb();
    ({ federationId: fid, lines } = await seedSmallFederation(db));
    await addTestUser(db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    await addTestUser(db, { email: 'styrelse@test.se', federationId: fid, role: 'styrelse' });
    counter = countingDb(db);
    app = createApp({ db: counter.db });
    kansli = await loginAs(app, 'kansli@test.se');
    styrelse = await loginAs(app, 'styrelse@test.se');
  });
  afterAll(() => db.drop());

  const pages = () => ({
    dashboard: `/f/${fid}?ar=2025`,
    driftredovisning: `/f/${fid}/ar/2025/driftredovisning`,
    nyckeltal: `/f/${fid}/ar/2025/nyckeltal`,
  });
  const read = async (s: TestSession = kansli) => {
    const out: Record<string, string> = {};
    for (const [name, path] of Object.entries(pages())) {
      const res = await s.request(path);
      expect(res.status, path).toBe(200);
      out[name] = await res.text();
    }
    return out as Record<keyof ReturnType<typeof pages>, string>;
  };

  it('an unchanged year is rendered once and then served from the cache, with one SQL statement per request', async () => {
    await read();
    const before = { ...renderCacheStats };
    counter.reset();
    const again = await read();
    expect(renderCacheStats.renders).toBe(before.renders);
    expect(renderCacheStats.hits).toBe(before.hits + 3);
    // The fresh versions (auth and figures; src/services/versions.ts): the session, the förbund, the figures and the body come from memory.
    expect(counter.count()).toBe(3);
    // −50 000 kr: 1 000 000 − 1 050 000.
    expect(pageText(again.dashboard)).toMatch(/Årets resultat −50 tkr/);
  });

  it('the body is the same for every user; the menu around it is each user’s own', async () => {
    const k = await read(kansli);
    const s = await read(styrelse);
    // The board member's overview opens with the next meeting (its own box, outside the shared body).
    const nextMeeting = /<section class="next-meeting"[\s\S]*?<\/section>/;
    expect(main(s.dashboard)).toMatch(nextMeeting);
    expect(main(k.dashboard)).not.toMatch(nextMeeting);
    for (const name of ['dashboard', 'driftredovisning', 'nyckeltal'] as const) {
      expect(main(s[name]).replace(nextMeeting, ''), name).toBe(main(k[name]));
      // kansli manages the förbund's users; styrelse does not, and its menu does not offer it.
      expect(nav(k[name])).toContain(`/f/${fid}/users`);
      expect(nav(s[name])).not.toContain(`/f/${fid}/users`);
    }
  });

  it('each kind of write shows on the next request of every page', async () => {
    const steps: [string, () => Promise<unknown>, (p: Awaited<ReturnType<typeof read>>) => void][] = [
      [
        'outcome',
        // Kansli 150 000 → 170 000 kr: result 1 000 000 − 1 070 000 = −70 000 kr, equity 100 000 − 70 000 = 30 000 kr.
        () => saveOutcomeEntry(db, fid, 2025, { lineId: lines.kansli, month: 12, incomeOre: 0, costOre: kr(170_000) }, actor),
        (p) => {
          expect(pageText(p.dashboard)).toMatch(/Årets resultat −70 tkr/);
          expect(pageText(p.dashboard)).toMatch(/Eget kapital vid årets slut 30 tkr/);
          expect(pageText(p.nyckeltal)).toMatch(/Årets resultat −70 tkr/);
          // Outcome (income, cost, net), budget (income, cost, net), deviation; the total's result −70 tkr.
          expect(pageText(p.driftredovisning)).toContain('Kansli 0 −170 −170 0 −150 −150 −20 ');
          expect(pageText(p.driftredovisning)).toContain('SUMMA 1 000 −1 070 −70 ');
        },
      ],
      [
        'budget',
        // Utbildningsinsatser budget 100 000 → 120 000 kr: budgeted result 1 000 000 − 1 020 000 = −20 000 kr.
        () => saveBudgetAmount(db, fid, 2025, { lineId: lines.training, incomeOre: 0, costOre: kr(120_000) }, actor),
        (p) => {
          expect(pageText(p.dashboard)).toContain('Budgeterat resultat: −20 tkr');
          expect(pageText(p.nyckeltal)).toContain('Budgeterat: −20 tkr');
          // Outcome 100 tkr against a budget of 120 tkr: 20 tkr better than budget.
          expect(pageText(p.driftredovisning)).toContain('Utbildningsinsatser 0 −100 −100 0 −120 −120 20 ');
        },
      ],
      [
        'settings',
        () => saveFederationSettings(db, fid, { equityCapShare: 0.5 }, actor),
        (p) => {
          expect(pageText(p.dashboard)).toContain('tak 50 %');
          expect(pageText(p.nyckeltal)).toContain('rekommenderat tak 50 %');
        },
      ],
      [
        'the förbund’s name, written outside the services (as another process would)',
        () => db.query("update federation set name = 'Samordningsförbundet Nytt namn' where id = $1", [fid]),
        (p) => {
          expect(pageText(p.nyckeltal)).toContain('inställningar för Samordningsförbundet Nytt namn');
          expect(pageText(p.driftredovisning)).toContain('Driftredovisning 2025, Samordningsförbundet Nytt namn');
          expect(p.dashboard).toContain('Samordningsförbundet Nytt namn');
        },
      ],
      [
        'outcome written outside the services',
        // Kansli back to 150 000 kr: result −50 000 kr again.
        () => db.query('update outcome_entry set cost_ore = $3 where federation_id = $1 and budget_line_id = $2 and year = 2025', [fid, lines.kansli, kr(150_000)]),
        (p) => {
          expect(pageText(p.dashboard)).toMatch(/Årets resultat −50 tkr/);
          expect(pageText(p.nyckeltal)).toMatch(/Årets resultat −50 tkr/);
          expect(pageText(p.driftredovisning)).toContain('Kansli 0 −150 −150 0 −150 −150 0 ');
        },
      ],
    ];
    for (const [name, write, check] of steps) {
      const before = await read();
      const renders = renderCacheStats.renders;
      await write();
      const after = await read();
      // All three bodies rendered again, from the new figures; the checks say what changed.
      expect(renderCacheStats.renders, name).toBe(renders + 3);
      expect(after, name).not.toEqual(before);
      check(after);
    }
  });
});
