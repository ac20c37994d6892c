import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkContributions, splitAllocation, type AllocationKey } from './allocation.ts';
import type { Member } from './types.ts';
import { InputError } from '../errors.ts';

const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/vastmanland.import.json', import.meta.url), 'utf8')) as {
  members: { name: string; kind: Member['kind'] }[];
  years: { year: number; allocation: number; contributions: { payer: string; amount: number }[] }[];
};
const members: Member[] = fixture.members.map((m, i) => ({ id: i + 1, name: m.name, kind: m.kind, sortOrder: i }));
const idOf = (name: string) => members.find((m) => m.name === name)!.id;
const municipalities = members.filter((m) => m.kind === 'municipality');

function contributionsOf(year: number) {
  const y = fixture.years.find((x) => x.year === year)!;
  return { allocationOre: y.allocation * 100, list: y.contributions.map((c) => ({ memberId: c.payer === 'state' ? null : idOf(c.payer), amountOre: c.amount * 100 })) };
}

describe('each kind’s share of the contributions (reference)', () => {
  it('2025 is 50 / 31,25 / 18,75 and adds up exactly to the allocation', () => {
    const { allocationOre, list } = contributionsOf(2025);
    const check = checkContributions(allocationOre, list, members);
    expect(check.differenceOre).toBe(0);
    expect(check.shares).toEqual({ state: 0.5, region: 0.3125, municipalities: 0.1875 });
    expect(check.byGroup).toEqual({ state: 947_900_000, region: 592_437_500, municipalities: 355_462_500 });
  });
  it('2024 is 50 / 25 / 25 (the paid amounts, 1 kr short of the decided 19 038 tkr)', () => {
    const { allocationOre, list } = contributionsOf(2024);
    const check = checkContributions(allocationOre, list, members);
    expect(allocationOre).toBe(1_903_799_900);
    expect(check.differenceOre).toBe(0);
    expect(check.shares).toEqual({ state: 0.5, region: 0.25, municipalities: 0.25 });
    // Against the decided 19 038 000 kr the paid amounts are 1 kr short: the check says so.
    expect(checkContributions(1_903_800_000, list, members).differenceOre).toBe(-100);
  });
});

describe('splitAllocation', () => {
  const key2025: AllocationKey = {
    stateShareBp: 5000,
    regionShareBp: 3125,
    municipalitiesShareBp: 1875,
    municipalBasis: 'fixed',
    // The 2025 municipal amounts as fixed amounts (öre): the split must give them back to the krona.
    weights: contributionsOf(2025).list.filter((c) => c.memberId !== null && members.find((m) => m.id === c.memberId)!.kind === 'municipality').map((c) => ({ memberId: c.memberId!, weight: c.amountOre })),
  };
  it('reproduces the 2025 contributions from 18 958 000 kr and the key', () => {
    const split = splitAllocation(1_895_800_000, key2025, members);
    const expected = contributionsOf(2025).list;
    expect([...split].sort((a, b) => (a.memberId ?? 0) - (b.memberId ?? 0))).toEqual([...expected].sort((a, b) => (a.memberId ?? 0) - (b.memberId ?? 0)));
  });
  it('splits 19 038 000 kr 50/25/25 by population without losing the krona the 2024 split lost', () => {
    // Any population figures: the parts must add up to 19 038 000 kr exactly, in whole kronor.
    const key: AllocationKey = { stateShareBp: 5000, regionShareBp: 2500, municipalitiesShareBp: 2500, municipalBasis: 'population', weights: municipalities.map((m, i) => ({ memberId: m.id, weight: 10_000 + 7919 * i })) };
    const split = splitAllocation(1_903_800_000, key, members);
    expect(split.reduce((a, c) => a + c.amountOre, 0)).toBe(1_903_800_000);
    expect(split.every((c) => c.amountOre % 100 === 0)).toBe(true);
    expect(split.find((c) => c.memberId === null)!.amountOre).toBe(951_900_000);
    expect(split.find((c) => c.memberId === idOf('Region Västmanland'))!.amountOre).toBe(475_950_000);
  });
  it('property: contributions always sum to the allocation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.integer({ min: 0, max: 10000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: municipalities.length, maxLength: municipalities.length }),
        fc.boolean(),
        (allocationOre, state, regionRaw, pops, wholeKronor) => {
          const total = wholeKronor ? allocationOre - (allocationOre % 100) : allocationOre;
          const region = Math.min(regionRaw, 10000 - state);
          const key: AllocationKey = {
            stateShareBp: state,
            regionShareBp: region,
            municipalitiesShareBp: 10000 - state - region,
            municipalBasis: 'population',
            weights: municipalities.map((m, i) => ({ memberId: m.id, weight: pops[i]! })),
          };
          const noWeights = pops.every((p) => p === 0) && key.municipalitiesShareBp > 0;
          if (noWeights) {
            expect(() => splitAllocation(total, key, members)).toThrow(InputError);
            return;
          }
          const split = splitAllocation(total, key, members);
          expect(split.reduce((a, c) => a + c.amountOre, 0)).toBe(total);
          expect(checkContributions(total, split, members).differenceOre).toBe(0);
          if (total % 100 === 0) expect(split.every((c) => c.amountOre % 100 === 0)).toBe(true);
        },
      ),
    );
  });
  it('names the field when the key does not add up or names a non-municipality', () => {
    const bad: AllocationKey = { ...key2025, regionShareBp: 3000 };
    expect(() => splitAllocation(100, bad, members)).toThrow(/100 %/);
    const notMunicipality: AllocationKey = { ...key2025, weights: [{ memberId: idOf('Region Västmanland'), weight: 5 }] };
    try {
      splitAllocation(100, notMunicipality, members);
      expect.fail('should throw');
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.field)).toContain('weights[0].memberId');
    }
  });
});
