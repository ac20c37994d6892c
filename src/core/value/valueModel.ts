import { SupportSource } from '../interventions/vocabulary.ts';

/**
 * Value per member (samhällsekonomisk effekt), the baseline model (docs/value-per-member.md). Pure: it is
 * given the ended participations of a year grouped by (intervention, support before, support after), the
 * unit-cost table and the intervention's cost, and computes the effect per payer over 1 and 5 years.
 */
export const payers = ['fk', 'af', 'region', 'kommun'] as const;
export type Payer = (typeof payers)[number];
export const payerLabels: Record<Payer, string> = {
  fk: 'Staten via Försäkringskassan',
  af: 'Staten via Arbetsförmedlingen',
  region: 'Regionen',
  kommun: 'Kommunen',
};

/** The member kinds that pay the förbund and the payers whose effect falls on them. */
export const memberKinds = ['state', 'region', 'municipalities'] as const;
export type MemberKind = (typeof memberKinds)[number];
export const memberKindLabels: Record<MemberKind, string> = { state: 'Staten (FK och AF)', region: 'Regionen', municipalities: 'Kommunerna' };
export const payersOfKind: Record<MemberKind, readonly Payer[]> = { state: ['fk', 'af'], region: ['region'], municipalities: ['kommun'] };

/** One figure of the unit-cost table: the annual public cost of a support source for a payer, with its source. */
export interface UnitCost {
  readonly supportSource: SupportSource;
  readonly payer: Payer;
  /** Öre per person and year; negative = income (e.g. tax on a salary). */
  readonly annualOre: number;
  /** Where the figure comes from (a public statistic and its year). Never empty. */
  readonly source: string;
}

/** Ended participations with the same (before, after), counted. `after` is the 12-month status when recorded, else "försörjning efter". */
export interface TransitionCount {
  readonly interventionId: number;
  readonly before: SupportSource;
  /** null: not given (counts as "Uppgift saknas"). */
  readonly after: SupportSource | null;
  readonly n: number;
}

export interface ValueParameters {
  /** q: the share of the effect that persists from one year to the next (default 0.5). */
  readonly persistence: number;
  /** r: the discount rate (default 0.035). */
  readonly discount: number;
}

export const defaultValueParameters: ValueParameters = { persistence: 0.5, discount: 0.035 };
/** The persistence values of the sensitivity table. */
export const sensitivityPersistence = [0.25, 0.5, 0.75] as const;

/** Σ_{t=1..5} q^(t−1) / (1+r)^(t−1): what one year's effect is worth over five years. */
export function fiveYearFactor({ persistence: q, discount: r }: ValueParameters): number {
  let sum = 0;
  for (let t = 1; t <= 5; t++) sum += q ** (t - 1) / (1 + r) ** (t - 1);
  return sum;
}

/** cost(b, p): the table's figure, or 0 when the table does not list the source for the payer. */
export function unitCostLookup(table: readonly UnitCost[]): (source: SupportSource, payer: Payer) => number {
  const m = new Map(table.map((u) => [`${u.supportSource}|${u.payer}`, u.annualOre]));
  return (source, payer) => m.get(`${source}|${payer}`) ?? 0;
}

/** Exact effects (öre, not rounded: the rounding comes at the very end). */
export interface ValueEffect {
  /** Ended participations in scope. */
  readonly participations: number;
  /** Of them, with support before or after unknown: no effect, counted. */
  readonly unknown: number;
  /** Annual effect per payer, öre (positive = saving). */
  readonly annualOre: Record<Payer, number>;
  readonly year5Ore: Record<Payer, number>;
}

const zeroByPayer = (): Record<Payer, number> => ({ fk: 0, af: 0, region: 0, kommun: 0 });

/** The annual effect cost(b, p) − cost(a, p), summed over the participations; 5 years with the factor. */
export function computeEffect(transitions: readonly TransitionCount[], table: readonly UnitCost[], params: ValueParameters): ValueEffect {
  const cost = unitCostLookup(table);
  const annualOre = zeroByPayer();
  let participations = 0;
  let unknown = 0;
  for (const t of transitions) {
    participations += t.n;
    const after = t.after ?? 'unknown';
    if (t.before === 'unknown' || after === 'unknown') {
      unknown += t.n;
      continue;
    }
    for (const p of payers) annualOre[p] += t.n * (cost(t.before, p) - cost(after, p));
  }
  const f = fiveYearFactor(params);
  const year5Ore = zeroByPayer();
  for (const p of payers) year5Ore[p] = annualOre[p] * f;
  return { participations, unknown, annualOre, year5Ore };
}

