import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import type { AppEnv } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { requireFederation, requirePermission, type FederationRef } from '../context.ts';
import { describeProblem, InputError } from '../../core/errors.ts';
import { importOutcomeData, outcomeCellsCsv, planOutcomeImport, type OutcomePlan } from '../../importers/outcome/importOutcome.ts';
import { parseId, parseMonth, parseText, valueOrThrow } from '../../core/input/index.ts';
import { outcomeTemplateTable } from '../../importers/outcome/outcomeTemplate.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { tablesToXlsx } from '../../exports/xlsx.ts';
import { parseAmountInput } from '../kit/formInput.ts';
import { getFiscalYear, listBudgetLines, listFiscalYears, loadYearOutcome, saveOutcomeEntry, yearFigures } from '../../services/economy/index.ts';
import { yearParam } from './shared.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { OutcomePage, OutcomePreviewPage, type OutcomePageModel, type OutcomePreviewModel } from './outcomePage.tsx';
import { outcomeCellSources, traceOutcome } from '../../services/economy/outcomeTrace.ts';
import { ledgerLineVouchers, traceLedgerLine } from '../../services/ledger/trace.ts';
import { TracePage, type TracePageModel } from './tracePage.tsx';
import { pathId, queryInteger, queryMonth } from '../kit/params.ts';

/** How the outcome page comes back after a refusal: the entry's values and messages, or the file's. */
export type OutcomeRefusal = Pick<OutcomePageModel, 'entryValues' | 'entryErrors' | 'fileErrors' | 'fileProblems'>;

/** The outcome page's model: the year's outcome net per line and month (404 for a year the förbund lacks). */
export async function loadOutcomePage(db: Database, federation: FederationRef, year: number, canWrite: boolean, refusal: OutcomeRefusal = {}): Promise<OutcomePageModel> {
  await getFiscalYear(db, federation.id, year);
  const lines = await listBudgetLines(db, federation.id);
  const outcome = await loadYearOutcome(db, federation.id, year);
  const years = (await listFiscalYears(db, federation.id)).map((f) => f.year);
  const net = new Map<string, number>();
  for (const m of outcome.monthly) net.set(`${m.lineId}:${m.month}`, m.incomeOre - m.costOre);
  const lineTotal = new Map(outcome.byLine.map((l) => [l.lineId, l.incomeOre - l.costOre]));
  const source = new Map((await outcomeCellSources(db, federation.id, year)).map((s) => [`${s.lineId}:${s.month}`, s.source]));
  const rows = lines.flatMap((l) => {
    const totalOre = lineTotal.get(l.id);
    if (totalOre === undefined) return [];
    return [
      {
        lineId: l.id,
        label: l.label,
        monthsOre: Array.from({ length: 12 }, (_, i) => net.get(`${l.id}:${i + 1}`) ?? null),
        monthSources: Array.from({ length: 12 }, (_, i) => source.get(`${l.id}:${i + 1}`) ?? null),
        totalOre,
      },
    ];
  });
  const periodLabel = (await yearFigures(db, federation.id, year)).periodLabel;
  return { federation, year, years, periodLabel, sources: outcome.sources, lines, rows, canWrite, ...refusal };
}

/** The source of one line's outcome (a month, or the year), with the vouchers of a ledger year a page at a time. */
export async function loadTracePage(db: Database, federation: FederationRef, year: number, lineId: number, month: number | null, offset: number): Promise<TracePageModel> {
  const trace = await traceOutcome(db, federation.id, year, lineId, month);
  const ledger = await traceLedgerLine(db, federation.id, year, lineId);
  const vouchers = ledger?.basis === 'vouchers' ? await ledgerLineVouchers(db, federation.id, year, lineId, month, { offset }) : null;
  return { federation, trace, ledger, vouchers };
}

/** The preview of an outcome file: what it would change, and its cells for the confirmation. */
export function outcomePreviewModel(federation: FederationRef, year: number, plan: OutcomePlan): OutcomePreviewModel {
  return { federation, year, file: plan.file, rows: plan.rows, years: plan.years, changes: plan.changes, cellsCsv: outcomeCellsCsv(plan.cells) };
}

