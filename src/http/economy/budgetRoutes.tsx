import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { Database } from '../../db/database.ts';
import type { AppEnv } from '../context.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import type { FieldErrors } from '../kit/form.tsx';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseAmountInput } from '../kit/formInput.ts';
import { isSection, type LineAmounts, type Section } from '../../core/economy/types.ts';
import { addBudgetRevision, closeYear, createBudgetLine, getBudget, getYearClosing, listFiscalYears, reopenYear, saveBudgetAmount, yearFigures } from '../../services/economy/index.ts';
import { yearParam } from './shared.ts';
import { pathId } from '../kit/params.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { assertBudgetOpen, getBudgetAdoption } from '../../services/economy/yearCycle.ts';
import { BudgetPage, EditLinePage, type BudgetPageModel, type EditLineModel } from './budgetPage.tsx';

function amountsOf(list: readonly LineAmounts[]): Map<number, LineAmounts> {
  return new Map(list.map((l) => [l.lineId, l]));
}

/** A refused form on the budget page: what was posted and the errors, for the new-line or the revision form. */
type BudgetFormState = Pick<BudgetPageModel, 'revisionErrors' | 'revisionGeneral' | 'revisionValues' | 'lineErrors' | 'lineValues' | 'closingGeneral'>;

/** The budget page's model: the year's budget (404 for a year the förbund lacks), its years and the adoption. */
export async function loadBudgetPage(db: Database, federation: FederationRef, year: number, canWrite: boolean, refused: BudgetFormState = {}): Promise<BudgetPageModel> {
  const budget = await getBudget(db, federation.id, year);
  const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
  const adoption = await getBudgetAdoption(db, federation.id, year);
  const figures = await yearFigures(db, federation.id, year);
  return {
    federation,
    budget,
    years,
    adoption,
    canWrite,
    period: { label: figures.periodLabel, complete: figures.period.complete, closing: await getYearClosing(db, federation.id, year) },
    forecast: { resultOre: figures.forecastFigures.resultOre, equityClosingOre: figures.forecastFigures.equityClosingOre, method: figures.forecast.method },
    ...refused,
  };
}

/** The page editing one line of the original budget (404 for a line the förbund lacks); a refused form's values. */
export async function loadEditLine(
  db: Database,
  federation: FederationRef,
  year: number,
  lineId: number,
  refused: { values: { income: string; cost: string }; errors: FieldErrors; general: string[] } | null = null,
): Promise<EditLineModel> {
  const budget = await getBudget(db, federation.id, year);
  const line = budget.lines.find((l) => l.id === lineId);
  if (!line) throw new NotFoundError('Budgetposten finns inte.');
  const adoption = await getBudgetAdoption(db, federation.id, year);
  return { federation, budget, line, adoption, current: amountsOf(budget.original).get(line.id), ...(refused ?? {}) };
}

