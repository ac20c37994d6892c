#!/usr/bin/env node
// Entry point of `npx samordna …`: runs the TypeScript CLI directly (tsx), no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
