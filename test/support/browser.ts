import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Playwright gives every launch a fresh temporary profile. Debian's Chromium, or null when none is installed (the browser tests then say so and skip, except in CI). */
export function findChromium(): string | null {
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export const browserAvailable = findChromium() !== null;
if (!browserAvailable) {
  const msg = 'Ingen Chromium hittades (apt-get install chromium): webbläsartesterna hoppas över.';
  if (process.env.CI || process.env.SAMORDNA_REQUIRE_BROWSER) throw new Error(msg);
  console.warn(msg);
}

/**
 * Console errors (and uncaught page errors, and what the Content-Security-Policy blocks, which Chromium
 * reports as console errors) of every page of every context of a browser from launchBrowser(). Every
 * expectNoAxeViolations() also expects none, so each browser test checks each page it checks with axe.
 */
const consoleErrors = new WeakMap<Page, string[]>();

function trackConsole(page: Page): void {
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // A page a test opens on purpose with an error status (403, 404, 400 after a refused form) is not a
    // console error of the page; any other resource that fails is.
    const where = m.location().url;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) && where.split('?')[0] === page.url().split('?')[0]) return;
    errors.push(`${m.text()} (${where})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}

/** The console errors recorded on the page so far (see trackConsole). */
export function consoleErrorsOf(page: Page): readonly string[] {
  return consoleErrors.get(page) ?? [];
}

export function expectNoConsoleErrors(page: Page): void {
  expect(consoleErrorsOf(page), `console errors on ${page.url()}`).toEqual([]);
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await launchChromium();
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    context.on('page', trackConsole);
    return context;
  };
  return browser;
}

async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Ingen Chromium hittades.');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Pages must come from browser.newContext() (axe needs it). Runs axe for WCAG 2.0/2.1 A and AA on the page and
 * fails with the violations listed; fails too on any console error the page has logged (CSP included).
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  expectNoConsoleErrors(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}

/** Nothing wider than the screen except inside a scrolling table box. */
export async function expectLayoutFits(page: Page, width: number) {
  const wide = await page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    return Array.from(document.querySelectorAll('main *, header *, nav *'))
      .filter((e) => e.getBoundingClientRect().right > limit + 1 && !e.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}px: ${(e.textContent ?? '').slice(0, 40)}`);
  });
  expect(wide, `page wider than ${width} px at ${page.url()}`).toEqual([]);
}

/** Follows a menu item; on the narrow screen the menu is folded and opened first. */
export async function viaMenu(page: Page, label: string | RegExp, width: number) {
  const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
  const link = nav.getByRole('link', { name: label, exact: typeof label === 'string' });
  if (width < 500) {
    expect(await link.isVisible()).toBe(false);
    await nav.getByText('Meny').click();
  }
  await link.click();
  await page.waitForLoadState('load');
}

/** A new browser window of `width` px (a phone's height below 500 px) logged in through the login form as `email`. */
export async function logInInBrowser(browser: Browser, baseUrl: string, email: string, width: number, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForLoadState('load');
  return page;
}
