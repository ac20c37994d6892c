/**
 * National statistics: the participant counts of every förbund side by side, per county and for the country,
 * suppressed with the SAME rules as a förbund's own statistics (primary + secondary, src/core/privacy) and as
 * ONE linked family: a förbund's row, its county's row and the country's total are related cells, so no
 * förbund's hidden count can be worked out from the national or county totals and the others' published
 * figures (the exact LP audit in suppression.ts checks exactly that).
 *
 * Money is not suppressed (the förbund's accounts are public records), but figures computed from a count
 * (cost per participant) are shown only when the count is published.
 */
import { ExitOutcome, Gender } from '../interventions/vocabulary.ts';
import { registerCross, TableFamily } from '../privacy/linkedTables.ts';
import { drain } from '../privacy/suppression.ts';
import { ratio } from '../rounding.ts';
import { publishCount, readTable, type StatTable, type TableKeys } from './statTable.ts';
import type { FrozenCell, NationalBound } from './publication.ts';
import type { ComponentSolver } from '../privacy/intervals.ts';

export interface NationalUnit {
  readonly id: number;
  readonly name: string;
  /** County (län); null = not given ("Län saknas"). */
  readonly county: string | null;
}

/** Raw counts per förbund for one year (before suppression). */
export interface NationalUnitCounts {
  /** [active, new, ended], each by Gender.codes */
  readonly flowByGender: readonly [readonly number[], readonly number[], readonly number[]];
  /** Ended in the year by ExitOutcome.codes */
  readonly endedByOutcome: readonly number[];
}

/** A förbund's frozen year as the national view needs it (see frozenNationalCells in publication.ts). */
export interface FrozenNational {
  readonly counts: NationalUnitCounts;
  /** By local key: `A`, `A:g0` … `E:g3`, `E:o0` … */
  readonly cells: ReadonlyMap<string, FrozenCell>;
  /**
   * The förbund's previous frozen year's cells, with the ranges a reader of both years' publications deduces
   * (see frozenNationalCells): they narrow what the previous national publication's cells are known to be.
   */
  readonly previousCells?: ReadonlyMap<string, FrozenCell> | null;
  /**
   * Whether the förbund's own publication (this year and the one before) stays protected when a reader also
   * knows these bounds on its national cells (see protectedWithBounds in publication.ts). Without it, any
   * narrowing counts as unprotected.
   */
  readonly protectedWith?: (bounds: readonly NationalBound[], protectionInterval: number) => boolean;
}

/** Two ranges a reader knows for the same cell: it knows both (their intersection). */
function intersect(a: FrozenCell, b: FrozenCell | undefined): FrozenCell {
  if (!b || !a.hidden || !b.hidden) return a;
  return { ...a, min: Math.max(a.min, b.min), max: Math.min(a.max, b.max) };
}

export interface NationalEconomyFacts {
  readonly allocationOre: number | null;
  readonly operatingCostOre: number;
  readonly costBySectionOre: { readonly administration: number; readonly individual: number; readonly structural: number; readonly process_support: number };
  readonly equityClosingOre: number | null;
  readonly equityCapShare: number;
  readonly equityCapOre: number | null;
  readonly equityShareOfAllocation: number | null;
  readonly equityRatio: number | null;
}

export interface NationalStatistics {
  readonly year: number;
  readonly minCellSize: number;
  readonly synthetic: boolean;
  readonly federations: readonly string[];
  readonly counties: readonly string[];
  /** The förbund the count tables cover, in row order, with the county each was counted in. */
  readonly units: readonly NationalUnit[];
  /** Förbund × active, new, ended (column totals = the country). */
  readonly byFederation: StatTable;
  /** County × active, new, ended. */
  readonly byCounty: StatTable;
  /** The country: active, new, ended × gender. */
  readonly flowByGender: StatTable;
  /** Förbund × gender, active participants. */
  readonly activeByFederationAndGender: StatTable;
  /** Förbund × gender, new participants. */
  readonly newByFederationAndGender: StatTable;
  /** Förbund × gender, ended participants. */
  readonly endedByFederationAndGender: StatTable;
  /** The country: exit outcomes. */
  readonly exitOutcomes: StatTable;
  /** Förbund × exit outcome, ended in the year. */
  readonly exitOutcomesByFederation: StatTable;
  /** Money per förbund: allocation, costs per section, cost per participant, administration share, equity vs cap, soliditet. */
  readonly economy: StatTable;
  /** The same per county and for the country (sums of the förbund with figures). */
  readonly economyByCounty: StatTable;
}

