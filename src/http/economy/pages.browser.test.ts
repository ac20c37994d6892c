import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { readFileSync } from 'node:fs';
import { importReferenceFile } from '../../importers/reference/importReference.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));
const reference = JSON.parse(readFileSync(fixture, 'utf8'));
const budget2025: { section: string; label: string; cost: number }[] = reference.years.find((y: { year: number }) => y.year === 2025).budget;
const vasteras = budget2025.find((l) => l.label === 'Samordningsteam Västerås')!.cost;
const sum = (list: { cost: number }[]) => list.reduce((a, l) => a + l.cost, 0);
/** Kronor → the sv-SE grouping of the page ("21 986 899"), and tkr rounded half up (all amounts positive here). */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
const tkr = (kr: number) => grouped(Math.round(kr / 1000)).replace(/\u00a0/g, ' ');

/**
 * The board member's path through the economy pages in Chromium, over the reference (Västmanland 2024–2025)
 * loaded through the economy services: dashboard, driftredovisning, change a budget line by keyboard, and
 * see the totals and the chart change. axe checks WCAG 2.1 AA on every page visited.
 */
describe.skipIf(!browserAvailable)('economy pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let page: Page;
  let fid: number;
  beforeAll(async () => {
    server = await startTestServer();
    fid = (await importReferenceFile(server.db, fixture, { id: 'test' })).federationId;
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The chart's data table cell for Individinsatser, column Budget (tkr as printed). */
  const individualBudget = async () => (await page.locator('table.chart-data tr', { hasText: 'Individinsatser' }).locator('td').first().textContent())?.replace(/\u00a0/g, ' ');

  it('opens the dashboard: allocation, chart with a text alternative, equity over the cap', async () => {
    await page.goto(`${server.url}/f/${fid}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Översikt 2025');
    const chart = page.getByRole('img', { name: /Kostnader per avsnitt 2025/ });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('#chart-sections-desc').textContent()).toContain('Individinsatser: budget 13\u00a0842 tkr, utfall 12\u00a0399 tkr');
    expect(await individualBudget()).toBe('13 842');
    expect(await page.getByText('Det egna kapitalet (4\u00a0374\u00a0tkr) är över det rekommenderade taket').count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('opens the driftredovisning from the menu', async () => {
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Driftredovisning' }).click();
    await page.waitForURL(`**/f/${fid}/ar/2025/driftredovisning`);
    const table = page.getByRole('table', { name: /Driftredovisning 2025/ });
    expect(await table.count()).toBe(1);
    const summa = table.getByRole('row', { name: /^SUMMA/ });
    expect((await summa.locator('td').nth(4).textContent())?.replace(/\u00a0/g, ' ')).toBe('−20 986');
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/f/${fid}/ar/2025/nyckeltal`);
    await expectNoAxeViolations(page);
  });

  it('changes a budget line with the keyboard and sees the totals and the chart change', async () => {
    await page.goto(`${server.url}/f/${fid}/ar/2025/budget`);
    expect(await page.getByRole('row', { name: /^Kostnader/ }).first().textContent()).toContain(`${grouped(sum(budget2025))}\u00a0kr`);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Ändra Samordningsteam Västerås' }).click();
    await page.waitForURL(/\/budget\/post\/\d+$/);
    await expectNoAxeViolations(page);
    // Keyboard only: the skip link past the menu, Tab to the cost field, type the new amount, Enter submits the form.
    const cost = page.getByLabel('Kostnad');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 30 && !(await cost.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await cost.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('7 100 000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/budget\?sparat=budget/);
    expect(await page.getByRole('status').textContent()).toBe('Budgetposten är sparad.');
    // Total costs: the reference budget with Västerås at 7 100 000 kr instead of its budget.
    const newTotal = sum(budget2025) - vasteras + 7_100_000;
    const newIndividual = sum(budget2025.filter((l) => l.section === 'individual')) - vasteras + 7_100_000;
    expect(await page.getByRole('row', { name: /^Kostnader/ }).first().textContent()).toContain(`${grouped(newTotal)}\u00a0kr`);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/f/${fid}?ar=2025`);
    expect(await individualBudget()).toBe(tkr(newIndividual));
    expect(await page.locator('#chart-sections-desc').textContent()).toContain(`Individinsatser: budget ${tkr(newIndividual).replace(' ', '\u00a0')} tkr`);
    await page.goto(`${server.url}/f/${fid}/ar/2025/driftredovisning`);
    const summa = page.getByRole('table', { name: /Driftredovisning 2025/ }).getByRole('row', { name: /^SUMMA/ });
    expect((await summa.locator('td').nth(4).textContent())?.replace(/\u00a0/g, ' ')).toBe(`−${tkr(newTotal)}`);
  });

  it('shows form errors next to the field, linked from the summary, and passes axe', async () => {
    await page.goto(`${server.url}/f/${fid}/ar/2025/budget`);
    await page.getByRole('link', { name: 'Ändra Samordningsteam Sala' }).click();
    await page.getByLabel('Kostnad').fill('mycket');
    await page.getByLabel('Kostnad').press('Enter');
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Det finns fel i formuläret');
    expect(await page.getByLabel('Kostnad').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
  });

  it('members, allocation and outcome pages pass axe; outcome is entered with the keyboard', async () => {
    await page.goto(`${server.url}/f/${fid}/medlemmar`);
    expect(await page.getByRole('table', { name: /Medlemmar i/ }).getByRole('row', { name: /Västerås Stad/ }).textContent()).toContain('Kommun');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /Medelstilldelning 2025/ }).click();
    await page.waitForURL(`**/f/${fid}/ar/2025/medelstilldelning`);
    expect(await page.getByRole('table', { name: /Andelar per huvudman 2025/ }).textContent()).toContain('31,25\u00a0%');
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/f/${fid}/ar/2025/utfall`);
    await expectNoAxeViolations(page);
    // Keyboard: choose line and month in the selects, type the cost, Enter.
    await page.getByLabel('Budgetpost', { exact: true }).focus();
    await page.getByLabel('Budgetpost', { exact: true }).selectOption({ label: 'Utvecklingsdagar samordningsteam (Strukturpåverkande insatser)' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe('f-month');
    await page.getByLabel('Månad', { exact: true }).selectOption({ label: 'juni' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.id)).toBe('f-cost');
    await page.keyboard.type('10 000');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/utfall\?sparat=outcome/);
    expect(await page.getByRole('status').textContent()).toBe('Utfallet är sparat.');
    const row = page.getByRole('table', { name: /Utfall 2025 per budgetpost/ }).getByRole('row', { name: /^Utvecklingsdagar/ });
    // The amount, and the mark of its source (typed by hand), which links to where it came from.
    expect((await row.locator('td').nth(5).textContent())?.replace(/\u00a0/g, ' ')).toBe('−10 000 M');
    expect(await row.locator('td').nth(5).locator('abbr.source-mark').getAttribute('title')).toBe('inmatat');
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}/f/${fid}/installningar`);
    await expectNoAxeViolations(page);
  });

  it('the settings page with the statistics protection: labelled fields, axe clean at 1280 and 390 px', async () => {
    await page.goto(`${server.url}/f/${fid}/installningar`);
    expect(await page.getByLabel('Skyddsintervall för dolda tal').inputValue()).toBe('1');
    expect(await page.getByLabel('Dagar efter årets slut innan året stängs').inputValue()).toBe('31');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    expect(await page.getByLabel('Skyddsintervall för dolda tal').isVisible()).toBe(true);
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
