import { redirectWithFlash } from '../kit/flash.tsx';
import { confirmRemoval, redirectRemoved } from '../kit/removal.tsx';
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { BudgetLinePage, MappingEditPage, RevisionPage, type BudgetLinePageModel, type MappingEditPageModel, type RevisionPageModel } from './correctionPages.tsx';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { parseId, parseIsoDate, parseKronor, parseText, parseYear, isBlank, type Parsed } from '../../core/input/index.ts';
import { isSection, type LineAmounts, type Section } from '../../core/economy/types.ts';
import { pathId, pathYear } from '../kit/params.ts';
import { formTextFields, jsonBody } from '../kit/requestBody.ts';
import { getBudget, listBudgetLines, listFiscalYears } from '../../services/economy/index.ts';
import { budgetLineUses, deleteBudgetLine, deleteBudgetRevision, updateBudgetLine, updateBudgetRevision } from '../../services/economy/corrections.ts';
import { updateMapping } from '../../services/ledger/mapping.ts';
import { adoptBudget, startYear } from '../../services/economy/yearCycle.ts';
import { deleteMapping, listMappings } from '../../services/ledger/mapping.ts';

type Fields = Record<string, unknown>;

/** Reads a value through the boundary; a problem is recorded under the field. */
function take<T>(problems: InputProblem[], field: string, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  problems.push({ field, message: parsed.message });
  return undefined;
}
function refuse(problems: readonly InputProblem[]): void {
  if (problems.length) throw new InputError(problems);
}


/** Section and label of a budget line. */
function lineInput(b: Fields): { section: Section; label: string } {
  const problems: InputProblem[] = [];
  if (!isSection(b.section)) problems.push({ field: 'section', message: 'Välj avsnitt.' });
  const label = take(problems, 'label', parseText(b.label, { kind: 'name' }));
  if (label === '') problems.push({ field: 'label', message: 'Ange budgetpostens namn.' });
  refuse(problems);
  return { section: b.section as Section, label: label! };
}

/** A kronor amount from a form (text) or JSON (number); blank is 0. */
function amount(problems: InputProblem[], field: string, raw: unknown): number {
  if (isBlank(raw)) return 0;
  return take(problems, field, parseKronor(raw, { allowNegative: true })) ?? 0;
}

/**
 * A revision's date, decision and lines. Lines come as `income-<lineId>`/`cost-<lineId>` (form) or `lines` (API).
 * In the form a line is part of the revision when either of its fields has an amount: a line left blank is not
 * (so clearing both removes it, and filling in one of the year's other lines adds it).
 */
function revisionInput(b: Fields, lineIds: readonly number[]): { decidedOn: string; decision: string; lines: LineAmounts[] } {
  const problems: InputProblem[] = [];
  const decidedOn = take(problems, 'decidedOn', parseIsoDate(b.decidedOn ?? b.date));
  const decision = take(problems, 'decision', parseText(b.decision ?? b.note, { multiline: true }));
  let lines: LineAmounts[];
  if (Array.isArray(b.lines)) {
    lines = (b.lines as Fields[]).map((l, i) => {
      const id = parseId(l?.lineId);
      if (!id.ok) problems.push({ field: `lines[${i}].lineId`, message: 'Ange budgetpostens id.' });
      return { lineId: id.ok ? id.value : 0, incomeOre: amount(problems, `lines[${i}].income`, l?.income), costOre: amount(problems, `lines[${i}].cost`, l?.cost) };
    });
  } else {
    lines = lineIds
      .filter((id) => !isBlank(b[`income-${id}`]) || !isBlank(b[`cost-${id}`]))
      .map((id) => ({ lineId: id, incomeOre: amount(problems, `income-${id}`, b[`income-${id}`]), costOre: amount(problems, `cost-${id}`, b[`cost-${id}`]) }));
    if (!lines.length && !problems.length) problems.push({ message: 'Tilläggsbudgeten behöver minst en budgetpost med belopp.' });
  }
  refuse(problems);
  return { decidedOn: decidedOn!, decision: decision!, lines };
}

/** A budget line's page; `backYear` (?ar=…) is the year's budget the user came from (none or malformed: the latest). */
export async function loadBudgetLinePage(db: Database, federation: FederationRef, lineId: number, backYear: string | undefined): Promise<BudgetLinePageModel> {
  const line = (await listBudgetLines(db, federation.id)).find((l) => l.id === lineId);
  if (!line) throw new NotFoundError('Budgetposten finns inte.');
  const uses = await budgetLineUses(db, federation.id, lineId);
  const year = backYear === undefined ? null : parseYear(backYear);
  const backHref = year?.ok ? `/f/${federation.id}/ar/${year.value}/budget` : `/f/${federation.id}/budget`;
  return { federation, line, uses, backHref };
}

