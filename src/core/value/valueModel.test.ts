import { describe, expect, it } from 'vitest';
import { computeEffect, fiveYearFactor, valueReport, type TransitionCount, type UnitCost } from './valueModel.ts';

// A small table, kronor per person and year (× 100 = öre). Sources are examples for the test.
const table: UnitCost[] = [
  { supportSource: 'income_support', payer: 'kommun', annualOre: 120_000_00, source: 'test' },
  { supportSource: 'salary', payer: 'kommun', annualOre: -30_000_00, source: 'test' },
  { supportSource: 'salary', payer: 'fk', annualOre: -20_000_00, source: 'test' },
  { supportSource: 'sickness_benefit', payer: 'fk', annualOre: 200_000_00, source: 'test' },
];
const transitions: TransitionCount[] = [
  { interventionId: 1, before: 'income_support', after: 'salary', n: 3 },
  { interventionId: 1, before: 'sickness_benefit', after: 'income_support', n: 2 },
  { interventionId: 1, before: 'unknown', after: 'salary', n: 1 },
  { interventionId: 1, before: 'salary', after: null, n: 1 },
];

describe('the baseline model', () => {
  it('five-year factor: Σ q^(t−1)/(1+r)^(t−1) for t = 1..5', () => {
    // 1 + 0.5/1.035 + 0.25/1.035² + 0.125/1.035³ + 0.0625/1.035⁴
    expect(fiveYearFactor({ persistence: 0.5, discount: 0.035 })).toBeCloseTo(1 + 0.483091787 + 0.233377675 + 0.112743080 + 0.054465256, 6);
    expect(fiveYearFactor({ persistence: 1, discount: 0 })).toBe(5);
    expect(fiveYearFactor({ persistence: 0, discount: 0.035 })).toBe(1);
  });

  it('annual effect per payer: cost(b, p) − cost(a, p), summed; unknown before or after counted, no effect; unlisted sources cost 0', () => {
    const e = computeEffect(transitions, table, { persistence: 0.5, discount: 0.035 });
    // kommun: 3 × (120 000 − (−30 000)) + 2 × (0 − 120 000) = 450 000 − 240 000 = 210 000 kr
    // fk:     3 × (0 − (−20 000)) + 2 × (200 000 − 0) = 60 000 + 400 000 = 460 000 kr
    expect(e.annualOre).toEqual({ fk: 460_000_00, af: 0, region: 0, kommun: 210_000_00 });
    expect(e.participations).toBe(7);
    expect(e.unknown).toBe(2);
  });

  it('the report: 1 and 5 years, return per krona, net per member kind and the sensitivity table, rounded to kronor only at the end', () => {
    const r = valueReport(transitions, table, { persistence: 0.5, discount: 0.035 }, 1_000_000_00, { state: 0.5, region: 0.25, municipalities: 0.25 }, 5);
    expect(r.hidden).toBe(false);
    // factor 1.88367744 → kommun 210 000 × f = 395 572.26; fk 460 000 × f = 866 491.62; total 670 000 × f = 1 262 063.88
    expect(r.byPayer).toEqual({ fk: { year1: 460_000, year5: 866_492 }, af: { year1: 0, year5: 0 }, region: { year1: 0, year5: 0 }, kommun: { year1: 210_000, year5: 395_572 } });
    expect(r.total).toEqual({ year1: 670_000, year5: 1_262_064 });
    expect(r.cost).toBe(1_000_000);
    expect(r.returnPerKrona).toEqual({ year1: 0.67, year5: 1.26 });
    // state pays half the cost (500 000) and gains the fk + af effect; net 460 000 − 500 000 = −40 000, 5 years 866 491.62 − 500 000
    expect(r.byMemberKind!.state).toEqual({ year1: 460_000, year5: 866_492, costShare: 500_000, net1: -40_000, net5: 366_492 });
    expect(r.byMemberKind!.region).toEqual({ year1: 0, year5: 0, costShare: 250_000, net1: -250_000, net5: -250_000 });
    expect(r.byMemberKind!.municipalities).toEqual({ year1: 210_000, year5: 395_572, costShare: 250_000, net1: -40_000, net5: 145_572 });
    // q = 0.25: f = 1.31738724 → 882 649.45; q = 0.75: f = 2.90597430 → 1 947 002.78
    expect(r.sensitivity).toEqual([
      { persistence: 0.25, year5: 882_649, returnPerKrona: 0.88 },
      { persistence: 0.5, year5: 1_262_064, returnPerKrona: 1.26 },
      { persistence: 0.75, year5: 1_947_003, returnPerKrona: 1.95 },
    ]);
  });

  it('hides a result built on fewer participations with an effect than the minimum cell size, and small counts with it', () => {
    const r = valueReport(transitions, table, { persistence: 0.5, discount: 0.035 }, 1_000_000_00, null, 6);
    expect(r).toMatchObject({ hidden: true, byPayer: null, total: null, returnPerKrona: null, byMemberKind: null, sensitivity: null, participations: 7, unknown: null });
  });

  it('without a cost there is no return per krona and no cost share', () => {
    const r = valueReport(transitions, table, { persistence: 0.5, discount: 0.035 }, null, { state: 0.5, region: 0.25, municipalities: 0.25 }, 5);
    expect(r.returnPerKrona).toBeNull();
    expect(r.byMemberKind!.municipalities).toMatchObject({ costShare: null, net1: null });
  });
});