/** Öre → whole kronor, half away from zero (only when presenting). */
export const toKronor = (ore: number) => Math.sign(ore) * Math.round(Math.abs(ore) / 100);

/** What the value report shows for a scope (the förbund or one intervention). Kronor, rounded at the end. */
export interface ValueReport {
  readonly participations: number | null;
  readonly unknown: number | null;
  /** Built on fewer participations with an effect than the minimum cell size: every figure is hidden. */
  readonly hidden: boolean;
  readonly byPayer: Record<Payer, { readonly year1: number; readonly year5: number }> | null;
  readonly total: { readonly year1: number; readonly year5: number } | null;
  /** The scope's cost for the year (its outcome in the driftredovisning), kronor; null when not known. */
  readonly cost: number | null;
  readonly returnPerKrona: { readonly year1: number; readonly year5: number } | null;
  /** Per member kind: effect on its payers, its share of the cost, and the net (effect − cost share), kronor. */
  readonly byMemberKind: Record<MemberKind, { readonly year1: number; readonly year5: number; readonly costShare: number | null; readonly net1: number | null; readonly net5: number | null }> | null;
  /** Persistence 0.25, 0.5 and 0.75 at the chosen discount rate: the 5-year total and its return per krona. */
  readonly sensitivity: readonly { readonly persistence: number; readonly year5: number; readonly returnPerKrona: number | null }[] | null;
  readonly parameters: ValueParameters;
}

/** A count published like the statistics: 0 or at least the minimum cell size, else hidden (null). */
const publishedCount = (n: number, min: number) => (n === 0 || n >= min ? n : null);
const ratio = (x: number, costOre: number | null) => (costOre === null || costOre <= 0 ? null : Math.round((x / costOre) * 100) / 100);

/**
 * The report of one scope. `costOre`: the scope's net cost in the year (null when it has none in the
 * driftredovisning); `shares`: each member kind's share of the contributions (null without contributions).
 */
export function valueReport(
  transitions: readonly TransitionCount[],
  table: readonly UnitCost[],
  params: ValueParameters,
  costOre: number | null,
  shares: Record<MemberKind, number> | null,
  minCellSize: number,
): ValueReport {
  const e = computeEffect(transitions, table, params);
  const withEffect = e.participations - e.unknown;
  const hidden = withEffect < minCellSize;
  const base = {
    participations: publishedCount(e.participations, minCellSize),
    unknown: publishedCount(e.unknown, minCellSize),
    hidden,
    cost: costOre === null ? null : toKronor(costOre),
    parameters: params,
  };
  if (hidden) return { ...base, byPayer: null, total: null, returnPerKrona: null, byMemberKind: null, sensitivity: null };
  const sum = (r: Record<Payer, number>, ps: readonly Payer[] = payers) => ps.reduce((s, p) => s + r[p], 0);
  const total1 = sum(e.annualOre);
  const total5 = sum(e.year5Ore);
  const byPayer = Object.fromEntries(payers.map((p) => [p, { year1: toKronor(e.annualOre[p]), year5: toKronor(e.year5Ore[p]) }])) as ValueReport['byPayer'];
  const byMemberKind = Object.fromEntries(
    memberKinds.map((k) => {
      const y1 = sum(e.annualOre, payersOfKind[k]);
      const y5 = sum(e.year5Ore, payersOfKind[k]);
      const share = shares && costOre !== null ? costOre * shares[k] : null;
      return [k, { year1: toKronor(y1), year5: toKronor(y5), costShare: share === null ? null : toKronor(share), net1: share === null ? null : toKronor(y1 - share), net5: share === null ? null : toKronor(y5 - share) }];
    }),
  ) as NonNullable<ValueReport['byMemberKind']>;
  const sensitivity = sensitivityPersistence.map((q) => {
    const y5 = total1 * fiveYearFactor({ persistence: q, discount: params.discount });
    return { persistence: q, year5: toKronor(y5), returnPerKrona: ratio(y5, costOre) };
  });
  const r1 = ratio(total1, costOre);
  const r5 = ratio(total5, costOre);
  return {
    ...base,
    byPayer,
    total: { year1: toKronor(total1), year5: toKronor(total5) },
    returnPerKrona: r1 === null || r5 === null ? null : { year1: r1, year5: r5 },
    byMemberKind,
    sensitivity,
  };
}
