import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { addTestUser, testPassword } from '../../../test/support/auth.ts';

process.env.SAMORDNA_LOG = 'off';

describe.skipIf(!browserAvailable)('login, account, users and audit pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  beforeAll(async () => {
    server = await startTestServer();
    [{ id: fid }] = (await server.db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id")) as [{ id: number }];
    await addTestUser(server.db, { email: 'kansli@test.se', federationId: fid, role: 'kansli' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs in through the form (real browser, CSRF field), shows the pages accessibly, and logs out', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/f/${fid}/audit`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await expectNoAxeViolations(page);

    await page.getByLabel('E-postadress').fill('kansli@test.se');
    await page.getByLabel('Lösenord').fill('fel-lösenord-123');
    await page.getByRole('button', { name: 'Logga in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Fel e-postadress eller lösenord.');
    await expectNoAxeViolations(page);

    await page.getByLabel('Lösenord').fill(testPassword);
    await page.getByRole('button', { name: 'Logga in' }).click();
    expect(new URL(page.url()).pathname).toBe(`/f/${fid}/audit`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Granskningslogg');
    await expectNoAxeViolations(page);

    // Invite a user through the form; the audit page then shows the change by this user.
    await page.goto(`${server.url}/f/${fid}/users`);
    await expectNoAxeViolations(page);
    await page.getByLabel('E-postadress').fill('styrelse@test.se');
    await page.getByLabel('Roll', { exact: true }).selectOption('styrelse');
    await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
    expect(await page.getByText('Inbjudan till styrelse@test.se är skapad.').count()).toBe(1);
    expect(await page.getByRole('row', { name: /styrelse@test.se.*Styrelse/ }).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/f/${fid}/audit?table=user_invitation`);
    expect(await page.getByRole('cell', { name: 'kansli@test.se' }).count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/account`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.goto(`${server.url}/f/${fid}/users`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
