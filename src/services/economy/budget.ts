import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';
import { amountProblems, applyRevisions, summarizeBudget, validateRevision, type BudgetRevision, type BudgetSummary } from '../../core/economy/budget.ts';
import type { BudgetLine, LineAmounts } from '../../core/economy/types.ts';
import { lineMap, listBudgetLines } from './lines.ts';
import { getFiscalYear } from './years.ts';
import { assertBudgetOpen } from './budgetAdoption.ts';

export interface YearBudget {
  readonly year: number;
  /** All the förbund's budget lines (for labels and sections). */
  readonly lines: readonly BudgetLine[];
  /** The adopted budget. */
  readonly original: readonly LineAmounts[];
  /** Revisions in decision order. */
  readonly revisions: readonly (BudgetRevision & { readonly id: number })[];
  /** The budget after every revision (equals original when there is none). */
  readonly revised: readonly LineAmounts[];
  readonly originalSummary: BudgetSummary;
  readonly revisedSummary: BudgetSummary;
}

export async function loadOriginalBudget(q: Queryable, federationId: number, year: number): Promise<LineAmounts[]> {
  return q.query<LineAmounts>(
    'select budget_line_id as "lineId", income_ore as "incomeOre", cost_ore as "costOre" from budget_amount where federation_id = $1 and year = $2',
    [federationId, year],
  );
}

export async function loadRevisions(q: Queryable, federationId: number, year: number): Promise<(BudgetRevision & { id: number })[]> {
  const revs = await q.query<{ id: number; decided_on: string; decision: string }>(
    'select id, decided_on::text as decided_on, decision from budget_revision where federation_id = $1 and year = $2 order by decided_on, id',
    [federationId, year],
  );
  const lines = await q.query<LineAmounts & { revisionId: number }>(
    `select l.revision_id as "revisionId", l.budget_line_id as "lineId", l.income_ore as "incomeOre", l.cost_ore as "costOre"
     from budget_revision_line l join budget_revision r on r.federation_id = l.federation_id and r.id = l.revision_id
     where r.federation_id = $1 and r.year = $2`,
    [federationId, year],
  );
  return revs.map((r) => ({
    id: r.id,
    decidedOn: r.decided_on,
    decision: r.decision,
    lines: lines.filter((l) => l.revisionId === r.id).map(({ lineId, incomeOre, costOre }) => ({ lineId, incomeOre, costOre })),
  }));
}

/** The latest revised budget of a year (what key figures and the driftredovisning compare with). */
export async function loadRevisedBudget(q: Queryable, federationId: number, year: number): Promise<LineAmounts[]> {
  return applyRevisions(await loadOriginalBudget(q, federationId, year), await loadRevisions(q, federationId, year));
}

/** The year's budget: original, revisions, revised, and the plan's figures for both. NotFoundError without the year. */
export async function getBudget(q: Queryable, federationId: number, year: number): Promise<YearBudget> {
  const facts = await getFiscalYear(q, federationId, year);
  const lines = await listBudgetLines(q, federationId);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const original = await loadOriginalBudget(q, federationId, year);
  const revisions = await loadRevisions(q, federationId, year);
  const revised = applyRevisions(original, revisions);
  const equity = { openingEquityOre: facts.openingEquityOre, equityContributionsOre: facts.equityContributionsOre };
  return {
    year,
    lines,
    original,
    revisions,
    revised,
    originalSummary: summarizeBudget(original, byId, equity),
    revisedSummary: summarizeBudget(revised, byId, equity),
  };
}

/** Sets one line's amounts in the adopted budget, inside an open transaction. */
/** Removes a year's budget and its revisions, inside an open transaction (an import that replaces the year's budget). */
export async function clearYearBudget(tx: Queryable, federationId: number, year: number): Promise<void> {
  await tx.query('delete from budget_amount where federation_id = $1 and year = $2', [federationId, year]);
  await tx.query('delete from budget_revision where federation_id = $1 and year = $2', [federationId, year]);
}

export async function upsertBudgetAmount(tx: Queryable, federationId: number, year: number, amount: LineAmounts): Promise<void> {
  const problems = [...amountProblems(amount.incomeOre, 'income'), ...amountProblems(amount.costOre, 'cost')];
  if (problems.length) throw new InputError(problems);
  await assertBudgetOpen(tx, federationId, year);
  await tx.query(
    `insert into budget_amount (federation_id, year, budget_line_id, income_ore, cost_ore) values ($1, $2, $3, $4, $5)
     on conflict (federation_id, year, budget_line_id) do update set income_ore = excluded.income_ore, cost_ore = excluded.cost_ore`,
    [federationId, year, amount.lineId, amount.incomeOre, amount.costOre],
  );
}

