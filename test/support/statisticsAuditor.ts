import { unknownIntervals, type CellInterval, type ComponentSolver } from '../../src/core/privacy/intervals.ts';
import type { Relation } from '../../src/core/privacy/suppression.ts';

/**
 * The attacking auditor: a reader who has collected everything one role can read about a förbund's
 * participants — the statistics of the förbund and of each intervention, for every year, with the series
 * over years (pages, JSON API and exports all carry the same tables) — and who knows how the figures hang
 * together. It builds ONE linear system over all of it, from its own knowledge of the domain (nothing here
 * reuses how Samordna suppresses):
 *
 * - every table: inner cells sum to row totals, to column totals, totals to the grand total;
 * - cells printed in several tables are one count (active by gender = age table column totals, ended by
 *   outcome = outcome table row totals, the series point of year Y = the year's active/new/ended, an
 *   intervention's row in "per insats" = its own page's totals);
 * - the förbund's count of every cell is the sum of the interventions' counts (attack a);
 * - the flow identity active(Y) = active(Y−1) − ended(Y−1) + new(Y), per gender, and per category of every
 *   fixed attribute (age band × gender, support before, support duration, education, referring member)
 *   with the unpublished "new in Y" and "ended in Y−1" of each category as unknowns ≥ 0 that sum to the
 *   published new/ended and cannot exceed the actives (attack b);
 * - non-negativity and integrality (bounds rounded inwards).
 *
 * It then computes every unpublished cell's feasible integer interval by linear programming. A cell is
 * RECOVERED when its interval has width 0 at a count ≥ 1 (the reader knows the count; pinned at 0 says what a
 * shown zero says), and a small count (1 … min − 1) is
 * also recovered when its interval lies inside 1 … min − 1 (the reader knows "a few, not none": that is what
 * suppression is for). Unpublished category flows ("new in 2025, women aged 20–24") count as recovered only
 * when pinned to a small count: that is the issue's attack "both are women aged 20–24".
 */
export interface PublishedTable {
  readonly key: string;
  readonly rowLabels: readonly string[];
  readonly colLabels: readonly string[];
  readonly cells: readonly (readonly (number | null)[])[];
  readonly rowTotals: readonly (number | null)[] | null;
  readonly colTotals: readonly (number | null)[] | null;
  readonly total: number | null;
}

export interface PublishedStatistics {
  readonly year: number;
  readonly byIntervention: PublishedTable;
  readonly flowByGender: PublishedTable;
  readonly activeByAgeAndGender: PublishedTable;
  readonly supportBefore: PublishedTable;
  readonly supportDuration: PublishedTable;
  readonly education: PublishedTable;
  readonly referringMember: PublishedTable | null;
  readonly exitOutcomes: PublishedTable;
  readonly outcomeByGender: PublishedTable;
  readonly transition: PublishedTable;
  readonly series: readonly { year: number; active: number | null; new: number | null; ended: number | null }[];
}

/** One page (or API answer, or export) the role could read: the förbund's (scope 'F') or one intervention's. */
export interface Reading {
  readonly scope: string;
  readonly year: number;
  readonly stats: PublishedStatistics;
}

export interface AuditOptions {
  readonly minCellSize: number;
  /** Scope of each intervention by its name (rows of "per insats"). */
  readonly unitByName: ReadonlyMap<string, string>;
  /** The interventions that make up the förbund's figures. */
  readonly units: readonly string[];
  readonly crossScope: boolean;
  readonly flowIdentity: boolean;
  /** True counts by cell name, to tell which recovered cells are small (from the test's own count). */
  readonly truth?: (name: string) => number | undefined;
  /** The solver per component: the core's dense one by default; the sparse one (services/solver) for the combined system. */
  readonly solveComponent?: ComponentSolver;
  /** The national tables the role can also read (attack d), with which reading scope each förbund row is. */
  readonly national?: {
    readonly readings: readonly NationalReading[];
    /** Scope of each förbund's own readings, by its name as the national tables print it. */
    readonly scopeOf: ReadonlyMap<string, string>;
    /** County of each förbund by name (public knowledge). */
    readonly countyOf: ReadonlyMap<string, string>;
  };
}

