/**
 * The allocation (medelstilldelning) and how members share it: the state a fixed part (50 %), the rest
 * between region(s) and municipalities by agreed percentages, municipalities among themselves by a key
 * (population, or fixed amounts). Every split adds up exactly to its total (largest remainder, to the krona).
 */
import { InputError, type InputProblem } from '../errors.ts';
import { formatKronor } from '../format.ts';
import { divideRounded, largestRemainderSplit, ratio } from '../rounding.ts';
import type { Member, MemberKind } from './types.ts';

/** Hundredths of a per cent: 5000 = 50 %, 3125 = 31,25 %. */
export type BasisPoints = number;

export interface AllocationKey {
  readonly stateShareBp: BasisPoints;
  readonly regionShareBp: BasisPoints;
  readonly municipalitiesShareBp: BasisPoints;
  /** How the municipalities' part is shared: by population, or by fixed amounts (weights in öre). */
  readonly municipalBasis: 'population' | 'fixed';
  /**
   * Weight per municipality (member id): population, or the fixed amount in öre. Fixed amounts are used as
   * weights too: when they add up to the municipalities' part they come back exactly, otherwise they are
   * scaled to it (still exact to the krona in total).
   */
  readonly weights: readonly { readonly memberId: number; readonly weight: number }[];
}

/** Who pays: the state (FK and AF together) or a member. */
export type Payer = { readonly kind: 'state' } | { readonly kind: 'member'; readonly memberId: number };

export interface Contribution {
  /** null = the state (Försäkringskassan and Arbetsförmedlingen together). */
  readonly memberId: number | null;
  readonly amountOre: number;
}

/** The groups whose shares the law and the agreement fix. */
export type PayerGroup = 'state' | 'region' | 'municipalities';

export function payerGroupOfKind(kind: MemberKind): PayerGroup {
  return kind === 'region' ? 'region' : kind === 'municipality' ? 'municipalities' : 'state';
}

/** Validates a key; problems name the field. */
export function validateAllocationKey(key: AllocationKey, members: readonly Member[]): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const f of ['stateShareBp', 'regionShareBp', 'municipalitiesShareBp'] as const) {
    const v = key[f];
    if (!Number.isInteger(v) || v < 0 || v > 10000) problems.push({ field: f, message: 'Andelen ska vara mellan 0 och 100 %.' });
  }
  if (key.stateShareBp + key.regionShareBp + key.municipalitiesShareBp !== 10000) {
    problems.push({ field: 'regionShareBp', message: 'Statens, regionens och kommunernas andelar ska tillsammans vara 100 %.' });
  }
  const byId = new Map(members.map((m) => [m.id, m]));
  const seen = new Set<number>();
  for (const [i, w] of key.weights.entries()) {
    const m = byId.get(w.memberId);
    if (!m || m.kind !== 'municipality') problems.push({ field: `weights[${i}].memberId`, message: 'Fördelningsnyckeln gäller bara kommuner som är medlemmar.' });
    if (seen.has(w.memberId)) problems.push({ field: `weights[${i}].memberId`, message: 'Kommunen finns redan i nyckeln.' });
    seen.add(w.memberId);
    if (!Number.isSafeInteger(w.weight) || w.weight < 0) problems.push({ field: `weights[${i}].weight`, message: 'Vikten ska vara ett heltal, 0 eller större.' });
  }
  return problems;
}

/**
 * A municipality the key leaves out (no population, no amount) would get 0 kr and the others would share its part
 * — silently. Refused, with the consequence in kronor when the allocation is known.
 */
export function missingWeightProblems(key: AllocationKey, members: readonly Member[], allocationOre: number | null): InputProblem[] {
  if (key.municipalitiesShareBp === 0) return [];
  const inKey = new Set(key.weights.map((w) => w.memberId));
  const missing = members.filter((m) => m.kind === 'municipality' && !inKey.has(m.id));
  if (!missing.length) return [];
  const part = allocationOre === null ? null : divideRounded(allocationOre * key.municipalitiesShareBp, 10000);
  const what = key.municipalBasis === 'population' ? 'befolkning' : 'belopp';
  return missing.map((m) => ({
    field: 'weights',
    message:
      `Fördelningsnyckeln saknar ${what} för ${m.name}: kommunen skulle få 0 kr och de övriga kommunerna dela på ` +
      (part === null ? 'hela kommunernas del' : `hela kommunernas del, ${formatKronor(part)} kr`) +
      `. Ange ${what} för alla kommuner som är medlemmar.`,
  }));
}

/**
 * Each payer's contribution to the krona. allocationOre is split state/region/municipalities by the key's
 * shares, the region part evenly between regions, the municipal part by the key's weights (municipalities
 * without a weight get nothing). Every level adds up exactly (largest remainder in whole kronor when the
 * total is whole kronor, else in öre). Throws InputError when the key does not fit the members.
 */
