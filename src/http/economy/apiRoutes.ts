/**
 * JSON API of the economy, under /api/federations/:federationId/… . Every route takes the acting user and
 * förbund from the request context and checks 'economy:read' or 'economy:write'. Amounts in request and
 * response bodies are kronor (as in the reference format), except the dashboard overview, which returns the
 * core's öre figures (fields named *Ore).
 */
import { Hono, type Context } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv } from '../context.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import { parseKronor, parseMonth, valueOrThrow } from '../../core/input/index.ts';
import { pathId, pathYear, queryMonth } from '../kit/params.ts';
import { isMemberKind, isSection, type MemberKind, type Section } from '../../core/economy/types.ts';
import { keyFiguresReportJson, operatingStatementReportJson } from '../../core/economy/yearFiguresJson.ts';
import { yearCostDistributionTable, yearFiveYearTable, yearKeyFiguresTable, yearStatementTable } from '../../core/economy/yearFiguresTables.ts';
import { isBudgetProfile, type BudgetProfile } from '../../core/economy/budgetProfile.ts';
import { budgetTable, contributionsTable } from '../../core/economy/tables.ts';
import type { Table } from '../../core/table.ts';
import { kronorToOre, oreAsKronor } from '../../core/rounding.ts';
import type { EquityCapStep, FederationSettings } from '../../core/settings.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { tableToXlsx } from '../../exports/xlsx.ts';
import * as economy from '../../services/economy/index.ts';
import { jsonBody } from '../kit/requestBody.ts';

type Body = Record<string, unknown>;

/** A kronor amount (a JSON number with at most two decimals) → öre, by the boundary's kronor rule; problems name the field. */
function kronor(b: Body, field: string, problems: InputProblem[], opts: { required?: boolean; min?: number } = {}): number | undefined {
  const v = b[field];
  if (v === undefined || v === null) {
    if (opts.required ?? true) problems.push({ field, message: 'Ange ett belopp.' });
    return undefined;
  }
  if (typeof v !== 'number') {
    problems.push({ field, message: 'Beloppet ska vara ett tal i kronor (högst två decimaler).' });
    return undefined;
  }
  const r = parseKronor(v, { allowNegative: opts.min === undefined || opts.min < 0 });
  if (!r.ok) {
    problems.push({ field, message: r.message });
    return undefined;
  }
  if (opts.min !== undefined && r.value < opts.min) {
    problems.push({ field, message: 'Beloppet får inte vara negativt.' });
    return undefined;
  }
  return r.value;
}

/** A year or id in the path, through the boundary (malformed: 400). */
function intParam(c: Context<AppEnv>, name: string): number {
  return name === 'year' ? pathYear(c) : name === 'month' ? valueOrThrow(parseMonth(c.req.param('month') ?? ''), { field: 'month' }) : pathId(c, name);
}

function throwIf(problems: InputProblem[]) {
  if (problems.length) throw new InputError(problems);
}

const kr = (ore: number | null) => (ore === null ? null : oreAsKronor(ore));

/** The settings as JSON, amounts in kronor (the staircase's thresholds too). */
function settingsJson(s: FederationSettings) {
  return {
    equityCapShare: s.equityCapShare,
    equityCapSteps: s.equityCapSteps.map((st) => ({ fromAllocation: oreAsKronor(st.fromAllocationOre), share: st.share })),
    equityFloor: kr(s.equityFloorOre),
    minCellSize: s.minCellSize,
  };
}

/** [{ fromAllocation: kronor, share }] → steps in öre; invalid entries are left for settingsProblems to name. */
function stepsFromJson(v: unknown): EquityCapStep[] {
  if (!Array.isArray(v)) return v as EquityCapStep[];
  return v.map((x: { fromAllocation?: unknown; share?: unknown }) => ({
    fromAllocationOre: (() => {
      try {
        return kronorToOre(x?.fromAllocation as number);
      } catch {
        return NaN;
      }
    })(),
    share: x?.share as number,
  }));
}