/** A tilläggsbudget to correct, with the year's other budget lines it may add. */
export async function loadRevisionPage(db: Database, federation: FederationRef, year: number, revisionId: number): Promise<RevisionPageModel> {
  const budget = await getBudget(db, federation.id, year);
  const r = budget.revisions.find((x) => x.id === revisionId);
  if (!r) throw new NotFoundError('Tilläggsbudgeten finns inte.');
  const label = (lineId: number) => budget.lines.find((x) => x.id === lineId)?.label ?? String(lineId);
  const inRevision = new Set(r.lines.map((l) => l.lineId));
  return {
    federation,
    year,
    revision: { id: r.id, decidedOn: r.decidedOn, decision: r.decision, lines: r.lines.map((l) => ({ ...l, label: label(l.lineId) })) },
    otherLines: budget.lines.filter((l) => !inRevision.has(l.id)).map((l) => ({ lineId: l.id, label: l.label })),
  };
}

/** An account mapping to change, its accounts and object written as the form takes them. */
export async function loadMappingEditPage(db: Database, federation: FederationRef, id: number): Promise<MappingEditPageModel> {
  const m = (await listMappings(db, federation.id)).find((x) => x.id === id);
  if (!m) throw new NotFoundError('Kopplingen finns inte.');
  return {
    federation,
    mapping: {
      id,
      budgetLineId: m.budgetLineId,
      accounts: m.accountFrom === null ? '' : m.accountFrom === m.accountTo ? m.accountFrom : `${m.accountFrom}-${m.accountTo}`,
      object: m.dimension === null ? '' : `${m.dimension}:${m.objectCode}`,
    },
    lines: await listBudgetLines(db, federation.id),
  };
}

/**
 * Corrections in the economy and the year's cycle: budget lines renamed or removed, tilläggsbudgetar corrected
 * or removed, account mappings changed, the board's adoption of the budget, and a new year started from the
 * previous one. Pages, and the same in the JSON API.
 */
