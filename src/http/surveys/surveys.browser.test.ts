import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, expectNoAxeViolations, launchBrowser } from '../../../test/support/browser.ts';
import { startTestServer } from '../../../test/support/server.ts';
import { addTestUser } from '../../../test/support/auth.ts';
import { closeRound, createRound, enterPaperAnswers } from '../../services/surveys/rounds.ts';
import { createSet } from '../../services/surveys/sets.ts';

/** Steps chosen per statement (1-based) by the respondent: answered by keyboard. */
const steps = [6, 5, 5, 4, 6, 4, 5, 5, 4, 6, 3];

async function noHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe.skipIf(!browserAvailable)('survey answer page in Chromium at 390 px, by keyboard', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let codes: readonly string[];
  beforeAll(async () => {
    server = await startTestServer();
    const [f] = await server.db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id");
    // An account exists: the visitor is anonymous, and the answer page must still work without login.
    await addTestUser(server.db, { email: 'kansli@test.se', federationId: f!.id, role: 'kansli' });
    const r = await createRound(server.db, f!.id, { set: 'insatspersonal-v1', year: 2025, group: 'insatspersonal', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 2 }, { id: 'test' });
    codes = r.codes;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const phone = async () => (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();

  /** Tabs into statement i's radio group (focus lands on its first radio) and picks step s with the arrow keys. */
  async function answer(page: Page, field: string, step: number | null): Promise<void> {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(field);
    if (step === null) return; // leaves it unanswered
    await page.keyboard.press('Space');
    for (let i = 1; i < step; i++) await page.keyboard.press('ArrowDown');
  }

  it('answers by keyboard; a missing answer is named and the others kept; "Tack"; a second submission is refused', async () => {
    const page = await phone();
    const other = await phone(); // the same code opened twice
    await page.goto(server.url + codes[0]);
    await other.goto(server.url + codes[0]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Indikatorer FINSAM – insatspersonal');
    // Every statement is a group named by its legend, its radios in scale order.
    const group = page.getByRole('group', { name: '1. Stödet får ta den tid som behövs' });
    expect(await group.getByRole('radio').evaluateAll((els) => els.map((e) => e.parentElement!.textContent!.trim()))).toEqual(['Aldrig', 'Sällan', 'Ibland', 'Ofta', 'För det mesta', 'Alltid', 'Vet inte / vill inte svara']);
    await expectNoAxeViolations(page);
    await noHorizontalScroll(page);

    // Skip link, brand link, then the statements; statement 3 is left unanswered.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    for (let i = 0; i < 11; i++) await answer(page, `q${i + 1}`, i === 2 ? null : steps[i]!);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skicka svaren');
    await page.keyboard.press('Enter');
    await page.waitForLoadState();
    expect(await page.getByRole('alert').textContent()).toContain('Svar saknas: välj ett svar på "Samverkansparter lyssnar på mig"');
    expect(await page.getByRole('radio', { name: 'Alltid' }).first().isChecked()).toBe(true); // q1 kept
    await expectNoAxeViolations(page);
    await noHorizontalScroll(page);

    // The error links to the statement; answer it by keyboard and send.
    await page.getByRole('link', { name: /Samverkansparter lyssnar på mig/ }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    for (let i = 1; i < steps[2]!; i++) await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q3');
    await page.getByRole('button', { name: 'Skicka svaren' }).focus();
    await page.keyboard.press('Enter');
    // The heading exists on both pages: wait for the answer page to be replaced, not just for a load state.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tack!');
    await expectNoAxeViolations(page);

    const stored = await server.db.query<{ statement: string; step: number }>(
      'select s.key as statement, a.step from survey_answer a join survey_statement s on s.id = a.statement_id order by s.position',
    );
    expect(stored.map((r) => r.step + 1)).toEqual(steps);

    // The second tab still has the form: its submission is refused.
    await other.getByRole('group', { name: /^1\./ }).getByRole('radio', { name: 'Aldrig' }).check();
    await other.getByRole('button', { name: 'Skicka svaren' }).press('Enter');
    await other.waitForLoadState();
    expect(await other.getByRole('alert').textContent()).toContain('har redan använts');
    await expectNoAxeViolations(other);
    const [n] = await server.db.query<{ n: number }>('select count(*)::int as n from survey_response');
    expect(n!.n).toBe(1);
  }, 120_000);
});

describe.skipIf(!browserAvailable)('the kansli’s survey pages in Chromium (1280 px and 390 px)', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let fid: number;
  let roundId: number;
  beforeAll(async () => {
    server = await startTestServer(); // no accounts: the local administrator
    const [f] = await server.db.query<{ id: number }>("insert into federation (name) values ('Samordningsförbundet Test') returning id");
    fid = f!.id;
    await createSet(server.db, fid, { name: 'Egna frågor', group: 'insatspersonal', kind: 'local', statements: [{ indicator: '', text: 'Lokalen fungerar bra', scale: ['Nej', 'Delvis', 'Ja'] }], freeTextPrompt: 'Något mer?' }, { id: 'test' });
    const r = await createRound(server.db, fid, { set: 'insatspersonal-v1', localSet: 'egna-fragor-v1', year: 2025, group: 'insatspersonal', opensOn: '2025-01-01', closesOn: '2099-12-31', openLink: true, codes: 1 }, { id: 'test' });
    roundId = r.round.id;
    for (let i = 0; i < 6; i++) {
      const fields: Record<string, string> = Object.fromEntries(steps.map((s, k) => [`q${k + 1}`, String(((s + i) % 6) + 1)]));
      fields['lokal-q1'] = String((i % 3) + 1);
      await enterPaperAnswers(server.db, fid, roundId, fields, { id: 'test', federationId: fid });
    }
    // Results are shown once the round is published: the kansli closes it.
    await closeRound(server.db, fid, roundId, { id: 'test', federationId: fid });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const width of [1280, 390]) {
    it(`rounds, sets, round, poster, paper entry and results pass axe at ${width} px`, async () => {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      for (const path of ['/enkater', '/enkater/fragor', `/enkater/${roundId}`, `/enkater/${roundId}/affisch`, `/enkater/${roundId}/papper`, `/enkater/${roundId}/resultat`, '/enkater/jamforelse?ar=2025']) {
        const res = await page.goto(`${server.url}/f/${fid}${path}`);
        expect(res?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
        if (width === 390) {
          const wide = await page.evaluate(() =>
            Array.from(document.querySelectorAll("main *")).filter((e) => e.getBoundingClientRect().right > 400 && !e.closest('.table-scroll')).map((e) => e.tagName + '.' + e.className).slice(0, 5),
          );
          expect(wide, path).toEqual([]);
        }
      }
      await page.goto(`${server.url}/f/${fid}/enkater/${roundId}/resultat`);
      expect(await page.locator('svg.stacked-chart[role="img"]').count()).toBeGreaterThan(11);
      expect(await page.getByRole('heading', { name: 'Förbundets egna frågor' }).count()).toBe(1);
    }, 120_000);
  }
});
