import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openEmbedded } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';

/**
 * Embedded PostgreSQL takes seconds to initialise an empty cluster. Do it once per run: migrate a template,
 * dump it, and let every test file start its own database from that dump (well under a second).
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return;
  const db = await openEmbedded();
  await migrate(db);
  const dump = await (db as unknown as { dumpDataDir(): Promise<Blob> }).dumpDataDir();
  await db.close();
  const dir = mkdtempSync(join(tmpdir(), 'samordna-template-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('samordnaTemplate', file);
}

declare module 'vitest' {
  export interface ProvidedContext {
    samordnaTemplate: string;
  }
}
