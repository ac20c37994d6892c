import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectLayoutFits, expectNoAxeViolations, launchBrowser, logInInBrowser } from './support/browser.ts';
import { startTestServer } from './support/server.ts';
import { testPassword } from './support/auth.ts';
import { seedRoleWorld, type RoleWorld } from './support/roles.ts';
import { addBoardMember, addDecisionItem, addMeeting } from '../src/services/reports/board.ts';
import { registerParticipation } from '../src/services/interventions/participations.ts';
import { today } from '../src/core/calendar.ts';

/**
 * At 390 px (issue 28): the participant list's actions are on screen without scrolling the table sideways, long
 * headings wrap instead of widening the page, and the pages this issue changed (grouped menu, the board member's
 * next meeting, removals that ask first) fit the screen and pass axe. Also at 1280 px.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

/** A name with a long Swedish compound, longer than a 390 px screen at a heading's size. */
const longName = 'Arbetslivsinriktadrehabiliteringssamverkansinsatsen för unga vuxna i Västmanlands län';

/** The page is no wider than the screen: the document does not scroll sideways. */
async function noHorizontalOverflow(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(client);
}

/** The element is inside the viewport as the page opens: no sideways scrolling of the page or a table needed. */
async function withinViewport(page: Page, selector: ReturnType<Page['locator']>, width: number) {
  const box = await selector.boundingBox();
  expect(box, 'element is rendered').not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

describe.skipIf(!browserAvailable)('at 390 px and 1280 px: actions on screen, headings wrap', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let w: RoleWorld;

  beforeAll(async () => {
    server = await startTestServer();
    w = await seedRoleWorld(server.db);
    const actor = { id: 'test' };
    await server.db.query('update intervention set name = $3 where federation_id = $1 and id = $2', [w.federationId, w.ownInterventionId, longName]);
    for (const gender of ['woman', 'man']) {
      await registerParticipation(server.db, w.federationId, w.ownInterventionId, { gender, ageBand: '30-39', supportBefore: 'income_support', supportDuration: 'gt4', education: 'compulsory', startDate: '2025-05-01' }, actor);
    }
    const soon = new Date(Date.parse(`${today()}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const meeting = await addMeeting(server.db, w.federationId, { date: soon, note: '' }, actor);
    await addDecisionItem(server.db, w.federationId, meeting, { title: 'Verksamhetsplanen och budgetförutsättningarna för kommande treårsperiod', body: '', proposal: 'Styrelsen fastställer verksamhetsplanen.' }, actor);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [390, 1280]) {
    it(`${width} px: the participant list's actions are on screen and its long heading wraps`, async () => {
      const page = await logInInBrowser(browser, server.url, w.users.insats, width, testPassword);
      await page.goto(`${server.url}/f/${w.federationId}/insatser/${w.ownInterventionId}/deltagare`);
      await noHorizontalOverflow(page);
      await expectLayoutFits(page, width);
      await withinViewport(page, page.locator('h1'), width);
      const rows = page.locator('table').first().locator('tbody tr');
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      for (const name of [/^Avsluta deltagande D-/, /^Ändra deltagande D-/]) {
        const link = page.getByRole('link', { name }).first();
        await withinViewport(page, link, width);
      }
      await expectNoAxeViolations(page);
      // The action works from there: it opens the closing page of that participation.
      await page.getByRole('link', { name: /^Avsluta deltagande D-/ }).first().click();
      await page.waitForLoadState('load');
      expect(await page.locator('h1').textContent()).toMatch(/^Avsluta deltagande D-/);
      await noHorizontalOverflow(page);
      await page.goto(`${server.url}/f/${w.federationId}/insatser/${w.ownInterventionId}`);
      await noHorizontalOverflow(page);
      await withinViewport(page, page.locator('h1'), width);
      await page.context().close();
    }, 120_000);

    it(`${width} px: the board member's start page with the next meeting, and the grouped menu by keyboard`, async () => {
      const page = await logInInBrowser(browser, server.url, w.users.styrelse, width, testPassword);
      expect(new URL(page.url()).pathname).toBe(`/f/${w.federationId}`);
      await expect.poll(() => page.getByRole('heading', { name: /^Nästa styrelsemöte: / }).count()).toBe(1);
      await noHorizontalOverflow(page);
      await expectLayoutFits(page, width);
      await expectNoAxeViolations(page);
      const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
      const budget = nav.getByRole('link', { name: 'Budget', exact: true });
      if (width < 500) {
        // Folded: Tab reaches "Meny", Enter opens it, Tab reaches the items.
        expect(await budget.isVisible()).toBe(false);
        await nav.locator('summary').focus();
        await page.keyboard.press('Enter');
      }
      expect(await budget.isVisible()).toBe(true);
      await withinViewport(page, nav.getByText('Styrning', { exact: true }), width);
      await noHorizontalOverflow(page);
      await budget.focus();
      await Promise.all([page.waitForURL(/\/budget$/), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).pathname).toMatch(/\/ar\/\d{4}\/budget$/);
      await page.context().close();
    }, 120_000);

    it(`${width} px: a removal asks first, on screen, and says what was removed`, async () => {
      const name = `Anna Andersson ${width}`;
      await addBoardMember(server.db, w.federationId, { name, seat: 'ledamot', position: 'none', memberId: '', termStart: '2025-01-01', termEnd: '' }, { id: 'test' });
      const page = await logInInBrowser(browser, server.url, w.users.kansli, width, testPassword);
      await page.goto(`${server.url}/f/${w.federationId}/styrelse`);
      await noHorizontalOverflow(page);
      const row = page.locator('details.remove-row', { hasText: name });
      await row.locator('summary').click();
      await withinViewport(page, row.getByRole('button', { name: `Ta bort ledamoten ${name}` }), width);
      await noHorizontalOverflow(page);
      await expectNoAxeViolations(page);
      // Unticked, the browser does not send the form (the box is required): nothing happens.
      await row.getByRole('button', { name: `Ta bort ledamoten ${name}` }).click();
      expect(await page.getByRole('status').count()).toBe(0);
      await row.getByLabel(`Ja, ta bort ledamoten ${name}`).check();
      await row.getByRole('button', { name: `Ta bort ledamoten ${name}` }).click();
      await page.waitForLoadState('load');
      await expect.poll(() => page.getByRole('status').textContent()).toContain(`Du har tagit bort ledamoten ${name}.`);
      await expectNoAxeViolations(page);
      await page.context().close();
    }, 120_000);
  }
});
