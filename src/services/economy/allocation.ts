import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, type InputProblem } from '../../core/errors.ts';
import {
  checkContributions,
  contributionProblems,
  missingWeightProblems,
  splitAllocation,
  validateAllocationKey,
  type AllocationKey,
  type Contribution,
  type ContributionCheck,
} from '../../core/economy/allocation.ts';
import type { Member } from '../../core/economy/types.ts';
import { listMembers } from '../members/members.ts';
import { getFiscalYear } from './years.ts';

export interface ContributionRow extends Contribution {
  /** "Staten (Försäkringskassan och Arbetsförmedlingen)" for the state, else the member's name. */
  readonly payerName: string;
}

export interface AllocationOverview {
  readonly year: number;
  readonly allocationOre: number | null;
  readonly members: readonly Member[];
  readonly key: AllocationKey | null;
  /** What is stored (entered, imported or applied from the key). */
  readonly contributions: readonly ContributionRow[];
  /** Stored contributions against the allocation, with each group's share. null without an allocation. */
  readonly check: ContributionCheck | null;
  /** What the key gives to the krona; null without a key or allocation, or when the key does not fit. */
  readonly fromKey: readonly ContributionRow[] | null;
}

export const stateLabel = 'Staten (Försäkringskassan och Arbetsförmedlingen)';

export async function loadContributions(q: Queryable, federationId: number, year: number): Promise<Contribution[]> {
  return q.query<Contribution>(
    'select member_id as "memberId", amount_ore as "amountOre" from contribution where federation_id = $1 and year = $2 order by member_id nulls first',
    [federationId, year],
  );
}

export async function loadAllocationKey(q: Queryable, federationId: number, year: number): Promise<AllocationKey | null> {
  const [k] = await q.query<{ state_share_bp: number; region_share_bp: number; municipalities_share_bp: number; municipal_basis: 'population' | 'fixed' }>(
    'select state_share_bp, region_share_bp, municipalities_share_bp, municipal_basis from allocation_key where federation_id = $1 and year = $2',
    [federationId, year],
  );
  if (!k) return null;
  const weights = await q.query<{ memberId: number; weight: number }>(
    'select member_id as "memberId", weight from allocation_key_weight where federation_id = $1 and year = $2 order by member_id',
    [federationId, year],
  );
  return { stateShareBp: k.state_share_bp, regionShareBp: k.region_share_bp, municipalitiesShareBp: k.municipalities_share_bp, municipalBasis: k.municipal_basis, weights };
}

function named(list: readonly Contribution[], members: readonly Member[]): ContributionRow[] {
  const names = new Map(members.map((m) => [m.id, m.name]));
  return list.map((c) => ({ ...c, payerName: c.memberId === null ? stateLabel : (names.get(c.memberId) ?? `#${c.memberId}`) }));
}

/** Everything the allocation page shows for a year. NotFoundError when the year does not exist. */
export async function getAllocationOverview(q: Queryable, federationId: number, year: number): Promise<AllocationOverview> {
  const facts = await getFiscalYear(q, federationId, year);
  const members = await listMembers(q, federationId);
  const key = await loadAllocationKey(q, federationId, year);
  const contributions = await loadContributions(q, federationId, year);
  let fromKey: ContributionRow[] | null = null;
  if (key && facts.allocationOre !== null) {
    try {
      fromKey = named(splitAllocation(facts.allocationOre, key, members), members);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
    }
  }
  return {
    year,
    allocationOre: facts.allocationOre,
    members,
    key,
    contributions: named(contributions, members),
    check: facts.allocationOre === null ? null : checkContributions(facts.allocationOre, contributions, members),
    fromKey,
  };
}

/** Sets the year's allocation (medelstilldelning) in öre; the year is created if missing. */
export async function saveAllocation(db: Database, federationId: number, year: number, allocationOre: number, actor: Actor): Promise<void> {
  if (!Number.isSafeInteger(allocationOre) || allocationOre < 0) throw new InputError({ field: 'allocation', message: 'Medelstilldelningen ska vara ett belopp i hela kronor, 0 eller större.' });
  await db.transaction(async (tx) => {
    await tx.query('insert into fiscal_year (federation_id, year) values ($1, $2) on conflict do nothing', [federationId, year]);
    await tx.query('update fiscal_year set allocation_ore = $3 where federation_id = $1 and year = $2', [federationId, year, allocationOre]);
  }, actor);
}

