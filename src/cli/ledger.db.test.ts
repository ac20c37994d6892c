/**
 * End to end through `node bin/samordna.js` with SAMORDNA_DATA_DIR (the embedded database, as the acceptance
 * checks run it): SIE import, key figures from the ledger alone, a failing import that changes nothing, then
 * the reference's budget lines mapped so that cost shares and the driftredovisning come from the ledger.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSie } from '../importers/sie/testing/generate.ts';

const root = new URL('../../', import.meta.url).pathname;
const NAME = 'Samordningsförbundet Västmanland';
const source = JSON.parse(readFileSync(join(root, 'test/fixtures/vastmanland-2025.source.json'), 'utf8'));

function run(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/samordna.js', ...args], { cwd: root, env, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

const keyFigures = async (dir: string) => {
  const r = await run(['report', 'key-figures', '--federation', NAME, '--year', '2025', '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
};

describe('samordna import sie', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-sie-cli-'));
    file = join(dir, 'bokslut-2025.se');
    writeFileSync(file, generateSie({ transactionRows: 3000 }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the file and the key figures come from the ledger alone', async () => {
    const r = await run(['import', 'sie', file, '--federation', NAME], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('räkenskapsår 2025-01-01–2025-12-31');
    const is = (label: string) => (source.income_statement.rows as { label: string; y2025: number }[]).find((x) => x.label === label)!.y2025;
    expect(await keyFigures(dir)).toMatchObject({
      year: 2025,
      operatingIncome: is('Verksamhetens intäkter'),
      operatingCost: -is('Verksamhetens kostnader'),
      operatingResult: is('Verksamhetens resultat'),
      financialIncome: is('Finansiella intäkter'),
      financialCost: -is('Finansiella kostnader'),
      result: is('Årets resultat'),
      equityClosing: 4028486 + 345299, // Not 5 prints 4 373 784 (1 kr off, reference README)
      equityRatio: 0.4627,
      costShares: null, // nothing mapped yet
    });
  }, 120_000);

  it('a failing import exits non-zero with its message and changes nothing', async () => {
    const before = await run(['ledger', 'history', '--federation', NAME], dir);
    const broken = join(dir, 'avkortad.se');
    const whole = readFileSync(file);
    writeFileSync(broken, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const r = await run(['import', 'sie', broken, '--federation', NAME], dir);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/avkortad\.se, rad \d+/);
    expect((await run(['ledger', 'history', '--federation', NAME], dir)).stdout).toBe(before.stdout);
    expect((await keyFigures(dir)).result).toBe(345299);
  }, 120_000);

  it('asks for --organisation-number when a förbund without a number gets a file naming one: exit 1 until confirmed with the file’s number, then 0', async () => {
    const other = 'Förbundet utan nummer';
    const text = readFileSync(file).toString('latin1');
    const withoutOrg = join(dir, 'utan-orgnr.se');
    writeFileSync(withoutOrg, Buffer.from(text.replace(/#ORGNR [^\r\n]*\r\n/, '').replace(/#FNAMN "[^"]*"/, `#FNAMN "${other}"`), 'latin1'));
    expect((await run(['import', 'sie', withoutOrg, '--federation', other], dir)).code).toBe(0); // creates the förbund, no number
    const withOrg = join(dir, 'med-orgnr.se');
    writeFileSync(withOrg, Buffer.from(text.replace('#ORGNR 222000-0000', '#ORGNR 222000-1586').replace(/#FNAMN "[^"]*"/, `#FNAMN "${other}"`), 'latin1'));
    const asked = await run(['import', 'sie', withOrg, '--federation', other], dir);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toMatch(/organisationsnummer 222000-1586.*bekräfta/);
    expect(asked.stderr).toContain('--organisation-number 222000-1586');
    const wrong = await run(['import', 'sie', withOrg, '--federation', other, '--organisation-number', '556036-0793'], dir);
    expect(wrong.code).toBe(1);
    const ok = await run(['import', 'sie', withOrg, '--federation', other, '--organisation-number', '222000-1586'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect((await run(['ledger', 'history', '--federation', other], dir)).stdout.split('\n').filter((l) => l.includes('med-orgnr.se'))).toHaveLength(1);
  }, 120_000);

  it('with budget lines mapped, cost shares and the driftredovisning come from the ledger (no double counting with the reference outcome)', async () => {
    // The reference import brings budget lines, budgets and its own (manual-style) outcome for 2024–2025.
    expect((await run(['import', 'reference', join(root, 'test/fixtures/vastmanland.import.json')], dir)).code).toBe(0);
    expect((await run(['ledger', 'map-by-name', '--federation', NAME, '--dimension', '6'], dir)).code).toBe(0);
    const m = await run(['ledger', 'map', '--federation', NAME, '--line', 'Medel från huvudmännen', '--accounts', '3400-3499'], dir);
    expect(m.code).toBe(0);
    expect((await run(['ledger', 'unmapped', '--federation', NAME, '--year', '2025'], dir)).stdout).toContain('Alla konton och objekt med utfall är kopplade.');
    const k = await keyFigures(dir);
    // The annual report's cost distribution (whole per cent 66/9/11/14), as 4-decimal shares of Not 3.
    const n3 = (key: string) => (source.note_3_costs.rows as { key: string; y2025: number }[]).find((r) => r.key === key)!.y2025;
    const share = (key: string) => Math.round((n3(key) / n3('total')) * 10000) / 10000;
    expect(k.costShares).toEqual({ individual: share('individual'), structural: share('structural'), processSupport: share('process_support'), administration: share('admin') });
    expect(k.operatingIncome).toBe(18964118); // not twice: the ledger replaces the reference outcome for 2025
    const os = await run(['report', 'operating-statement', '--federation', NAME, '--year', '2025', '--format', 'json'], dir);
    const statement = JSON.parse(os.stdout);
    expect(statement.total.outcome).toMatchObject({ income: 18964118, cost: 18763370 });
  }, 240_000);
});