const noCounty = 'Län saknas';
const genderLabels = Gender.codes.map(Gender.label);
const outcomeLabels = ExitOutcome.codes.map(ExitOutcome.label);
const flowKeys = ['A', 'N', 'E'] as const;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const countyLabel = (u: NationalUnit) => u.county ?? noCounty;

/** The counties of these förbund in display order (Swedish collation, "Län saknas" last). */
function countiesOf(units: readonly NationalUnit[]): string[] {
  return [...new Set(units.map(countyLabel))].sort((a, b) => (a === noCounty ? 1 : b === noCounty ? -1 : a.localeCompare(b, 'sv')));
}

export const economyColumns = [
  'Medelstilldelning (kr)',
  'Kostnader (kr)',
  'Administration (kr)',
  'Individinsatser (kr)',
  'Strukturinsatser (kr)',
  'Processtöd (kr)',
  'Kostnad per aktiv deltagare (kr)',
  'Administrationens andel (%)',
  'Eget kapital (kr)',
  'Eget kapital av medelstilldelning (%)',
  'Tak (%)',
  'Över taket',
  'Soliditet (%)',
] as const;

/**
 * The national publication of the year before (as stored when it was first published), for the flow identity
 * active(Y) = active(Y−1) − ended(Y−1) + new(Y): a reader holds both years, so the year's family carries the
 * previous one with its shown cells fixed shown and its hidden cells fixed hidden, linked per förbund in total
 * and per gender (the county and country sums follow).
 */
export interface PreviousNational {
  readonly year: number;
  /** Its count tables as published (null = hidden), over the förbund it covered (`units`, in row order). */
  readonly published: Pick<NationalStatistics, 'units' | 'counties' | CountTableKey>;
  /** Each covered förbund's frozen year (by id); a covered förbund without one counted zeros. */
  readonly frozen: ReadonlyMap<number, FrozenNational>;
}

/** The count tables of a national publication (the money tables are not suppressed). */
export const countTableKeys = [
  'byFederation', 'byCounty', 'flowByGender', 'activeByFederationAndGender', 'newByFederationAndGender', 'endedByFederationAndGender', 'exitOutcomes', 'exitOutcomesByFederation',
] as const;
export type CountTableKey = (typeof countTableKeys)[number];

const zeroCounts: NationalUnitCounts = { flowByGender: [Gender.codes.map(() => 0), Gender.codes.map(() => 0), Gender.codes.map(() => 0)], endedByOutcome: ExitOutcome.codes.map(() => 0) };

/** A förbund's cell (by row) and an aggregate cell, under a year's key prefix. */
const fedKey = (P: string, i: number, local: string) => `${P}f${i}|${local}`;

/** Which family key each cell of each count table prints (rows = the year's förbund and counties). */
function countTableCellKeys(P: string): Record<CountTableKey, TableKeys> {
  const K = (i: number, local: string) => fedKey(P, i, local);
  const byGender = (m: 0 | 1 | 2): TableKeys => ({ inner: (i, g) => K(i, `${flowKeys[m]}:g${g}`), rowTotal: (i) => K(i, flowKeys[m]!), colTotal: (g) => `${P}${flowKeys[m]}:g${g}`, grand: P + flowKeys[m] });
  return {
    byFederation: { inner: (i, m) => K(i, flowKeys[m]!), colTotal: (m) => P + flowKeys[m]! },
    byCounty: { inner: (k, m) => `${P}cty:${flowKeys[m]}:${k}`, colTotal: (m) => P + flowKeys[m]! },
    flowByGender: { inner: (m, g) => `${P}${flowKeys[m]}:g${g}`, rowTotal: (m) => P + flowKeys[m]! },
    activeByFederationAndGender: byGender(0),
    newByFederationAndGender: byGender(1),
    endedByFederationAndGender: byGender(2),
    exitOutcomes: { inner: (_, o) => `${P}E:o${o}`, rowTotal: () => `${P}E` },
    exitOutcomesByFederation: { inner: (i, o) => K(i, `E:o${o}`), rowTotal: (i) => K(i, 'E'), colTotal: (o) => `${P}E:o${o}`, grand: `${P}E` },
  };
}

