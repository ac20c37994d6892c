import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectLayoutFits, expectNoAxeViolations, launchBrowser, viaMenu, logInInBrowser } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { testPassword } from './support/auth.ts';
import { seedRoleWorld, type RoleWorld } from './support/roles.ts';

/**
 * Each role does its main task end to end in Chromium, at 1280 px and at 390 px: logs in through the form,
 * lands where its work is, reaches the next page through its menu (a folded <details> "Meny" on the narrow
 * screen), saves or reads what it came for; every page axe-clean and without console errors (CSP included).
 * Screenshots of each start page go to SAMORDNA_SCREENSHOTS (a directory) when it is set.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const widths = [1280, 390] as const;
const shots = process.env.SAMORDNA_SCREENSHOTS;

describe.skipIf(!browserAvailable)('every role’s main task in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: RoleWorld;

  beforeAll(async () => {
    server = await startTestServer();
    w = await seedRoleWorld(server.db);
    browser = await launchBrowser();
    if (shots) mkdirSync(shots, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function loginPage(email: string, width: number): Promise<Page> {
    const page = await logInInBrowser(browser, server.url, email, width, testPassword);
    if (shots) await page.screenshot({ path: `${shots}/${email.split('@')[0]}-${width}.png`, fullPage: false });
    await expectNoAxeViolations(page);
    await expectLayoutFits(page, width);
    return page;
  }

  for (const width of widths) {
    it(`kansli at ${width} px: lands on the overview, invites an insats user by name of the intervention`, async () => {
      const page = await loginPage(w.users.kansli, width);
      expect(new URL(page.url()).pathname).toBe(`/f/${w.federationId}`);
      await viaMenu(page, 'Användare', width);
      await expectNoAxeViolations(page);
      await page.getByLabel('E-postadress').fill(`team${width}@roller.se`);
      await page.getByLabel('Roll', { exact: true }).selectOption('insats');
      await page.getByLabel(w.ownInterventionName, { exact: true }).check();
      await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
      expect(await page.getByText(`Inbjudan till team${width}@roller.se är skapad.`).count()).toBe(1);
      const link = await page.locator('.secret-link').textContent();
      expect(link).toMatch(/\/inbjudan\?t=/);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
      // The invitee opens the link in another browser and chooses a password; then lands on its intervention.
      const invitee = await (await browser.newContext({ viewport: { width, height: 844 } })).newPage();
      await invitee.goto(link!);
      await expectNoAxeViolations(invitee);
      await invitee.getByLabel(/Nytt lösenord/).fill('teamets-eget-lösenord-2025');
      await invitee.getByLabel('Upprepa lösenordet').fill('teamets-eget-lösenord-2025');
      await invitee.getByRole('button', { name: 'Ta emot inbjudan' }).click();
      expect(await invitee.getByText(/Klart\. Logga in/).count()).toBe(1);
      await invitee.goto(`${server.url}/login`);
      await invitee.getByLabel('E-postadress').fill(`team${width}@roller.se`);
      await invitee.getByLabel('Lösenord').fill('teamets-eget-lösenord-2025');
      await invitee.getByRole('button', { name: 'Logga in' }).click();
      await invitee.waitForLoadState('load');
      expect(new URL(invitee.url()).pathname).toBe(`/f/${w.federationId}/insatser/${w.ownInterventionId}`);
    });

    it(`styrelse at ${width} px: lands on the overview and reads the driftredovisning`, async () => {
      const page = await loginPage(w.users.styrelse, width);
      expect(new URL(page.url()).pathname).toBe(`/f/${w.federationId}`);
      await viaMenu(page, 'Driftredovisning', width);
      expect(new URL(page.url()).pathname).toBe(`/f/${w.federationId}/ar/2025/driftredovisning`);
      expect(await page.getByRole('table').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    });

    it(`insats at ${width} px: lands on its intervention and registers a participant`, async () => {
      const page = await loginPage(w.users.insats, width);
      expect(new URL(page.url()).pathname).toBe(`/f/${w.federationId}/insatser/${w.ownInterventionId}`);
      await viaMenu(page, `Deltagare i ${w.ownInterventionName}`, width);
      await expectNoAxeViolations(page);
      const form = page.locator('form', { has: page.getByRole('button', { name: /Registrera deltagare/ }) });
      for (const select of await form.locator('select').all()) {
        const options = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
        if (options.length) await select.selectOption(options[0]!);
      }
      await form.getByLabel(/Startdatum/).fill('2025-03-03');
      await form.getByRole('button', { name: /Registrera deltagare/ }).click();
      await page.waitForLoadState('load');
      expect(await page.getByText(/Deltagaren är registrerad med koden/).count()).toBe(1);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    });

    it(`revisor at ${width} px: lands on the driftredovisning and reads the audit log`, async () => {
      const page = await loginPage(w.users.revisor, width);
      expect(new URL(page.url()).pathname).toBe(`/f/${w.federationId}/ar/2025/driftredovisning`);
      await viaMenu(page, 'Granskningslogg', width);
      await page.getByLabel('Uppgift', { exact: true }).selectOption('member');
      await page.getByRole('button', { name: 'Filtrera' }).click();
      await page.waitForLoadState('load');
      // The log names the table in Swedish, as a person reads it.
      expect(await page.getByRole('cell', { name: 'Medlem', exact: true }).count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    });

    it(`national reader at ${width} px: lands on the statistics of every förbund and reads the economy comparison`, async () => {
      const page = await loginPage(w.users.national, width);
      expect(new URL(page.url()).pathname).toBe('/nationell');
      expect(await page.getByRole('main').getByText(w.federationName).count()).toBeGreaterThan(0);
      await viaMenu(page, 'Ekonomi', width);
      expect(new URL(page.url()).pathname).toBe('/nationell/ekonomi');
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    });

    it(`system administrator at ${width} px: lands on the förbund, adds one, and sees the accounts`, async () => {
      const page = await loginPage(w.users.admin, width);
      expect(new URL(page.url()).pathname).toBe('/admin/federations');
      await page.getByLabel('Namn').fill(`Nytt förbund ${width}`);
      await page.getByRole('button', { name: 'Lägg till' }).click();
      await page.waitForLoadState('load');
      expect(await page.getByText('Förbundet är tillagt.').count()).toBe(1);
      await expectNoAxeViolations(page);
      await viaMenu(page, 'Alla användare', width);
      expect(await page.getByRole('row', { name: /kansli@roller.se/ }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    });
  }
});
