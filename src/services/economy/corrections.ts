/**
 * Corrections in the economy: budget lines and tilläggsbudgetar (budget revisions) can be changed and removed
 * (account mappings are the ledger's: src/services/ledger/mapping.ts). A removal that would break figures (a
 * line with outcome, budget or a mapping) is refused with the reason. One transaction each; the audit trigger keeps every row before and after.
 * Argument order: (db, federationId, …ids, input, actor).
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import type { Section } from '../../core/economy/types.ts';
import type { BudgetRevision } from '../../core/economy/budget.ts';
import { validateLine } from './lines.ts';
import { correctBudgetRevision } from './budget.ts';

/** Renames a budget line or moves it to another section; the same label may not exist twice in a section. */
export async function updateBudgetLine(db: Database, federationId: number, lineId: number, input: { section: Section; label: string }, actor: Actor): Promise<void> {
  const problems = validateLine(input);
  if (problems.length) throw new InputError(problems);
  const label = input.label.trim();
  await db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from budget_line where federation_id = $1 and section = $2 and label = $3 and id <> $4', [federationId, input.section, label, lineId]);
    if (dup.length) throw new InputError({ field: 'label', message: 'Det finns redan en budgetpost med det namnet i avsnittet.' });
    const rows = await tx.query('update budget_line set section = $3, label = $4 where federation_id = $1 and id = $2 returning id', [federationId, lineId, input.section, label]);
    if (!rows.length) throw new NotFoundError('Budgetposten finns inte.');
  }, actor);
}

/** Why a budget line cannot be removed, in Swedish; empty when nothing depends on it. */
export async function budgetLineUses(q: Queryable, federationId: number, lineId: number): Promise<string[]> {
  const [r] = await q.query<{ outcome: number; budget: number; revisions: number; mappings: number; interventions: number }>(
    `select
       (select count(*) from outcome_entry where federation_id = $1 and budget_line_id = $2 and (income_ore <> 0 or cost_ore <> 0))::int as outcome,
       (select count(*) from budget_amount where federation_id = $1 and budget_line_id = $2 and (income_ore <> 0 or cost_ore <> 0))::int as budget,
       (select count(*) from budget_revision_line where federation_id = $1 and budget_line_id = $2)::int as revisions,
       (select count(*) from ledger_mapping where federation_id = $1 and budget_line_id = $2)::int as mappings,
       (select count(*) from intervention where federation_id = $1 and budget_line_id = $2)::int as interventions`,
    [federationId, lineId],
  );
  const why: string[] = [];
  if (r!.outcome) why.push('den har utfall');
  if (r!.budget) why.push('den har budgeterade belopp');
  if (r!.revisions) why.push('den ingår i en tilläggsbudget');
  if (r!.mappings) why.push('konton i bokföringen är kopplade till den');
  if (r!.interventions) why.push('en insats är kopplad till den');
  return why;
}

/** Removes a budget line nothing depends on (empty budget and outcome rows go with it); otherwise says why not. */
export async function deleteBudgetLine(db: Database, federationId: number, lineId: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const exists = await tx.query('select 1 from budget_line where federation_id = $1 and id = $2 for update', [federationId, lineId]);
    if (!exists.length) throw new NotFoundError('Budgetposten finns inte.');
    const why = await budgetLineUses(tx, federationId, lineId);
    if (why.length) throw new InputError({ message: `Budgetposten kan inte tas bort: ${why.join(', ')}. Flytta eller ta bort det först.` });
    await tx.query('delete from outcome_entry where federation_id = $1 and budget_line_id = $2', [federationId, lineId]);
    await tx.query('delete from budget_amount where federation_id = $1 and budget_line_id = $2', [federationId, lineId]);
    await tx.query('delete from budget_line where federation_id = $1 and id = $2', [federationId, lineId]);
  }, actor);
}

async function revisionYear(tx: Queryable, federationId: number, revisionId: number): Promise<number> {
  const [r] = await tx.query<{ year: number }>('select year from budget_revision where federation_id = $1 and id = $2 for update', [federationId, revisionId]);
  if (!r) throw new NotFoundError('Tilläggsbudgeten finns inte.');
  return r.year;
}

/** Corrects a tilläggsbudget: its date, decision and lines are replaced by what is given (same id, same year). */
export async function updateBudgetRevision(db: Database, federationId: number, revisionId: number, revision: BudgetRevision, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await revisionYear(tx, federationId, revisionId);
    await correctBudgetRevision(tx, federationId, revisionId, revision);
  }, actor);
}

export async function deleteBudgetRevision(db: Database, federationId: number, revisionId: number, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const year = await revisionYear(tx, federationId, revisionId);
    await tx.query('delete from budget_revision where federation_id = $1 and id = $2', [federationId, revisionId]);
    return year;
  }, actor);
}