/**
 * One year's cells in the family under key prefix P: every förbund's counts, the county and country sums,
 * the förbund's frozen cells fixed as they published them with what their own publication tells about the
 * hidden ones, and the aggregates every part of which is known shown. Returns the counties in row order.
 */
function registerNationalYear(family: TableFamily, P: string, units: readonly NationalUnit[], counts: readonly NationalUnitCounts[], frozenOf: (id: number) => FrozenNational | undefined): string[] {
  const K = (i: number, local: string) => fedKey(P, i, local);
  const countyOf = units.map(countyLabel);
  const counties = countiesOf(units);
  // The country by gender: rows active/new/ended (overlapping: row totals A, N, E only).
  const countryFlow = [0, 1, 2].map((m) => Gender.codes.map((_, g) => sum(counts.map((c) => c.flowByGender[m as 0 | 1 | 2][g]!))));
  registerCross(family, countryFlow, { inner: (m, g) => `${P}${flowKeys[m]}:g${g}`, rowTotal: (m) => P + flowKeys[m]! });
  // Per förbund and gender, for each measure: rows förbund, columns gender; row totals = the förbund's count,
  // column totals = the country's count by gender, grand total = the country's count.
  for (const m of [0, 1, 2] as const) {
    registerCross(
      family,
      counts.map((c) => c.flowByGender[m]),
      { inner: (i, g) => K(i, `${flowKeys[m]}:g${g}`), rowTotal: (i) => K(i, flowKeys[m]!), colTotal: (g) => `${P}${flowKeys[m]}:g${g}`, grand: P + flowKeys[m] },
    );
  }
  // Per county: the county's count is the sum of its förbund; the counties sum to the country.
  for (const m of [0, 1, 2] as const) {
    counties.forEach((county, k) => {
      const members = units.map((_, i) => i).filter((i) => countyOf[i] === county);
      family.cell(`${P}cty:${flowKeys[m]}:${k}`, sum(members.map((i) => sum(counts[i]!.flowByGender[m]))), true);
      family.relate(members.map((i) => K(i, flowKeys[m]!)), `${P}cty:${flowKeys[m]}:${k}`);
    });
    family.relate(counties.map((_, k) => `${P}cty:${flowKeys[m]}:${k}`), P + flowKeys[m]);
  }
  // Exit outcomes: per förbund × outcome (row totals = the förbund's ended), the country's outcomes as column totals.
  registerCross(family, counts.map((c) => c.endedByOutcome), { inner: (i, o) => K(i, `E:o${o}`), rowTotal: (i) => K(i, 'E'), colTotal: (o) => `${P}E:o${o}`, grand: `${P}E` });
  // A förbund with a frozen year: its cells fixed as it published them, and each hidden cell bounded by what
  // the förbund's own publication already tells (x ≥ min, x ≤ max through auxiliary slack cells), so that the
  // national totals are suppressed consistently with it and checked against it.
  units.forEach((u, i) => {
    const f = frozenOf(u.id);
    if (!f) return;
    for (const [local, cell] of f.cells) {
      const key = K(i, local);
      if (!family.has(key)) continue;
      // A hidden cell the förbund's own publication already pins (to 0: "nobody") stays hidden but needs no
      // protection here: it is known to every reader anyway.
      family.cell(key, cell.value, false, !cell.hidden ? 'fixedShown' : cell.min === cell.max ? 'aux' : 'fixedHidden');
      if (!cell.hidden) continue;
      if (cell.min > 0) {
        family.cell(`${key}|min`, cell.min, false, 'fixedShown');
        family.cell(`${key}|above`, cell.value - cell.min, false, 'aux');
        family.relate([`${key}|min`, `${key}|above`], key);
      }
      if (Number.isFinite(cell.max)) {
        family.cell(`${key}|max`, cell.max, false, 'fixedShown');
        family.cell(`${key}|below`, cell.max - cell.value, false, 'aux');
        family.relate([key, `${key}|below`], `${key}|max`);
      }
    }
  });
  // A county or country cell whose every part is already known from the förbund's own publications (shown,
  // or hidden but pinned there) tells nothing new: it is shown, and never chosen as a complement (hiding it
  // would protect nothing).
  const known = (i: number, local: string) => {
    const c = frozenOf(units[i]!.id)?.cells.get(local);
    return c !== undefined && (!c.hidden || c.min === c.max);
  };
  const all = units.map((_, i) => i);
  const aggregates: [string, number[], string][] = [];
  for (const m of flowKeys) {
    aggregates.push([m, all, m]);
    Gender.codes.forEach((_, g) => aggregates.push([`${m}:g${g}`, all, `${m}:g${g}`]));
    counties.forEach((county, k) => aggregates.push([`cty:${m}:${k}`, all.filter((i) => countyOf[i] === county), m]));
  }
  ExitOutcome.codes.forEach((_, o) => aggregates.push([`E:o${o}`, all, `E:o${o}`]));
  const values = new Map(family.entries());
  for (const [key, members, local] of aggregates) {
    if (family.has(P + key) && members.every((i) => known(i, local))) family.cell(P + key, values.get(P + key)!, false, 'fixedShown');
  }
  return counties;
}

