import { redirectWithFlash } from '../kit/flash.tsx';
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requirePermission, type AppEnv } from '../context.ts';
import type { Database } from '../../db/database.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { formTextFields } from '../kit/requestBody.ts';
import { problemsToFieldErrors } from '../kit/refusedForm.ts';
import { parseAmountInput, parseIntegerInput, parsePercentInput } from '../kit/formInput.ts';
import { nationalStatisticsForYear, nationalYears, listNationalFederations } from '../../services/national/nationalStatistics.ts';
import { nationalCsv, nationalJson } from '../../exports/nationalExport.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { importStateInputs, listStateInputs, saveStateInput, saveStateYear, stateAllocationForYear, stateScenario, type StateInputRow } from '../../services/economy/stateAllocation.ts';
import { stateAllocationTable } from '../../core/economy/stateAllocationTable.ts';
import { parseHundredths, parseStateInputRows } from '../../importers/stateAllocation/parseStateInputs.ts';
import { parseId, parseInteger, parseText } from '../../core/input/index.ts';
import { queryYear } from '../kit/params.ts';
import { splitPartRows } from './splitForm.tsx';
import type { ScenarioComparison, StateAllocationInput } from '../../core/economy/stateAllocation.ts';
import { requestFreeze } from '../../services/freezeRequests.ts';
import { GenderAndExitsPage, ParticipantsPage, TrendsPage, type NationalYearModel } from './statisticsPages.tsx';
import { NationalEconomyPage } from './economyPage.tsx';
import { AllocationPage, type AllocationPageModel, type AllocationRefusal } from './allocationPage.tsx';
import { currentYear } from '../../core/calendar.ts';

/**
 * The national view: suppressed participant counts and economy figures of every förbund side by side, per
 * county and for the country (the national role, and any förbund's kansli to compare), and the state's
 * allocation model (read: the same; write: the national role). Menu: national/common.tsx (nationalNav).
 */

/** The year asked for (?ar=, or ?year= in the API): malformed is 400; null when none is asked for. */
function yearAsked(c: Context<AppEnv>): number | null {
  return queryYear(c) ?? null;
}

/** The allocation model's year: the one asked for, else this year. */
const allocationYear = (c: Context<AppEnv>): number => yearAsked(c) ?? currentYear();

/**
 * One year of the national statistics: the year asked for, else the newest with figures (else this year). A
 * closed year not yet frozen everywhere: the server's background freezer takes it (publiceras snart).
 */
export async function loadNationalYear(db: Database, asked: number | null): Promise<NationalYearModel> {
  const years = await nationalYears(db);
  const year = asked ?? years[0] ?? currentYear();
  const statistics = await nationalStatisticsForYear(db, year);
  if (statistics.publication.state === 'pending' || statistics.series.some((p) => !p.published)) requestFreeze(db);
  return { years, year, statistics };
}

/** The what-if questions of the allocation page, as asked in the query string (GET forms: nothing is saved). */
export interface AllocationQuery {
  /** Ids of the förbund to merge (?slaihop=…, repeated) and the merged förbund's name (?namn=). */
  readonly mergeIds: readonly string[];
  readonly mergeName: string;
  /** The split form's fields: dela (the förbund's id) and del{k}namn, del{k}befolkning, del{k}matt. */
  readonly split: Readonly<Record<string, string>>;
}

function allocationQuery(c: Context<AppEnv>): AllocationQuery {
  const fields = ['dela', ...Array.from({ length: splitPartRows }, (_, i) => [`del${i + 1}namn`, `del${i + 1}befolkning`, `del${i + 1}matt`]).flat()];
  return { mergeIds: c.req.queries('slaihop') ?? [], mergeName: c.req.query('namn') ?? '', split: Object.fromEntries(fields.map((k) => [k, c.req.query(k) ?? ''])) };
}

