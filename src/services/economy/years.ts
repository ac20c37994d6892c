import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import type { FiscalYearFacts, YearSummary } from '../../core/economy/types.ts';

type Row = {
  year: number;
  allocation_ore: number | null;
  opening_equity_ore: number | null;
  equity_contributions_ore: number | null;
  total_assets_ore: number | null;
  financial_income_ore: number | null;
  financial_cost_ore: number | null;
  employees: string | null;
};
const cols = 'year, allocation_ore, opening_equity_ore, equity_contributions_ore, total_assets_ore, financial_income_ore, financial_cost_ore, employees';
const toFacts = (r: Row): FiscalYearFacts => ({
  year: r.year,
  allocationOre: r.allocation_ore,
  openingEquityOre: r.opening_equity_ore,
  equityContributionsOre: r.equity_contributions_ore,
  totalAssetsOre: r.total_assets_ore,
  financialIncomeOre: r.financial_income_ore,
  financialCostOre: r.financial_cost_ore,
  employees: r.employees === null ? null : Number(r.employees),
});

export async function listFiscalYears(q: Queryable, federationId: number): Promise<FiscalYearFacts[]> {
  return (await q.query<Row>(`select ${cols} from fiscal_year where federation_id = $1 order by year`, [federationId])).map(toFacts);
}

/** The year's facts, or null when the year does not exist. */
export async function findFiscalYear(q: Queryable, federationId: number, year: number): Promise<FiscalYearFacts | null> {
  const [r] = await q.query<Row>(`select ${cols} from fiscal_year where federation_id = $1 and year = $2`, [federationId, year]);
  return r ? toFacts(r) : null;
}

/** The year's facts; NotFoundError ("Året 2031 finns inte") when it does not exist. */
export async function getFiscalYear(q: Queryable, federationId: number, year: number): Promise<FiscalYearFacts> {
  const f = await findFiscalYear(q, federationId, year);
  if (!f) throw new NotFoundError(`Året ${year} finns inte för förbundet.`);
  return f;
}

/** Input of a fiscal year: every fact optional (null = unknown); amounts in öre. */
export type FiscalYearInput = { readonly year: number } & Partial<Omit<FiscalYearFacts, 'year'>>;

export function validateFiscalYear(input: FiscalYearInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(input.year) || input.year < 1990 || input.year > 2200) problems.push({ field: 'year', message: 'Ange ett år (1990–2200).' });
  const money: [keyof FiscalYearInput, string, number | undefined][] = [
    ['allocationOre', 'allocation', 0],
    ['openingEquityOre', 'openingEquity', undefined],
    ['equityContributionsOre', 'equityContributions', undefined],
    ['totalAssetsOre', 'totalAssets', 0],
    ['financialIncomeOre', 'financialIncome', undefined],
    ['financialCostOre', 'financialCost', undefined],
  ];
  for (const [k, field, min] of money) {
    const v = input[k];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) problems.push({ field, message: 'Beloppet ska vara ett heltal.' });
    else if (min !== undefined && v < min) problems.push({ field, message: 'Beloppet får inte vara negativt.' });
  }
  if (input.employees != null && (typeof input.employees !== 'number' || !Number.isFinite(input.employees) || input.employees < 0)) {
    problems.push({ field: 'employees', message: 'Antal anställda ska vara ett tal, 0 eller större.' });
  }
  return problems;
}