/**
 * The previous year's publication in the family under prefix `p|`: its cells fixed shown or hidden as it
 * published them, and the flow identity per förbund (in both years, by id), in total and per gender. False
 * (and nothing registered) when the stored tables do not match the frozen counts (then the year cannot be
 * rebuilt and is left out).
 */
function registerPrevious(family: TableFamily, units: readonly NationalUnit[], previous: PreviousNational, current: (id: number) => FrozenNational | undefined): boolean {
  const P = 'p|';
  const pub = previous.published;
  const prevUnits = pub.units;
  const prevCounts = prevUnits.map((u) => previous.frozen.get(u.id)?.counts ?? zeroCounts);
  // Each förbund's previous year as known from its own publications up to that year and from this year's.
  const prevFrozen = new Map<number, FrozenNational>();
  for (const u of prevUnits) {
    const own = previous.frozen.get(u.id);
    if (!own) continue;
    const later = current(u.id)?.previousCells;
    prevFrozen.set(u.id, later ? { ...own, cells: new Map([...own.cells].map(([k, c]) => [k, intersect(c, later.get(k))])) } : own);
  }
  // Check on a scratch family first: every cell the stored publication shows must be the frozen count.
  const scratch = new TableFamily();
  registerNationalYear(scratch, P, prevUnits, prevCounts, (id) => prevFrozen.get(id));
  const scratchValues = new Map(scratch.entries());
  const keys = countTableCellKeys(P);
  const printed: [string, number | null][] = [];
  for (const t of countTableKeys) {
    const table = pub[t];
    const k = keys[t];
    table.cells.forEach((row, i) => row.forEach((v, j) => printed.push([k.inner(i, j), v])));
    if (k.rowTotal) table.rowTotals?.forEach((v, i) => printed.push([k.rowTotal!(i), v]));
    if (k.colTotal) table.colTotals?.forEach((v, j) => printed.push([k.colTotal!(j), v]));
    if (k.grand !== undefined) printed.push([k.grand, table.total]);
  }
  if (printed.some(([key, v]) => !scratchValues.has(key) || (v !== null && v !== scratchValues.get(key)))) return false;
  registerNationalYear(family, P, prevUnits, prevCounts, (id) => prevFrozen.get(id));
  // A förbund's own frozen cells keep the kind its own publication gave them; everything else as printed.
  const ownFrozen = new Set<string>();
  prevUnits.forEach((u, i) => {
    for (const local of prevFrozen.get(u.id)?.cells.keys() ?? []) ownFrozen.add(fedKey(P, i, local));
  });
  for (const [key, v] of printed) {
    if (!ownFrozen.has(key)) family.cell(key, scratchValues.get(key)!, false, v === null ? 'fixedHidden' : 'fixedShown');
    // A förbund's hidden cell of last year is protected by its own publication and last year's national one;
    // what this year may add to a reader's knowledge of it is checked after the suppression (see below), so
    // the suppression need not protect it again (that would make it hide far more, and slowly).
    else if (family.kindOf(key) === 'fixedHidden') family.cell(key, scratchValues.get(key)!, false, 'aux');
  }
  // The flow identity per förbund covered both years: active(Y) + ended(Y−1) = active(Y−1) + new(Y).
  const values = new Map(family.entries());
  units.forEach((u, i) => {
    const j = prevUnits.findIndex((x) => x.id === u.id);
    if (j < 0) return;
    const link = (name: string, activeNow: string, endedBefore: string, activeBefore: string, newNow: string) => {
      const v = (k: string) => values.get(k)!;
      if (v(activeNow) + v(endedBefore) !== v(activeBefore) + v(newNow)) return; // late corrections: no identity to link
      family.cell(name, v(activeNow) + v(endedBefore), false, 'latent');
      family.relate([activeNow, endedBefore], name);
      family.relate([activeBefore, newNow], name);
    };
    link(`${fedKey('', i, 'flowX')}`, fedKey('', i, 'A'), fedKey(P, j, 'E'), fedKey(P, j, 'A'), fedKey('', i, 'N'));
    Gender.codes.forEach((_, g) => link(fedKey('', i, `flowX:g${g}`), fedKey('', i, `A:g${g}`), fedKey(P, j, `E:g${g}`), fedKey(P, j, `A:g${g}`), fedKey('', i, `N:g${g}`)));
  });
  return true;
}

