/**
 * The board's adoption of a year's budget (date and reference): once adopted, the original budget is locked and
 * changes go through a tilläggsbudget. Read by the budget writes and the year's cycle alike.
 */
import type { Queryable } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';

export interface BudgetAdoption {
  readonly adoptedOn: string;
  readonly reference: string;
}

export async function getBudgetAdoption(q: Queryable, federationId: number, year: number): Promise<BudgetAdoption | null> {
  const [r] = await q.query<BudgetAdoption>(
    `select to_char(adopted_on, 'YYYY-MM-DD') as "adoptedOn", reference from budget_adoption where federation_id = $1 and year = $2`,
    [federationId, year],
  );
  return r ?? null;
}

/** Refuses a change of the original budget once the board has adopted it (InputError naming the decision). */
export async function assertBudgetOpen(q: Queryable, federationId: number, year: number): Promise<void> {
  const a = await getBudgetAdoption(q, federationId, year);
  if (a) {
    throw new InputError({
      message: `Budgeten ${year} är antagen av styrelsen (${a.adoptedOn}, ${a.reference}) och kan inte ändras. Ändringar görs som tilläggsbudget.`,
    });
  }
}