/** The national tables of a year as the JSON API gives them (the count tables only). */
export interface NationalReading {
  readonly year: number;
  readonly tables: {
    readonly byFederation: PublishedTable;
    readonly byCounty: PublishedTable;
    readonly flowByGender: PublishedTable;
    readonly activeByFederationAndGender: PublishedTable;
    readonly newByFederationAndGender: PublishedTable;
    readonly endedByFederationAndGender: PublishedTable;
    readonly exitOutcomes: PublishedTable;
    readonly exitOutcomesByFederation: PublishedTable;
  };
}

export interface RecoveredCell {
  readonly name: string;
  readonly interval: CellInterval;
  readonly truth: number | undefined;
}

export interface AuditResult {
  readonly unknowns: number;
  /** Cells printed as "–" somewhere the role can read. */
  readonly hiddenCells: number;
  /** Counts never printed for this role but tied to what is (category flows, other scopes' cells). */
  readonly latentCells: number;
  readonly recovered: readonly RecoveredCell[];
  /** Cells published with two different values on different pages (a contradiction is itself a leak). */
  readonly inconsistent: readonly string[];
}

const flowRows = ['A', 'N', 'E'] as const;
/** The tables of a reading that publish anything (a table shown all as "–" tells nothing by itself). */
const tablesOf = (s: PublishedStatistics): PublishedTable[] =>
  [s.byIntervention, s.flowByGender, s.activeByAgeAndGender, s.supportBefore, s.supportDuration, s.education, s.referringMember, s.exitOutcomes, s.outcomeByGender, s.transition].filter(
    (t): t is PublishedTable => t !== null && [...t.cells.flat(), ...(t.rowTotals ?? []), ...(t.colTotals ?? []), t.total].some((v) => v !== null),
  );

class Model {
  readonly names: string[] = [];
  readonly published: (number | null)[] = [];
  readonly relations: Relation[] = [];
  readonly latent = new Set<number>();
  readonly aux = new Set<number>();
  readonly inconsistent: string[] = [];
  /** Cells the reader saw printed (a figure or "–"); the others exist only through relations. */
  readonly printed = new Set<number>();
  /** Cells printed as "–" somewhere (if another page prints them as a figure, that page gives them away). */
  readonly hiddenSeen = new Set<number>();
  private readonly index = new Map<string, number>();

  v(name: string, value: number | null = null, kind: 'cell' | 'latent' | 'aux' = 'cell'): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.push(name) - 1;
      this.published.push(null);
      this.index.set(name, i);
      if (kind === 'latent') this.latent.add(i);
      if (kind === 'aux') this.aux.add(i);
    }
    if (value !== null) {
      const old = this.published[i];
      if (old !== null && old !== undefined && old !== value) this.inconsistent.push(name);
      this.published[i] = value;
    }
    return i;
  }
  has(name: string): boolean {
    return this.index.has(name);
  }
  /** A cell printed on a page: a figure, or "–" (null). */
  print(name: string, value: number | null, protects = true): number {
    const i = this.v(name, value);
    this.printed.add(i);
    if (value === null && protects) this.hiddenSeen.add(i);
    return i;
  }
  sum(parts: readonly string[], total: string): void {
    this.relations.push({ parts: parts.map((p) => this.v(p)), total: this.v(total) });
  }
  same(a: string, b: string): void {
    this.sum([a], b);
  }
  /** left1 + left2 = right1 + right2, through an auxiliary cell. */
  balance(name: string, left: readonly string[], right: readonly string[]): void {
    this.v(name, null, 'aux');
    this.sum(left, name);
    this.sum(right, name);
  }
  /** part ≤ whole, through an auxiliary slack cell. */
  atMost(name: string, part: string, whole: string): void {
    this.v(name, null, 'aux');
    this.sum([part, name], whole);
  }
}