/** The input of nationalStatistics. */
export interface NationalStatisticsInput {
  readonly year: number;
  readonly minCellSize: number;
  readonly synthetic?: boolean;
  readonly units: readonly NationalUnit[];
  readonly counts: ReadonlyMap<number, NationalUnitCounts>;
  readonly economy: ReadonlyMap<number, NationalEconomyFacts>;
  /**
   * The förbund's frozen publication of the year (by unit id, see frozenNationalCells): its counts are used
   * instead of `counts`, its shown cells stay shown and its hidden cells stay hidden, with what its own
   * publication already tells about them.
   */
  readonly frozen?: ReadonlyMap<number, FrozenNational>;
  /** The year before as it was published nationally (see PreviousNational); none for the first year. */
  readonly previous?: PreviousNational | null;
  readonly protectionInterval?: number;
  /** The linear programming over the family (thousands of cells: a server passes a sparse solver). */
  readonly solveComponent?: ComponentSolver;
}

/**
 * Every national table of a year. `units` in display order; counts and economy per unit id (a förbund
 * without a row counts as zeros / unknown money).
 */
export function nationalStatistics(input: NationalStatisticsInput): NationalStatistics {
  return drain(nationalStatisticsSteps(input));
}

/** nationalStatistics() in steps: yields between the suppression's audits (a server lets other requests run). */
export function* nationalStatisticsSteps(input: NationalStatisticsInput): Generator<void, NationalStatistics> {
  const { year, minCellSize: min, units } = input;
  const counts = units.map((u) => input.frozen?.get(u.id)?.counts ?? input.counts.get(u.id) ?? zeroCounts);
  const family = new TableFamily();
  const counties = registerNationalYear(family, '', units, counts, (id) => input.frozen?.get(id));
  if (input.previous && input.previous.year === year - 1) registerPrevious(family, units, input.previous, (id) => input.frozen?.get(id));
  // What a reader knows of every hidden förbund cell (both years) before this year's county and country cells
  // are published: the förbund's own publications and the earlier national year.
  const federationCell = /^(p\|)?f(\d+)\|([^|]+)$/;
  // Known: what is fixed shown, and the rows of förbund without a frozen year (zeros: nobody to count).
  const isKnown = (k: string) => family.kindOf(k) === 'fixedShown' || (federationCell.test(k) && family.kindOf(k) === undefined);
  const hiddenFederationCells = family
    .entries()
    .map(([k]) => k)
    .filter((k) => federationCell.test(k) && (family.kindOf(k) === 'fixedHidden' || (k.startsWith('p|') && family.kindOf(k) === 'aux')));
  // (A cell whose range is seen to hold its whole box — or, below, the whole reference — needs no exact solve.)
  const entries = new Map(family.entries());
  const boxOf = (k: string) => ({ min: entries.get(`${k}|min`) ?? 0, max: entries.get(`${k}|max`) ?? Infinity });
  const reference = family.deducibleRanges((k) => !isKnown(k), hiddenFederationCells, (k, lo, hi) => lo <= boxOf(k).min && hi >= boxOf(k).max, input.solveComponent);
  yield;
  const previousUnits = input.previous?.published.units ?? [];
  const cellOf = (k: string) => {
    const [, p, i, local] = federationCell.exec(k)!;
    const unit = (p ? previousUnits : units)[Number(i)]!;
    return { id: unit.id, year: p ? year - 1 : year, local: local! };
  };
  // Publishing the county and country cells may narrow what a reader knows of a förbund's hidden totals; a
  // narrower total carries on into the förbund's own tables and interventions, which this family does not
  // hold. So each förbund whose cells are narrowed is checked over its own two years' publication with the
  // narrowed bounds (protectedWith); where it would lose protection, the narrowed cell that alone makes the
  // difference (trying the smallest counts first), or else all of them, keep their ranges as they were (the
  // suppression then hides more county and country cells), and the year is suppressed again.
  const strict = new Set<string>();
  const protectionInterval = input.protectionInterval ?? 1;
  let published: (key: string) => number | null;
  for (;;) {
    const keep = new Map([...reference].filter(([k]) => strict.has(k)));
    published = yield* family.publishSteps(min, { protectionInterval, keep, ...(input.solveComponent ? { solveComponent: input.solveComponent } : {}) });
    const shown = published;
    yield;
    const after = family.deducibleRanges((k) => shown(k) === null, hiddenFederationCells, (k, lo, hi) => lo <= reference.get(k)!.min && hi >= reference.get(k)!.max, input.solveComponent);
    const narrowed = new Map<number, { key: string; bound: NationalBound }[]>();
    for (const k of hiddenFederationCells) {
      const { id, year: y, local } = cellOf(k);
      const r = after.get(k);
      const before = reference.get(k);
      if (!r || !before || strict.has(k)) continue;
      const own = y === year ? input.frozen?.get(id)?.cells.get(local) : undefined;
      // Narrower than the förbund's own publication tells (this year's box; last year's as last year left it).
      const box = own ?? before;
      if (r.min > box.min || r.max < box.max) narrowed.set(id, [...(narrowed.get(id) ?? []), { key: k, bound: { year: y, local, min: r.min, max: r.max } }]);
    }
    let grew = false;
    for (const [id, cells] of narrowed) {
      const check = input.frozen?.get(id)?.protectedWith;
      const ok = (list: typeof cells) => check !== undefined && check(list.map((c) => c.bound), protectionInterval);
      if (ok(cells)) continue;
      grew = true;
      const one = check && [...cells].sort((a, b) => entries.get(a.key)! - entries.get(b.key)!).find((c) => ok(cells.filter((x) => x !== c)));
      for (const c of one ? [one] : cells) strict.add(c.key);
    }
    if (!grew) break;
  }
  const keys = countTableCellKeys('');

  const names = units.map((u) => u.name);
  const byFederation = readTable(
    { key: 'byFederation', title: `Deltagare per förbund ${year}`, rowHeader: 'Förbund', rowLabels: names, colLabels: ['Aktiva', 'Nya', 'Avslutade'] },
    published,
    keys.byFederation,
  );
  const byCounty = readTable(
    { key: 'byCounty', title: `Deltagare per län ${year}`, rowHeader: 'Län', rowLabels: counties, colLabels: ['Aktiva', 'Nya', 'Avslutade'] },
    published,
    keys.byCounty,
  );
  const flowByGender = readTable(
    { key: 'flowByGender', title: `Deltagare efter kön, hela landet ${year}`, rowHeader: 'Deltagare', rowLabels: ['Aktiva', 'Nya', 'Avslutade'], colLabels: genderLabels, withPercentages: true },
    published,
    keys.flowByGender,
  );
  const byGender = (key: 'activeByFederationAndGender' | 'newByFederationAndGender' | 'endedByFederationAndGender', title: string) =>
    readTable({ key, title: `${title} ${year}`, rowHeader: 'Förbund', rowLabels: names, colLabels: genderLabels }, published, keys[key]);
  const exitOutcomes = readTable(
    { key: 'exitOutcomes', title: `Avslutsorsak, hela landet ${year}`, rowHeader: 'Deltagare', rowLabels: [`Avslutsorsak ${year}`], colLabels: outcomeLabels, withPercentages: true },
    published,
    keys.exitOutcomes,
  );
  const exitOutcomesByFederation = readTable(
    { key: 'exitOutcomesByFederation', title: `Avslutsorsak per förbund ${year}`, rowHeader: 'Förbund', rowLabels: names, colLabels: outcomeLabels, withPercentages: true },
    published,
    keys.exitOutcomesByFederation,
  );

  return {
    year,
    minCellSize: min,
    synthetic: input.synthetic ?? false,
    federations: names,
    counties,
    units: units.map((u) => ({ id: u.id, name: u.name, county: u.county })),
    byFederation,
    byCounty,
    flowByGender,
    activeByFederationAndGender: byGender('activeByFederationAndGender', 'Aktiva deltagare per förbund efter kön'),
    newByFederationAndGender: byGender('newByFederationAndGender', 'Nya deltagare per förbund efter kön'),
    endedByFederationAndGender: byGender('endedByFederationAndGender', 'Avslutade deltagare per förbund efter kön'),
    exitOutcomes,
    exitOutcomesByFederation,
    ...nationalEconomyTables({ year, counties, units, byFederation, byCounty }, units, input.economy),
  };
}

