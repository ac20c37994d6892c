import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';

describe.skipIf(!browserAvailable)('start page in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
    await server.db.query("insert into federation (name) values ('Samordningsförbundet Test')");
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the förbund, is reachable by keyboard and passes axe', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(server.url + '/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Samordna');
    expect(await page.getByRole('link', { name: 'Samordningsförbundet Test' }).count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await expectNoAxeViolations(page);
  });
});