export function splitAllocation(allocationOre: number, key: AllocationKey, members: readonly Member[]): Contribution[] {
  const problems = validateAllocationKey(key, members);
  if (!problems.length) problems.push(...missingWeightProblems(key, members, Number.isSafeInteger(allocationOre) ? allocationOre : null));
  if (!Number.isSafeInteger(allocationOre) || allocationOre < 0) problems.push({ field: 'allocation', message: 'Medelstilldelningen ska vara ett belopp, 0 eller större.' });
  const regions = members.filter((m) => m.kind === 'region');
  if (key.regionShareBp > 0 && regions.length === 0) problems.push({ field: 'regionShareBp', message: 'Förbundet har ingen region som medlem.' });
  const weighted = key.weights.filter((w) => w.weight > 0);
  if (key.municipalitiesShareBp > 0 && weighted.length === 0) problems.push({ field: 'weights', message: 'Ange befolkning eller belopp för minst en kommun.' });
  if (problems.length) throw new InputError(problems);

  const unit = allocationOre % 100 === 0 ? 100 : 1;
  const units = allocationOre / unit;
  const [state, region, municipal] = largestRemainderSplit(units, [key.stateShareBp, key.regionShareBp, key.municipalitiesShareBp]) as [number, number, number];
  const out: Contribution[] = [{ memberId: null, amountOre: state * unit }];
  if (regions.length) {
    largestRemainderSplit(region, regions.map(() => 1)).forEach((u, i) => out.push({ memberId: regions[i]!.id, amountOre: u * unit }));
  }
  if (weighted.length) {
    largestRemainderSplit(municipal, weighted.map((w) => w.weight)).forEach((u, i) => out.push({ memberId: weighted[i]!.memberId, amountOre: u * unit }));
  }
  return out;
}

export interface ContributionCheck {
  readonly allocationOre: number;
  readonly totalOre: number;
  /** total − allocation: 0 when the contributions add up. */
  readonly differenceOre: number;
  readonly byGroup: Record<PayerGroup, number>;
  /** Each group's share of the total contributions, 4 decimals (2025: 0.5, 0.3125, 0.1875). */
  readonly shares: Record<PayerGroup, number>;
  /** Each group's share in hundredths of a per cent, rounded (for comparing with a key). */
  readonly sharesBp: Record<PayerGroup, number>;
}

/** Sums contributions per group and compares them with the allocation. */
export function checkContributions(allocationOre: number, contributions: readonly Contribution[], members: readonly Member[]): ContributionCheck {
  const kindOf = new Map(members.map((m) => [m.id, m.kind]));
  const byGroup: Record<PayerGroup, number> = { state: 0, region: 0, municipalities: 0 };
  for (const c of contributions) {
    const kind = c.memberId === null ? null : kindOf.get(c.memberId);
    const group: PayerGroup = kind ? payerGroupOfKind(kind) : 'state';
    byGroup[group] += c.amountOre;
  }
  const totalOre = byGroup.state + byGroup.region + byGroup.municipalities;
  const share = (v: number, d: number) => (totalOre === 0 ? 0 : ratio(v, totalOre, d));
  return {
    allocationOre,
    totalOre,
    differenceOre: totalOre - allocationOre,
    byGroup,
    shares: { state: share(byGroup.state, 4), region: share(byGroup.region, 4), municipalities: share(byGroup.municipalities, 4) },
    sharesBp: {
      state: Math.round(share(byGroup.state, 4) * 10000),
      region: Math.round(share(byGroup.region, 4) * 10000),
      municipalities: Math.round(share(byGroup.municipalities, 4) * 10000),
    },
  };
}

/** Problems when contributions do not add up to the allocation (for entry forms and imports). */
export function contributionProblems(check: ContributionCheck, field = 'contributions'): InputProblem[] {
  if (check.differenceOre === 0) return [];
  return [
    {
      field,
      message: `Bidragen summerar till ${check.totalOre / 100} kr men medelstilldelningen är ${check.allocationOre / 100} kr (skillnad ${check.differenceOre / 100} kr).`,
    },
  ];
}

/**
 * The key last year's contributions imply, for a year that had contributions but no key saved (a year imported
 * from a published report): the state's, region's and municipalities' shares of what was paid (hundredths of a per
 * cent, adding up to 100 %), and each municipality's payment as its fixed amount (scaled to the new municipal part).
 * Null when nothing was paid.
 */
export function keyFromContributions(contributions: readonly Contribution[], members: readonly Member[]): AllocationKey | null {
  const check = checkContributions(0, contributions, members);
  if (check.totalOre <= 0) return null;
  const [stateShareBp, regionShareBp, municipalitiesShareBp] = largestRemainderSplit(10000, [check.byGroup.state, check.byGroup.region, check.byGroup.municipalities]) as [number, number, number];
  const kindOf = new Map(members.map((m) => [m.id, m.kind]));
  const weights = contributions.filter((c) => c.memberId !== null && kindOf.get(c.memberId) === 'municipality').map((c) => ({ memberId: c.memberId!, weight: c.amountOre }));
  return { stateShareBp, regionShareBp, municipalitiesShareBp, municipalBasis: 'fixed', weights };
}
