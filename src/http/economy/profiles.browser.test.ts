import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectLayoutFits, expectNoAxeViolations, launchBrowser, viaMenu, logInInBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { addTestUser, testPassword } from '../../../test/support/auth.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

/**
 * Periodisering (/f/:id/periodisering) in Chromium at 1280 and 390 px: the kansli reaches it from its menu,
 * sets a line to be paid once a year and sees the confirmation; the board, which may not change it, is not
 * offered it in the menu. axe-clean (WCAG 2.1 AA), no console errors, nothing wider than the screen.
 */
describe.skipIf(!browserAvailable)('periodisering in the kansli’s menu', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  beforeAll(async () => {
    server = await startTestServer();
    fid = (await importReferenceFile(server.db, fixture, { id: 'test' })).federationId;
    await addTestUser(server.db, { email: 'kansli@profil.se', federationId: fid, role: 'kansli' });
    await addTestUser(server.db, { email: 'styrelse@profil.se', federationId: fid, role: 'styrelse' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const loginPage = (email: string, width: number) => logInInBrowser(browser, server.url, email, width, testPassword);

  for (const [width, profile] of [
    [1280, 'yearly'],
    [390, 'even'],
  ] as const) {
    it(`kansli at ${width} px: opens Periodisering from the menu and saves a line's profile`, async () => {
      const page = await loginPage('kansli@profil.se', width);
      await viaMenu(page, 'Periodisering', width);
      expect(new URL(page.url()).pathname).toBe(`/f/${fid}/periodisering`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Periodisering av budgeten');
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
      const [line] = await server.db.query<{ id: number; label: string }>('select id, label from budget_line where federation_id = $1 order by id limit 1', [fid]);
      await page.locator(`#f-profile-${line!.id}`).selectOption(profile);
      await page.getByRole('button', { name: 'Spara periodiseringen' }).click();
      await page.waitForLoadState('load');
      expect(await page.getByRole('status').textContent()).toBe('Periodiseringen är sparad.');
      expect(await page.locator(`#f-profile-${line!.id}`).inputValue()).toBe(profile);
      const [saved] = await server.db.query<{ profile: string | null }>('select budget_profile as profile from budget_line where id = $1', [line!.id]);
      expect(saved!.profile).toBe(profile);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    });
  }

  it('the board is not offered it in the menu', async () => {
    const page = await loginPage('styrelse@profil.se', 1280);
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Budget', exact: true }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Periodisering' }).count()).toBe(0);
  });
});
