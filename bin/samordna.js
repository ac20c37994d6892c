#!/usr/bin/env node
// Entry point of `npx samordna …`: runs the JavaScript that `npm run build` compiled from src/ into dist/ (made by
// `npm ci` and, when missing or stale, before `npm start` and `npm test`). While src/ is newer than the build
// (during development) it runs the TypeScript source through tsx instead, so what runs is always the source.
import { buildLooksCurrent } from '../scripts/buildState.mjs';

if (buildLooksCurrent()) {
  await import('../dist/cli/main.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