/** Outcome (utfall) of a year: what is recorded per line and month, and entry of one line's month. */
export const economyOutcomeRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const page = async (federation: FederationRef, year: number, refusal: OutcomeRefusal) =>
    <OutcomePage model={await loadOutcomePage(db, federation, year, true, refusal)} />;

  app.get('/f/:federationId/ar/:year/utfall', async (c) => {
    requirePermission(c, 'economy:read');
    return c.html(<OutcomePage model={await loadOutcomePage(db, requireFederation(c), yearParam(c), c.get('ctx').can('economy:write'))} />);
  });

  app.get('/f/:federationId/ar/:year/utfall/kalla/:lineId', async (c) => {
    requirePermission(c, 'economy:read');
    const month = queryMonth(c, ['manad']) ?? null;
    const offset = queryInteger(c, 'fran', { min: 0, max: 10_000_000 }) ?? 0;
    return c.html(<TracePage model={await loadTracePage(db, requireFederation(c), yearParam(c), pathId(c, 'lineId'), month, offset)} />);
  });

  app.post('/f/:federationId/ar/:year/utfall', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    const form = await formTextFields(c);
    const errors: Record<string, string> = {};
    const lineId = parseId(form.lineId ?? '');
    const month = parseMonth(form.month ?? '');
    if (!lineId.ok) errors.lineId = 'Välj budgetpost.';
    if (!month.ok) errors.month = 'Välj månad.';
    const income = parseAmountInput(form.income ?? '', { allowNegative: true });
    const cost = parseAmountInput(form.cost ?? '', { allowNegative: true });
    if (!income.ok) errors.income = `Intäkt: ${income.message}`;
    if (!cost.ok) errors.cost = `Kostnad: ${cost.message}`;
    if (income.ok && cost.ok && income.ore === null && cost.ore === null) errors.cost = 'Ange intäkt eller kostnad.';
    if (lineId.ok && month.ok && !Object.keys(errors).length) {
      try {
        await saveOutcomeEntry(db, federation.id, year, { lineId: lineId.value, month: month.value, incomeOre: (income.ok && income.ore) || 0, costOre: (cost.ok && cost.ore) || 0 }, ctx.actor);
        return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/utfall`, 'outcome');
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        Object.assign(errors, problemsToFieldErrors(e.problems).fields);
      }
    }
    return c.html(await page(federation, year, { entryErrors: errors, entryValues: form }), 400);
  });

  app.post('/f/:federationId/ar/:year/utfall/fil', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    await getFiscalYear(db, federation.id, year);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0 || !file.name) {
      return c.html(await page(federation, year, { fileErrors: { file: 'Välj en fil att läsa in.' } }), 400);
    }
    if (file.size > 10 * 1024 * 1024) return c.html(await page(federation, year, { fileErrors: { file: 'Filen är större än 10 MB.' } }), 400);
    const name = valueOrThrow(parseText(file.name, { kind: 'fileName' }), { field: 'file' });
    try {
      const plan = await planOutcomeImport(db, federation.id, new Uint8Array(await file.arrayBuffer()), name);
      return c.html(<OutcomePreviewPage model={outcomePreviewModel(federation, year, plan)} />);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(await page(federation, year, { fileProblems: [`Ingenting har lästs in. Filen har ${e.problems.length === 1 ? 'ett fel' : `${e.problems.length} fel`}:`, ...e.problems.map(describeProblem)] }), 400);
    }
  });

  /** The confirmed import: the previewed cells come back as the template's CSV and go through the same checks. */
  app.post('/f/:federationId/ar/:year/utfall/fil/bekrafta', async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const federation = requireFederation(c);
    const year = yearParam(c);
    await getFiscalYear(db, federation.id, year);
    const body = await c.req.parseBody();
    const data = typeof body.data === 'string' ? body.data : '';
    const name = valueOrThrow(parseText(typeof body.fileName === 'string' ? body.fileName : '', { kind: 'fileName' }), { field: 'fileName' }) || 'utfall.csv';
    try {
      await importOutcomeData(db, federation.id, new TextEncoder().encode(data), { name, as: 'csv' }, ctx.actor);
      return redirectWithFlash(c, `/f/${federation.id}/ar/${year}/utfall`, 'outcome-import');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      return c.html(await page(federation, year, { fileProblems: ['Ingenting har lästs in.', ...e.problems.map(describeProblem)] }), 400);
    }
  });

  const template = async (federationId: number, year: number) => {
    await getFiscalYear(db, federationId, year);
    return outcomeTemplateTable(year, await listBudgetLines(db, federationId));
  };
  app.get('/f/:federationId/ar/:year/utfallsmall.xlsx', async (c) => {
    requirePermission(c, 'economy:read');
    const year = yearParam(c);
    const body = await tablesToXlsx([await template(requireFederation(c).id, year)]);
    return c.body(new Uint8Array(body), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="utfallsmall-${year}.xlsx"`,
    });
  });
  app.get('/f/:federationId/ar/:year/utfallsmall.csv', async (c) => {
    requirePermission(c, 'economy:read');
    const year = yearParam(c);
    return c.body(tableToCsv(await template(requireFederation(c).id, year)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="utfallsmall-${year}.csv"`,
    });
  });
  return app;
};
