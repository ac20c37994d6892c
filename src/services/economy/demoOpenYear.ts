/**
 * The demo's open year (EXAMPLE DATA, demo/vastmanland-2026-exempel.json): the year after the published ones,
 * started as "Nytt år" does, with invented monthly outcome for its first months and a board meeting, so a newcomer
 * sees the monthly cycle — the forecast, the interim report and the board pack with figures. Never closed.
 */
import type { Queryable } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';
import { kronorToOre } from '../../core/rounding.ts';
import { isSection } from '../../core/economy/types.ts';
import { startYearIn } from './yearCycle.ts';

export interface OpenYearDemoData {
  readonly note: string;
  readonly year: number;
  /** Kronor. */
  readonly allocation: number;
  readonly throughMonth: number;
  readonly meeting: { readonly date: string; readonly note: string };
  /** Per line, kronor per month from January. */
  readonly outcome: readonly { readonly section: string; readonly label: string; readonly income: readonly number[]; readonly cost: readonly number[] }[];
}

export async function seedOpenYearDemo(tx: Queryable, federationId: number, data: OpenYearDemoData): Promise<void> {
  const where = 'demo/vastmanland-2026-exempel.json';
  await startYearIn(tx, federationId, data.year, { allocationOre: kronorToOre(data.allocation) });
  const ids = new Map((await tx.query<{ id: number; section: string; label: string }>('select id, section, label from budget_line where federation_id = $1', [federationId])).map((l) => [`${l.section}:${l.label}`, l.id]));
  for (const [i, l] of data.outcome.entries()) {
    const id = ids.get(`${l.section}:${l.label}`);
    if (!isSection(l.section) || id === undefined) throw new InputError({ file: where, field: `outcome[${i}]`, message: `Budgetposten "${l.label}" finns inte.` });
    for (let m = 1; m <= data.throughMonth; m++) {
      const incomeOre = kronorToOre(l.income[m - 1] ?? 0);
      const costOre = kronorToOre(l.cost[m - 1] ?? 0);
      if (incomeOre === 0 && costOre === 0) continue;
      await tx.query("insert into outcome_entry (federation_id, year, month, budget_line_id, income_ore, cost_ore, source) values ($1, $2, $3, $4, $5, $6, 'manual')", [
        federationId, data.year, m, id, incomeOre, costOre,
      ]);
    }
  }
  await tx.query('insert into board_meeting (federation_id, meeting_date, note) values ($1, $2, $3) on conflict (federation_id, meeting_date) do nothing', [
    federationId, data.meeting.date, data.meeting.note,
  ]);
}
