import { registerRecord } from '../records/registry.ts';
import { requestFreeze } from '../freezeRequests.ts';
/**
 * The year's cycle: a new year starts from the previous one (budget lines and amounts copied for the kansli to
 * adjust, with the income following the new allocation; the allocation key carried over — or, for a year imported
 * with contributions but no key, the key those contributions imply — and applied, so the members' contributions
 * are there; opening equity = last year's closing equity), and the board's
 * decision adopts the budget, after which the original budget is locked and changes go through a
 * tilläggsbudget. Members belong to the förbund, not to a year, so they carry over by themselves.
 * Argument order: (db, federationId, year, input, actor).
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { parseIsoDate, parseText } from '../../core/input/index.ts';
import { loadRevisedBudget } from './budget.ts';
import { getKeyFigures } from './reports.ts';
import { budgetWithAllocation } from '../../core/economy/budget.ts';
import { keyFromContributions, splitAllocation } from '../../core/economy/allocation.ts';
import { loadAllocationKey, loadContributions, replaceContributions, writeAllocationKey } from './allocation.ts';
import { listMembers } from '../members/members.ts';
import { listBudgetLines } from './lines.ts';

export { getBudgetAdoption, assertBudgetOpen, type BudgetAdoption } from './budgetAdoption.ts';
import { assertBudgetOpen } from './budgetAdoption.ts';

/** The board adopts the year's budget (date and reference, e.g. "§ 45"); once only. */
export async function adoptBudget(db: Database, federationId: number, year: number, input: { adoptedOn: string; reference: string }, actor: Actor): Promise<void> {
  const problems: InputProblem[] = [];
  const date = parseIsoDate(input.adoptedOn);
  const ref = parseText(input.reference, { maxLength: 500 });
  if (!date.ok) problems.push({ field: 'adoptedOn', message: date.message });
  if (!ref.ok) problems.push({ field: 'reference', message: ref.message });
  else if (!ref.value) problems.push({ field: 'reference', message: 'Ange beslutets referens, t.ex. "Styrelsen 2025-11-20 § 45".' });
  if (problems.length || !date.ok || !ref.ok) throw new InputError(problems);
  const adoptedOn = date.value;
  const reference = ref.value;
  await db.transaction(async (tx) => {
    const y = await tx.query('select 1 from fiscal_year where federation_id = $1 and year = $2', [federationId, year]);
    if (!y.length) throw new NotFoundError(`Året ${year} finns inte.`);
    const budget = await tx.query('select 1 from budget_amount where federation_id = $1 and year = $2 limit 1', [federationId, year]);
    if (!budget.length) throw new InputError({ message: `Budgeten ${year} har inga poster ännu; lägg in budgeten innan den antas.` });
    await assertBudgetOpen(tx, federationId, year);
    await tx.query('insert into budget_adoption (federation_id, year, adopted_on, reference) values ($1, $2, $3, $4)', [federationId, year, adoptedOn, reference]);
    await registerRecord(tx, federationId, { kind: 'budget_decision', ref: String(year), date: adoptedOn, subject: `Budget ${year}, antagen (${reference})` }, actor.id);
  }, actor);
}

export interface StartedYear {
  readonly year: number;
  /** The year it started from, or null (the förbund's first year). */
  readonly fromYear: number | null;
  readonly copiedLines: number;
  readonly keyCarriedOver: boolean;
  /** Opening equity set from the previous year's closing equity (null when that is unknown). */
  readonly openingEquityOre: number | null;
}

/**
 * Starts a new year with its allocation. When the previous year exists, the new year's original budget starts
 * as a copy of the previous year's revised budget (for the kansli to adjust before the board adopts it), the
 * allocation key and its weights are carried over, and the opening equity is the previous year's closing
 * equity as the key figures compute it. Refused when the year already exists.
 */
export async function startYear(db: Database, federationId: number, year: number, input: { allocationOre: number }, actor: Actor): Promise<StartedYear> {
  const started = await db.transaction((tx) => startYearIn(tx, federationId, year, input), actor);
  // A new year: the participant statistics of years that have closed meanwhile are frozen by the server's
  // background freezer (when one runs; the CLI freezes with `statistics freeze`).
  requestFreeze(db);
  return started;
}

/** startYear inside an open transaction (the demo loader starts its open year so). */
export async function startYearIn(tx: Queryable, federationId: number, year: number, input: { allocationOre: number }): Promise<StartedYear> {
  if (!Number.isSafeInteger(input.allocationOre) || input.allocationOre < 0) {
    throw new InputError({ field: 'allocation', message: 'Medelstilldelningen ska vara ett belopp, 0 eller större.' });
  }
  const exists = await tx.query('select 1 from fiscal_year where federation_id = $1 and year = $2', [federationId, year]);
  if (exists.length) throw new InputError({ field: 'year', message: `Året ${year} finns redan.` });
  const prev = (await tx.query('select 1 from fiscal_year where federation_id = $1 and year = $2', [federationId, year - 1])).length ? year - 1 : null;
  const closing = prev === null ? null : (await getKeyFigures(tx, federationId, prev)).equityClosingOre;
  await tx.query('insert into fiscal_year (federation_id, year, allocation_ore, opening_equity_ore) values ($1, $2, $3, $4)', [federationId, year, input.allocationOre, closing]);
  let copiedLines = 0;
  let keyCarriedOver = false;
  if (prev !== null) {
    const lines = new Map((await listBudgetLines(tx, federationId)).map((l) => [l.id, l]));
    for (const l of budgetWithAllocation(await loadRevisedBudget(tx, federationId, prev), lines, input.allocationOre)) {
      await tx.query('insert into budget_amount (federation_id, year, budget_line_id, income_ore, cost_ore) values ($1, $2, $3, $4, $5)', [
        federationId, year, l.lineId, l.incomeOre, l.costOre,
      ]);
      copiedLines++;
    }
    const members = await listMembers(tx, federationId);
    const key = (await loadAllocationKey(tx, federationId, prev)) ?? keyFromContributions(await loadContributions(tx, federationId, prev), members);
    if (key) {
      // Refused (the whole start) when the key leaves a municipality out: the message says what it would cost.
      await writeAllocationKey(tx, federationId, year, key);
      await replaceContributions(tx, federationId, year, splitAllocation(input.allocationOre, key, members));
      keyCarriedOver = true;
    }
  }
  return { year, fromYear: prev, copiedLines, keyCarriedOver, openingEquityOre: closing };
}
