import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));

/**
 * The kansli writes the annual report in Chromium: a chapter text saved, a text with HTML refused with a
 * Swedish message, the board register, the report marked ready, adopted and then locked; axe (WCAG 2.1 AA) on
 * every page, at 1280 px and at 390 px.
 */
describe.skipIf(!browserAvailable)('annual report pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  let fid: number;
  beforeAll(async () => {
    server = await startTestServer();
    fid = (await importReferenceFile(server.db, fixture, { id: 'test' })).federationId;
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the annual report from the menu and lists the chapters', async () => {
    await page.goto(`${server.url}/f/${fid}`);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årsredovisning och rapporter' }).click();
    await page.goto(`${server.url}/f/${fid}/arsredovisning?ar=2025`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Årsredovisning 2025');
    expect(await page.getByRole('table', { name: /Årsredovisningens avsnitt 2025/ }).getByRole('row').count()).toBeGreaterThan(20);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 800 });
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('saves a chapter text and refuses one with HTML, in Swedish', async () => {
    await page.getByRole('link', { name: 'Skriv Ordförande har ordet' }).click();
    await page.waitForURL(/\/text\/chair$/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Text', { exact: true }).fill('Hej <script>alert(1)</script>');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Texten innehåller HTML');
    await expectNoAxeViolations(page);
    await page.getByLabel('Text', { exact: true }).fill('Med **stolthet** ser jag tillbaka på året.\n\n- Samverkan\n- Hälsa');
    await page.getByRole('button', { name: 'Spara ny version' }).click();
    await page.waitForURL(/sparat=text/);
    expect(await page.getByRole('status').textContent()).toBe('Texten är sparad som en ny version.');
    expect(await page.getByRole('row', { name: /Ordförande har ordet/ }).textContent()).toContain('Version 1');
    await page.goto(`${server.url}/f/${fid}/arsredovisning/2025/text/chair`);
    await page.getByText(/^Version 1:/).click();
    expect(await page.locator('pre.markup-source').first().textContent()).toContain('Med **stolthet**');
    await expectNoAxeViolations(page);
  });

  it('registers the board and a meeting', async () => {
    await page.goto(`${server.url}/f/${fid}/styrelse`);
    await page.getByLabel('Namn', { exact: true }).first().fill('Shpetim Pirraku');
    await page.getByLabel('Uppdrag').selectOption('ordforande');
    await page.getByLabel('Från (ÅÅÅÅ-MM-DD)').first().fill('2023-01-01');
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.waitForURL(/sparat=board/);
    expect(await page.getByRole('table', { name: 'Ledamöter och ersättare' }).textContent()).toContain('Shpetim Pirraku');
    // A refused auditor comes back in its own form: what was typed kept, the message beside the field, the
    // summary's link leading to that field.
    const auditorForm = page.getByRole('form', { name: 'Lägg till revisor' });
    await auditorForm.getByLabel('Namn').fill('Rolf Revisor');
    await auditorForm.getByLabel('Från (ÅÅÅÅ-MM-DD)').fill('2023-02-30');
    await auditorForm.getByRole('button', { name: 'Lägg till revisor' }).click();
    await page.waitForLoadState();
    expect(await auditorForm.getByRole('alert').textContent()).toContain('Uppdragets början');
    expect(await auditorForm.getByLabel('Namn').inputValue()).toBe('Rolf Revisor');
    await auditorForm.getByRole('alert').getByRole('link').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-termStart-auditor');
    await expectNoAxeViolations(page);
    await auditorForm.getByLabel('Från (ÅÅÅÅ-MM-DD)').fill('2023-01-01');
    await auditorForm.getByRole('button', { name: 'Lägg till revisor' }).click();
    await page.waitForURL(/sparat=board/);
    expect(await page.getByText(/^Rolf Revisor/).count()).toBe(1);
    await page.getByLabel('Datum (ÅÅÅÅ-MM-DD)').fill('2025-05-14');
    await page.getByRole('button', { name: 'Lägg till möte' }).click();
    await page.waitForURL(/sparat=board/);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: '2025-05-14' }).click();
    await page.getByLabel('Rubrik').fill('Tilläggsbudget 2025');
    await page.getByLabel('Förslag till beslut').fill('Styrelsen beslutar om tilläggsbudget.');
    await page.getByRole('button', { name: 'Lägg till ärende' }).click();
    await page.waitForURL(/sparat=item/);
    await expectNoAxeViolations(page);
  });

  it('marks the report ready, adopts it, and it is locked', async () => {
    await page.goto(`${server.url}/f/${fid}/arsredovisning?ar=2025`);
    await page.getByRole('button', { name: 'Markera som klar för styrelsen' }).click();
    await page.waitForURL(/sparat=status/);
    await page.getByLabel('Styrelsens beslutsdatum (ÅÅÅÅ-MM-DD)').fill('2026-03-12');
    await page.getByLabel('Paragraf i protokollet').fill('§ 12');
    await page.getByRole('button', { name: 'Fastställ och lås' }).click();
    await page.waitForURL(/sparat=report-adopted/);
    expect(await page.getByText('Årsredovisningen är låst').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Skriv Ordförande har ordet' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    // A download works from the page.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner årsredovisningen' }).click()]);
    expect(download.suggestedFilename()).toBe('arsredovisning-2025.pdf');
  });
});
