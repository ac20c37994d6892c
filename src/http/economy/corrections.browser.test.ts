import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectLayoutFits, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { addBudgetRevision } from '../../services/economy/budget.ts';
import { addMapping } from '../../services/ledger/mapping.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));

/**
 * The correction pages (budget line, tilläggsbudget, account mapping) and the outcome file's preview in
 * Chromium over the reference förbund: each passes axe (WCAG 2.1 AA) and fits at 1280 and 390 px, and the
 * forms work with the keyboard and without JavaScript.
 */
describe.skipIf(!browserAvailable)('economy correction pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  let fid: number;
  let lines: { id: number; label: string }[];
  let revisionId: number;
  let mappingId: number;
  beforeAll(async () => {
    server = await startTestServer();
    fid = (await importReferenceFile(server.db, fixture, { id: 'test' })).federationId;
    lines = await server.db.query<{ id: number; label: string }>("select id, label from budget_line where federation_id = $1 and section = 'structural' order by id", [fid]);
    revisionId = await addBudgetRevision(server.db, fid, 2025, { decidedOn: '2025-06-10', decision: 'Tilläggsbudget, styrelsemöte 2025-06-10 § 7', lines: [{ lineId: lines[0]!.id, incomeOre: 0, costOre: 1_234_550 }] }, { id: 'test' });
    mappingId = await addMapping(server.db, fid, { budgetLineId: lines[0]!.id, accounts: '4000-4999', object: '' }, { id: 'test' });
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const checkWidths = async (path: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}${path}`);
      await expectNoAxeViolations(page);
      await expectLayoutFits(page, width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  it('the tilläggsbudget page shows the amounts as typed (12 345,50 kr) and the mapping page the range; both pass axe', async () => {
    await checkWidths(`/f/${fid}/ar/2025/budget/tillaggsbudget/${revisionId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ändra tilläggsbudget 2025-06-10 (2025)');
    // 1 234 550 öre = 12 345,50 kr, written as the form takes it back (plain spaces).
    expect(await page.getByLabel(`${lines[0]!.label}: kostnad`).inputValue()).toBe('12 345,50');
    await checkWidths(`/f/${fid}/ledger/mapping/${mappingId}`);
    expect(await page.getByLabel('Konton').inputValue()).toBe('4000-4999');
  });

  it('renames a budget line with the keyboard; the page passes axe at both widths', async () => {
    const line = lines[1]!;
    await checkWidths(`/f/${fid}/budgetposter/${line.id}?ar=2025`);
    expect(await page.getByRole('link', { name: 'Tillbaka till budgeten' }).getAttribute('href')).toBe(`/f/${fid}/ar/2025/budget`);
    await page.locator('#f-label').fill(`${line.label} (nytt namn)`);
    await page.locator('#f-label').press('Enter');
    await page.waitForURL(/sparat=line-changed/);
    expect(await page.getByRole('status').textContent()).toBe('Budgetposten är ändrad.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Budgetpost: ${line.label} (nytt namn)`);
    await expectNoAxeViolations(page);
  });

  it('previews an outcome file, then reads it in on confirmation', async () => {
    await page.goto(`${server.url}/f/${fid}/ar/2025/utfall`);
    const line = lines[2]!;
    const csv = `år;avsnitt;budgetpost;månad;intäkt;kostnad\n2025;Strukturpåverkande insatser;${line.label};7;;4 321\n`;
    await page.getByLabel('Utfallsfil (XLSX eller CSV)').setInputFiles({ name: 'juli.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Läs in filen' }).click();
    await page.waitForURL(/\/utfall\/fil$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Förhandsgranska utfallsfilen juli.csv');
    const change = page.getByRole('table', { name: /Ändringar från juli.csv/ }).getByRole('row', { name: new RegExp(line.label) });
    expect((await change.textContent())?.replace(/\u00a0/g, ' ')).toContain('juli');
    expect((await change.textContent())?.replace(/\u00a0/g, ' ')).toContain('0 / −4 321');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 900 });
    await expectLayoutFits(page, 390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Läs in utfallet' }).click();
    await page.waitForURL(/sparat=outcome-import/);
    expect(await page.getByRole('status').textContent()).toBe('Filen är inläst.');
  });
});
