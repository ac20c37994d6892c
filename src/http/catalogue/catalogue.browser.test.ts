import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser, expectLayoutFits } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { seedCatalogue } from '../../../test/support/catalogue.ts';
import { addTestUser, testPassword } from '../../../test/support/auth.ts';
import { loadNationalSynthetic } from '../../services/national/synthetic.ts';
import { freezeAllClosedYears } from '../../services/interventions/publishedStatistics.ts';

describe.skipIf(!browserAvailable)('public catalogue and national pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let s: Awaited<ReturnType<typeof seedCatalogue>>;
  beforeAll(async () => {
    server = await startTestServer();
    s = await seedCatalogue(server.db);
    await loadNationalSynthetic(server.db, { id: 'test' }, { federations: 4, firstYear: 2024, years: 2 });
    await freezeAllClosedYears(server.db); // the closed years are published (the server's freezer does this)
    // Accounts exist: the case worker below has none and is anonymous.
    await addTestUser(server.db, { email: 'nationell@example.se', national: true });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a case worker without an account finds an intervention by municipality and word form at 390 px', async () => {
    const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(`${server.url}/katalog/${s.fid}`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Sök', { exact: true }).fill('unga');
    await page.getByLabel('Kommun').selectOption('Västerås');
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('1 insats');
    await expectNoAxeViolations(page);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByRole('link', { name: 'Unga vuxna Västerås' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Unga vuxna Västerås');
    expect(page.url()).toBe(`${server.url}/katalog/${s.fid}/insats/${s.youth}`);
    expect(await page.locator('main').textContent()).toContain('team@example.se');
    await expectNoAxeViolations(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('the national role logs in and reads the national pages (axe clean, 1280 and 390 px)', async () => {
    for (const width of [1280, 390]) {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel('E-postadress').fill('nationell@example.se');
      await page.getByLabel('Lösenord').fill(testPassword);
      await page.getByRole('button', { name: 'Logga in' }).click();
      // The national reader lands on the national comparison (its start page).
      await page.waitForURL(/\/nationell$/);
      await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Nationell jämförelse \d{4}$/);
      expect(await page.locator('main').textContent()).toContain('Syntetiska data');
      await expectNoAxeViolations(page);
      for (const link of ['Ekonomi', 'Kön och avslut', 'Trender', 'Statens fördelning']) {
        // On a narrow screen the menu is folded into "Meny" (a <details>): open it first.
        const menu = page.getByRole('navigation').getByText('Meny', { exact: true });
        if (await menu.isVisible()) await menu.click();
        await page.getByRole('navigation').getByRole('link', { name: link }).click();
        await expectNoAxeViolations(page);
      }
      await page.goto(`${server.url}/nationell/fordelning?ar=2025`);
      await expectLayoutFits(page, width);
      await page.getByLabel('Syntetiskt förbund 01').check();
      await page.getByLabel('Syntetiskt förbund 02').check();
      await page.getByLabel('Det nya förbundets namn').fill('Nya förbundet');
      await page.getByRole('button', { name: 'Visa före och efter', exact: true }).click();
      expect(await page.locator('#scenario').textContent()).toContain('Nya förbundet');
      await expectNoAxeViolations(page);
      // Split one förbund in two (the form works without JavaScript: a GET with the parts).
      await page.getByLabel('Förbund som delas').selectOption({ label: 'Syntetiskt förbund 03' });
      const part = (k: number) => page.getByRole('group', { name: new RegExp(`^Del ${k}`) });
      await part(1).getByLabel('Namn').fill('Östra delen');
      await part(1).getByLabel('Befolkning 16–64 år').fill('10 000');
      await part(1).getByLabel('Försörjningsmått').fill('300');
      await part(2).getByLabel('Namn').fill('Västra delen');
      await part(2).getByLabel('Befolkning 16–64 år').fill('12 000');
      await part(2).getByLabel('Försörjningsmått').fill('250,5');
      await page.getByRole('button', { name: 'Visa före och efter delningen' }).click();
      expect(await page.locator('#scenario').textContent()).toContain('Östra delen + Västra delen');
      await expectNoAxeViolations(page);
    }
  }, 240_000);
});
