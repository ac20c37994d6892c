import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../errors.ts';
import { applyScenario, compareScenario, computeStateAllocation, stateBaseOre, sumParts, type StateAllocationInput } from './stateAllocation.ts';
import { equityCapOre, equityCapShareFor } from './keyFigures.ts';
import { defaultSettings } from '../settings.ts';

/**
 * Independent calculation, written differently from the code: exact rationals with BigInt, one förbund at a
 * time: base + variable × (0.75 × s/S + 0.25 × p/P). The code rounds twice (75/25 split, then each pool), so
 * each amount may differ from the exact value by less than four units (each pool's total is off by < 1
 * unit, and each share of a pool by < 1 more).
 */
function exactTimes4SP(inputs: readonly StateAllocationInput[], totalOre: number, i: number): { num: bigint; den: bigint } {
  const S = inputs.reduce((a, x) => a + BigInt(x.supportMeasureHundredths), 0n);
  const P = inputs.reduce((a, x) => a + BigInt(x.population), 0n);
  const V = BigInt(totalOre) - BigInt(inputs.length) * BigInt(stateBaseOre);
  const x = inputs[i]!;
  // amount = base + V·(3·s·P + p·S) / (4·S·P)
  const den = 4n * S * P;
  const num = BigInt(stateBaseOre) * den + V * (3n * BigInt(x.supportMeasureHundredths) * P + BigInt(x.population) * S);
  return { num, den };
}

function closeToExact(amountOre: number, exact: { num: bigint; den: bigint }, unitsOre: number): boolean {
  const diff = BigInt(amountOre) * exact.den - exact.num;
  const abs = diff < 0n ? -diff : diff;
  return abs < BigInt(unitsOre) * exact.den;
}

const input = (i: number) =>
  fc.record({
    federation: fc.constant(`F${i}`),
    population: fc.integer({ min: 1, max: 2_000_000 }),
    supportMeasureHundredths: fc.integer({ min: 1, max: 50_000_000 }),
  });
const inputsArb = fc.integer({ min: 1, max: 90 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => input(i))));
/** A total in whole kronor that covers the bases: bases + up to 2 000 Mkr. */
const caseArb = inputsArb.chain((inputs) =>
  fc.record({ inputs: fc.constant(inputs), extraKronor: fc.integer({ min: 0, max: 2_000_000_000 }) }).map(({ inputs, extraKronor }) => ({
    inputs,
    totalOre: inputs.length * stateBaseOre + extraKronor * 100,
  })),
);