/** Creates or updates a year inside an open transaction: given facts are set, omitted ones kept. */
export async function upsertFiscalYear(tx: Queryable, federationId: number, input: FiscalYearInput): Promise<void> {
  const problems = validateFiscalYear(input);
  if (problems.length) throw new InputError(problems);
  await tx.query('insert into fiscal_year (federation_id, year) values ($1, $2) on conflict do nothing', [federationId, input.year]);
  const map: [keyof FiscalYearInput, string][] = [
    ['allocationOre', 'allocation_ore'],
    ['openingEquityOre', 'opening_equity_ore'],
    ['equityContributionsOre', 'equity_contributions_ore'],
    ['totalAssetsOre', 'total_assets_ore'],
    ['financialIncomeOre', 'financial_income_ore'],
    ['financialCostOre', 'financial_cost_ore'],
    ['employees', 'employees'],
  ];
  const sets: string[] = [];
  const params: unknown[] = [federationId, input.year];
  for (const [k, col] of map) {
    if (input[k] === undefined) continue;
    params.push(input[k]);
    sets.push(`${col} = $${params.length}`);
  }
  if (sets.length) await tx.query(`update fiscal_year set ${sets.join(', ')} where federation_id = $1 and year = $2`, params);
}

/** Creates or updates a year (facts not given are kept). */
export async function saveFiscalYear(db: Database, federationId: number, input: FiscalYearInput, actor: Actor): Promise<FiscalYearFacts> {
  return db.transaction(async (tx) => {
    await upsertFiscalYear(tx, federationId, input);
    return getFiscalYear(tx, federationId, input.year);
  }, actor);
}

type SummaryRow = { year: number; income_ore: number; cost_ore: number; result_ore: number; equity_ratio: string | null; employees: string | null; note: string | null };

export async function listYearSummaries(q: Queryable, federationId: number): Promise<YearSummary[]> {
  const rows = await q.query<SummaryRow>(
    'select year, income_ore, cost_ore, result_ore, equity_ratio, employees, note from year_summary where federation_id = $1 order by year',
    [federationId],
  );
  return rows.map((r) => ({
    year: r.year,
    incomeOre: r.income_ore,
    costOre: r.cost_ore,
    resultOre: r.result_ore,
    equityRatio: r.equity_ratio === null ? null : Number(r.equity_ratio),
    employees: r.employees === null ? null : Number(r.employees),
    note: r.note,
  }));
}

export function validateYearSummary(s: YearSummary): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!Number.isInteger(s.year) || s.year < 1990 || s.year > 2200) problems.push({ field: 'year', message: 'Ange ett år (1990–2200).' });
  for (const [k, field] of [['incomeOre', 'income'], ['costOre', 'cost'], ['resultOre', 'result']] as const) {
    if (!Number.isSafeInteger(s[k])) problems.push({ field, message: 'Beloppet ska vara ett heltal.' });
  }
  if (s.equityRatio !== null && (typeof s.equityRatio !== 'number' || !Number.isFinite(s.equityRatio) || Math.abs(s.equityRatio) >= 1000)) {
    problems.push({ field: 'equityRatio', message: 'Soliditeten ska anges som andel, t.ex. 0.157.' });
  }
  if (s.employees !== null && (typeof s.employees !== 'number' || !Number.isFinite(s.employees) || s.employees < 0)) {
    problems.push({ field: 'employees', message: 'Antal anställda ska vara ett tal, 0 eller större.' });
  }
  return problems;
}

/** Stores a summary-only year inside an open transaction (replaces an earlier one of the same year). */
export async function upsertYearSummary(tx: Queryable, federationId: number, s: YearSummary): Promise<void> {
  const problems = validateYearSummary(s);
  if (problems.length) throw new InputError(problems);
  await tx.query(
    `insert into year_summary (federation_id, year, income_ore, cost_ore, result_ore, equity_ratio, employees, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (federation_id, year) do update set income_ore = excluded.income_ore, cost_ore = excluded.cost_ore,
       result_ore = excluded.result_ore, equity_ratio = excluded.equity_ratio, employees = excluded.employees, note = excluded.note`,
    [federationId, s.year, s.incomeOre, s.costOre, s.resultOre, s.equityRatio, s.employees, s.note],
  );
}

/** Stores the printed totals of a year without lines (five-year overview). */
export async function saveYearSummary(db: Database, federationId: number, s: YearSummary, actor: Actor): Promise<void> {
  await db.transaction((tx) => upsertYearSummary(tx, federationId, s), actor);
}