const cellName = (y: number, s: string, t: string, i: number, j: number) => `${y}/${s}/${t}/${i},${j}`;
const rowTotalName = (y: number, s: string, t: string, i: number) => `${y}/${s}/${t}/r${i}`;
const colTotalName = (y: number, s: string, t: string, j: number) => `${y}/${s}/${t}/c${j}`;
const grandName = (y: number, s: string, t: string) => `${y}/${s}/${t}/T`;
/** The year's active (0), new (1), ended (2) in scope s. */
export const flowTotalName = (y: number, s: string, m: number) => rowTotalName(y, s, 'flowByGender', m);

/** "Per insats" has column totals (active, new, ended of the scope) but no grand total: its columns overlap. */
const hasGrand = (t: PublishedTable) => t.total !== null || (t.colTotals !== null && t.key !== 'byIntervention');

function registerTable(m: Model, y: number, s: string, t: PublishedTable): void {
  const rows = t.cells.length;
  const cols = t.colLabels.length;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.print(cellName(y, s, t.key, i, j), t.cells[i]![j]!);
  if (t.rowTotals) {
    for (let i = 0; i < rows; i++) {
      m.print(rowTotalName(y, s, t.key, i), t.rowTotals[i]!);
      m.sum(Array.from({ length: cols }, (_, j) => cellName(y, s, t.key, i, j)), rowTotalName(y, s, t.key, i));
    }
  }
  if (t.colTotals) {
    for (let j = 0; j < cols; j++) {
      m.print(colTotalName(y, s, t.key, j), t.colTotals[j]!);
      m.sum(Array.from({ length: rows }, (_, i) => cellName(y, s, t.key, i, j)), colTotalName(y, s, t.key, j));
    }
  }
  if (hasGrand(t)) {
    m.print(grandName(y, s, t.key), t.total);
    if (t.colTotals) m.sum(Array.from({ length: cols }, (_, j) => colTotalName(y, s, t.key, j)), grandName(y, s, t.key));
    if (t.rowTotals) m.sum(Array.from({ length: rows }, (_, i) => rowTotalName(y, s, t.key, i)), grandName(y, s, t.key));
  }
}

/** Cell names of one table shape (inner, row totals, column totals, grand) — for cross-scope sums. */
function shapeNames(y: number, s: string, t: PublishedTable): string[] {
  const names: string[] = [];
  t.cells.forEach((row, i) => row.forEach((_, j) => names.push(cellName(y, s, t.key, i, j))));
  if (t.rowTotals) t.rowTotals.forEach((_, i) => names.push(rowTotalName(y, s, t.key, i)));
  if (t.colTotals) t.colTotals.forEach((_, j) => names.push(colTotalName(y, s, t.key, j)));
  if (hasGrand(t)) names.push(grandName(y, s, t.key));
  return names;
}

/** Categories of the active whose members never change category (fixed attributes), as [table key, cells]. */
function fixedCategories(st: PublishedStatistics): { key: string; cells: [number, number][]; endedName?: (y: number, s: string, i: number, j: number) => string }[] {
  const grid = (t: PublishedTable) => t.cells.flatMap((row, i) => row.map((_, j) => [i, j] as [number, number]));
  return [
    { key: 'activeByAgeAndGender', cells: grid(st.activeByAgeAndGender) },
    // Ended in the year by support before = the transition table's row totals.
    { key: 'supportBefore', cells: grid(st.supportBefore), endedName: (y, s, _i, j) => rowTotalName(y, s, 'transition', j) },
    { key: 'supportDuration', cells: grid(st.supportDuration) },
    { key: 'education', cells: grid(st.education) },
    ...(st.referringMember ? [{ key: 'referringMember', cells: grid(st.referringMember) }] : []),
  ];
}