/** Stores the year's key (replacing the earlier one). The year must exist. */
export async function saveAllocationKey(db: Database, federationId: number, year: number, key: AllocationKey, actor: Actor): Promise<void> {
  await db.transaction((tx) => writeAllocationKey(tx, federationId, year, key), actor);
}

/** Stores the year's key inside an open transaction, refusing one that does not fit the members. */
export async function writeAllocationKey(tx: Queryable, federationId: number, year: number, key: AllocationKey): Promise<void> {
  const facts = await getFiscalYear(tx, federationId, year);
  const members = await listMembers(tx, federationId);
  const problems = validateAllocationKey(key, members);
  if (!problems.length) problems.push(...missingWeightProblems(key, members, facts.allocationOre));
  if (problems.length) throw new InputError(problems);
  await tx.query('delete from allocation_key where federation_id = $1 and year = $2', [federationId, year]);
  await tx.query(
    'insert into allocation_key (federation_id, year, state_share_bp, region_share_bp, municipalities_share_bp, municipal_basis) values ($1, $2, $3, $4, $5, $6)',
    [federationId, year, key.stateShareBp, key.regionShareBp, key.municipalitiesShareBp, key.municipalBasis],
  );
  for (const w of key.weights) {
    await tx.query('insert into allocation_key_weight (federation_id, year, member_id, weight) values ($1, $2, $3, $4)', [federationId, year, w.memberId, w.weight]);
  }
}

/** Validates contributions against members and allocation (field names contributions[i].…). */
export function contributionInputProblems(allocationOre: number | null, contributions: readonly Contribution[], members: readonly Member[]): InputProblem[] {
  const problems: InputProblem[] = [];
  const ids = new Set(members.map((m) => m.id));
  const seen = new Set<number | null>();
  contributions.forEach((c, i) => {
    if (c.memberId !== null && !ids.has(c.memberId)) problems.push({ field: `contributions[${i}].payer`, message: 'Okänd betalare: ingen sådan medlem.' });
    if (seen.has(c.memberId)) problems.push({ field: `contributions[${i}].payer`, message: 'Betalaren finns två gånger.' });
    seen.add(c.memberId);
    if (!Number.isSafeInteger(c.amountOre) || c.amountOre < 0) problems.push({ field: `contributions[${i}].amount`, message: 'Beloppet ska vara ett heltal, 0 eller större.' });
  });
  if (!problems.length && allocationOre !== null) problems.push(...contributionProblems(checkContributions(allocationOre, contributions, members)));
  return problems;
}

/** Replaces the year's contributions inside an open transaction (checked against the allocation). */
export async function replaceContributions(tx: Queryable, federationId: number, year: number, contributions: readonly Contribution[]): Promise<void> {
  const facts = await getFiscalYear(tx, federationId, year);
  const problems = contributionInputProblems(facts.allocationOre, contributions, await listMembers(tx, federationId));
  if (problems.length) throw new InputError(problems);
  await tx.query('delete from contribution where federation_id = $1 and year = $2', [federationId, year]);
  for (const c of contributions) {
    await tx.query('insert into contribution (federation_id, year, member_id, amount_ore) values ($1, $2, $3, $4)', [federationId, year, c.memberId, c.amountOre]);
  }
}

/** Replaces the year's contributions with entered amounts; they must add up to the allocation. */
export async function saveContributions(db: Database, federationId: number, year: number, contributions: readonly Contribution[], actor: Actor): Promise<void> {
  await db.transaction((tx) => replaceContributions(tx, federationId, year, contributions), actor);
}

/** Computes the contributions from the stored key and stores them (exact to the krona). */
export async function applyAllocationKey(db: Database, federationId: number, year: number, actor: Actor): Promise<ContributionRow[]> {
  return db.transaction(async (tx) => {
    const facts = await getFiscalYear(tx, federationId, year);
    const key = await loadAllocationKey(tx, federationId, year);
    if (!key) throw new InputError({ field: 'key', message: 'Året har ingen fördelningsnyckel.' });
    if (facts.allocationOre === null) throw new InputError({ field: 'allocation', message: 'Ange årets medelstilldelning först.' });
    const members = await listMembers(tx, federationId);
    const split = splitAllocation(facts.allocationOre, key, members);
    await replaceContributions(tx, federationId, year, split);
    return named(split, members);
  }, actor);
}
