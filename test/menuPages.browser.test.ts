import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectLayoutFits, expectNoAxeViolations, launchBrowser, logInInBrowser } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { testPassword } from './support/auth.ts';
import { menuLinks, seedRoleWorld, type RoleWorld } from './support/roles.ts';

/**
 * Every page in every role's menu, opened in Chromium at 1280 px and at 390 px: answers 200, axe-clean, no
 * console errors, nothing wider than the screen outside a table's own scroll box. Screenshots of every page go
 * to SAMORDNA_SCREENSHOTS (a directory) when it is set, for a person to look at.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

const shots = process.env.SAMORDNA_SCREENSHOTS;
const roles = ['kansli', 'styrelse', 'insats', 'revisor', 'national', 'admin'] as const;

describe.skipIf(!browserAvailable)('every menu page of every role, at 1280 and 390 px', () => {
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

  for (const role of roles) {
    it(`${role}: every menu page`, async () => {
      for (const width of [1280, 390]) {
        const page = await logInInBrowser(browser, server.url, w.users[role], width, testPassword);
        const links = menuLinks(await page.content());
        expect(links.length, `${role} has a menu`).toBeGreaterThan(0);
        for (const [i, link] of links.entries()) {
          const response = await page.goto(`${server.url}${link.href}`);
          expect(response?.status(), `${role} ${link.label} (${link.href})`).toBe(200);
          await page.waitForLoadState('load');
          if (shots) await page.screenshot({ path: `${shots}/${role}-${width}-${String(i).padStart(2, '0')}.png`, fullPage: true });
          await expectNoAxeViolations(page);
          await expectLayoutFits(page, width);
        }
        await page.context().close();
      }
    }, 300_000);
  }
});