export const economyApiRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();
  const base = '/api/federations/:federationId';
  /** The exportable tables by file name. */
  const exportTables: Record<string, (federationId: number, name: string, year: number) => Promise<Table>> = {
    driftredovisning: async (id, _name, year) => yearStatementTable(await economy.yearFigures(db, id, year)),
    nyckeltal: async (id, _name, year) => yearKeyFiguresTable(await economy.yearFigures(db, id, year)),
    kostnadsfordelning: async (id, _name, year) => yearCostDistributionTable(await economy.yearFigures(db, id, year)),
    femarsoversikt: async (id, _name, year) => yearFiveYearTable(await economy.yearFigures(db, id, year)),
    budget: async (id, _name, year) => {
      const b = await economy.getBudget(db, id, year);
      const t = budgetTable(year, b.lines, b.original, b.revised);
      return { ...t, note: `${t.note}. Budget för helåret ${year}.` };
    },
    bidrag: async (id, _name, year) => {
      const a = await economy.getAllocationOverview(db, id, year);
      return contributionsTable(year, a.allocationOre, a.contributions);
    },
  };

  // The förbund's limits (equity cap and floor, minimum cell size)
  app.get(`${base}/settings`, async (c) => {
    requirePermission(c, 'economy:read');
    const s = (await economy.getFederation(db, requireFederation(c).id)).settings;
    return c.json(settingsJson(s));
  });
  app.put(`${base}/settings`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    const floor = optionalOre(b, 'equityFloor', 'equityFloorOre', problems, 0);
    throwIf(problems);
    const s = await economy.saveFederationSettings(
      db,
      requireFederation(c).id,
      {
        ...(b.equityCapShare !== undefined ? { equityCapShare: b.equityCapShare as number } : {}),
        ...(b.equityCapSteps !== undefined ? { equityCapSteps: stepsFromJson(b.equityCapSteps) } : {}),
        ...(b.minCellSize !== undefined ? { minCellSize: b.minCellSize as number } : {}),
        ...floor,
      },
      ctx.actor,
    );
    return c.json(settingsJson(s));
  });

  // Members
  app.get(`${base}/members`, async (c) => {
    requirePermission(c, 'economy:read');
    return c.json(await economy.listMembers(db, requireFederation(c).id));
  });
  const memberInput = (b: Body): economy.MemberInput => {
    const problems: InputProblem[] = [];
    if (typeof b.name !== 'string') problems.push({ field: 'name', message: 'Ange medlemmens namn.' });
    if (!isMemberKind(b.kind)) problems.push({ field: 'kind', message: 'Okänd medlemstyp: state_fk, state_af, region eller municipality.' });
    throwIf(problems);
    return { name: b.name as string, kind: b.kind as MemberKind, ...(typeof b.sortOrder === 'number' ? { sortOrder: b.sortOrder } : {}) };
  };
  app.post(`${base}/members`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    return c.json(await economy.createMember(db, requireFederation(c).id, memberInput(await jsonBody(c)), ctx.actor), 201);
  });
  app.put(`${base}/members/:memberId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    return c.json(await economy.updateMember(db, requireFederation(c).id, intParam(c, 'memberId'), memberInput(await jsonBody(c)), ctx.actor));
  });
  app.delete(`${base}/members/:memberId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    await economy.deleteMember(db, requireFederation(c).id, intParam(c, 'memberId'), ctx.actor);
    return c.body(null, 204);
  });

  // Budget lines (shared across years)
  app.get(`${base}/budget-lines`, async (c) => {
    requirePermission(c, 'economy:read');
    return c.json(await economy.listBudgetLines(db, requireFederation(c).id));
  });
  app.post(`${base}/budget-lines`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    if (!isSection(b.section)) problems.push({ field: 'section', message: 'Okänt avsnitt: income, administration, individual, structural eller process_support.' });
    if (typeof b.label !== 'string' || !b.label.trim()) problems.push({ field: 'label', message: 'Ange budgetpostens namn.' });
    throwIf(problems);
    return c.json(await economy.createBudgetLine(db, requireFederation(c).id, { section: b.section as Section, label: b.label as string }, ctx.actor), 201);
  });
  // How a line's budget falls over the months: { "profile": "even" | "quarterly" | "yearly" | null (the section's default) }.
  app.put(`${base}/budget-lines/:lineId/profile`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    if (b.profile !== null && !isBudgetProfile(b.profile)) throw new InputError({ field: 'profile', message: 'Ange even, quarterly, yearly eller null.' });
    await economy.saveBudgetProfile(db, requireFederation(c).id, pathId(c, 'lineId'), (b.profile as BudgetProfile | null) ?? null, ctx.actor);
    return c.body(null, 204);
  });

  // Years
  app.get(`${base}/years`, async (c) => {
    requirePermission(c, 'economy:read');
    const years = await economy.listFiscalYears(db, requireFederation(c).id);
    return c.json(years.map(yearJson));
  });
  app.put(`${base}/years/:year`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    const input: economy.FiscalYearInput = {
      year: intParam(c, 'year'),
      ...optionalOre(b, 'allocation', 'allocationOre', problems, 0),
      ...optionalOre(b, 'openingEquity', 'openingEquityOre', problems),
      ...optionalOre(b, 'equityContributions', 'equityContributionsOre', problems),
      ...optionalOre(b, 'totalAssets', 'totalAssetsOre', problems, 0),
      ...optionalOre(b, 'financialIncome', 'financialIncomeOre', problems),
      ...optionalOre(b, 'financialCost', 'financialCostOre', problems),
      ...(b.employees === undefined ? {} : { employees: b.employees as number | null }),
    };
    throwIf(problems);
    return c.json(yearJson(await economy.saveFiscalYear(db, requireFederation(c).id, input, ctx.actor)));
  });

  // Reports
  app.get(`${base}/years/:year/key-figures`, async (c) => {
    const ctx = requirePermission(c, 'economy:read');
    return c.json(keyFiguresReportJson(await economy.yearFigures(db, requireFederation(c).id, intParam(c, 'year'), { knownVersion: ctx.figuresVersion })));
  });
  app.get(`${base}/years/:year/overview`, async (c) => {
    requirePermission(c, 'economy:read');
    const throughMonth = queryMonth(c, ['throughMonth']);
    return c.json(await economy.getEconomyOverview(db, requireFederation(c).id, intParam(c, 'year'), throughMonth !== undefined ? { throughMonth } : {}));
  });
  app.get(`${base}/years/:year/operating-statement`, async (c) => {
    const ctx = requirePermission(c, 'economy:read');
    const f = requireFederation(c);
    const year = intParam(c, 'year');
    const figures = await economy.yearFigures(db, f.id, year, { knownVersion: ctx.figuresVersion });
    const format = c.req.query('format') ?? 'json';
    const filename = `driftredovisning-${year}`;
    if (format === 'csv') {
      return c.body(tableToCsv(yearStatementTable(figures)), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}.csv"` });
    }
    if (format === 'xlsx') {
      const buf = await tableToXlsx(yearStatementTable(figures));
      return c.body(new Uint8Array(buf), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${filename}.xlsx"`,
      });
    }
    if (format !== 'json') throw new InputError({ field: 'format', message: 'Ange json, csv eller xlsx.' });
    return c.json(operatingStatementReportJson(figures));
  });

  // Every economy table as CSV or XLSX: /years/2025/export/driftredovisning.xlsx
  app.get(`${base}/years/:year/export/:file`, async (c) => {
    requirePermission(c, 'economy:read');
    const f = requireFederation(c);
    const year = intParam(c, 'year');
    const m = /^([a-z]+)\.(csv|xlsx)$/.exec(c.req.param('file') ?? '');
    if (!m || !(m[1]! in exportTables)) throw new InputError({ field: 'file', message: `Ange ${Object.keys(exportTables).join(', ')} med .csv eller .xlsx.` });
    const table = await exportTables[m[1]!]!(f.id, f.name, year);
    const filename = `${m[1]}-${year}.${m[2]}`;
    if (m[2] === 'csv') return c.body(tableToCsv(table), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` });
    return c.body(new Uint8Array(await tableToXlsx(table)), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
    });
  });

  // Allocation and contributions
  app.get(`${base}/years/:year/allocation`, async (c) => {
    requirePermission(c, 'economy:read');
    const o = await economy.getAllocationOverview(db, requireFederation(c).id, intParam(c, 'year'));
    const contrib = (list: readonly economy.ContributionRow[]) => list.map((x) => ({ payer: x.memberId === null ? 'state' : x.memberId, payerName: x.payerName, amount: kr(x.amountOre) }));
    return c.json({
      year: o.year,
      allocation: kr(o.allocationOre),
      key: o.key,
      contributions: contrib(o.contributions),
      check: o.check && { total: kr(o.check.totalOre), difference: kr(o.check.differenceOre), shares: o.check.shares },
      fromKey: o.fromKey && contrib(o.fromKey),
    });
  });
  app.put(`${base}/years/:year/allocation`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const problems: InputProblem[] = [];
    const ore = kronor(await jsonBody(c), 'allocation', problems, { min: 0 });
    throwIf(problems);
    await economy.saveAllocation(db, requireFederation(c).id, intParam(c, 'year'), ore!, ctx.actor);
    return c.body(null, 204);
  });
  app.put(`${base}/years/:year/allocation/key`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const weights = Array.isArray(b.weights) ? (b.weights as { memberId: number; weight: number }[]) : [];
    await economy.saveAllocationKey(
      db,
      requireFederation(c).id,
      intParam(c, 'year'),
      {
        stateShareBp: b.stateShareBp as number,
        regionShareBp: b.regionShareBp as number,
        municipalitiesShareBp: b.municipalitiesShareBp as number,
        municipalBasis: b.municipalBasis === 'fixed' ? 'fixed' : 'population',
        weights: weights.map((w) => ({ memberId: Number(w?.memberId), weight: b.municipalBasis === 'fixed' ? Math.round(Number(w?.weight) * 100) : Number(w?.weight) })),
      },
      ctx.actor,
    );
    return c.body(null, 204);
  });
  app.post(`${base}/years/:year/allocation/apply-key`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const list = await economy.applyAllocationKey(db, requireFederation(c).id, intParam(c, 'year'), ctx.actor);
    return c.json(list.map((x) => ({ payer: x.memberId === null ? 'state' : x.memberId, payerName: x.payerName, amount: kr(x.amountOre) })));
  });
  app.put(`${base}/years/:year/contributions`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    if (!Array.isArray(b.contributions)) throw new InputError({ field: 'contributions', message: 'Ange en lista av bidrag.' });
    const problems: InputProblem[] = [];
    const list = (b.contributions as Body[]).map((x, i) => {
      const p = x?.payer;
      if (p !== 'state' && !(typeof p === 'number' && Number.isInteger(p))) problems.push({ field: `contributions[${i}].payer`, message: 'Ange "state" eller medlemmens id.' });
      const amountOre = kronor(x ?? {}, 'amount', problems, { min: 0 });
      return { memberId: p === 'state' ? null : (p as number), amountOre: amountOre ?? 0 };
    });
    throwIf(problems);
    await economy.saveContributions(db, requireFederation(c).id, intParam(c, 'year'), list, ctx.actor);
    return c.body(null, 204);
  });

  // Budget
  app.get(`${base}/years/:year/budget`, async (c) => {
    requirePermission(c, 'economy:read');
    const b = await economy.getBudget(db, requireFederation(c).id, intParam(c, 'year'));
    const lines = (list: readonly { lineId: number; incomeOre: number; costOre: number }[]) => list.map((l) => ({ lineId: l.lineId, income: kr(l.incomeOre), cost: kr(l.costOre) }));
    return c.json({
      year: b.year,
      lines: b.lines,
      original: lines(b.original),
      revisions: b.revisions.map((r) => ({ id: r.id, date: r.decidedOn, note: r.decision, lines: lines(r.lines) })),
      revised: lines(b.revised),
      originalSummary: b.originalSummary,
      revisedSummary: b.revisedSummary,
    });
  });
  app.put(`${base}/years/:year/budget/lines/:lineId`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    const incomeOre = kronor(b, 'income', problems);
    const costOre = kronor(b, 'cost', problems);
    throwIf(problems);
    await economy.saveBudgetAmount(db, requireFederation(c).id, intParam(c, 'year'), { lineId: intParam(c, 'lineId'), incomeOre: incomeOre!, costOre: costOre! }, ctx.actor);
    return c.body(null, 204);
  });
  app.post(`${base}/years/:year/budget/revisions`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    if (!Array.isArray(b.lines)) problems.push({ field: 'lines', message: 'Ange tilläggsbudgetens rader.' });
    const lines = (Array.isArray(b.lines) ? (b.lines as Body[]) : []).map((l, i) => {
      const sub: InputProblem[] = [];
      const incomeOre = kronor(l ?? {}, 'income', sub);
      const costOre = kronor(l ?? {}, 'cost', sub);
      problems.push(...sub.map((p) => ({ ...p, field: `lines[${i}].${p.field}` })));
      if (!Number.isInteger(l?.lineId)) problems.push({ field: `lines[${i}].lineId`, message: 'Ange budgetpostens id.' });
      return { lineId: l?.lineId as number, incomeOre: incomeOre ?? 0, costOre: costOre ?? 0 };
    });
    throwIf(problems);
    const id = await economy.addBudgetRevision(db, requireFederation(c).id, intParam(c, 'year'), { decidedOn: String(b.date ?? ''), decision: String(b.note ?? ''), lines }, ctx.actor);
    return c.json({ id }, 201);
  });

  // Outcome
  app.get(`${base}/years/:year/outcome`, async (c) => {
    requirePermission(c, 'economy:read');
    const fid = requireFederation(c).id;
    const year = intParam(c, 'year');
    await economy.getFiscalYear(db, fid, year); // a year the förbund does not have is 404, not an empty outcome
    const o = await economy.loadYearOutcome(db, fid, year);
    return c.json({
      year: o.year,
      sources: o.sources,
      monthly: o.monthly.map((m) => ({ lineId: m.lineId, month: m.month, income: kr(m.incomeOre), cost: kr(m.costOre) })),
      byLine: o.byLine.map((m) => ({ lineId: m.lineId, income: kr(m.incomeOre), cost: kr(m.costOre) })),
    });
  });
  app.put(`${base}/years/:year/outcome/:lineId/:month`, async (c) => {
    const ctx = requirePermission(c, 'economy:write');
    const b = await jsonBody(c);
    const problems: InputProblem[] = [];
    const incomeOre = kronor(b, 'income', problems);
    const costOre = kronor(b, 'cost', problems);
    throwIf(problems);
    await economy.saveOutcomeEntry(db, requireFederation(c).id, intParam(c, 'year'), { lineId: intParam(c, 'lineId'), month: intParam(c, 'month'), incomeOre: incomeOre!, costOre: costOre! }, ctx.actor);
    return c.body(null, 204);
  });
  return app;
};

function optionalOre(b: Body, field: string, key: string, problems: InputProblem[], min?: number): Record<string, number | null> {
  if (!(field in b)) return {};
  if (b[field] === null) return { [key]: null };
  const v = kronor(b, field, problems, min === undefined ? {} : { min });
  return v === undefined ? {} : { [key]: v };
}

function yearJson(f: Awaited<ReturnType<typeof economy.getFiscalYear>>) {
  return {
    year: f.year,
    allocation: kr(f.allocationOre),
    openingEquity: kr(f.openingEquityOre),
    equityContributions: kr(f.equityContributionsOre),
    totalAssets: kr(f.totalAssetsOre),
    financialIncome: kr(f.financialIncomeOre),
    financialCost: kr(f.financialCostOre),
    employees: f.employees,
  };
}
