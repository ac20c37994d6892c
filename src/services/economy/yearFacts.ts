/**
 * The ONE read path of a förbund-year's figures: loadYearFacts reads every fact the year's figures rest on in a
 * single SQL statement (one round trip, one consistent snapshot), and getYearFigures hands them to the core's
 * computeYearFigures (src/core/economy/yearFigures.ts). The driftredovisning, key figures, dashboard, five-year
 * overview, the JSON API and the CLI reports all read through getYearFigures.
 *
 * Cache: the computed figures are kept per (förbund, year) together with the figures_version they were computed
 * at (migration 0101, samordna_internal.figures_version: every statement that writes to a table the figures read bumps it in the same
 * transaction). A request reads the version fresh (with the session: RequestContext.figuresVersion; else
 * src/services/versions.ts) and uses the cached figures only when it is unchanged, so any write — from this
 * process or another — invalidates them.
 */
import type { Queryable } from '../../db/database.ts';
import { NotFoundError } from '../../core/errors.ts';
import { figuresVersionSql, freshVersions } from '../versions.ts';
import { resolveSettings } from '../../core/settings.ts';
import { computeYearFigures, type LedgerFile, type OutcomeRow, type ProfiledLine, type YearFacts, type YearFigures } from '../../core/economy/yearFigures.ts';
import type { BudgetRevision } from '../../core/economy/budget.ts';
import type { FiscalYearFacts, LineAmounts, Member, YearSummary } from '../../core/economy/types.ts';
import type { AccountBalance } from '../../core/ledger/statements.ts';
import type { ClassRange } from '../../core/ledger/classification.ts';
import type { Contribution } from '../../core/economy/allocation.ts';

export const yearFactsSql = `
select
  ${figuresVersionSql} as version,
  (select json_build_object('name', name, 'settings', settings,
            'privacyFindings', (select count(*) from privacy_finding pf where pf.federation_id = $1)) from federation where id = $1) as federation,
  (select max(year) from fiscal_year where federation_id = $1) as latest,
  (select coalesce(json_agg(json_build_array(year, allocation_ore, opening_equity_ore, equity_contributions_ore, total_assets_ore,
            financial_income_ore, financial_cost_ore, employees) order by year), '[]'::json)
     from fiscal_year where federation_id = $1) as years,
  (select coalesce(json_agg(json_build_array(id, section, label, sort_order, budget_profile)), '[]'::json)
     from budget_line where federation_id = $1) as lines,
  (select coalesce(json_agg(json_build_array(budget_line_id, income_ore, cost_ore)), '[]'::json)
     from budget_amount where federation_id = $1 and year = y.year) as budget,
  (select coalesce(json_agg(json_build_array(r.id, r.decided_on::text, r.decision,
            (select coalesce(json_agg(json_build_array(l.budget_line_id, l.income_ore, l.cost_ore)), '[]'::json)
               from budget_revision_line l where l.federation_id = r.federation_id and l.revision_id = r.id)) order by r.decided_on, r.id), '[]'::json)
     from budget_revision r where r.federation_id = $1 and r.year = y.year) as revisions,
  (select coalesce(json_agg(json_build_array(year, budget_line_id, month, income_ore, cost_ore, source)), '[]'::json)
     from outcome_entry where federation_id = $1 and year between y.year - 4 and y.year) as outcome,
  (select coalesce(json_agg(json_build_array(year, income_ore, cost_ore, result_ore, equity_ratio, employees, note)), '[]'::json)
     from year_summary where federation_id = $1) as summaries,
  (select coalesce(json_agg(json_build_array(account_from, account_to, class)), '[]'::json)
     from ledger_class_range where federation_id = $1) as class_ranges,
  (select coalesce(json_agg(json_build_array(ly.id, ly.start_date::text, ly.previous_start_date::text,
            (select coalesce(json_agg(json_build_array(t.year_index, t.account, t.opening_ore, t.closing_ore)), '[]'::json)
               from ledger_account_total t where t.federation_id = ly.federation_id and t.year_id = ly.id)) order by ly.start_date), '[]'::json)
     from ledger_year ly where ly.federation_id = $1 and ly.state = 'active'
       and (extract(year from ly.start_date) between y.year - 4 and y.year
            or extract(year from ly.previous_start_date) between y.year - 4 and y.year)) as ledger,
  (select coalesce(json_agg(json_build_array(id, name, kind, sort_order)), '[]'::json)
     from member where federation_id = $1) as members,
  (select coalesce(json_agg(json_build_array(member_id, amount_ore)), '[]'::json)
     from contribution where federation_id = $1 and year = y.year) as contributions,
  (select coalesce(json_agg(json_build_array(year, to_char(closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), closed_by)), '[]'::json)
     from year_closing where federation_id = $1) as closings,
  (select coalesce(max(t.month), 0) from ledger_month_total t join ledger_year ly on ly.federation_id = t.federation_id and ly.id = t.year_id
     where ly.federation_id = $1 and ly.state = 'active' and extract(year from ly.start_date) = y.year) as ledger_last_month
from (select coalesce($2::int, (select max(year) from fiscal_year where federation_id = $1), 0) as year) y`;

