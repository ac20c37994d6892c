import { defineConfig } from 'vitest/config';

// Three kinds of test, by file name, each beside the code it tests:
//   *.test.ts          pure (domain core, parsers, formatting) — no database, no browser
//   *.db.test.ts       against a real database: embedded PGlite, or the server named by DATABASE_URL
//   *.browser.test.ts  the web UI in headless Chromium, with axe
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.db.test.ts', '**/*.browser.test.ts', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.ts', 'test/**/*.browser.test.ts'],
          globalSetup: ['test/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxConcurrency: 1,
        },
      },
    ],
    pool: 'forks',
    // Tests sign in with a password alone: the second-factor policy (SAMORDNA_MFA_REQUIRED, default admin,kansli)
    // is off here, and the tests of the second factor (src/http/auth/secondFactor.db.test.ts) set it themselves.
    // Accounts that have enrolled TOTP still need their code; production keeps the default.
    env: { SAMORDNA_MFA_REQUIRED: 'none' },
    setupFiles: ['test/support/fastCheck.ts'],
  },
});
