import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, expectNoConsoleErrors, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { addGrant, createIntervention } from '../../services/interventions/interventions.ts';

describe.skipIf(!browserAvailable)('the kansli corrects a requisition in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    server = await startTestServer();
    fid = (await server.db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id"))[0]!.id;
    const actor = { id: 'setup' };
    team = await createIntervention(server.db, fid, { name: 'Samordningsteam Sala', kind: 'individual', periodStart: '2025-01-01' }, actor);
    await addGrant(server.db, fid, team, { year: 2025, decided: '1 000 000', decisionDate: '2024-11-20', reference: 'Dnr 2024/17' }, actor);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    it(`a refused requisition keeps what was typed beside the message, then it is corrected (${width} px)`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      // Console and CSP errors are checked with every axe run (test/support/browser.ts); no answer may be a 5xx.
      const errors: string[] = [];
      page.on('response', (r) => {
        if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${server.url}/f/${fid}/insatser/${team}?ar=2025`);
      const form = page.getByRole('form', { name: 'Rekvisition' });
      await form.getByLabel('Datum').fill('2025-03-31');
      await form.getByLabel('Belopp').fill('1 200 000');
      await form.getByLabel('Anteckning').fill(`Kvartal 1 (${width})`);
      await form.getByRole('button', { name: 'Spara rekvisition' }).click();

      // Refused: the same page, the amount still typed, the message beside it and in the summary.
      const again = page.getByRole('form', { name: 'Rekvisition' });
      await expect.poll(() => again.getByLabel('Belopp').inputValue()).toBe('1 200 000');
      expect(await again.getByLabel('Anteckning').inputValue()).toBe(`Kvartal 1 (${width})`);
      expect(await again.locator('#f-amount-error').textContent()).toContain('mer än beslutade medel');
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Det finns fel i formuläret');
      await expectNoAxeViolations(page);

      await again.getByLabel('Belopp').fill('250 000');
      await again.getByRole('button', { name: 'Spara rekvisition' }).click();
      await page.getByRole('link', { name: 'Ändra rekvisitionen 2025-03-31' }).last().click();
      await expectNoAxeViolations(page);
      const edit = page.getByRole('form', { name: 'Ändra rekvisitionen' });
      expect(await edit.getByLabel('Belopp').inputValue()).toBe('250000');
      await edit.getByLabel('Belopp').fill('240 000');
      await edit.getByRole('button', { name: 'Spara ändringen' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Ändringen är sparad.');
      await expectNoAxeViolations(page);

      // And removed again.
      await page.getByRole('link', { name: 'Ändra rekvisitionen 2025-03-31' }).last().click();
      // Asked first (issue 28): the box must be ticked; the confirmation names what went.
      await page.getByLabel(/^Ja, ta bort rekvisitionen/).check();
      await page.getByRole('button', { name: 'Ta bort rekvisitionen' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toContain('Du har tagit bort rekvisitionen i');
      expectNoConsoleErrors(page);
      expect(errors).toEqual([]);
    });
  }
});
