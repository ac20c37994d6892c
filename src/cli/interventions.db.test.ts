import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../db/open.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/samordna.js', import.meta.url).pathname;

/** The CLI as a user runs it, against its own embedded database directory. */
describe.skipIf(!!process.env.DATABASE_URL)('samordna insatser (CLI)', () => {
  let dir: string;
  const env = () => ({ ...process.env, SAMORDNA_DATA_DIR: join(dir, 'data') });
  const cli = (...args: string[]) => run(process.execPath, [bin, ...args], { env: env() });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-cli-'));
    const db = await openDatabase(env());
    await db.query("insert into federation (name) values ('Samordningsförbundet Västmanland')");
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the demo, prints suppressed statistics as JSON, exports the follow-up and refuses a bad import', async () => {
    const f = ['-f', 'Samordningsförbundet Västmanland'];
    await cli('insatser', 'demo', ...f);
    const { stdout } = await cli('insatser', 'statistik', ...f, '-y', '2025', '--format', 'json');
    const stats = JSON.parse(stdout);
    expect(stats.flowByGender.rowTotals[0]).toBe(278);
    expect(stats.shares.closerToWork).toBe(51);
    const out = join(dir, 'sala.csv');
    await cli('insatser', 'uppfoljning', ...f, '-i', 'Samordningsteam Sala', '-y', '2025', '-o', out);
    expect(readFileSync(out, 'utf8')).toContain('Aktiva;');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Kön;Åldersgrupp;Försörjning före;Tid med offentlig försörjning;Utbildning;Startdatum\nKvinna;30-39;Försörjningsstöd;Mer än 4 år;Grundskola;2025-13-01\n');
    const err = (await cli('insatser', 'importera-deltagare', bad, ...f, '-i', 'Samordningsteam Sala').catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('bad.csv, rad 2, fält "Startdatum"');
  }, 120_000);
});