/**
 * The money tables of a year (per förbund; per county and the country), with cost per active participant only
 * where the published count tables show the active count. `units` are the förbund with money today; the count
 * tables may be an earlier publication over other förbund (a year is published once, see
 * services/national): a förbund's count is looked up by id, and a county's or the country's only if the
 * publication covered exactly the same förbund there (otherwise the cost per participant would divide other
 * sets' money and people).
 */
export function nationalEconomyTables(
  counts: Pick<NationalStatistics, 'year' | 'counties' | 'units' | 'byFederation' | 'byCounty'>,
  units: readonly NationalUnit[],
  economyFacts: ReadonlyMap<number, NationalEconomyFacts>,
): Pick<NationalStatistics, 'economy' | 'economyByCounty'> {
  const { year, byFederation, byCounty } = counts;
  const names = units.map((u) => u.name);
  const countyOf = units.map(countyLabel);
  const counties = countiesOf(units);
  const publishedRow = new Map(counts.units.map((u, i) => [u.id, i]));
  const activeOf = (id: number) => {
    const i = publishedRow.get(id);
    return i === undefined ? null : (byFederation.cells[i]?.[0] ?? null);
  };
  const sameSet = (ids: readonly number[], published: readonly NationalUnit[]) => ids.length === published.length && published.every((u) => ids.includes(u.id));
  const economyRows = units.map((u) => economyRow(economyFacts.get(u.id) ?? null, activeOf(u.id)));
  const economy = moneyTable('economy', `Ekonomi per förbund ${year}`, 'Förbund', names, economyRows);

  // Per county and the country: sums over the förbund that have figures; shares from the sums.
  const groupRow = (members: readonly number[], publishedActive: () => number | null): (number | null)[] => {
    const facts = members.map((i) => economyFacts.get(units[i]!.id) ?? null).filter((f): f is NationalEconomyFacts => f !== null);
    if (!facts.length) return economyColumns.map(() => null);
    const add = (f: (x: NationalEconomyFacts) => number | null) => (facts.every((x) => f(x) !== null) ? sum(facts.map((x) => f(x)!)) : null);
    const merged: NationalEconomyFacts = {
      allocationOre: add((x) => x.allocationOre),
      operatingCostOre: sum(facts.map((x) => x.operatingCostOre)),
      costBySectionOre: {
        administration: sum(facts.map((x) => x.costBySectionOre.administration)),
        individual: sum(facts.map((x) => x.costBySectionOre.individual)),
        structural: sum(facts.map((x) => x.costBySectionOre.structural)),
        process_support: sum(facts.map((x) => x.costBySectionOre.process_support)),
      },
      equityClosingOre: add((x) => x.equityClosingOre),
      equityCapShare: NaN,
      equityCapOre: add((x) => x.equityCapOre),
      equityShareOfAllocation: null,
      equityRatio: null,
    };
    const withShare = { ...merged, equityShareOfAllocation: merged.equityClosingOre !== null && merged.allocationOre ? ratio(merged.equityClosingOre, merged.allocationOre, 4) : null };
    return economyRow(withShare, publishedActive());
  };
  const all = units.map((_, i) => i);
  const countyRows = counties.map((county) => {
    const members = all.filter((i) => countyOf[i] === county);
    // The county's active count is published only if the county's cell is, over the same förbund.
    const k = counts.counties.indexOf(county);
    const published = counts.units.filter((u) => countyLabel(u) === county);
    return groupRow(members, () => (k >= 0 && sameSet(members.map((i) => units[i]!.id), published) ? (byCounty.cells[k]?.[0] ?? null) : null));
  });
  const country = groupRow(all, () => (sameSet(units.map((u) => u.id), counts.units) ? (byFederation.colTotals?.[0] ?? null) : null));
  const economyByCounty = moneyTable('economyByCounty', `Ekonomi per län ${year}`, 'Län', [...counties, 'Hela landet'], [...countyRows, country]);

  return { economy, economyByCounty };
}

