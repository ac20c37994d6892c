import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser, logInInBrowser, viaMenu } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { addTestUser, testPassword } from '../../../test/support/auth.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { addDays } from '../../core/meetings/publicNotice.ts';
import { today } from '../../core/calendar.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url));

/**
 * From application to decision in Chromium: the kansli saves a draft, completes and submits it on a later visit,
 * gives the notice with the application on the agenda and writes the protocol; each named justerare justerar
 * with the button only they see; the application is beviljad and the public anslagstavla lists the protocol.
 * axe (WCAG 2.1 AA) on every page.
 */
describe.skipIf(!browserAvailable)('applications, meetings and justering in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let kansli: Page;
  let fid: number;
  let applicationUrl: string;
  let meetingUrl: string;
  beforeAll(async () => {
    server = await startTestServer();
    fid = (await importReferenceFile(server.db, fixture, { id: 'test' })).federationId;
    await addTestUser(server.db, { email: 'kansli@forbund.se', federationId: fid, role: 'kansli' });
    for (const who of ['bo', 'dan', 'eva']) await addTestUser(server.db, { email: `${who}@forbund.se`, federationId: fid, role: 'styrelse' });
    browser = await launchBrowser();
    kansli = await logInInBrowser(browser, server.url, 'kansli@forbund.se', 1280, testPassword);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('saves an application as a draft and submits it on a later visit', async () => {
    await kansli.goto(`${server.url}/f/${fid}`);
    await viaMenu(kansli, 'Ansökningar', 1280);
    await expectNoAxeViolations(kansli);
    await kansli.getByRole('link', { name: 'Ny ansökan' }).click();
    await kansli.getByLabel('Rubrik').fill('Arbetsträning i samverkan');
    await kansli.getByRole('button', { name: 'Spara utkast' }).click();
    await kansli.waitForURL(/sparat=application/);
    applicationUrl = kansli.url().replace(/\?.*$/, '');
    expect(await kansli.getByText('Status:').locator('..').textContent()).toContain('Utkast');
    await expectNoAxeViolations(kansli);

    await kansli.goto(applicationUrl);
    await kansli.getByLabel('Ägande medlem').selectOption({ index: 1 });
    await kansli.getByLabel('Nivå').selectOption('individual');
    await kansli.getByLabel('Periodens början').fill('2027-01-01');
    await kansli.getByLabel('Periodens slut').fill('2027-12-31');
    await kansli.getByLabel('Problem').fill('Långa tider utan stöd.');
    await kansli.getByLabel('Målgrupp').fill('Vuxna 20–64 år');
    await kansli.getByLabel('Mål', { exact: true }).fill('Fler i arbete');
    await kansli.getByLabel('Uppföljning', { exact: true }).fill('Indikatorer och enkät.');
    await kansli.getByLabel('Budget per år').fill('2027: 400 000');
    await kansli.getByRole('button', { name: 'Skicka in ansökan' }).click();
    await kansli.waitForURL(/sparat=application-submitted/);
    expect(await kansli.getByText('Status:').locator('..').textContent()).toContain('Inkommen');
    await expectNoAxeViolations(kansli);
    // Beredning: a comment from the preparation group, then the status the applicant sees.
    await kansli.getByLabel('Kommentar', { exact: true }).fill('Beredningsgruppen tillstyrker.');
    await kansli.getByRole('button', { name: 'Lägg till kommentaren' }).click();
    await kansli.waitForURL(/sparat=application/);
    expect(await kansli.getByRole('main').textContent()).toContain('kansli@forbund.se: Beredningsgruppen tillstyrker.');
    await kansli.getByLabel('Ny status').selectOption('under_beredning');
    await kansli.getByRole('button', { name: 'Ändra status' }).click();
    await kansli.waitForURL(/sparat=application/);
    expect(await kansli.getByText('Status:').locator('..').textContent()).toContain('Under beredning');
    await expectNoAxeViolations(kansli);
  });

  it('gives the notice and writes the protocol; only the named justerare justerar', async () => {
    await kansli.goto(`${server.url}/f/${fid}/moten`);
    await kansli.getByLabel('Datum för sammanträdet').fill(addDays(today(), 5));
    await kansli.getByLabel(/Arbetsträning i samverkan/).check();
    await kansli.getByLabel('Övriga ärenden').fill('Ekonomisk uppföljning');
    await kansli.getByRole('button', { name: 'Spara kallelsen' }).click();
    await kansli.waitForURL(/sparat=notice/);
    meetingUrl = kansli.url().replace(/\?.*$/, '');
    await expectNoAxeViolations(kansli);
    await kansli.getByLabel('Närvarande').fill('Anna Ordförande\nBo Ledamot\nDan Ledamot');
    await kansli.getByLabel('Ordförande', { exact: true }).fill('Anna Ordförande');
    await kansli.getByLabel('Sekreterare').fill('Cecilia Sekreterare');
    await kansli.getByLabel('Justerare 1 (e-postadress)').fill('bo@forbund.se');
    await kansli.getByLabel('Justerare 2 (e-postadress)').fill('dan@forbund.se');
    await kansli.getByRole('group', { name: /§ 1/ }).getByLabel('Beslut').fill('beviljas');
    await kansli.getByRole('group', { name: /§ 2/ }).getByLabel('Beslut').fill('Informationen läggs till handlingarna.');
    await kansli.getByRole('button', { name: 'Spara protokollet' }).click();
    await kansli.waitForURL(/sparat=minutes/);
    await expectNoAxeViolations(kansli);

    const eva = await logInInBrowser(browser, server.url, 'eva@forbund.se', 390, testPassword);
    await eva.goto(meetingUrl);
    expect(await eva.getByRole('button', { name: 'Justera protokollet' }).count()).toBe(0);
    for (const who of ['bo', 'dan']) {
      const p = await logInInBrowser(browser, server.url, `${who}@forbund.se`, 390, testPassword);
      await p.goto(meetingUrl);
      await expectNoAxeViolations(p);
      await p.getByRole('button', { name: 'Justera protokollet' }).click();
      await p.waitForURL(/sparat=approved/);
      expect(await p.getByRole('button', { name: 'Justera protokollet' }).count()).toBe(0);
    }
    await kansli.goto(applicationUrl);
    expect(await kansli.getByText('Status:').locator('..').textContent()).toContain('Beviljad');
    expect(await kansli.getByRole('main').textContent()).toContain('400');

    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto(`${server.url}/katalog/${fid}/anslag`);
    expect(await visitor.getByRole('table', { name: 'Anslagna just nu' }).textContent()).toContain(addDays(today(), 21));
    await expectNoAxeViolations(visitor);
  }, 120_000);
});
