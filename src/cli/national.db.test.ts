/**
 * End to end: `node bin/samordna.js …` on a fresh embedded database: the allocation model from a CSV file, the
 * synthetic national data set, the national statistics and the stored allocation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;

function run(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/samordna.js', ...args], { cwd: root, env, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('samordna CLI: allocation model and national statistics', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-national-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('allocation-model prints each förbund’s amount in kronor (base + shares), adding up to the total', async () => {
    // Independent: 3 × 400 000 base; 8 800 000 left: 6 600 000 by försörjningsmått 1:1:2, 2 200 000 by population 1:3:0.
    const csv = join(dir, 'underlag.csv');
    writeFileSync(csv, '\uFEFFförbund;befolkning_16_64;försörjningsmått\r\nNorra;10 000;100\r\nSödra;30000;100,0\r\nÖstra;0;200\r\n');
    const r = await run(['allocation-model', '--input', csv, '--total', '10 000 000', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.federations.map((f: { federation: string; amount: number }) => [f.federation, f.amount])).toEqual([
      ['Norra', 2_600_000],
      ['Södra', 3_700_000],
      ['Östra', 3_700_000],
    ]);
    expect(out.federations[0]).toMatchObject({ base: 400_000, supportShare: 1_650_000, populationShare: 550_000 });
    // A merger of Norra and Södra: one base (400 000) is freed and spread by the variable part.
    const m = JSON.parse((await run(['allocation-model', '--input', csv, '--total', '10000000', '--format', 'json', '--merge', 'Norra;Södra', '--merged-name', 'Västra'], dir)).stdout);
    expect(m.after.federations.map((f: { amount: number }) => f.amount).reduce((a: number, b: number) => a + b, 0)).toBe(10_000_000);
    // Östra after: 400 000 + 9 200 000 × (0.75 × 2/4 + 0.25 × 0) = 3 850 000
    expect(m.after.federations.find((f: { federation: string }) => f.federation === 'Östra').amount).toBe(3_850_000);
    // A split of Östra into two: one more base (400 000) taken from the variable part, 8 400 000 left.
    const parts = join(dir, 'delar.csv');
    writeFileSync(parts, 'förbund;befolkning_16_64;försörjningsmått\nÖstra 1;0;150\nÖstra 2;0;50\n');
    const sp = JSON.parse((await run(['allocation-model', '--input', csv, '--total', '10000000', '--format', 'json', '--split', 'Östra', '--into', parts], dir)).stdout);
    // Norra after: 400 000 + 6 300 000 × 1/4 + 2 100 000 × 1/4 = 2 500 000; the two parts: 2 × 400 000 + 6 300 000 × 2/4 = 3 950 000
    expect(sp.after.federations.find((f: { federation: string }) => f.federation === 'Norra').amount).toBe(2_500_000);
    expect(sp.rows.find((r: { before: string[] }) => r.before[0] === 'Östra')).toMatchObject({ after: ['Östra 1', 'Östra 2'], beforeAmount: 3_700_000, afterAmount: 3_950_000 });
  });

  it('a broken file changes nothing and names file, line and field (exit 1)', async () => {
    const csv = join(dir, 'fel.csv');
    writeFileSync(csv, 'förbund;befolkning_16_64;försörjningsmått\nNorra;10 000;100\nSödra;många;100\n');
    const r = await run(['allocation-model', '--input', csv, '--total', '10000000', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('fel.csv, rad 3, fält "befolkning_16_64"');
  });

  it('loads the synthetic national set and prints the suppressed national tables in the statistics’ table shape', async () => {
    const load = await run(['national', 'synthetic'], dir);
    expect(load.code).toBe(0);
    expect(load.stdout).toMatch(/80 syntetiska förbund/);
    // The national tables are the förbund's frozen publications: freeze the closed years (as the server's
    // background freezer does). An open year cannot be frozen.
    const early = await run(['statistics', 'freeze', '--federation', 'Syntetiskt förbund 01', '--year', '2030'], dir);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('Året 2030 stängs först 2031-02-01');
    // The first year (no year before it to link) freezes quickly; `national statistics` freezes what it needs
    // itself. (All five years of 80 förbund take minutes: the server does that in the background.)
    const freeze = await run(['statistics', 'freeze', '--year', '2021'], dir);
    expect(freeze.code).toBe(0);
    expect(freeze.stdout).toContain('Syntetiskt förbund 01: fastställda år 2021');
    const r = await run(['national', 'statistics', '--year', '2021', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.note).toMatch(/SYNTETISKA DATA/);
    expect(s.publication.state).toBe('published');
    expect(s.byFederation.rowLabels).toHaveLength(80);
    expect(s.byCounty.rowLabels).toHaveLength(21);
    // The same StatTable shape as `insatser statistik --format json`.
    for (const key of ['byFederation', 'byCounty', 'flowByGender', 'exitOutcomes', 'activeByFederationAndGender']) {
      expect(Object.keys(s[key]).sort()).toEqual(['cells', 'colLabels', 'colTotals', 'hiddenCount', 'key', 'percentages', 'rowHeader', 'rowLabels', 'rowTotals', 'title', 'total'].sort());
    }
    // The country's total is one cell, printed in several tables: the same everywhere.
    expect(s.byCounty.colTotals[0]).toBe(s.byFederation.colTotals[0]);
    expect(s.flowByGender.rowTotals[0]).toBe(s.byFederation.colTotals[0]);
    // Hidden cells are null, never a small count.
    for (const row of s.activeByFederationAndGender.cells) for (const v of row) expect(v === null || v === 0 || v >= 5).toBe(true);
    const alloc = JSON.parse((await run(['allocation-inputs', 'show', '--year', '2025', '--format', 'json'], dir)).stdout);
    expect(alloc.federations).toHaveLength(80);
    expect(alloc.federations.reduce((a: number, f: { amount: number }) => a + f.amount, 0)).toBe(alloc.total);
    for (const f of alloc.federations) expect(f.amount).toBeGreaterThanOrEqual(400_000);
  }, 600_000);
});