/** One row of the economy table (kronor, whole; shares in per cent with one decimal; null = unknown or hidden). */
function economyRow(f: NationalEconomyFacts | null, activeParticipants: number | null): (number | null)[] {
  if (!f) return economyColumns.map(() => null);
  const kr = (ore: number | null) => (ore === null ? null : Math.round(ore / 100));
  const pct = (share: number | null) => (share === null || Number.isNaN(share) ? null : Math.round(share * 1000) / 10);
  const perParticipant = activeParticipants ? kr(Math.round(f.operatingCostOre / activeParticipants)) : null;
  const admin = f.operatingCostOre ? ratio(f.costBySectionOre.administration, f.operatingCostOre, 4) : null;
  const above = f.equityClosingOre !== null && f.equityCapOre !== null ? (f.equityClosingOre > f.equityCapOre ? 1 : 0) : null;
  return [
    kr(f.allocationOre),
    kr(f.operatingCostOre),
    kr(f.costBySectionOre.administration),
    kr(f.costBySectionOre.individual),
    kr(f.costBySectionOre.structural),
    kr(f.costBySectionOre.process_support),
    perParticipant,
    pct(admin),
    kr(f.equityClosingOre),
    pct(f.equityShareOfAllocation),
    pct(f.equityCapShare),
    above,
    pct(f.equityRatio),
  ];
}