type Json = unknown;
type FactsRow = {
  version: string;
  federation: Json;
  latest: number | null;
  years: Json;
  lines: Json;
  budget: Json;
  revisions: Json;
  outcome: Json;
  summaries: Json;
  class_ranges: Json;
  ledger: Json;
  members: Json;
  contributions: Json;
  closings: Json;
  ledger_last_month: number | string;
};

/** json columns come parsed from pg and PGlite alike; a driver that returns text is handled too. */
const json = <T>(v: Json): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const money = (v: unknown): number => {
  const n = typeof v === 'string' ? Number(v) : (v as number);
  if (!Number.isSafeInteger(n)) throw new Error(`Belopp utanför säkert intervall: ${String(v)}`);
  return n;
};
const moneyOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : money(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The facts of a year (`year` null: the latest year) in ONE query; null when the förbund has no fiscal year at
 * all. NotFoundError when the förbund does not exist. The year itself may be missing (computeYearFigures says so).
 */
export async function loadYearFacts(q: Queryable, federationId: number, year: number | null): Promise<{ version: string; facts: YearFacts } | null> {
  const [r] = await q.query<FactsRow>(yearFactsSql, [federationId, year]);
  if (!r || r.federation === null) throw new NotFoundError('Förbundet finns inte.');
  if (r.latest === null) return null;
  const federation = json<{ name: string; settings: unknown; privacyFindings?: number }>(r.federation);
  const fiscalYears: FiscalYearFacts[] = json<unknown[][]>(r.years).map(([y, allocation, opening, contributions, assets, finIncome, finCost, employees]) => ({
    year: y as number,
    allocationOre: moneyOrNull(allocation),
    openingEquityOre: moneyOrNull(opening),
    equityContributionsOre: moneyOrNull(contributions),
    totalAssetsOre: moneyOrNull(assets),
    financialIncomeOre: moneyOrNull(finIncome),
    financialCostOre: moneyOrNull(finCost),
    employees: numOrNull(employees),
  }));
  const lines: ProfiledLine[] = json<unknown[][]>(r.lines).map(([id, section, label, sortOrder, profile]) => ({
    id: id as number,
    section: section as ProfiledLine['section'],
    label: label as string,
    sortOrder: sortOrder as number,
    profile: (profile as ProfiledLine['profile']) ?? null,
  }));
  const amounts = (rows: unknown[][]): LineAmounts[] => rows.map(([lineId, income, cost]) => ({ lineId: lineId as number, incomeOre: money(income), costOre: money(cost) }));
  const revisions: (BudgetRevision & { id: number })[] = json<unknown[][]>(r.revisions).map(([id, decidedOn, decision, revLines]) => ({
    id: id as number,
    decidedOn: decidedOn as string,
    decision: decision as string,
    lines: amounts(revLines as unknown[][]),
  }));
  const outcomeRows: OutcomeRow[] = json<unknown[][]>(r.outcome).map(([y, lineId, month, income, cost, source]) => ({
    year: y as number,
    lineId: lineId as number,
    month: month as number,
    incomeOre: money(income),
    costOre: money(cost),
    source: source as OutcomeRow['source'],
  }));
  const yearSummaries: YearSummary[] = json<unknown[][]>(r.summaries).map(([y, income, cost, result, equityRatio, employees, note]) => ({
    year: y as number,
    incomeOre: money(income),
    costOre: money(cost),
    resultOre: money(result),
    equityRatio: numOrNull(equityRatio),
    employees: numOrNull(employees),
    note: (note as string | null) ?? null,
  }));
  const classRanges: ClassRange[] = json<unknown[][]>(r.class_ranges).map(([from, to, cls]) => ({ from: from as string, to: to as string, class: cls as ClassRange['class'] }));
  const files: LedgerFile[] = json<unknown[][]>(r.ledger).map(([, start, previousStart, totals]) => {
    const balances: AccountBalance[] = [];
    const previousBalances: AccountBalance[] = [];
    for (const [index, account, opening, closing] of (totals as unknown[][]).sort((a, b) => ((a[1] as string) < (b[1] as string) ? -1 : 1))) {
      (index === 0 ? balances : previousBalances).push({ account: account as string, openingOre: money(opening), closingOre: money(closing) });
    }
    return { start: start as string, previousStart: (previousStart as string | null) ?? null, balances, previousBalances };
  });
  const members: Member[] = json<unknown[][]>(r.members).map(([id, name, kind, sortOrder]) => ({ id: id as number, name: name as string, kind: kind as Member['kind'], sortOrder: sortOrder as number }));
  const contributions: Contribution[] = json<unknown[][]>(r.contributions).map(([memberId, amount]) => ({ memberId: (memberId as number | null) ?? null, amountOre: money(amount) }));
  return {
    version: r.version,
    facts: {
      federation: { name: federation.name, settings: resolveSettings(federation.settings), privacyFindings: Number(federation.privacyFindings ?? 0) },
      year: year ?? r.latest,
      fiscalYears,
      lines,
      budget: { original: amounts(json<unknown[][]>(r.budget)), revisions },
      outcomeRows,
      yearSummaries,
      ledger: { classRanges, files },
      members,
      contributions,
      closings: json<unknown[][]>(r.closings).map(([y, closedAt, closedBy]) => ({ year: y as number, closedAt: closedAt as string, closedBy: closedBy as string })),
      ledgerLastMonth: Number(r.ledger_last_month),
    },
  };
}

/** The cache: per förbund and year, the figures (default forecast month) and the version they were computed at. */
const cacheLimit = 64;
type Cache = Map<string, { version: string; figures: YearFigures }>;
/** One cache per database handle (versions of two databases say nothing about each other). */
const caches = new WeakMap<Queryable, Cache>();
function cacheOf(q: Queryable): Cache {
  let c = caches.get(q);
  if (!c) caches.set(q, (c = new Map()));
  return c;
}
/** Counters for tests and the bench: how often the cache answered and how often the facts were loaded. */
export const yearFiguresCacheStats = { hits: 0, loads: 0 };

function remember(cache: Cache, key: string, value: { version: string; figures: YearFigures }) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > cacheLimit) cache.delete(cache.keys().next().value!);
}

