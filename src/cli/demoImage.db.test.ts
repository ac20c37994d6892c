import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, embeddedDatabaseMissing } from '../db/open.ts';
import { openEmbedded } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { loadDemoIfEmpty } from '../services/demo/index.ts';
import type { Database } from '../db/database.ts';
import { demoSteps } from './demo.ts';
import { readDemoImage, writeDemoImage } from './demoImage.ts';

/** Every table's rows, as text in a stable order (the serial ids included: the image must be the same database). */
async function contents(db: Database): Promise<Record<string, string[]>> {
  const tables = await db.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
  const out: Record<string, string[]> = {};
  // Rows carry the time they were written (the image's at build time, a fresh load's now) and participation codes
  // are drawn at random: both are left out.
  const participationCode = /"[A-Z]-[0-9A-Z]{4}-[0-9A-Z]{4}"/g;
  const writtenAt = /"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00"/g;
  for (const { t } of tables) {
    const rows = await db.query<{ r: string }>(`select row_to_json(x)::text as r from "${t}" x`);
    out[t] = rows.map((x) => x.r.replace(writtenAt, '"(tid)"').replace(participationCode, '"(kod)"')).sort();
  }
  return out;
}

// The image is for the embedded database (`npm start` on an empty folder); the server option never uses it.
describe.skipIf(Boolean(process.env.DATABASE_URL))('the demo database made at build time', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samordna-image-'));
  beforeAll(async () => {
    await writeDemoImage({ dir, sourceHash: 'bygge-1' });
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is used only by the build it was made from', () => {
    expect(readDemoImage({ dir, sourceHash: 'bygge-1' })).toBeInstanceOf(Blob);
    expect(readDemoImage({ dir, sourceHash: 'bygge-2' })).toBeUndefined();
    expect(readDemoImage({ dir: join(dir, 'saknas'), sourceHash: 'bygge-1' })).toBeUndefined();
    expect(readDemoImage({ dir, sourceHash: null })).toBeUndefined();
  });

  it('gives an empty data folder the same database as creating it, migrating it and loading the demo', async () => {
    const env = { SAMORDNA_DATA_DIR: join(dir, 'data') };
    expect(embeddedDatabaseMissing(env)).toBe(true);
    const fromImage = await openDatabase(env, { firstImage: () => readDemoImage({ dir, sourceHash: 'bygge-1' }) });
    const fresh = await openEmbedded();
    try {
      expect(embeddedDatabaseMissing(env)).toBe(false);
      expect(await loadDemoIfEmpty(fromImage, demoSteps)).toBe(false);
      await migrate(fresh);
      await loadDemoIfEmpty(fresh, demoSteps);
      const [a, b] = [await contents(fromImage), await contents(fresh)];
      expect(Object.keys(a).length).toBeGreaterThan(40);
      expect(a.federation).toHaveLength(1);
      expect(a).toEqual(b);
    } finally {
      await fromImage.close();
      await fresh.close();
    }
  }, 300_000);

  it('is not used for a data folder that already has a database', async () => {
    const env = { SAMORDNA_DATA_DIR: join(dir, 'tom') };
    const empty = await openDatabase(env);
    await empty.close();
    let asked = false;
    const again = await openDatabase(env, { firstImage: () => ((asked = true), readDemoImage({ dir, sourceHash: 'bygge-1' })) });
    try {
      expect(asked).toBe(false);
      expect(await again.query('select count(*)::int as n from federation')).toEqual([{ n: 0 }]);
    } finally {
      await again.close();
    }
  }, 120_000);
});