function moneyTable(key: string, title: string, rowHeader: string, rowLabels: readonly string[], cells: readonly (readonly (number | null)[])[]): StatTable {
  return {
    key,
    title,
    rowHeader,
    rowLabels,
    colLabels: economyColumns,
    cells,
    rowTotals: null,
    colTotals: null,
    total: null,
    percentages: null,
    hiddenCount: 0,
  };
}

export interface NationalTrends {
  /** Active, new and ended (one table each): rows the counties and the country, columns the years. */
  readonly byCounty: readonly StatTable[];
  /** The same per förbund. */
  readonly byFederation: readonly StatTable[];
}

/**
 * Trends per county, the country and per förbund: each year's figure exactly as that year's national
 * publication shows it (suppressed there, together with the förbund's own frozen figures), so a trend
 * reveals nothing the yearly tables do not. A förbund or county missing in a year, or a year not yet
 * published, is "–".
 */
export function nationalTrends(years: readonly { year: number; stats: NationalStatistics }[], federations: readonly string[], counties: readonly string[]): NationalTrends {
  const measures = ['Aktiva', 'Nya', 'Avslutade'];
  const table = (key: string, title: string, rowHeader: string, rowLabels: readonly string[], value: (label: string, s: NationalStatistics, m: number) => number | null): StatTable => {
    const cells = rowLabels.map((label) => years.map(({ stats }) => value(label, stats, measuresIndex(key))));
    return { key, title, rowHeader, rowLabels, colLabels: years.map((y) => String(y.year)), cells, rowTotals: null, colTotals: null, total: null, percentages: null, hiddenCount: cells.flat().filter((v) => v === null).length };
  };
  const measuresIndex = (key: string) => Number(key.slice(-1));
  const countyValue = (label: string, s: NationalStatistics, m: number) => {
    if (label === 'Hela landet') return s.byFederation.colTotals?.[m] ?? null;
    const k = s.counties.indexOf(label);
    return k < 0 ? null : (s.byCounty.cells[k]?.[m] ?? null);
  };
  const federationValue = (label: string, s: NationalStatistics, m: number) => {
    const i = s.federations.indexOf(label);
    return i < 0 ? null : (s.byFederation.cells[i]?.[m] ?? null);
  };
  return {
    byCounty: measures.map((name, m) => table(`trendByCounty${m}`, `${name} deltagare per län och år`, 'Län', [...counties, 'Hela landet'], countyValue)),
    byFederation: measures.map((name, m) => table(`trendByFederation${m}`, `${name} deltagare per förbund och år`, 'Förbund', federations, federationValue)),
  };
}