export const economyCorrectionRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const api = '/api/federations/:federationId';

  // --- Budget lines ---
  app.get('/f/:federationId/budgetposter/:lineId', async (c) => {
    requirePermission(c, 'economy:write');
    return c.html(<BudgetLinePage model={await loadBudgetLinePage(db, requireFederation(c), pathId(c, 'lineId'), c.req.query('ar'))} />);
  });
  app.post('/f/:federationId/budgetposter/:lineId', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const lineId = pathId(c, 'lineId');
    await updateBudgetLine(db, f.id, lineId, lineInput(await formTextFields(c)), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/budgetposter/${lineId}`, 'line-changed');
  });
  app.post('/f/:federationId/budgetposter/:lineId/ta-bort', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const lineId = pathId(c, 'lineId');
    confirmRemoval(await formTextFields(c), 'budgetposten');
    const line = (await listBudgetLines(db, f.id)).find((l) => l.id === lineId);
    await deleteBudgetLine(db, f.id, lineId, ctx.actor);
    // The latest year's budget (the year selector's /f/:id/budget would drop the confirmation on its way).
    const latest = (await listFiscalYears(db, f.id)).map((y) => y.year).sort((a, b) => b - a)[0];
    return redirectRemoved(c, latest === undefined ? `/f/${f.id}/medlemmar` : `/f/${f.id}/ar/${latest}/budget`, `budgetposten ${line?.label ?? ''}`.trim());
  });
  app.put(`${api}/budget-lines/:lineId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const lineId = pathId(c, 'lineId');
    await updateBudgetLine(db, f.id, lineId, lineInput(await jsonBody(c)), ctx.actor);
    return c.json((await listBudgetLines(db, f.id)).find((l) => l.id === lineId));
  });
  app.delete(`${api}/budget-lines/:lineId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    await deleteBudgetLine(db, requireFederation(c).id, pathId(c, 'lineId'), ctx.actor);
    return c.body(null, 204);
  });

  // --- Tilläggsbudgetar ---
  app.get('/f/:federationId/ar/:year/budget/tillaggsbudget/:revisionId', async (c) => {
    requirePermission(c, 'economy:write');
    return c.html(<RevisionPage model={await loadRevisionPage(db, requireFederation(c), pathYear(c), pathId(c, 'revisionId'))} />);
  });
  /** The lines a corrected revision may hold: those it has and the year's other budget lines. */
  const revisionLineIds = async (federationId: number, year: number, revisionId: number) => {
    const budget = await getBudget(db, federationId, year);
    const r = budget.revisions.find((x) => x.id === revisionId);
    if (!r) throw new NotFoundError('Tilläggsbudgeten finns inte.');
    return [...new Set([...r.lines.map((l) => l.lineId), ...budget.lines.map((l) => l.id)])];
  };
  app.post('/f/:federationId/ar/:year/budget/tillaggsbudget/:revisionId', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const year = pathYear(c);
    const revisionId = pathId(c, 'revisionId');
    const input = revisionInput(await formTextFields(c), await revisionLineIds(f.id, year, revisionId));
    await updateBudgetRevision(db, f.id, revisionId, input, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ar/${year}/budget#tillaggsbudgetar`, 'revision');
  });
  app.post('/f/:federationId/ar/:year/budget/tillaggsbudget/:revisionId/ta-bort', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const revisionId = pathId(c, 'revisionId');
    confirmRemoval(await formTextFields(c), 'tilläggsbudgeten');
    const decided = (await getBudget(db, f.id, pathYear(c))).revisions.find((r) => r.id === revisionId)?.decidedOn;
    const year = await deleteBudgetRevision(db, f.id, revisionId, ctx.actor);
    return redirectRemoved(c, `/f/${f.id}/ar/${year}/budget#tillaggsbudgetar`, decided ? `tilläggsbudgeten beslutad ${decided}` : 'tilläggsbudgeten');
  });
  app.put(`${api}/years/:year/budget/revisions/:revisionId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const year = pathYear(c);
    const revisionId = pathId(c, 'revisionId');
    const body = await jsonBody(c);
    const input = revisionInput(body, Array.isArray(body.lines) ? [] : await revisionLineIds(f.id, year, revisionId));
    await updateBudgetRevision(db, f.id, revisionId, input, ctx.actor);
    return c.body(null, 204);
  });
  app.delete(`${api}/years/:year/budget/revisions/:revisionId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    await deleteBudgetRevision(db, requireFederation(c).id, pathId(c, 'revisionId'), ctx.actor);
    return c.body(null, 204);
  });

  // --- The board adopts the budget ---
  const adopt = async (c: Context<AppEnv>, b: Fields) => {
    const ctx = requirePermission(c, 'economy:write');
    const f = requireFederation(c);
    const year = pathYear(c);
    await adoptBudget(db, f.id, year, { adoptedOn: String(b.adoptedOn ?? ''), reference: String(b.reference ?? '') }, ctx.actor);
    return { f, year };
  };
  app.post('/f/:federationId/ar/:year/budget/anta', async (c) => {
    const { f, year } = await adopt(c, await formTextFields(c));
    return redirectWithFlash(c, `/f/${f.id}/ar/${year}/budget`, 'adopted');
  });
  app.post(`${api}/years/:year/budget/adoption`, async (c) => {
    await adopt(c, await jsonBody(c));
    return c.body(null, 204);
  });

  // --- A new year from the previous one (the page form is on the members page, POST /f/:federationId/ar) ---
  app.post(`${api}/years`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    const year = take(problems, 'year', parseYear(b.year));
    const allocationOre = isBlank(b.allocation) ? undefined : take(problems, 'allocation', parseKronor(b.allocation));
    if (allocationOre === undefined && !problems.some((p) => p.field === 'allocation')) problems.push({ field: 'allocation', message: 'Ange årets medelstilldelning.' });
    refuse(problems);
    const started = await startYear(db, requireFederation(c).id, year!, { allocationOre: allocationOre! }, ctx.actor);
    return c.json(started, 201);
  });

  // --- Account mappings ---
  const mappingInput = (b: Fields) => {
    const problems: InputProblem[] = [];
    const id = parseId(b.budgetLineId);
    if (!id.ok) problems.push({ field: 'budgetLineId', message: 'Välj budgetpost.' });
    const accounts = take(problems, 'accounts', parseText(b.accounts ?? '', { kind: 'name' }));
    const object = take(problems, 'object', parseText(b.object ?? '', { kind: 'name' }));
    refuse(problems);
    return { budgetLineId: id.ok ? id.value : 0, accounts: accounts!, object: object! };
  };
  app.get('/f/:federationId/ledger/mapping/:id', async (c) => {
    requirePermission(c, 'ledger:write');
    return c.html(<MappingEditPage model={await loadMappingEditPage(db, requireFederation(c), pathId(c, 'id'))} />);
  });
  app.post('/f/:federationId/ledger/mapping/:id', async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const f = requireFederation(c);
    await updateMapping(db, f.id, pathId(c, 'id'), mappingInput(await formTextFields(c)), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/ledger/mapping`, 'mapping');
  });
  app.put(`${api}/ledger/mapping/:id`, async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    const f = requireFederation(c);
    const id = pathId(c, 'id');
    await updateMapping(db, f.id, id, mappingInput(await jsonBody(c)), ctx.actor);
    return c.json((await listMappings(db, f.id)).find((m) => m.id === id));
  });
  app.delete(`${api}/ledger/mapping/:id`, async (c) => {
    const ctx = requirePermission(c, 'ledger:write');
    await deleteMapping(db, requireFederation(c).id, pathId(c, 'id'), ctx.actor);
    return c.body(null, 204);
  });
  return app;
};
