/**
 * The 2025 driftredovisning of the reference (vastmanland-2025.source.json), reproduced line by line and
 * subtotal by subtotal from the import file (vastmanland.import.json), each cell rounded to tkr from öre.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestDb } from '../../../test/support/db.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { getOperatingStatement } from './reports.ts';
import { statementTableRows } from '../../core/economy/statementTable.ts';
import { notFromKronor } from '../../../test/support/reference2025.ts';

const fixtureDir = new URL('../../../test/fixtures/', import.meta.url);
type Triple = { income: number; cost: number | null; net: number };
type SourceRow = { section: string; label: string; key?: string; outcome_2025?: Triple; budget_2025?: Triple; deviation?: number; outcome_2024?: Triple };
const source = JSON.parse(readFileSync(new URL('vastmanland-2025.source.json', fixtureDir), 'utf8')) as {
  driftredovisning: { lines: SourceRow[]; subtotals: SourceRow[] };
};

/** Our row key for a source subtotal key. */
const subtotalKey: Record<string, string> = {
  income: 'income',
  admin: 'administration',
  individual: 'individual',
  structural: 'structural',
  process_support: 'process_support',
  direct: 'direct',
  total: 'total',
  financial_items: 'financial',
  total_incl_financial: 'result',
};


const cellsOf = (r: SourceRow): Record<string, number | null> => {
  const out: Record<string, number | null> = {};
  const put = (prefix: string, t?: Triple) => {
    if (!t) return;
    out[`${prefix}Income`] = t.income;
    out[`${prefix}Cost`] = t.cost === null ? 0 : t.cost; // "Extern medbedömning": blank budget cost cell, net 0
    out[`${prefix}Net`] = t.net;
  };
  put('outcome', r.outcome_2025);
  put('budget', r.budget_2025);
  put('previous', r.outcome_2024);
  if (r.deviation !== undefined) out.deviation = r.deviation;
  return out;
};

describe('driftredovisning 2025 from vastmanland.import.json', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let rows: ReturnType<typeof statementTableRows>;
  beforeAll(async () => {
    db = await createTestDb();
    await importReferenceFile(db, new URL('vastmanland.import.json', fixtureDir).pathname, { id: 'test' });
    const fed = (await db.query<{ id: number }>('select id from federation'))[0]!;
    rows = statementTableRows(await getOperatingStatement(db, fed.id, 2025));
  });
  afterAll(() => db?.drop());

  const ourRow = (key: string) => rows.find((r) => (r.key === 'line' ? r.cells.label === key : r.key === key));

  it('has every printed line, in the printed order within each section', () => {
    const printed = source.driftredovisning.lines.map((l) => l.label);
    const ours = rows.filter((r) => r.key === 'line').map((r) => r.cells.label);
    expect(ours).toEqual(printed);
  });

  it('reproduces every printed cell of every line and subtotal, except the few no kronor can give', () => {
    const mismatches: { row: string; cell: string; printed: number; computed: number | null }[] = [];
    let compared = 0;
    const compare = (rowKey: string, src: SourceRow) => {
      const ours = ourRow(rowKey);
      expect(ours, `row ${rowKey}`).toBeDefined();
      for (const [cell, printed] of Object.entries(cellsOf(src))) {
        compared++;
        const computed = ours!.cells[cell] as number | null;
        if (computed !== printed) mismatches.push({ row: rowKey, cell, printed: printed!, computed });
      }
    };
    for (const l of source.driftredovisning.lines) compare(l.label, l);
    for (const s of source.driftredovisning.subtotals) compare(subtotalKey[s.key!]!, s);
    expect(compared).toBeGreaterThan(200);
    const byPlace = (a: { row: string; cell: string }, b: { row: string; cell: string }) => `${a.row}|${a.cell}`.localeCompare(`${b.row}|${b.cell}`);
    expect(mismatches.sort(byPlace)).toEqual(notFromKronor.map(({ row, cell, printed, computed }) => ({ row, cell, printed, computed })).sort(byPlace));
  });

  it('the 2025 outcome totals equal the notes exactly (in kronor)', async () => {
    const fed = (await db.query<{ id: number }>('select id from federation'))[0]!;
    const s = await getOperatingStatement(db, fed.id, 2025);
    expect(s.total.outcome.incomeOre).toBe(18_964_118_00); // Not 2 / resultaträkning
    expect(s.total.outcome.costOre).toBe(18_763_370_00); // Not 3
    expect(s.sections.find((x) => x.section === 'administration')!.subtotal.outcome.costOre).toBe(2_578_502_00);
    expect(s.directCosts.outcome.costOre).toBe(16_184_868_00);
    expect(s.total.previousOutcome!.costOre).toBe(19_147_198_00);
    expect(s.result.outcome.incomeOre - s.result.outcome.costOre).toBe(345_299_00);
  });
});
