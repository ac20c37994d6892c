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

export async function launchBrowser(): Promise<Browser> {
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

/** Pages must come from browser.newContext() (axe needs it). Runs axe for WCAG 2.0/2.1 A and AA on the page and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary).toEqual([]);
}