async function assertLines(tx: Queryable, federationId: number, ids: readonly number[], field: (i: number) => string) {
  const known = await lineMap(tx, federationId);
  const problems = ids.flatMap((id, i) => (known.has(id) ? [] : [{ field: field(i), message: 'Budgetposten finns inte.' }]));
  if (problems.length) throw new InputError(problems);
}

/** Edits one line of the adopted budget (amounts in öre). The year and line must exist. */
export async function saveBudgetAmount(db: Database, federationId: number, year: number, amount: LineAmounts, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await getFiscalYear(tx, federationId, year);
    await assertLines(tx, federationId, [amount.lineId], () => 'lineId');
    await upsertBudgetAmount(tx, federationId, year, amount);
  }, actor);
}

/** Records a revision inside an open transaction; returns its id. */
export async function insertBudgetRevision(tx: Queryable, federationId: number, year: number, revision: BudgetRevision): Promise<number> {
  const problems = validateRevision(revision);
  if (problems.length) throw new InputError(problems);
  await assertLines(tx, federationId, revision.lines.map((l) => l.lineId), (i) => `lines[${i}].lineId`);
  const [r] = await tx.query<{ id: number }>(
    'insert into budget_revision (federation_id, year, decided_on, decision) values ($1, $2, $3, $4) returning id',
    [federationId, year, revision.decidedOn, revision.decision.trim()],
  );
  for (const l of revision.lines) {
    await tx.query(
      'insert into budget_revision_line (federation_id, revision_id, budget_line_id, income_ore, cost_ore) values ($1, $2, $3, $4, $5)',
      [federationId, r!.id, l.lineId, l.incomeOre, l.costOre],
    );
  }
  return r!.id;
}

/**
 * Corrects a recorded revision inside an open transaction: its date and decision, and its lines made exactly
 * `revision.lines` — a line already there is updated in place (the audit log shows its amounts before and
 * after), a line not there before is added, a line left out is removed.
 */
export async function correctBudgetRevision(tx: Queryable, federationId: number, revisionId: number, revision: BudgetRevision): Promise<void> {
  const problems = validateRevision(revision);
  if (problems.length) throw new InputError(problems);
  await assertLines(tx, federationId, revision.lines.map((l) => l.lineId), (i) => `lines[${i}].lineId`);
  await tx.query('update budget_revision set decided_on = $3, decision = $4 where federation_id = $1 and id = $2', [federationId, revisionId, revision.decidedOn, revision.decision.trim()]);
  const before = new Map(
    (
      await tx.query<{ lineId: number; incomeOre: string | number; costOre: string | number }>(
        'select budget_line_id as "lineId", income_ore as "incomeOre", cost_ore as "costOre" from budget_revision_line where federation_id = $1 and revision_id = $2',
        [federationId, revisionId],
      )
    ).map((r) => [Number(r.lineId), { incomeOre: Number(r.incomeOre), costOre: Number(r.costOre) }]),
  );
  for (const l of revision.lines) {
    const was = before.get(l.lineId);
    before.delete(l.lineId);
    if (!was) {
      await tx.query(
        'insert into budget_revision_line (federation_id, revision_id, budget_line_id, income_ore, cost_ore) values ($1, $2, $3, $4, $5)',
        [federationId, revisionId, l.lineId, l.incomeOre, l.costOre],
      );
    } else if (was.incomeOre !== l.incomeOre || was.costOre !== l.costOre) {
      await tx.query('update budget_revision_line set income_ore = $4, cost_ore = $5 where federation_id = $1 and revision_id = $2 and budget_line_id = $3', [
        federationId,
        revisionId,
        l.lineId,
        l.incomeOre,
        l.costOre,
      ]);
    }
  }
  for (const lineId of before.keys()) {
    await tx.query('delete from budget_revision_line where federation_id = $1 and revision_id = $2 and budget_line_id = $3', [federationId, revisionId, lineId]);
  }
}

/** Records a tilläggsbudget (date, decision, lines that replace or add lines). The original stays visible. */
export async function addBudgetRevision(db: Database, federationId: number, year: number, revision: BudgetRevision, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    await getFiscalYear(tx, federationId, year);
    return insertBudgetRevision(tx, federationId, year, revision);
  }, actor);
}