/** Forgets the figures cached for this database handle (tests; the version check alone keeps the cache right). */
export function clearYearFiguresCache(q: Queryable): void {
  caches.delete(q);
}

/** Options of getYearFigures. */
export interface YearFiguresOptions {
  /** The months (0–12) the forecast rests on; without it the figures may come from the cache. */
  readonly throughMonth?: number;
  /**
   * The figures version the caller has just read in this request (RequestContext.figuresVersion, read in the
   * same statement as the session): saves the cache its own version query. Omitted: the cache reads it.
   */
  readonly knownVersion?: string | null;
}

/**
 * The year's figures (`year` null: the förbund's latest year); null when the förbund has no fiscal year yet.
 * NotFoundError ("Året 2031 finns inte för förbundet.") for a year it does not have. The same figures object is
 * returned for as long as the figures version is unchanged (views may cache what they render from it, keyed by
 * the object: see src/http/economy/renderCache.ts).
 */
export async function getYearFigures(q: Queryable, federationId: number, year: number | null, opts: YearFiguresOptions = {}): Promise<YearFigures | null> {
  const cacheable = opts.throughMonth === undefined;
  const cache = cacheOf(q);
  const key = `${federationId}:${year ?? 'latest'}`;
  if (cacheable) {
    const hit = cache.get(key);
    if (hit) {
      const version = opts.knownVersion ?? (await freshVersions(q)).figures;
      if (version === hit.version) {
        yearFiguresCacheStats.hits++;
        return hit.figures;
      }
    }
  }
  const loaded = await loadYearFacts(q, federationId, year);
  yearFiguresCacheStats.loads++;
  if (!loaded) {
    if (year !== null) throw new NotFoundError(`Året ${year} finns inte för förbundet.`);
    return null;
  }
  const figures = computeYearFigures(loaded.facts, opts.throughMonth === undefined ? {} : { throughMonth: opts.throughMonth });
  if (cacheable) remember(cache, key, { version: loaded.version, figures });
  return figures;
}

/** getYearFigures for a year that must exist (NotFoundError otherwise). */
export async function yearFigures(q: Queryable, federationId: number, year: number, opts: YearFiguresOptions = {}): Promise<YearFigures> {
  return (await getYearFigures(q, federationId, year, opts))!;
}
