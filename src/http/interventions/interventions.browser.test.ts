import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { createIntervention } from '../../services/interventions/interventions.ts';
import { registerParticipation } from '../../services/interventions/participations.ts';

describe.skipIf(!browserAvailable)('a team member records participants in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  let team: number;
  beforeAll(async () => {
    server = await startTestServer();
    [{ id: fid }] = (await server.db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id")) as [{ id: number }];
    await server.db.query("insert into member (federation_id, name, kind) values ($1, 'Sala kommun', 'municipality')", [fid]);
    const actor = { id: 'setup' };
    team = await createIntervention(server.db, fid, { name: 'Samordningsteam Sala', kind: 'individual', periodStart: '2024-01-01' }, actor);
    // Five women and three men already in the team since 2024.
    for (const gender of ['woman', 'woman', 'woman', 'woman', 'woman', 'man', 'man', 'man']) {
      await registerParticipation(server.db, fid, team, { gender, ageBand: '30-39', supportBefore: 'income_support', supportDuration: 'gt4', education: 'compulsory', startDate: '2024-05-01' }, actor);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The published cells of the row "Aktiva"/"Avslutade" of the gender table, as shown. */
  async function genderRow(page: Page, row: string): Promise<string[]> {
    return page.locator('#t-flowByGender tbody tr', { has: page.locator(`th:text-is("${row}")`) }).locator('td').evaluateAll((tds) => tds.map((td) => td.childNodes[0]?.textContent?.trim() ?? ''));
  }

  it('registers a participant, closes the participation and sees the statistics update with suppression', async () => {
    const page = await (await browser.newContext()).newPage();
    const stats = `${server.url}/f/${fid}/insatser/${team}/statistik?ar=2025`;

    await page.goto(stats);
    // Kvinna, Man, Annat, Uppgift saknas, Totalt: the 3 men are hidden, and so is the smallest other non-zero
    // cell (the 5 women) — else 8 − 5 would give them away; the total stays.
    expect(await genderRow(page, 'Aktiva')).toEqual(['–', '–', '0', '0', '8']);
    await expectNoAxeViolations(page);

    await page.goto(`${server.url}/f/${fid}/insatser/${team}/deltagare`);
    await expectNoAxeViolations(page);
    await page.getByLabel('Kön', { exact: true }).selectOption({ label: 'Man' });
    await page.getByLabel('Åldersgrupp vid start', { exact: true }).selectOption({ label: '25–29 år' });
    await page.getByLabel('Huvudsaklig försörjning före start', { exact: true }).selectOption({ label: 'Sjukpenning' });
    await page.getByLabel('Tid med offentlig försörjning', { exact: true }).selectOption({ label: '1–2 år' });
    await page.getByLabel('Högsta slutförda utbildning', { exact: true }).selectOption({ label: 'Gymnasieskola' });
    await page.getByLabel(/^Startdatum/).fill('2025-02-03');
    await page.getByRole('button', { name: 'Registrera deltagare' }).click();
    const status = page.getByRole('status');
    await expect.poll(() => status.textContent()).toContain('registrerad med koden');
    const code = (await status.locator('strong').textContent())!;
    expect(code).toMatch(/^D-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: `Avsluta deltagande ${code}` }).click();
    await page.getByLabel(/^Slutdatum/).fill('2025-10-31');
    await page.getByLabel('Avslutsorsak', { exact: true }).selectOption({ label: 'Arbete' });
    await page.getByLabel('Huvudsaklig försörjning efter').selectOption({ label: 'Lön' });
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Avsluta deltagandet' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(`Deltagandet ${code} är avslutat`);

    await page.goto(stats);
    // Now 5 women and 4 men active: still both hidden, the total is 9.
    expect(await genderRow(page, 'Aktiva')).toEqual(['–', '–', '0', '0', '9']);
    // One man ended: hidden, and the row total (1) with it.
    expect(await genderRow(page, 'Avslutade')).toEqual(['0', '–', '0', '0', '–']);
    expect(await page.locator('.suppression-note').textContent()).toContain('färre än 5 personer');
    expect(await page.locator('svg[role="img"] title').first().textContent()).toBe('Aktiva deltagare per år');
    await expectNoAxeViolations(page);
  });

  it('the kansli pages (interventions, one intervention with its forms, förbund statistics) pass axe', async () => {
    const page = await (await browser.newContext()).newPage();
    for (const path of [`/f/${fid}/insatser`, `/f/${fid}/insatser/${team}`, `/f/${fid}/statistik?ar=2025`, `/f/${fid}/strukturaktiviteter?ar=2025`]) {
      await page.goto(server.url + path);
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expectNoAxeViolations(page);
    }
  });
});
