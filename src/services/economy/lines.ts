import type { Actor, Database, Queryable } from '../../db/database.ts';
import { textProblems } from '../../core/input/index.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { isBudgetProfile, type BudgetProfile } from '../../core/economy/budgetProfile.ts';
import { isSection, type BudgetLine, type Section } from '../../core/economy/types.ts';

type Row = { id: number; section: Section; label: string; sort_order: number };
const toLine = (r: Row): BudgetLine => ({ id: r.id, section: r.section, label: r.label, sortOrder: r.sort_order });

/** All budget lines of the förbund (the same lines across years), in report order. */
export async function listBudgetLines(q: Queryable, federationId: number): Promise<BudgetLine[]> {
  const rows = await q.query<Row>(
    `select id, section, label, sort_order from budget_line where federation_id = $1
     order by case section when 'income' then 0 when 'administration' then 1 when 'individual' then 2 when 'structural' then 3 else 4 end, sort_order, label`,
    [federationId],
  );
  return rows.map(toLine);
}

export async function lineMap(q: Queryable, federationId: number): Promise<Map<number, BudgetLine>> {
  return new Map((await listBudgetLines(q, federationId)).map((l) => [l.id, l]));
}

export function validateLine(input: { section: unknown; label: unknown }): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!isSection(input.section)) problems.push({ field: 'section', message: 'Okänt avsnitt: ange income, administration, individual, structural eller process_support.' });
  if (typeof input.label !== 'string' || input.label.trim() === '') problems.push({ field: 'label', message: 'Ange budgetpostens namn.' });
  else problems.push(...textProblems('label', input.label, { kind: 'name' }));
  return problems;
}

/** The line with this section and label, created (last in its section) when missing; inside a transaction. */
export async function ensureBudgetLine(tx: Queryable, federationId: number, section: Section, label: string): Promise<number> {
  const name = label.trim();
  const [found] = await tx.query<{ id: number }>('select id from budget_line where federation_id = $1 and section = $2 and label = $3', [federationId, section, name]);
  if (found) return found.id;
  const [r] = await tx.query<{ id: number }>(
    `insert into budget_line (federation_id, section, label, sort_order)
     values ($1, $2, $3, (select coalesce(max(sort_order), 0) + 1 from budget_line where federation_id = $1 and section = $2)) returning id`,
    [federationId, section, name],
  );
  return r!.id;
}

/** Adds a line to the förbund's budget lines (or returns the existing one with the same section and label). */
/** Puts a line at this place in the report order, inside an open transaction (the reference import's order). */
export async function setBudgetLineOrder(tx: Queryable, federationId: number, lineId: number, sortOrder: number): Promise<void> {
  await tx.query('update budget_line set sort_order = $3 where federation_id = $1 and id = $2', [federationId, lineId, sortOrder]);
}

export async function createBudgetLine(db: Database, federationId: number, input: { section: Section; label: string }, actor: Actor): Promise<BudgetLine> {
  const problems = validateLine(input);
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const id = await ensureBudgetLine(tx, federationId, input.section, input.label);
    const [r] = await tx.query<Row>('select id, section, label, sort_order from budget_line where federation_id = $1 and id = $2', [federationId, id]);
    return toLine(r!);
  }, actor);
}

/**
 * Sets how a line's year budget falls over the months (src/core/economy/budgetProfile.ts): 'even', 'quarterly',
 * 'yearly', or null for its section's default. Budget to date and the forecast follow it.
 */
export async function saveBudgetProfile(db: Database, federationId: number, lineId: number, profile: BudgetProfile | null, actor: Actor): Promise<void> {
  if (profile !== null && !isBudgetProfile(profile)) throw new InputError({ field: 'profile', message: 'Välj periodisering: even (jämnt), quarterly (kvartalsvis) eller yearly (en gång om året).' });
  await db.transaction(async (tx) => {
    const rows = await tx.query('update budget_line set budget_profile = $3 where federation_id = $1 and id = $2 returning id', [federationId, lineId, profile]);
    if (!rows[0]) throw new NotFoundError('Budgetposten finns inte.');
  }, actor);
}

/** Every budget line with its own budget profile (null: the section's default), in report order. */
export async function listBudgetProfiles(q: Queryable, federationId: number): Promise<(BudgetLine & { profile: BudgetProfile | null })[]> {
  const rows = await q.query<Row & { budget_profile: BudgetProfile | null }>(
    `select id, section, label, sort_order, budget_profile from budget_line where federation_id = $1
     order by case section when 'income' then 0 when 'administration' then 1 when 'individual' then 2 when 'structural' then 3 else 4 end, sort_order, label`,
    [federationId],
  );
  return rows.map((r) => ({ ...toLine(r), profile: r.budget_profile }));
}
