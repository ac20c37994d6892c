/**
 * End to end: `node bin/samordna.js …` with SAMORDNA_DATA_DIR in a fresh temp directory (always the embedded
 * database, as the acceptance checks run it): import the reference, then the reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { referenceKeyFigures2025 } from '../../test/support/economy.ts';

const root = new URL('../../', import.meta.url).pathname;
const fixture = join(root, 'test/fixtures/vastmanland.import.json');
const NAME = 'Samordningsförbundet Västmanland';

function run(args: string[], dataDir: string): Promise<{ code: number; stdout: string; stderr: string; raw: Buffer }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SAMORDNA_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile('node', ['bin/samordna.js', ...args], { cwd: root, env, encoding: 'buffer', maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: stdout.toString('utf8'), stderr: stderr.toString('utf8'), raw: stdout });
    });
  });
}

describe('samordna CLI: import reference and reports', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samordna-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports the reference file', async () => {
    const r = await run(['import', 'reference', fixture], dir);
    expect(r.stderr).toContain('Inläst');
    expect(r.code).toBe(0);
  }, 120_000);

  it('prints the key figures of 2025 as the contract says', async () => {
    const r = await run(['report', 'key-figures', '--federation', NAME, '--year', '2025', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    const k = JSON.parse(r.stdout);
    expect(k).toMatchObject(referenceKeyFigures2025);
    // A published year arrives closed: the whole year, and the forecast is the outcome.
    expect(k.period).toEqual({ year: 2025, throughMonth: 12, complete: true });
    expect(k.forecast).toEqual({ result: k.result, equityClosing: k.equityClosing, operatingIncome: k.operatingIncome, operatingCost: k.operatingCost });
  }, 120_000);

  let statementBefore = '';
  it('prints the operating statement as JSON in kronor', async () => {
    const r = await run(['report', 'operating-statement', '--federation', NAME, '--year', '2025', '--format', 'json'], dir);
    expect(r.code).toBe(0);
    statementBefore = r.stdout;
    const s = JSON.parse(r.stdout);
    expect(s.federation).toBe(NAME);
    expect(s.sections.map((x: { section: string }) => x.section)).toEqual(['income', 'administration', 'individual', 'structural', 'process_support']);
    const admin = s.sections[1];
    expect(admin.lines[0]).toEqual({
      label: 'Styrelse, Interimsstyrelse',
      outcome: { income: 0, cost: 608102, net: -608102 },
      budget: { income: 0, cost: 619000, net: -619000 },
      deviation: 10898,
      previousOutcome: { income: 0, cost: 678772, net: -678772 },
    });
    expect(admin.subtotal.outcome.cost).toBe(2578502);
    expect(s.total.outcome).toEqual({ income: 18964118, cost: 18763370, net: 200748 });
    expect(s.total.budget.net).toBe(-2028499);
  }, 120_000);

  it('writes CSV (BOM, semicolons, CRLF) and XLSX in tkr as printed', async () => {
    const csv = await run(['report', 'operating-statement', '--federation', NAME, '--year', '2025', '--format', 'csv'], dir);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('\ufeffBudgetpost;Utfall 2025 intäkt;')).toBe(true);
    expect(csv.stdout).toContain('\r\nSumma administrativa kostnader;5;-2579;-2574;0;-2653;-2653;79;5;-2436;-2431\r\n');
    const file = join(dir, 'drift.xlsx');
    const x = await run(['report', 'operating-statement', '--federation', NAME, '--year', '2025', '--format', 'xlsx', '--output', file], dir);
    expect(x.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Summa direkta insatskostnader')!;
    expect(row.getCell(3).value).toBe(-16185);
    expect(row.getCell(8).value).toBe(2150);
    const table = await run(['report', 'operating-statement', '--federation', NAME, '--year', '2025', '--format', 'table'], dir);
    expect(table.stdout).toMatch(/SUMMA\s+18\u00a0964\s+\u221218\u00a0763\s+201/);
  }, 180_000);

  it('a failing import exits non-zero, names file, line and field, and leaves the data unchanged', async () => {
    const bad = JSON.parse(readFileSync(fixture, 'utf8'));
    bad.years[1].outcome[0].income = '18 958 000';
    bad.years[1].outcome[1].cost = 100;
    const badFile = join(dir, 'fel.json');
    writeFileSync(badFile, JSON.stringify(bad, null, 1));
    const r = await run(['import', 'reference', badFile], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fel\.json, rad \d+, fält "years\[1\]\.outcome\[0\]\.income": Beloppet är text/);
    const after = await run(['report', 'operating-statement', '--federation', NAME, '--year', '2025', '--format', 'json'], dir);
    expect(after.stdout).toBe(statementBefore);
  }, 180_000);

  it('names a year or förbund that does not exist', async () => {
    const r = await run(['report', 'key-figures', '--federation', NAME, '--year', '2031', '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Året 2031 finns inte');
    const f = await run(['report', 'key-figures', '--federation', 'Okänt förbund', '--year', '2025'], dir);
    expect(f.code).toBe(1);
    expect(f.stderr).toContain('Förbundet "Okänt förbund" finns inte');
  }, 120_000);
});
