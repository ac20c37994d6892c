/**
 * Every figure traceable to its source (issue 28), against a real database: a ledger year drills down to the SIE
 * file (name, SHA-256, who, when), the accounts and objects of the line with their monthly sums and the vouchers
 * behind them; a file year to the file's name and row; a manual entry to who wrote it. Expected amounts come from
 * the reference fixture (the generated SIE file reproduces its 2025 outcome) and from the files the test writes,
 * never from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createTestDb } from '../../../test/support/db.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { importOutcomeData, outcomeCellsCsv, planOutcomeImport } from '../../importers/outcome/importOutcome.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import { mapObjectsByName } from '../ledger/mapping.ts';
import { ledgerLineVouchers, traceLedgerLine } from '../ledger/trace.ts';
import { listBudgetLines } from './lines.ts';
import { saveOutcomeEntry } from './outcome.ts';
import { outcomeCellSources, traceOutcome } from './outcomeTrace.ts';

const fixture = new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname;
const reference = JSON.parse(readFileSync(fixture, 'utf8')) as { years: { year: number; outcome: { label: string; income: number; cost: number }[] }[] };
const outcome2025 = (label: string) => reference.years.find((y) => y.year === 2025)!.outcome.find((l) => l.label === label)!;
const enc = (s: string) => new TextEncoder().encode(s);

describe('tracing outcome to its source', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  let sie: Uint8Array;
  const lineId = async (label: string) => (await listBudgetLines(db, fid)).find((l) => l.label === label)!.id;

  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, fixture, { id: 'test' })).federationId;
    sie = new Uint8Array(generateSie({ transactionRows: 3000 }));
    await importSieFile(db, fid, { source: Readable.from([sie]), fileName: 'bokslut-2025.se', organisationNumber: '222000-0000' }, { id: 'ekonom@exempel.se' });
    await mapObjectsByName(db, fid, '6', { id: 'ekonom@exempel.se' });
  });
  afterAll(() => db?.drop());

  it('a ledger year: the SIE file, the line’s accounts and objects adding up to its outcome, and the vouchers of a month', async () => {
    const label = 'Samordningsteam Västerås';
    const t = await traceOutcome(db, fid, 2025, await lineId(label), null);
    const l = (await traceLedgerLine(db, fid, 2025, await lineId(label)))!;
    expect(l).not.toBeNull();
    expect(l.file.fileName).toBe('bokslut-2025.se');
    expect(l.file.sha256).toBe(createHash('sha256').update(sie).digest('hex'));
    expect(l.file.importedBy).toBe('ekonom@exempel.se');
    expect(l.file.importedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(l.basis).toBe('vouchers');
    expect(l.accounts.length).toBeGreaterThan(0);
    expect(l.accounts.every((a) => a.objects.some((o) => o.dimension === '6' && o.name === label))).toBe(true);
    const cost = l.accounts.filter((a) => a.kind === 'cost').reduce((s, a) => s + a.totalOre, 0);
    expect(cost).toBe(outcome2025(label).cost * 100);
    for (const a of l.accounts) expect(a.monthsOre.reduce((s, m) => s + m, 0)).toBe(a.totalOre);
    // The counted outcome rows are the ledger's; the reference's stay, marked as not counting.
    expect(t.entries.filter((e) => e.counted).every((e) => e.source === 'ledger')).toBe(true);
    expect(t.entries.filter((e) => e.source === 'reference').every((e) => !e.counted)).toBe(true);

    const month = l.accounts[0]!.monthsOre.findIndex((m) => m !== 0) + 1;
    const expected = l.accounts.reduce((s, a) => s + a.monthsOre[month - 1]!, 0);
    const all: { amountOre: number; transactionDate: string; series: string; number: string }[] = [];
    let page = await ledgerLineVouchers(db, fid, 2025, await lineId(label), month, { limit: 7 });
    for (;;) {
      all.push(...page.rows);
      if (!page.more) break;
      expect(page.rows).toHaveLength(7);
      page = await ledgerLineVouchers(db, fid, 2025, await lineId(label), month, { limit: 7, offset: page.offset + page.rows.length });
    }
    expect(all.length).toBeGreaterThan(7);
    expect(new Set(all.map((r) => `${r.series}${r.number}|${r.amountOre}|${r.transactionDate}`)).size).toBeGreaterThan(1);
    expect(page.sumOre).toBe(expected);
    expect(all.reduce((s, r) => s + r.amountOre, 0)).toBe(expected);
    expect(all.every((r) => Number(r.transactionDate.slice(5, 7)) === month && r.series === 'A' && /^\d+$/.test(r.number))).toBe(true);
    // The month's ledger outcome row is the same amount.
    expect(t.entries.find((e) => e.source === 'ledger' && e.month === month)!.costOre).toBe(expected);
  });

  it('a ledger line with income: the income account’s credit is the line’s income', async () => {
    const label = 'Kansli + Bilkonto';
    const l = (await traceLedgerLine(db, fid, 2025, await lineId(label)))!;
    expect(-l.accounts.filter((a) => a.kind === 'income').reduce((s, a) => s + a.totalOre, 0)).toBe(outcome2025(label).income * 100);
    const year = await ledgerLineVouchers(db, fid, 2025, await lineId(label), null, { limit: 1 });
    expect(year.sumOre).toBe(l.accounts.reduce((s, a) => s + a.totalOre, 0));
  });

  it('a file year: the file’s name and row and who read it in; a manual entry: who wrote it; the page’s sources per cell', async () => {
    const csv = ['år;avsnitt;budgetpost;månad;intäkt;kostnad', '', '2024;Administration;Styrelse, Interimsstyrelse;3;0;12345', '2024;Administration;Styrelse, Interimsstyrelse;4;0;23456'].join('\r\n');
    // Read in the way the page does: the plan first, then its cells posted back as CSV under the original (XLSX) name.
    const plan = await planOutcomeImport(db, fid, enc(csv), 'utfall-april.csv');
    await importOutcomeData(db, fid, enc(outcomeCellsCsv(plan.cells)), { name: 'utfall-april.xlsx', as: 'csv' }, { id: 'kansli@exempel.se' });
    const line = await lineId('Styrelse, Interimsstyrelse');
    await saveOutcomeEntry(db, fid, 2024, { lineId: line, month: 4, incomeOre: 0, costOre: 2_000_000 }, { id: 'chef@exempel.se' });
    const t = await traceOutcome(db, fid, 2024, line, null);
    expect(await traceLedgerLine(db, fid, 2024, line)).toBeNull();
    const march = t.entries.find((e) => e.month === 3 && e.source === 'file')!;
    expect(march).toMatchObject({ counted: true, costOre: 1_234_500, file: { fileName: 'utfall-april.xlsx', row: 3, importedBy: 'kansli@exempel.se' } });
    const aprilFile = t.entries.find((e) => e.month === 4 && e.source === 'file')!;
    expect(aprilFile).toMatchObject({ counted: false, file: { row: 4 } });
    expect(t.entries.find((e) => e.month === 4 && e.source === 'manual')).toMatchObject({ counted: true, costOre: 2_000_000, written: { by: 'chef@exempel.se', action: 'insert' } });
    // The reference's year total (month 12) no longer counts once a file gives the year's outcome.
    expect(t.entries.find((e) => e.source === 'reference')).toMatchObject({ month: 12, counted: false });

    const cells = await outcomeCellSources(db, fid, 2024);
    expect(cells.filter((c) => c.lineId === line)).toEqual([
      { lineId: line, month: 3, source: 'file' },
      { lineId: line, month: 4, source: 'manual' },
    ]);
    expect((await outcomeCellSources(db, fid, 2025)).every((c) => c.source === 'ledger')).toBe(true);
  });

  it('one month only, and a line or year the förbund does not have is not found', async () => {
    const line = await lineId('Styrelse, Interimsstyrelse');
    expect((await traceOutcome(db, fid, 2024, line, 3)).entries.map((e) => e.month)).toEqual([3]);
    await expect(traceOutcome(db, fid, 2024, 999_999, null)).rejects.toThrow('Budgetposten finns inte.');
    await expect(traceOutcome(db, fid, 1999, line, null)).rejects.toThrow('Året 1999 finns inte');
  });
});
