import { join } from 'node:path';
import type { Database } from '../../src/db/database.ts';
import { importReferenceFile } from '../../src/importers/reference/importReference.ts';
import { startYear } from '../../src/services/economy/yearCycle.ts';

const actor = { id: 'test' };
const root = new URL('../../', import.meta.url).pathname;
export const referenceFixture = join(root, 'test/fixtures/vastmanland.import.json');
export const NAME = 'Samordningsförbundet Västmanland';
/** The 2026 allocation of the open year (kronor → öre): the 2025 allocation again. */
export const allocation2026Ore = 18_958_000_00;

/**
 * Västmanland 2024–2025 from the reference (published: closed), and 2026 started as "Nytt år" does: the open
 * year. Outcome is written by `writeOutcome` (file source, as an outcome file import writes it).
 */
export async function seedOpenYear(db: Database) {
  const fid = (await importReferenceFile(db, referenceFixture, actor)).federationId;
  await startYear(db, fid, 2026, { allocationOre: allocation2026Ore }, actor);
  const lines = await db.query<{ id: number; section: string; label: string; income_ore: number; cost_ore: number }>(
    `select l.id, l.section, l.label, a.income_ore, a.cost_ore from budget_amount a join budget_line l on l.federation_id = a.federation_id and l.id = a.budget_line_id
     where a.federation_id = $1 and a.year = 2026 order by l.sort_order`,
    [fid],
  );
  return { fid, lines: lines.map((l) => ({ id: l.id, section: l.section, label: l.label, budgetIncomeOre: Number(l.income_ore), budgetCostOre: Number(l.cost_ore) })) };
}

/** Replaces the year's file outcome by these rows (one transaction). */
export async function writeOutcome(db: Database, fid: number, year: number, rows: readonly { lineId: number; month: number; incomeOre: number; costOre: number }[]) {
  await db.transaction(async (tx) => {
    await tx.query("delete from outcome_entry where federation_id = $1 and year = $2 and source in ('file', 'manual')", [fid, year]);
    for (const r of rows) {
      await tx.query("insert into outcome_entry (federation_id, year, month, budget_line_id, income_ore, cost_ore, source) values ($1, $2, $3, $4, $5, $6, 'file')", [
        fid, year, r.month, r.lineId, r.incomeOre, r.costOre,
      ]);
    }
  }, actor);
}
