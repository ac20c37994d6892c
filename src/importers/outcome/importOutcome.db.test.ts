import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/support/db.ts';
import { InputError } from '../../core/errors.ts';
import { importReferenceFile } from '../reference/importReference.ts';
import { importOutcomeData } from './importOutcome.ts';
import { outcomeTemplateTable } from './outcomeTemplate.ts';
import { tableToXlsx } from '../../exports/xlsx.ts';
import { economySnapshot } from '../../services/economy/snapshot.testing.ts';
import { getKeyFigures } from '../../services/economy/reports.ts';
import { loadYearOutcome } from '../../services/economy/outcome.ts';
import { listBudgetLines } from '../../services/economy/lines.ts';

const fixture = new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname;
const actor = { id: 'test' };
const enc = (s: string) => new TextEncoder().encode(s);

describe('import outcome from CSV and XLSX', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, fixture, actor)).federationId;
  });
  afterAll(() => db?.drop());

  it('a CSV file’s monthly outcome replaces the reference totals of that year (no double counting)', async () => {
    const csv = [
      'år;avsnitt;budgetpost;månad;intäkt;kostnad',
      '2025;Intäkter;Medel från huvudmännen;1;1579833;0',
      '2025;Administration;Styrelse, Interimsstyrelse;1;0;50000',
      '2025;Administration;Styrelse, Interimsstyrelse;2;0;51000,50',
      '2025;Individinsatser;Samordningsteam Sala;2;0;140000',
    ].join('\r\n');
    const r = await importOutcomeData(db, fid, enc(csv), 'utfall.csv', actor);
    expect(r).toEqual({ rows: 4, years: [2025] });
    const o = await loadYearOutcome(db, fid, 2025);
    expect(o.sources).toEqual(['file']);
    const k = await getKeyFigures(db, fid, 2025);
    expect(k.operatingCostOre).toBe(5_000_000 + 5_100_050 + 14_000_000);
    expect(k.operatingIncomeOre).toBe(157_983_300);
    // 2024 keeps its reference outcome.
    expect((await getKeyFigures(db, fid, 2024)).operatingCostOre).toBe(19_147_198_00);
  });

  it('reads the XLSX template filled in (title row above the headings)', async () => {
    const lines = (await listBudgetLines(db, fid)).filter((l) => l.label === 'Samordningsteam SVM');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await tableToXlsx(outcomeTemplateTable(2025, lines))) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const dataRow = ws.getRow(3);
    dataRow.getCell(6).value = 123456.5;
    ws.addRow([2025, 'Individinsatser', 'Samordningsteam SVM', 2, null, 1000]);
    const buf = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await importOutcomeData(db, fid, buf, 'utfall.xlsx', actor);
    expect(r.rows).toBe(2);
    const k = await getKeyFigures(db, fid, 2025);
    expect(k.operatingCostOre).toBe(12_345_650 + 100_000); // the file replaced the earlier file import
  });

  it('refuses, naming line and column, and changes nothing: unknown year, unknown line, text amount, not an XLSX', async () => {
    const before = await economySnapshot(db);
    const bad = ['år;avsnitt;budgetpost;månad;intäkt;kostnad', '2031;Administration;Styrelse, Interimsstyrelse;1;0;1', '2025;Administration;Okänd post;1;0;1', '2025;Administration;Styrelse, Interimsstyrelse;3;0;1'].join('\n');
    const e1 = await importOutcomeData(db, fid, enc(bad), 'fel.csv', actor).catch((e) => e);
    expect(e1).toBeInstanceOf(InputError);
    expect((e1 as InputError).problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['fel.csv', 2, 'år'],
      ['fel.csv', 3, 'budgetpost'],
    ]);
    const e2 = await importOutcomeData(db, fid, enc('år;avsnitt;budgetpost;månad;intäkt;kostnad\n2025;Administration;Styrelse, Interimsstyrelse;1;noll;1\n'), 'fel.csv', actor).catch((e) => e);
    expect((e2 as InputError).problems[0]).toMatchObject({ line: 2, field: 'intäkt' });
    const e3 = await importOutcomeData(db, fid, enc('det här är ingen arbetsbok'), 'utfall.xlsx', actor).catch((e) => e);
    expect((e3 as InputError).message).toContain('utfall.xlsx: Filen är inte en giltig XLSX-fil');
    const e4 = await importOutcomeData(db, fid, enc('x'), 'utfall.pdf', actor).catch((e) => e);
    expect(e4).toBeInstanceOf(InputError);
    expect(await economySnapshot(db)).toBe(before);
  });
});