/** Budget of a year: lines per section (original and revised), the plan's figures, revisions, editing. */
export const economyBudgetRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const page = async (federation: FederationRef, year: number, canWrite: boolean, refused: BudgetFormState = {}) => <BudgetPage model={await loadBudgetPage(db, federation, year, canWrite, refused)} />;

  app.get('/f/:federationId/ar/:year/budget', async (c) => {
    requirePermission(c, 'economy:read');
    const federation = requireFederation(c);
    return c.html(await page(federation, yearParam(c), c.get('ctx').can('economy:write')));
  });

  app.get('/f/:federationId/ar/:year/budget/post/:lineId', async (c) => {
    requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    return c.html(<EditLinePage model={await loadEditLine(db, federation, yearParam(c), pathId(c, 'lineId'))} />);
  });

  app.post('/f/:federationId/ar/:year/budget/post/:lineId', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const lineId = pathId(c, 'lineId');
    const form = await formTextFields(c);
    const income = parseAmountInput(form.income ?? '');
    const cost = parseAmountInput(form.cost ?? '', { allowNegative: true });
    const errors: Record<string, string> = {};
    const general: string[] = [];
    if (!income.ok) errors.income = `Intäkt: ${income.message}`;
    if (!cost.ok) errors.cost = `Kostnad: ${cost.message}`;
    if (!Object.keys(errors).length) {
      try {
        await saveBudgetAmount(db, federation.id, year, { lineId, incomeOre: (income.ok && income.ore) || 0, costOre: (cost.ok && cost.ore) || 0 }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#post-${lineId}`, 'budget');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const mapped = problemsToFieldErrors(e.problems);
        Object.assign(errors, mapped.fields);
        general.push(...mapped.general);
      }
    }
    return c.html(<EditLinePage model={await loadEditLine(db, federation, year, lineId, { values: { income: form.income ?? '', cost: form.cost ?? '' }, errors, general })} />, 400);
  });

  app.post('/f/:federationId/ar/:year/budget/poster', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formTextFields(c);
    const errors: Record<string, string> = {};
    const income = parseAmountInput(form['new-income'] ?? '');
    const cost = parseAmountInput(form['new-cost'] ?? '', { allowNegative: true });
    if (!isSection(form['new-section'])) errors['new-section'] = 'Välj avsnitt.';
    if (!(form['new-label'] ?? '').trim()) errors['new-label'] = 'Ange budgetpostens namn.';
    if (!income.ok) errors['new-income'] = `Intäkt: ${income.message}`;
    if (!cost.ok) errors['new-cost'] = `Kostnad: ${cost.message}`;
    if (!Object.keys(errors).length) {
      const budget = await getBudget(db, federation.id, year); // the year must exist before a line is added
      const label = form['new-label']!.trim();
      if (budget.lines.some((l) => l.section === form['new-section'] && l.label === label)) {
        errors['new-label'] = 'Det finns redan en budgetpost med det namnet i avsnittet.';
      } else {
        try {
          const incomeOre = (income.ok && income.ore) || 0;
          const costOre = (cost.ok && cost.ore) || 0;
          // After the board's adoption a new line gets its amounts through a tilläggsbudget.
          if ((incomeOre || costOre) && (await getBudgetAdoption(db, federation.id, year))) await assertBudgetOpen(db, federation.id, year);
          const line = await createBudgetLine(db, federation.id, { section: form['new-section'] as Section, label }, ctx.actor);
          if (incomeOre || costOre || !(await getBudgetAdoption(db, federation.id, year))) await saveBudgetAmount(db, federation.id, year, { lineId: line.id, incomeOre: (income.ok && income.ore) || 0, costOre: (cost.ok && cost.ore) || 0 }, ctx.actor);
          return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#post-${line.id}`, 'line');
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          const mapped = problemsToFieldErrors(e.problems, { section: 'new-section', label: 'new-label', income: 'new-income', cost: 'new-cost' });
          Object.assign(errors, mapped.fields);
          if (mapped.general.length) errors['new-income'] = mapped.general.join(' ');
        }
      }
    }
    return c.html(await page(federation, year, true, { lineErrors: errors, lineValues: form }), 400);
  });

  // Bokslut: the kansli closes the year (its figures become the year's outcome) or opens it again.
  app.post('/f/:federationId/ar/:year/stang', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formTextFields(c);
    try {
      if (form.reopen === 'ja') {
        await reopenYear(db, federation.id, year, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#bokslut`, 'year-reopened');
      }
      await closeYear(db, federation.id, year, ctx.actor);
      return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#bokslut`, 'year-closed');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(await page(federation, year, true, { closingGeneral: e.problems.map((p) => p.message) }), 400);
    }
  });

  app.post('/f/:federationId/ar/:year/budget/tillaggsbudget', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formTextFields(c);
    const budget = await getBudget(db, federation.id, year);
    const revised = amountsOf(budget.revised);
    const errors: Record<string, string> = {};
    const changed: LineAmounts[] = [];
    for (const line of budget.lines) {
      const inc = parseAmountInput(form[`income-${line.id}`] ?? '');
      const cost = parseAmountInput(form[`cost-${line.id}`] ?? '', { allowNegative: true });
      if (!inc.ok) errors[`income-${line.id}`] = `${line.label}, intäkt: ${inc.message}`;
      if (!cost.ok) errors[`cost-${line.id}`] = `${line.label}, kostnad: ${cost.message}`;
      if (!inc.ok || !cost.ok) continue;
      const before = revised.get(line.id);
      const incomeOre = inc.ore ?? before?.incomeOre ?? 0;
      const costOre = cost.ore ?? before?.costOre ?? 0;
      if (incomeOre !== (before?.incomeOre ?? 0) || costOre !== (before?.costOre ?? 0)) changed.push({ lineId: line.id, incomeOre, costOre });
    }
    const general: string[] = [];
    if (!Object.keys(errors).length && changed.length === 0) general.push('Tilläggsbudgeten ändrar ingen budgetpost: ändra minst ett belopp.');
    if (!Object.keys(errors).length && !general.length) {
      try {
        await addBudgetRevision(db, federation.id, year, { decidedOn: (form.decidedOn ?? '').trim(), decision: form.decision ?? '', lines: changed }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/budget#tillaggsbudgetar`, 'revision');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        const mapped = problemsToFieldErrors(e.problems);
        Object.assign(errors, mapped.fields);
        general.push(...mapped.general);
      }
    }
    return c.html(await page(federation, year, true, { revisionErrors: errors, revisionGeneral: general, revisionValues: form }), 400);
  });
  return app;
};
