import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { seedCatalogue } from '../../../test/support/catalogue.ts';
import { addTestUser } from '../../../test/support/auth.ts';
import { accessibilityAudit } from '../../core/records/accessibilityAudit.ts';
import { registerEntry } from '../../services/records/registry.ts';

/**
 * The audit the accessibility statement is generated from (src/core/records/accessibilityAudit.ts) is the
 * truth about its pages: axe runs on every page it lists and finds exactly the violations it states.
 */
describe.skipIf(!browserAvailable)('the accessibility statement’s audit in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  beforeAll(async () => {
    server = await startTestServer();
    ({ fid } = await seedCatalogue(server.db));
    await registerEntry(server.db, fid, { date: '2026-03-01', direction: 'in', party: 'Region Västmanland', subject: 'Utredning', secrecy: { section: '21 kap. 1 § OSL' } }, { id: 'test' });
    await registerEntry(server.db, fid, { date: '2026-03-02', direction: 'out', party: 'Sala kommun', subject: 'Svar på remiss', secrecy: null }, { id: 'test' });
    await addTestUser(server.db, { email: 'kansli@example.se', federationId: fid, role: 'kansli' });
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('axe finds on each audited public page exactly the violations the audit states, and each links the statement', async () => {
    const found: { rule: string; page: string }[] = [];
    for (const p of accessibilityAudit.pages) {
      const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await page.goto(`${server.url}${p.path.replace('ID', String(fid))}`);
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of results.violations) found.push({ rule: v.id, page: p.label });
      expect(await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).count()).toBeGreaterThan(0);
      await page.context().close();
    }
    expect(found).toEqual(accessibilityAudit.violations.map((v) => ({ rule: v.rule, page: v.page })));
  });

  it('the public registry’s request form works by keyboard without errors', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${server.url}/diarium/${fid}`);
    await page.getByLabel('Vilken handling vill du ta del av?').fill('Protokoll från mars');
    await page.getByRole('button', { name: 'Skicka begäran' }).press('Enter');
    await expect.poll(() => page.getByRole('status').textContent()).toContain('diarienummer 2026/3');
    await expectNoAxeViolations(page);
  });
});