export function audit(readings: readonly Reading[], o: AuditOptions): AuditResult {
  const m = new Model();
  const scopesByYear = new Map<number, Map<string, PublishedStatistics>>();
  for (const r of readings) {
    if (!scopesByYear.has(r.year)) scopesByYear.set(r.year, new Map());
    scopesByYear.get(r.year)!.set(r.scope, r.stats);
  }
  // 1. Every table of every reading, and the cells they share.
  for (const { scope: s, year: y, stats: st } of readings) {
    for (const t of tablesOf(st)) registerTable(m, y, s, t);
    const A = flowTotalName(y, s, 0);
    const E = flowTotalName(y, s, 2);
    const present = new Set(tablesOf(st).map((t) => t.key));
    st.flowByGender.colLabels.forEach((_, j) => {
      if (present.has('activeByAgeAndGender')) m.same(cellName(y, s, 'flowByGender', 0, j), colTotalName(y, s, 'activeByAgeAndGender', j));
      if (present.has('outcomeByGender')) m.same(cellName(y, s, 'flowByGender', 2, j), colTotalName(y, s, 'outcomeByGender', j));
    });
    if (present.has('activeByAgeAndGender')) m.same(grandName(y, s, 'activeByAgeAndGender'), A);
    for (const k of ['supportBefore', 'supportDuration', 'education', 'referringMember']) if (present.has(k)) m.same(rowTotalName(y, s, k, 0), A);
    if (present.has('exitOutcomes')) {
      if (present.has('outcomeByGender')) st.exitOutcomes.colLabels.forEach((_, j) => m.same(cellName(y, s, 'exitOutcomes', 0, j), rowTotalName(y, s, 'outcomeByGender', j)));
      m.same(rowTotalName(y, s, 'exitOutcomes', 0), E);
    }
    if (present.has('outcomeByGender')) m.same(grandName(y, s, 'outcomeByGender'), E);
    if (present.has('transition')) m.same(grandName(y, s, 'transition'), E);
    flowRows.forEach((_, k) => {
      if (st.byIntervention.colTotals) m.same(colTotalName(y, s, 'byIntervention', k), flowTotalName(y, s, k));
      st.byIntervention.rowLabels.forEach((label, i) => {
        // The units are the attacked förbund's (F): another förbund may name an intervention the same.
        const unit = s === 'F' ? o.unitByName.get(label) : undefined;
        if (unit !== undefined) m.same(cellName(y, s, 'byIntervention', i, k), flowTotalName(y, unit, k));
      });
    });
    for (const p of st.series) {
      m.print(flowTotalName(p.year, s, 0), p.active);
      m.print(flowTotalName(p.year, s, 1), p.new);
      m.print(flowTotalName(p.year, s, 2), p.ended);
    }
  }
  // 1b. The national tables (attack d): each förbund's row is its own cells (the same counts its pages print),
  // each county's and the country's cells are sums of the förbund's.
  if (o.national) registerNational(m, o.national);
  // 2. The förbund = the sum of its interventions, cell by cell (not "per insats", whose rows are the units).
  if (o.crossScope) {
    for (const [y, scopes] of scopesByYear) {
      const f = scopes.get('F') ?? [...scopes.values()][0]!;
      for (const t of tablesOf(f)) {
        if (t.key === 'byIntervention') continue;
        const names = shapeNames(y, 'F', t);
        names.forEach((name) => {
          const rest = name.slice(`${y}/F/`.length);
          m.sum(o.units.map((u) => `${y}/${u}/${rest}`), name);
        });
      }
    }
  }
  // 3. The flow identity between consecutive years, in every scope, per category of every fixed attribute.
  if (o.flowIdentity) {
    const years = [...new Set([...scopesByYear.keys(), ...readings.flatMap((r) => r.stats.series.map((p) => p.year))])].sort((a, b) => a - b);
    // The förbund, its interventions, and (attack d) every other förbund in the national tables: a förbund's
    // own flow identity holds in every year whether or not its own pages are read.
    const scopes = [...new Set(['F', ...o.units, ...(o.national ? o.national.scopeOf.values() : [])])];
    const model = readings[0]!.stats;
    for (const s of scopes) {
      for (const y of years) {
        if (!years.includes(y - 1)) continue;
        const prev = y - 1;
        m.balance(`${y}/${s}/flowX`, [flowTotalName(y, s, 0), flowTotalName(prev, s, 2)], [flowTotalName(prev, s, 0), flowTotalName(y, s, 1)]);
        model.flowByGender.colLabels.forEach((_, j) =>
          m.balance(`${y}/${s}/flowX/g${j}`, [cellName(y, s, 'flowByGender', 0, j), cellName(prev, s, 'flowByGender', 2, j)], [cellName(prev, s, 'flowByGender', 0, j), cellName(y, s, 'flowByGender', 1, j)]),
        );
        for (const cat of fixedCategories(model)) {
          // Only where both years publish the category table in this scope.
          if (!m.has(cellName(y, s, cat.key, 0, 0)) || !m.has(cellName(prev, s, cat.key, 0, 0))) continue;
          const newName = (i: number, j: number) => `${y}/${s}/new:${cat.key}/${i},${j}`;
          const endName = (i: number, j: number) => cat.endedName?.(prev, s, i, j) ?? `${prev}/${s}/ended:${cat.key}/${i},${j}`;
          for (const [i, j] of cat.cells) {
            m.v(newName(i, j), null, 'latent');
            if (!cat.endedName) m.v(endName(i, j), null, 'latent');
            m.balance(`${y}/${s}/X:${cat.key}/${i},${j}`, [cellName(y, s, cat.key, i, j), endName(i, j)], [cellName(prev, s, cat.key, i, j), newName(i, j)]);
            m.atMost(`${y}/${s}/slackN:${cat.key}/${i},${j}`, newName(i, j), cellName(y, s, cat.key, i, j));
            m.atMost(`${y}/${s}/slackE:${cat.key}/${i},${j}`, endName(i, j), cellName(prev, s, cat.key, i, j));
          }
          if (cat.key === 'activeByAgeAndGender') {
            // new (ended) by age sum, per gender, to the new (ended) of that gender
            const cols = model.activeByAgeAndGender.colLabels.length;
            const rows = model.activeByAgeAndGender.rowLabels.length;
            for (let j = 0; j < cols; j++) {
              m.sum(Array.from({ length: rows }, (_, i) => newName(i, j)), cellName(y, s, 'flowByGender', 1, j));
              m.sum(Array.from({ length: rows }, (_, i) => endName(i, j)), cellName(prev, s, 'flowByGender', 2, j));
            }
          } else {
            m.sum(cat.cells.map(([i, j]) => newName(i, j)), flowTotalName(y, s, 1));
            if (!cat.endedName) m.sum(cat.cells.map(([i, j]) => endName(i, j)), flowTotalName(prev, s, 2));
          }
          if (o.crossScope && s === 'F') {
            for (const [i, j] of cat.cells) {
              m.sum(o.units.map((u) => `${y}/${u}/new:${cat.key}/${i},${j}`), newName(i, j));
              if (!cat.endedName) m.sum(o.units.map((u) => `${prev}/${u}/ended:${cat.key}/${i},${j}`), endName(i, j));
            }
          }
        }
      }
    }
  }
  // 4. Every unknown's interval.
  const min = o.minCellSize;
  const truth = (cell: number) => o.truth?.(m.names[cell]!);
  const small = (v: number | undefined) => v !== undefined && v >= 1 && v < min;
  const settled = (cell: number, lo: number, hi: number) => {
    if (m.aux.has(cell)) return true;
    // A latent count is only at risk when it may be a small count the reader can pin or bound within 1 … min − 1.
    if (m.latent.has(cell) || !m.printed.has(cell)) return lo <= 0 || hi >= min || (truth(cell) !== undefined && !small(truth(cell)));
    return (hi > lo || hi <= 0) && (!small(truth(cell)) || lo <= 0 || hi >= min);
  };
  const intervals = unknownIntervals(m.names.length, m.relations, m.published, settled, o.solveComponent);
  const recovered: RecoveredCell[] = [];
  let hiddenCells = 0;
  let latentCells = 0;
  for (const [cell, interval] of intervals) {
    if (m.aux.has(cell)) continue;
    const name = m.names[cell]!;
    const t = truth(cell);
    const pinned = interval.min === interval.max;
    const insideSmall = interval.min >= 1 && interval.max < min;
    // Unpublished counts (category flows, or another scope's cells this role is not shown): recovered when
    // pinned to, or bounded inside, a small count.
    if (m.latent.has(cell) || !m.printed.has(cell)) {
      latentCells++;
      if ((pinned && small(interval.min)) || insideSmall) recovered.push({ name, interval, truth: t });
    } else {
      hiddenCells++;
      // Pinned to 0 tells what a shown zero tells ("nobody"): not a disclosure.
      if ((pinned && interval.min >= 1) || (small(t) && insideSmall)) recovered.push({ name, interval, truth: t });
    }
  }
  // A cell printed as "–" on one page and as a figure on another is given away by that other page.
  for (const cell of m.hiddenSeen) {
    const v = m.published[cell];
    if (v !== null && v !== undefined && v >= 1) recovered.push({ name: m.names[cell]!, interval: { min: v, max: v, exact: true }, truth: truth(cell) });
  }
  return { unknowns: m.names.length, hiddenCells, latentCells, recovered, inconsistent: m.inconsistent };
}