describe('state allocation model', () => {
  it('a worked example: 3 förbund, 10 Mkr', () => {
    // base 3 × 400 000 = 1 200 000; variable 8 800 000: 6 600 000 by support (1:1:2), 2 200 000 by population (1:3:0+… )
    const inputs = [
      { federation: 'A', population: 10_000, supportMeasureHundredths: 100_00 },
      { federation: 'B', population: 30_000, supportMeasureHundredths: 100_00 },
      { federation: 'C', population: 0, supportMeasureHundredths: 200_00 },
    ];
    const r = computeStateAllocation(inputs, 10_000_000_00);
    expect(r.parts.map((p) => p.amountOre / 100)).toEqual([400_000 + 1_650_000 + 550_000, 400_000 + 1_650_000 + 1_650_000, 400_000 + 3_300_000]);
  });

  it('parts sum exactly to the total, each at least the base, whole kronor, close to the exact share', () => {
    fc.assert(
      fc.property(caseArb, ({ inputs, totalOre }) => {
        const r = computeStateAllocation(inputs, totalOre);
        expect(sumParts(r.parts)).toBe(totalOre);
        r.parts.forEach((p, i) => {
          expect(p.amountOre).toBeGreaterThanOrEqual(stateBaseOre);
          expect(p.amountOre % 100).toBe(0);
          expect(p.amountOre).toBe(p.baseOre + p.supportShareOre + p.populationShareOre);
          expect(closeToExact(p.amountOre, exactTimes4SP(inputs, totalOre, i), 400)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('a total with öre is split to the öre and still adds up', () => {
    fc.assert(
      fc.property(inputsArb, fc.integer({ min: 0, max: 1_000_000_000 }), (inputs, extraOre) => {
        const totalOre = inputs.length * stateBaseOre + extraOre;
        const r = computeStateAllocation(inputs, totalOre);
        expect(sumParts(r.parts)).toBe(totalOre);
        // whole kronor whenever the total happens to be whole kronor, else öre
        const units = totalOre % 100 === 0 ? 400 : 4;
        r.parts.forEach((p, i) => expect(closeToExact(p.amountOre, exactTimes4SP(inputs, totalOre, i), units)).toBe(true));
      }),
      { numRuns: 100 },
    );
  });

  it('a merger keeps the total and frees one base per merged förbund, spread over all by the variable part', () => {
    fc.assert(
      fc.property(
        caseArb.filter(({ inputs }) => inputs.length >= 3),
        fc.integer({ min: 2, max: 5 }),
        fc.nat(),
        ({ inputs, totalOre }, k0, offset) => {
          const k = Math.min(k0, inputs.length - 1);
          const start = offset % (inputs.length - k + 1);
          const merged = inputs.slice(start, start + k).map((x) => x.federation);
          const cmp = compareScenario(inputs, totalOre, { kind: 'merge', federations: merged, name: 'Sammanslaget' });
          expect(sumParts(cmp.after.parts)).toBe(totalOre);
          expect(cmp.rows.reduce((s, r) => s + r.afterOre, 0)).toBe(totalOre);
          expect(cmp.rows.reduce((s, r) => s + r.beforeOre, 0)).toBe(totalOre);
          expect(cmp.after.parts).toHaveLength(inputs.length - k + 1);
          // Independent: the merged förbund's inputs are the sums, S and P unchanged, the variable part grows by (k − 1) bases.
          const after = applyScenario(inputs, { kind: 'merge', federations: merged, name: 'Sammanslaget' });
          expect(after.reduce((s, x) => s + x.population, 0)).toBe(inputs.reduce((s, x) => s + x.population, 0));
          cmp.after.parts.forEach((p, i) => expect(closeToExact(p.amountOre, exactTimes4SP(after, totalOre, i), 400)).toBe(true));
          // Every förbund outside the merger gains its variable-part share of the freed bases (± rounding).
          const S = inputs.reduce((s, x) => s + x.supportMeasureHundredths, 0);
          const P = inputs.reduce((s, x) => s + x.population, 0);
          for (const row of cmp.rows.filter((r) => r.before.length === 1 && r.after.length === 1)) {
            const x = inputs.find((i) => i.federation === row.before[0])!;
            const freed = (k - 1) * stateBaseOre;
            const expected = freed * (0.75 * (x.supportMeasureHundredths / S) + 0.25 * (x.population / P));
            expect(Math.abs(row.changeOre - expected)).toBeLessThan(801);
          }
          // The merged förbund: the sum of the parts' variable shares plus their share of the freed bases, one base.
          const group = cmp.rows.find((r) => r.before.length === k)!;
          expect(group.afterOre).toBe(cmp.after.parts.find((p) => p.federation === 'Sammanslaget')!.amountOre);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a split keeps the total and costs one base taken from the variable part', () => {
    const inputs = [
      { federation: 'A', population: 100_000, supportMeasureHundredths: 5_000_00 },
      { federation: 'B', population: 50_000, supportMeasureHundredths: 3_000_00 },
    ];
    const cmp = compareScenario(inputs, 20_000_000_00, {
      kind: 'split',
      federation: 'A',
      into: [
        { federation: 'A1', population: 60_000, supportMeasureHundredths: 3_000_00 },
        { federation: 'A2', population: 40_000, supportMeasureHundredths: 2_000_00 },
      ],
    });
    expect(sumParts(cmp.after.parts)).toBe(20_000_000_00);
    // B: before 400 000 + 19 200 000 × (0.75 × 3/8 + 0.25 × 1/3); after 400 000 + 18 800 000 × (same share)
    const share = 0.75 * (3 / 8) + 0.25 * (1 / 3);
    const b = cmp.rows.find((r) => r.before[0] === 'B')!;
    expect(Math.abs(b.beforeOre / 100 - (400_000 + 19_200_000 * share))).toBeLessThan(3);
    expect(Math.abs(b.afterOre / 100 - (400_000 + 18_800_000 * share))).toBeLessThan(3);
  });

  it('the fall limit raises a förbund to 90 % of last year and takes it from the others; total kept, nobody below the base', () => {
    fc.assert(
      fc.property(caseArb.filter(({ inputs }) => inputs.length >= 2), fc.array(fc.integer({ min: 80, max: 130 }), { minLength: 90, maxLength: 90 }), ({ inputs, totalOre }, factors) => {
        const plain = computeStateAllocation(inputs, totalOre);
        // last year: the model amount scaled by a random factor (some fell a lot, some grew)
        const previous = new Map(plain.parts.map((p, i) => [p.federation, Math.round((p.amountOre * factors[i]!) / 100)]));
        let r;
        try {
          r = computeStateAllocation(inputs, totalOre, { previousOre: previous, maxFallBp: 1000 });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError); // the others' variable part cannot cover the guarantee
          return;
        }
        expect(sumParts(r.parts)).toBe(totalOre);
        r.parts.forEach((p) => {
          expect(p.amountOre).toBeGreaterThanOrEqual(stateBaseOre);
          expect(p.amountOre * 10).toBeGreaterThanOrEqual(previous.get(p.federation)! * 9);
        });
        expect(r.parts.reduce((s, p) => s + p.adjustmentOre, 0)).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a total below the bases, duplicates and zero weights with named fields', () => {
    const a = { federation: 'A', population: 1, supportMeasureHundredths: 1 };
    expect(() => computeStateAllocation([a, { ...a, federation: 'B' }], stateBaseOre)).toThrow(/räcker inte till grundbeloppet/);
    expect(() => computeStateAllocation([a, a], 10 * stateBaseOre)).toThrow(/två gånger/);
    expect(() => computeStateAllocation([{ ...a, population: 0 }], 10 * stateBaseOre)).toThrow(/befolkning/);
  });
});

describe('equity staircase (the one equity rule)', () => {
  it('default: one step, 20 % for every size', () => {
    expect(equityCapShareFor(1_000_000_00, defaultSettings)).toBe(0.2);
    expect(equityCapOre(18_958_000_00, defaultSettings)).toBe(3_791_600_00);
  });
  it('steps by allocation size', () => {
    const s = { equityCapShare: 0.25, equityCapSteps: [{ fromAllocationOre: 10_000_000_00, share: 0.2 }, { fromAllocationOre: 30_000_000_00, share: 0.15 }] };
    expect(equityCapShareFor(9_999_999_99, s)).toBe(0.25);
    expect(equityCapShareFor(10_000_000_00, s)).toBe(0.2);
    expect(equityCapShareFor(45_000_000_00, s)).toBe(0.15);
    expect(equityCapOre(40_000_000_00, s)).toBe(6_000_000_00);
  });
});
