import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { addTestUser, testPassword } from '../../../test/support/auth.ts';
import { loadInterventionDemo } from '../../services/interventions/demo/loadInterventionDemo.ts';

/** A board member reads the published (frozen) statistics in Chromium: axe clean at 1280 and 390 px. */
describe.skipIf(!browserAvailable)('published participant statistics in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    server = await startTestServer();
    [{ id: fid }] = (await server.db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id")) as [{ id: number }];
    await loadInterventionDemo(server.db, fid);
    [{ id: team }] = (await server.db.query<{ id: number }>("select id from intervention where federation_id = $1 and name like 'Samordningsteam Sala%'", [fid])) as [{ id: number }];
    await addTestUser(server.db, { email: 'styrelse@test.se', federationId: fid, role: 'styrelse' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    it(`styrelse at ${width} px: the förbund's and one team's published figures, and an open year`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('E-postadress').fill('styrelse@test.se');
      await page.getByLabel('Lösenord').fill(testPassword);
      await page.getByRole('button', { name: 'Logga in' }).click();

      await page.goto(`${server.url}/f/${fid}/statistik?ar=2025`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Deltagarstatistik 2025');
      expect(await page.locator('main').textContent()).toContain('Publicerad statistik för 2025');
      await expectNoAxeViolations(page);

      await page.goto(`${server.url}/f/${fid}/insatser/${team}/statistik?ar=2025`);
      expect(await page.locator('#t-flowByGender').count()).toBe(1);
      await expectNoAxeViolations(page);

      await page.goto(`${server.url}/f/${fid}/statistik?ar=${new Date().getUTCFullYear() + 1}`);
      expect(await page.locator('main').textContent()).toContain('publiceras när året har stängts');
      await expectNoAxeViolations(page);
    }, 120_000);
  }
});