/** Published cells (by name) that differ between two complete readings: what a before/after comparison shows. */
export function changedCells(before: readonly Reading[], after: readonly Reading[]): { name: string; before: number | null; after: number | null }[] {
  const flat = (rs: readonly Reading[]) => {
    const out = new Map<string, number | null>();
    for (const { scope: s, year: y, stats } of rs) {
      for (const t of tablesOf(stats)) {
        t.cells.forEach((row, i) => row.forEach((v, j) => out.set(cellName(y, s, t.key, i, j), v)));
        t.rowTotals?.forEach((v, i) => out.set(rowTotalName(y, s, t.key, i), v));
        t.colTotals?.forEach((v, j) => out.set(colTotalName(y, s, t.key, j), v));
        if (t.total !== null) out.set(grandName(y, s, t.key), t.total);
      }
      for (const p of stats.series) {
        out.set(`series:${flowTotalName(p.year, s, 0)}`, p.active);
        out.set(`series:${flowTotalName(p.year, s, 1)}`, p.new);
        out.set(`series:${flowTotalName(p.year, s, 2)}`, p.ended);
      }
    }
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).map((name) => ({ name, before: a.get(name) ?? null, after: b.get(name) ?? null }));
}

function registerNational(m: Model, n: NonNullable<AuditOptions['national']>): void {
  // A "–" in a national table protects nothing the förbund itself prints (that would only be inconsistent).
  const nat = (name: string, value: number | null) => m.print(name, value, false);
  for (const { year: y, tables: t } of n.readings) {
    const scopes = t.byFederation.rowLabels.map((name) => {
      const s = n.scopeOf.get(name);
      if (s === undefined) throw new Error(`No scope for ${name}`);
      return s;
    });
    const genders = t.flowByGender.colLabels.length;
    const outcomes = t.exitOutcomes.colLabels.length;
    const country = (k: number) => `${y}/NAT/${k}`;
    const countryFlow = (k: number, g: number) => `${y}/NAT/flow/${k},${g}`;
    const countryOutcome = (o: number) => `${y}/NAT/out/${o}`;
    // The relations every förbund's counts obey (also when its own pages print nothing).
    scopes.forEach((s) => {
      for (let k = 0; k < 3; k++) m.sum(Array.from({ length: genders }, (_, g) => cellName(y, s, 'flowByGender', k, g)), flowTotalName(y, s, k));
      m.sum(Array.from({ length: outcomes }, (_, o) => cellName(y, s, 'exitOutcomes', 0, o)), flowTotalName(y, s, 2));
    });
    for (let k = 0; k < 3; k++) {
      m.sum(scopes.map((s) => flowTotalName(y, s, k)), country(k));
      for (let g = 0; g < genders; g++) m.sum(scopes.map((s) => cellName(y, s, 'flowByGender', k, g)), countryFlow(k, g));
      m.sum(Array.from({ length: genders }, (_, g) => countryFlow(k, g)), country(k));
    }
    for (let o = 0; o < outcomes; o++) m.sum(scopes.map((s) => cellName(y, s, 'exitOutcomes', 0, o)), countryOutcome(o));
    m.sum(Array.from({ length: outcomes }, (_, o) => countryOutcome(o)), country(2));
    // Per förbund.
    scopes.forEach((s, i) => {
      for (let k = 0; k < 3; k++) nat(flowTotalName(y, s, k), t.byFederation.cells[i]![k]!);
      [t.activeByFederationAndGender, t.newByFederationAndGender, t.endedByFederationAndGender].forEach((table, k) => {
        for (let g = 0; g < genders; g++) nat(cellName(y, s, 'flowByGender', k, g), table.cells[i]![g]!);
        if (table.rowTotals) nat(flowTotalName(y, s, k), table.rowTotals[i]!);
      });
      for (let o = 0; o < outcomes; o++) nat(cellName(y, s, 'exitOutcomes', 0, o), t.exitOutcomesByFederation.cells[i]![o]!);
      if (t.exitOutcomesByFederation.rowTotals) nat(flowTotalName(y, s, 2), t.exitOutcomesByFederation.rowTotals[i]!);
    });
    // Per county and the country.
    t.byCounty.rowLabels.forEach((county, c) => {
      const members = scopes.filter((_, i) => n.countyOf.get(t.byFederation.rowLabels[i]!) === county);
      for (let k = 0; k < 3; k++) {
        const name = `${y}/NAT/cty${c}/${k}`;
        m.sum(members.map((s) => flowTotalName(y, s, k)), name);
        nat(name, t.byCounty.cells[c]![k]!);
      }
    });
    for (let k = 0; k < 3; k++) {
      if (t.byFederation.colTotals) nat(country(k), t.byFederation.colTotals[k]!);
      if (t.byCounty.colTotals) nat(country(k), t.byCounty.colTotals[k]!);
      if (t.flowByGender.rowTotals) nat(country(k), t.flowByGender.rowTotals[k]!);
      for (let g = 0; g < genders; g++) nat(countryFlow(k, g), t.flowByGender.cells[k]![g]!);
      const byGender = [t.activeByFederationAndGender, t.newByFederationAndGender, t.endedByFederationAndGender][k]!;
      for (let g = 0; g < genders; g++) if (byGender.colTotals) nat(countryFlow(k, g), byGender.colTotals[g]!);
      nat(country(k), byGender.total);
    }
    for (let o = 0; o < outcomes; o++) {
      nat(countryOutcome(o), t.exitOutcomes.cells[0]![o]!);
      if (t.exitOutcomesByFederation.colTotals) nat(countryOutcome(o), t.exitOutcomesByFederation.colTotals[o]!);
    }
    if (t.exitOutcomes.rowTotals) nat(country(2), t.exitOutcomes.rowTotals[0]!);
    nat(country(2), t.exitOutcomesByFederation.total);
  }
}
