import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { loginAs, openFollowingRedirects as open } from './support/auth.ts';
import { menuAreas, menuLinks, seedRoleWorld, type RoleWorld } from './support/roles.ts';
import { createApp } from '../src/http/app.tsx';

/**
 * Each role lands where its work is, and its menu offers only pages that open: one test per role logs in
 * through the login form, follows the start page to the role's landing page, and opens every menu item
 * (following redirects, e.g. /driftredovisning → the latest year's), expecting 200 each time.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

describe('every role: start page and menu', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let w: RoleWorld;

  beforeAll(async () => {
    db = await createTestDb();
    w = await seedRoleWorld(db);
    // A second förbund none of the roles above belongs to (the admin and the national reader see it).
    await db.query("insert into federation (name) values ('Annat förbund')");
    app = createApp({ db });
  });
  afterAll(() => db.drop());

  /** Logs in, opens the start page, walks the menu; returns the landing path, the menu and the failures. */
  async function walk(email: string) {
    const s = await loginAs(app, email);
    const start = await open(s, '/');
    expect(start.status).toBe(200);
    const menu = menuLinks(start.html);
    const failures: string[] = [];
    for (const item of menu) {
      const page = await open(s, item.href);
      if (page.status !== 200) failures.push(`${item.label} (${item.href}) → ${page.status}`);
      // Every page it reaches offers the same kind of menu: its items open too (checked below by walking them).
      for (const inner of menuLinks(page.html)) if (!menu.some((m) => m.href === inner.href)) menu.push(inner);
    }
    return { s, landing: start.path, menu, failures };
  }

  it('kansli lands on the overview; every menu item opens', async () => {
    const { landing, menu, failures } = await walk(w.users.kansli);
    expect(landing).toBe(`/f/${w.federationId}`);
    expect(failures).toEqual([]);
    expect(menu.map((m) => m.label)).toEqual(expect.arrayContaining(['Översikt', 'Budget', 'Insatser', 'Användare', 'Granskningslogg', 'Räkenskaper', 'Mitt konto']));
  });

  it('Räkenskaper before any SIE import explains what to do (200, not 404)', async () => {
    const s = await loginAs(app, w.users.kansli);
    const page = await open(s, `/f/${w.federationId}/ledger/statements`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('ingen huvudbok är inläst ännu');
    expect(page.html).toContain(`href="/f/${w.federationId}/ledger"`);
  });

  it('styrelse lands on the overview; sees economy, interventions and statistics, never users or the audit log', async () => {
    const { landing, menu, failures } = await walk(w.users.styrelse);
    expect(landing).toBe(`/f/${w.federationId}`);
    expect(failures).toEqual([]);
    const labels = menu.map((m) => m.label);
    expect(labels).toEqual(expect.arrayContaining(['Översikt', 'Driftredovisning', 'Insatser', 'Deltagarstatistik']));
    expect(labels).not.toContain('Användare');
    expect(labels).not.toContain('Granskningslogg');
  });

  it('insats lands on its own intervention; its menu is that intervention, its participants and statistics', async () => {
    const { landing, menu, failures } = await walk(w.users.insats);
    expect(landing).toBe(`/f/${w.federationId}/insatser/${w.ownInterventionId}`);
    expect(failures).toEqual([]);
    const hrefs = menu.map((m) => m.href);
    expect(hrefs).toContain(`/f/${w.federationId}/insatser/${w.ownInterventionId}/deltagare`);
    expect(hrefs.some((h) => h.includes(`/insatser/${w.otherInterventionId}`))).toBe(false);
    // Economy pages are not its work (they answer 403 and so are not offered).
    expect(hrefs).not.toContain(`/f/${w.federationId}`);
    expect(hrefs).not.toContain(`/f/${w.federationId}/driftredovisning`);
  });

  it('revisor lands on the driftredovisning; the audit log is in its menu', async () => {
    const { landing, menu, failures } = await walk(w.users.revisor);
    expect(landing).toBe(`/f/${w.federationId}/ar/2025/driftredovisning`);
    expect(failures).toEqual([]);
    expect(menu.map((m) => m.label)).toContain('Granskningslogg');
    expect(menu.map((m) => m.label)).not.toContain('Användare');
  });

  it('the national reader lands on the statistics of every förbund; nothing of a förbund’s own data is offered', async () => {
    const { s, landing, menu, failures } = await walk(w.users.national);
    expect(landing).toBe('/nationell');
    expect(failures).toEqual([]);
    const start = await open(s, '/');
    expect(start.html).toContain(w.federationName);
    expect(menu.map((m) => m.href)).toEqual(expect.arrayContaining(['/nationell', '/account']));
    expect(menu.every((m) => !m.href.startsWith('/admin') && !m.href.startsWith('/f/'))).toBe(true);
    // In a förbund it is offered only the statistics.
    const inFederation = menuLinks((await open(s, `/f/${w.federationId}/statistik`)).html).map((m) => m.href);
    expect(inFederation.filter((h) => h.startsWith('/f/'))).toEqual([`/f/${w.federationId}/statistik`]);
  });

  it('the system administrator lands on the list of förbund and accounts', async () => {
    const { s, landing, menu, failures } = await walk(w.users.admin);
    expect(landing).toBe('/admin/federations');
    expect(failures).toEqual([]);
    expect(menu.map((m) => m.href)).toEqual(expect.arrayContaining(['/admin/federations', '/admin/users', '/account']));
    const inFederation = menuLinks((await open(s, `/f/${w.federationId}/users`)).html).map((m) => m.href);
    expect(inFederation.filter((h) => h.startsWith('/f/'))).toEqual([`/f/${w.federationId}/users`]);
  });

  it('national reader and system administrator see no förbund’s own goals, assessments or settings', async () => {
    for (const email of [w.users.national, w.users.admin]) {
      const s = await loginAs(app, email);
      for (const path of ['/installningar', '/insatser', `/insatser/${w.ownInterventionId}`, '/strukturaktiviteter']) {
        const res = await s.request(`/f/${w.federationId}${path}`);
        const html = await res.text();
        expect(html, `${email} ${path}`).not.toContain('Förbundets mål');
        expect(html, `${email} ${path}`).not.toContain('Måluppfyllelse');
        expect(html, `${email} ${path}`).not.toContain('Minsta antal');
      }
      expect((await s.request(`/f/${w.federationId}/installningar`)).status).toBe(403);
      expect((await s.request(`/api/federations/${w.federationId}/settings`)).status).toBe(403);
      expect((await s.request(`/api/federations/${w.federationId}/settings`, { method: 'PUT', body: JSON.stringify({ minCellSize: 1 }), headers: { 'content-type': 'application/json' } })).status).toBe(403);
    }
    // The kansli does see them (the test can fail).
    const k = await loginAs(app, w.users.kansli);
    expect(await (await k.request(`/f/${w.federationId}/insatser`)).text()).toContain('Förbundets mål');
  });
  /**
   * The menu in areas (issue 28): each role sees the areas of its work and, in them, only what it uses. The
   * labels are compared as a whole, so an item added for a role that does not use it fails here (and the walks
   * above fail it when it answers anything but 200).
   */
  it('each role’s menu is grouped into the areas of its work, without pages it does not use', async () => {
    const areasOf = async (email: string, path = '/') => {
      const s = await loginAs(app, email);
      const page = await open(s, path);
      expect(page.status).toBe(200);
      return Object.fromEntries(menuAreas(page.html).map((a) => [a.area, a.labels]));
    };
    const kansli = await areasOf(w.users.kansli);
    expect(Object.keys(kansli)).toEqual(['Ekonomi', 'Räkenskaper', 'Insatser och uppföljning', 'Styrning', 'Administration', '']);
    expect(kansli['Ekonomi']).toEqual(['Översikt', 'Driftredovisning', 'Nyckeltal', 'Budget', 'Utfall', 'Periodisering', 'Medlemmar och medel']);
    expect(kansli['Räkenskaper']).toEqual(['Räkenskaper', 'Huvudbok (SIE)', 'Kontokoppling']);
    expect(kansli['Administration']).toEqual(['Inställningar', 'Användare', 'E-post', 'Tillgänglighetsredogörelse']);
    expect(kansli['']).toContain('Mitt konto');

    const board = await areasOf(w.users.styrelse);
    expect(Object.keys(board)).toEqual(['Ekonomi', 'Räkenskaper', 'Insatser och uppföljning', 'Styrning', '']);
    expect(board['Ekonomi']).toEqual(['Översikt', 'Driftredovisning', 'Nyckeltal', 'Budget', 'Utfall', 'Medlemmar och medel']);
    expect(board['Räkenskaper']).toEqual(['Räkenskaper']);
    expect(board['Insatser och uppföljning']).toEqual(['Insatser', 'Strukturaktiviteter', 'Deltagarstatistik', 'Indikatorenkäter', 'Värde per medlem']);
    expect(board['Styrning']).toEqual(['Ansökningar', 'Styrelse och möten', 'Sammanträden och protokoll', 'Årsredovisning och rapporter', 'Internkontroll']);

    const auditor = await areasOf(w.users.revisor);
    expect(Object.keys(auditor)).toEqual(['Ekonomi', 'Räkenskaper', 'Insatser och uppföljning', 'Styrning', 'Administration', '']);
    expect(auditor['Räkenskaper']).toEqual(['Räkenskaper', 'Huvudbok (SIE)', 'Kontokoppling']);
    expect(auditor['Insatser och uppföljning']).toEqual(['Insatser', 'Strukturaktiviteter', 'Deltagarstatistik', 'Indikatorenkäter', 'Värde per medlem']);
    expect(auditor['Styrning']).toEqual([
      'Ansökningar', 'Styrelse och möten', 'Sammanträden och protokoll', 'Årsredovisning och rapporter', 'Uppföljning Finsam',
      'Internkontroll', 'Diarium', 'Dokumenthanteringsplan', 'Granskningslogg',
    ]);
    expect(auditor['Administration']).toEqual(['Inställningar']);

    const insats = await areasOf(w.users.insats);
    expect(Object.keys(insats)).toEqual(['Insatser och uppföljning', '']);
    expect(insats['Insatser och uppföljning']).toEqual([w.ownInterventionName, `Deltagare i ${w.ownInterventionName}`, `Statistik för ${w.ownInterventionName}`]);

    // The national reader's own view has its own menu (no areas); in a förbund it is offered the statistics only.
    expect(Object.keys(await areasOf(w.users.national, `/f/${w.federationId}/statistik`))).toEqual(['Insatser och uppföljning', '']);
    const admin = await areasOf(w.users.admin);
    expect(admin['Administration']).toEqual(['Förbund', 'Alla användare']);
    expect(Object.keys(admin)).toEqual(['Administration', '']);
  });
});

