import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import { adoptBudget } from '../economy/yearCycle.ts';
import { adoptAnnualReport, reopenAnnualReport, setReportReady } from '../reports/texts.ts';
import { searchRegistry } from './registry.ts';

/** Samordna's own records register themselves, each once, in its class of the plan. */
describe('own records in the registry (database)', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    const r = await importSieFile(db, { name: 'Egna handlingar' }, { source: Readable.from([generateSie({ transactionRows: 50 })]), fileName: 'huvudbok.se' }, { id: 'ekonom' });
    fid = r.federationId;
  }, 60_000);
  afterAll(() => db.drop());

  it('an SIE import is registered as bookkeeping material (class 2.3), once per file', async () => {
    const [e, ...rest] = await searchRegistry(db, fid, { q: 'huvudbok' });
    expect(rest).toEqual([]);
    expect(e).toMatchObject({ sourceKind: 'sie_import', documentClass: '2.3', direction: 'internal' });
    expect(e!.subject).toMatch(/^Huvudbok \(SIE\) \d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2}: huvudbok\.se$/);
  });

  it('the budget decision and the adopted annual report register; adopting again after reopening keeps the number', async () => {
    await db.query('insert into fiscal_year (federation_id, year) values ($1, 2026) on conflict do nothing', [fid]);
    const [{ id: line }] = (await db.query<{ id: number }>("insert into budget_line (federation_id, section, label) values ($1, 'administration', 'Kansli') returning id", [fid])) as [{ id: number }];
    await db.query('insert into budget_amount (federation_id, year, budget_line_id, cost_ore) values ($1, 2026, $2, 100000)', [fid, line]);
    await adoptBudget(db, fid, 2026, { adoptedOn: '2025-11-20', reference: 'Styrelsen 2025-11-20 § 45' }, { id: 'kansli' });
    const [budget] = await searchRegistry(db, fid, { q: 'Budget' });
    // The SIE file registered today, in this year's sequence; the budget decision is dated 2025.
    expect(budget).toMatchObject({ number: '2025/1', documentClass: '2.2', subject: 'Budget 2026, antagen (Styrelsen 2025-11-20 § 45)' });

    await setReportReady(db, fid, 2025, true, { id: 'kansli' });
    await adoptAnnualReport(db, fid, 2025, { date: '2026-03-20', paragraph: '§ 12' }, { id: 'kansli' });
    const [report] = await searchRegistry(db, fid, { q: 'Årsredovisning' });
    expect(report).toMatchObject({ documentClass: '2.1', subject: 'Årsredovisning 2025, fastställd (§ 12)' });
    expect(report!.number).toMatch(/^2026\/[12]$/); // 2026/2 when the SIE file registered in 2026 too
    await reopenAnnualReport(db, fid, 2025, { reason: 'Rättelse av en not' }, { id: 'kansli' });
    await setReportReady(db, fid, 2025, true, { id: 'kansli' });
    await adoptAnnualReport(db, fid, 2025, { date: '2026-04-02', paragraph: '§ 20' }, { id: 'kansli' });
    expect((await searchRegistry(db, fid, { q: 'Årsredovisning' })).map((e) => e.number)).toEqual([report!.number]);
  });
});
