import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';

describe.skipIf(!browserAvailable)('ledger pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fed: number;
  let dir: string;
  beforeAll(async () => {
    server = await startTestServer();
    [{ id: fed }] = (await server.db.query<{ id: number }>("insert into federation (name, organisation_number) values ('Samordningsförbundet Test', '222000-0000') returning id")) as [{ id: number }];
    await server.db.query("insert into budget_line (federation_id, section, label) values ($1, 'individual', 'Samordningsteam Sala'), ($1, 'income', 'Medel från huvudmännen')", [fed]);
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), 'sie-browser-'));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads an SIE file through a plain form, then shows statements and mapping, all passing axe', async () => {
    // The pages ship no JavaScript (CSP script-src 'self', no scripts); axe itself needs it, so the context allows it.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/f/${fed}/ledger`);
    await expectNoAxeViolations(page);
    const file = join(dir, 'bokslut-2025.se');
    writeFileSync(file, generateSie({ transactionRows: 300 }));
    await page.getByLabel('SIE-fil (typ 1–4, .se/.si)').setInputFiles(file);
    await page.getByRole('button', { name: 'Läs in' }).click();
    expect(await page.getByRole('status').textContent()).toContain('bokslut-2025.se är inläst');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Räkenskaper' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('2025');
    const result = page.getByRole('table', { name: 'Resultaträkning (kr)' }).getByRole('row', { name: /Årets resultat/ });
    expect(await result.textContent()).toContain('345\u00a0299');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Kontokoppling' }).click();
    await expectNoAxeViolations(page);
    await page.getByLabel('Budgetpost').selectOption({ label: 'Individinsatser: Samordningsteam Sala' });
    await page.getByLabel(/^Konton/).fill('4000-7999');
    await page.getByRole('button', { name: 'Spara kopplingen' }).click();
    expect(await page.getByRole('table', { name: 'Kopplingar' }).textContent()).toContain('4000–7999');
    await expectNoAxeViolations(page);
  }, 120_000);
});
