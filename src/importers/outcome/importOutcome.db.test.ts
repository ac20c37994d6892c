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
    expect(r).toMatchObject({ rows: 4, years: [2025], changed: 4 });
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
    // The second file sets only its own cells (SVM, January and February); the first file's months and lines stay.
    expect(k.operatingCostOre).toBe(5_000_000 + 5_100_050 + 14_000_000 + 12_345_650 + 100_000);
  });

  it('uploading March and then April keeps March; a file replaces only the months and lines it contains', async () => {
    const head = 'år;avsnitt;budgetpost;månad;intäkt;kostnad';
    const march = [head, '2025;Administration;Styrelse, Interimsstyrelse;3;0;30000', '2025;Individinsatser;Samordningsteam Sala;3;0;300000'].join('\n');
    const april = [head, '2025;Administration;Styrelse, Interimsstyrelse;4;0;40000'].join('\n');
    await importOutcomeData(db, fid, enc(march), 'mars.csv', actor);
    const before = await loadYearOutcome(db, fid, 2025);
    const cell = (o: typeof before, label: string, month: number) => {
      const id = o.monthly.find((m) => m.month === month && m.lineId === lineIds.get(label))!;
      return id?.costOre;
    };
    const lineIds = new Map((await listBudgetLines(db, fid)).map((l) => [l.label, l.id]));
    expect(cell(before, 'Styrelse, Interimsstyrelse', 3)).toBe(3_000_000);
    expect(await importOutcomeData(db, fid, enc(april), 'april.csv', actor)).toMatchObject({ rows: 1, years: [2025], changed: 1 });
    const after = await loadYearOutcome(db, fid, 2025);
    expect(cell(after, 'Styrelse, Interimsstyrelse', 3)).toBe(3_000_000);
    expect(cell(after, 'Samordningsteam Sala', 3)).toBe(30_000_000);
    expect(cell(after, 'Styrelse, Interimsstyrelse', 4)).toBe(4_000_000);
    // A corrected March for one line changes that cell only.
    const fix = [head, '2025;Administration;Styrelse, Interimsstyrelse;3;0;31000'].join('\n');
    expect((await importOutcomeData(db, fid, enc(fix), 'mars-rättad.csv', actor)).changed).toBe(1);
    const fixed = await loadYearOutcome(db, fid, 2025);
    expect(cell(fixed, 'Styrelse, Interimsstyrelse', 3)).toBe(3_100_000);
    expect(cell(fixed, 'Samordningsteam Sala', 3)).toBe(30_000_000);
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
    // Every error of the file at once: a malformed amount (row 2) does not hide the unknown line (row 3) or month (row 4).
    const mixed = ['år;avsnitt;budgetpost;månad;intäkt;kostnad', '2025;Administration;Styrelse, Interimsstyrelse;1;noll;1', '2025;Administration;Okänd post;1;0;1', '2025;Administration;Styrelse, Interimsstyrelse;13;0;1'].join('\n');
    const e5 = (await importOutcomeData(db, fid, enc(mixed), 'fel.csv', actor).catch((e) => e)) as InputError;
    expect(e5.problems.map((p) => [p.line, p.field])).toEqual([
      [2, 'intäkt'],
      [3, 'budgetpost'],
      [4, 'månad'],
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
