/**
 * End to end: `node bin/samordna.js value costs|report …` on a fresh embedded database, as the acceptance
 * checks run them: import a unit-cost CSV, refuse a broken one with its line (the old table kept), and read the
 * report as JSON.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../db/open.ts';
import { seedSmallFederation } from '../../test/support/economy.ts';
import { createIntervention } from '../services/interventions/interventions.ts';
import { insertParticipations } from '../services/interventions/participations.ts';

const root = new URL('../../', import.meta.url).pathname;

function run(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/samordna.js', ...args], { cwd: root, env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('samordna value (CLI)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-value-cli-'));
    const db = await openDatabase({ ...process.env, SAMORDNA_DATA_DIR: dir, DATABASE_URL: '' });
    try {
      const { federationId: fid, lines } = await seedSmallFederation(db);
      const team = await createIntervention(db, fid, { name: 'Teamet', kind: 'individual', periodStart: '2025-01-01', budgetLineId: lines.team }, { id: 't' });
      const p = { gender: 'man', ageBand: '25-29', homeMunicipality: null, referringMemberId: null, supportDuration: 'lt1', education: 'upper_secondary', startDate: '2025-02-01', endDate: '2025-06-30', exitOutcome: 'work' } as const;
      await db.transaction((tx) => insertParticipations(tx, fid, team, Array.from({ length: 5 }, () => ({ ...p, supportBefore: 'income_support' as const, supportAfter: 'salary' as const }))), { id: 't' });
    } finally {
      await db.close();
    }
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the table, refuses a broken file with its line and keeps the old one, and gives the report as JSON', async () => {
    const good = join(dir, 'kostnader.csv');
    writeFileSync(good, 'stödform;betalare;kronor_per_år;källa\nFörsörjningsstöd;kommun;75 045;Socialstyrelsen 2024\nsalary;kommun;-25000;SCB 2024\n');
    let r = await run(['value', 'costs', '--federation', 'Samordningsförbundet Test', '--year', '2025', '--import', good], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const bad = join(dir, 'fel.csv');
    writeFileSync(bad, 'stödform;betalare;kronor_per_år;källa\nFörsörjningsstöd;kommun;1;A\nsalary;kommun;-2;\n');
    r = await run(['value', 'costs', '--federation', 'Samordningsförbundet Test', '--year', '2025', '--import', bad], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fel\.csv, rad 3, fält "källa"/);

    r = await run(['value', 'report', '--federation', 'Samordningsförbundet Test', '--year', '2025', '--intervention', 'Teamet', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    // 5 × (75 045 − (−25 000)) = 500 225 kr for the municipality; cost: the team line's 650 000 kr
    // 5 years: 500 225 × 1.88367744 = 942 262.59
    expect(report).toMatchObject({
      participations: 5,
      unknown: 0,
      hidden: false,
      byPayer: { fk: { year1: 0, year5: 0 }, af: { year1: 0, year5: 0 }, region: { year1: 0, year5: 0 }, kommun: { year1: 500_225, year5: 942_263 } },
      total: { year1: 500_225, year5: 942_263 },
      cost: 650_000,
      returnPerKrona: { year1: 0.77, year5: 1.45 },
    });
    r = await run(['value', 'report', '--federation', 'Samordningsförbundet Test', '--year', '2025', '--persistence', '0.25', '--discount', '0', '--format', 'json'], dir);
    // 1 + 0.25 + 0.0625 + 0.015625 + 0.00390625 = 1.33203125 → 500 225 × 1.33203125 = 666 315.33
    expect(JSON.parse(r.stdout).total).toEqual({ year1: 500_225, year5: 666_315 });
  }, 240_000);
});
