/**
 * The audit log reads as a person reads (issue 28): every table the audit trigger watches has a Swedish name
 * (read from the database's triggers, not from the list itself), amounts are in kronor, ids become names, the
 * person is found by name, a kind of record selects its tables, and a file name finds its import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { addTestUser } from '../../../test/support/auth.ts';
import { auditTables } from '../../core/audit/names.ts';
import { importReferenceFile } from '../../importers/reference/importReference.ts';
import { importOutcomeData } from '../../importers/outcome/importOutcome.ts';
import { listBudgetLines } from '../economy/lines.ts';
import { saveOutcomeEntry } from '../economy/outcome.ts';
import { queryAuditLog } from './auditLog.ts';

describe('the audit log in Swedish', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await importReferenceFile(db, new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url).pathname, { id: 'test' })).federationId;
    await addTestUser(db, { email: 'anna@exempel.se', federationId: fid, role: 'kansli' });
    await db.query("update app_user set display_name = 'Anna Andersson' where email = 'anna@exempel.se'");
  });
  afterAll(() => db?.drop());

  it('every audited table has a Swedish name', async () => {
    const audited = await db.query<{ t: string }>(
      "select distinct c.relname as t from pg_trigger tr join pg_class c on c.oid = tr.tgrelid where tr.tgname = 'audit_row_change' order by 1",
    );
    expect(audited.length).toBeGreaterThan(30);
    expect(audited.map((r) => r.t).filter((t) => !auditTables[t])).toEqual([]);
  });

  it('shows amounts in kronor, the budget line by name and the person by name; filters by person, kind and a file name', async () => {
    const line = (await listBudgetLines(db, fid)).find((l) => l.label === 'Styrelse, Interimsstyrelse')!;
    await saveOutcomeEntry(db, fid, 2025, { lineId: line.id, month: 5, incomeOre: 0, costOre: 1_234_550 }, { id: 'anna@exempel.se' });
    const [entry] = await queryAuditLog(db, fid, { actor: 'Andersson', table: 'outcome_entry' });
    expect(entry).toMatchObject({ actor: 'anna@exempel.se', actorName: 'Anna Andersson', tableLabel: 'Utfall', action: 'insert' });
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: 'budget_line_id', label: 'budgetpost', before: null, after: 'Styrelse, Interimsstyrelse' },
        { field: 'cost_ore', label: 'kostnad', before: null, after: '12 345,50 kr'.replace(' ', '\u00a0') },
        { field: 'month', label: 'månad', before: null, after: '5' },
        { field: 'source', label: 'källa', before: null, after: 'inmatat' },
      ]),
    );
    expect((await queryAuditLog(db, fid, { actor: 'Bertil' })).length).toBe(0);
    const economy = await queryAuditLog(db, fid, { kind: 'economy', limit: 100_000 });
    expect(economy.length).toBeGreaterThan(0);
    expect(economy.every((e) => auditTables[e.tableName]!.kind === 'economy')).toBe(true);
    const csv = 'år;avsnitt;budgetpost;månad;intäkt;kostnad\n2025;Administration;Styrelse, Interimsstyrelse;6;0;100\n';
    await importOutcomeData(db, fid, new TextEncoder().encode(csv), 'utfall-juni.csv', { id: 'anna@exempel.se' });
    const found = await queryAuditLog(db, fid, { text: 'utfall-juni' });
    expect(found.map((e) => e.tableLabel)).toEqual(['Inläst utfallsfil']);
    expect(found[0]!.changes.find((c) => c.field === 'file_name')).toMatchObject({ label: 'filnamn', after: 'utfall-juni.csv' });
  });
});