/** The split form read: the förbund split and its parts, or messages by field (nothing when no förbund is chosen). */
function readSplit(inputs: readonly StateInputRow[], values: Readonly<Record<string, string>>): { target: StateInputRow | undefined; parts: StateAllocationInput[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const target = inputs.find((x) => String(x.federationId) === values.dela);
  if (!target) errors.dela = 'Välj ett förbund som har underlag för året.';
  const parts: StateAllocationInput[] = [];
  for (let k = 1; k <= splitPartRows; k++) {
    const [n, p, m] = [`del${k}namn`, `del${k}befolkning`, `del${k}matt`].map((f) => (values[f] ?? '').trim());
    if (!n && !p && !m) continue;
    const name = parseText(n!, { kind: 'short' });
    const population = parseInteger(p!);
    const measure = parseHundredths(m!);
    if (!name.ok || !n) errors[`del${k}namn`] = name.ok ? 'Ange delens namn.' : name.message;
    else if (inputs.some((x) => x.federation === name.value && x.federation !== target?.federation) || parts.some((x) => x.federation === name.value)) errors[`del${k}namn`] = 'Namnet används redan av ett annat förbund eller en annan del.';
    if (!population.ok) errors[`del${k}befolkning`] = population.message;
    if (measure === null) errors[`del${k}matt`] = 'Ange försörjningsmåttet, t.ex. 1 234,5.';
    if (name.ok && n && population.ok && measure !== null) parts.push({ federation: name.value, population: population.value, supportMeasureHundredths: measure });
  }
  if (!Object.keys(errors).length && parts.length < 2) errors.del2namn = 'Ange minst två delar.';
  return { target, parts, errors };
}

/**
 * The allocation page of a year: the allocation and its inputs, and the what-if asked for (a split, then a merger:
 * when both are asked the merger is shown), with a refused post's messages and values.
 */
export async function loadAllocationPage(db: Database, year: number, query: AllocationQuery, canWrite: boolean, refused: AllocationRefusal = {}): Promise<AllocationPageModel> {
  const allocation = await stateAllocationForYear(db, year);
  const federations = (await listNationalFederations(db)).map((f) => ({ id: f.id, name: f.name }));
  const inputs = await listStateInputs(db, year);
  let scenario: ScenarioComparison | null = null;
  let scenarioError: string | null = null;
  const compare = async (ask: Parameters<typeof stateScenario>[2]) => {
    try {
      scenario = await stateScenario(db, year, ask);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      scenarioError = err.message;
    }
  };
  let splitErrors: Record<string, string> = {};
  if (query.split.dela) {
    const split = readSplit(inputs, query.split);
    splitErrors = split.errors;
    if (!Object.keys(split.errors).length && split.target) await compare({ kind: 'split', federation: split.target.federation, into: split.parts });
  }
  if (query.mergeIds.length) {
    const names = inputs.filter((x) => query.mergeIds.includes(String(x.federationId))).map((x) => x.federation);
    await compare({ kind: 'merge', federations: names, name: query.mergeName.trim() || 'Sammanslaget förbund' });
  }
  return {
    year,
    canWrite,
    allocation,
    federations,
    inputs,
    merge: { chosen: query.mergeIds, name: query.mergeName },
    split: { values: query.split, errors: splitErrors },
    scenario,
    scenarioError,
    refused,
  };
}

export const nationalRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const nationalYear = (c: Context<AppEnv>) => {
    requirePermission(c, 'national:read');
    return loadNationalYear(db, yearAsked(c));
  };

  app.get('/nationell', async (c) => c.html(<ParticipantsPage model={await nationalYear(c)} />));
  app.get('/nationell/ekonomi', async (c) => c.html(<NationalEconomyPage model={await nationalYear(c)} />));
  app.get('/nationell/kon-och-avslut', async (c) => c.html(<GenderAndExitsPage model={await nationalYear(c)} />));
  app.get('/nationell/trender', async (c) => c.html(<TrendsPage model={await nationalYear(c)} />));

  app.get('/nationell/statistik.csv', async (c) => {
    const { year, statistics } = await nationalYear(c);
    return c.body(nationalCsv(statistics), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="nationell-statistik-${year}.csv"` });
  });
  app.get('/api/national/statistics', async (c) => {
    const { statistics } = await nationalYear(c);
    return c.json(nationalJson(statistics));
  });

  // ---- The state's allocation model ----
  /** The allocation page, as asked; a refused post's messages and values make it a 400. */
  const allocationPage = async (c: Context<AppEnv>, refused?: AllocationRefusal) => {
    const ctx = requirePermission(c, 'national:read');
    const model = await loadAllocationPage(db, allocationYear(c), allocationQuery(c), ctx.can('national:write'), refused);
    return c.html(<AllocationPage model={model} />, refused?.errors || refused?.general ? 400 : 200);
  };

  app.get('/nationell/fordelning', (c) => allocationPage(c));
  app.get('/nationell/fordelning.csv', async (c) => {
    requirePermission(c, 'national:read');
    const year = allocationYear(c);
    const y = await stateAllocationForYear(db, year);
    if (!y.allocation) throw new NotFoundError(y.problem ?? 'Ingen fördelning.');
    return c.body(tableToCsv(stateAllocationTable(y.allocation)), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="statens-fordelning-${year}.csv"` });
  });
  app.get('/api/national/allocation', async (c) => {
    requirePermission(c, 'national:read');
    const year = allocationYear(c);
    const y = await stateAllocationForYear(db, year);
    return c.json({ year, problem: y.problem, total: y.settings ? y.settings.totalOre / 100 : null, federations: y.rows.map((r) => ({ federation: r.federation, base: r.baseOre / 100, supportShare: r.supportShareOre / 100, populationShare: r.populationShareOre / 100, adjustment: r.adjustmentOre / 100, amount: r.amountOre / 100, equityCapShare: r.equityCapShare, equityCap: r.equityCapOre / 100 })) });
  });

  const redirectBack = (c: Context<AppEnv>, year: number) => redirectWithFlash(c, `/nationell/fordelning?ar=${year}`, 'national-allocation');
  app.post('/nationell/fordelning/total', async (c) => {
    const ctx = requirePermission(c, 'national:write');
    const year = allocationYear(c);
    const form = await formTextFields(c);
    const errors: Record<string, string> = {};
    const total = parseAmountInput(form.total ?? '');
    const fall = parsePercentInput(form.maxFall ?? '');
    if (!total.ok) errors.total = total.message;
    else if (total.ore === null) errors.total = 'Ange statens totala belopp.';
    if (!fall.ok) errors.maxFall = fall.message;
    if (!Object.keys(errors).length && total.ok && fall.ok) {
      await saveStateYear(db, year, { totalOre: total.ore!, maxFallBp: fall.basisPoints }, ctx.actor);
      return redirectBack(c, year);
    }
    return allocationPage(c, { errors, values: form });
  });
  app.post('/nationell/fordelning/underlag', async (c) => {
    const ctx = requirePermission(c, 'national:write');
    const year = allocationYear(c);
    const form = await formTextFields(c);
    const errors: Record<string, string> = {};
    let general: string[] = [];
    const fid = parseId(form.federationId);
    const pop = parseIntegerInput(form.population ?? '');
    const hundredths = parseHundredths(form.supportMeasure ?? '');
    if (!fid.ok) errors.federationId = 'Välj ett förbund.';
    if (!pop.ok || pop.value === null) errors.population = pop.ok ? 'Ange befolkningen.' : pop.message;
    if (hundredths === null) errors.supportMeasure = 'Ange försörjningsmåttet, t.ex. 1 234,5.';
    if (!Object.keys(errors).length && fid.ok && pop.ok && hundredths !== null) {
      try {
        await saveStateInput(db, fid.value, year, { population: pop.value!, supportMeasureHundredths: hundredths }, ctx.actor);
        return redirectBack(c, year);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        const refused = problemsToFieldErrors(err.problems);
        Object.assign(errors, refused.fields);
        general = refused.general; // a message for no field of this form is shown too, never dropped
      }
    }
    return allocationPage(c, { errors, general, values: form });
  });
  app.post('/nationell/fordelning/import', async (c) => {
    const ctx = requirePermission(c, 'national:write');
    const year = allocationYear(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return allocationPage(c, { errors: { file: 'Välj en CSV-fil.' } });
    try {
      await importStateInputs(db, year, parseStateInputRows(await file.text(), file.name), file.name, ctx.actor);
      return redirectBack(c, year);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      return allocationPage(c, { general: err.problems.map((p) => [p.file, p.line ? `rad ${p.line}` : null, p.field ? `fält "${p.field}"` : null].filter(Boolean).join(', ') + `: ${p.message}`) });
    }
  });
  return app;
};
