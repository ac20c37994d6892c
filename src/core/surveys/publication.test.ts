import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hiddenGroups, publishRound, type RoundCounts } from './publication.ts';
import { attackSurvey, previousRule, type SurveyReading } from '../../../test/support/surveyAttacker.ts';

const MIN = 5;
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** A round from per-group answers per statement (every respondent answers every statement on the scale). */
function round(groups: readonly (readonly (readonly number[])[])[]): RoundCounts {
  const statements = groups[0]!.length;
  const whole = Array.from({ length: statements }, (_, k) => groups.map((g) => g[k]!).reduce((acc, c) => acc.map((v, i) => v + c[i]!)));
  return {
    responses: sum(groups.map((g) => sum(g[0]!))),
    whole: whole.map((counts) => ({ counts, noAnswer: 0 })),
    groups: groups.map((g) => ({ responses: sum(g[0]!), statements: g.map((counts) => ({ counts, noAnswer: 0 })) })),
  };
}

/** What a reader of the publication sees, for the attacker. */
function reading(r: RoundCounts, names: readonly string[]): SurveyReading {
  const p = publishRound(r, MIN);
  return {
    whole: p.whole.map((s) => ({ counts: s.counts })),
    groups: p.groups.map((g, i) => ({ name: names[i]!, n: g.responses, statements: g.statements.map((s) => ({ counts: s.counts })) })),
  };
}

describe('a survey round as one publication', () => {
  // The issue's round: 7 answers, 5 for the first intervention, 2 for the second, none for the third.
  const issue = round([[[0, 0, 3, 2]], [[0, 2, 0, 0]], [[0, 0, 0, 0]]]);
  const names = ['Första', 'Andra', 'Tredje'];

  it("the issue's round: the whole minus the first no longer gives the second's two answers (the empty third protects nothing)", () => {
    const p = publishRound(issue, MIN);
    expect(p.whole[0]).toMatchObject({ n: 7, hidden: false });
    expect(p.groups.map((g) => [g.responses, g.statements[0]!.hidden, g.statements[0]!.n])).toEqual([
      [null, true, null],
      [null, true, null],
      [null, true, null],
    ]);
    expect(attackSurvey(reading(issue, names), MIN)).toEqual([]);
  });

  it('the previous rule, as the control, gives the second intervention away', () => {
    const old = previousRule(issue.whole.map((w) => w.counts), names.map((name, i) => ({ name, statements: issue.groups[i]!.statements.map((s) => s.counts) })), MIN);
    expect(attackSurvey(old, MIN)).toEqual([{ statement: 0, groups: ['Andra'], counts: [0, 2, 0, 0] }]);
  });

  it('hidden groups hold 0 or at least the minimum together; the smallest shown group is added first', () => {
    expect(hiddenGroups([6, 7, 2], 0, MIN)).toEqual([true, false, true]);
    expect(hiddenGroups([6, 7, 0], 0, MIN)).toEqual([false, false, false]);
    expect(hiddenGroups([3, 3, 9], 0, MIN)).toEqual([true, true, false]);
    // Answers that name no intervention are never shown: they count in the hidden sum.
    expect(hiddenGroups([9, 8], 2, MIN)).toEqual([false, true]);
    expect(hiddenGroups([1], 1, MIN)).toEqual([true]);
  });

  it('property: whatever the answers, the subtracting attacker recovers nothing, even knowing which groups are empty', () => {
    const group = fc.array(fc.array(fc.nat({ max: 6 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 5 }), (groups) => {
        const r = round(groups);
        const ns = groups.map((_, i) => `g${i}`);
        const found = attackSurvey(reading(r, ns), MIN, (k, g) => sum(groups[ns.indexOf(g)]![k]!) === 0);
        expect(found).toEqual([]);
        const p = publishRound(r, MIN);
        p.groups.forEach((g, i) => {
          g.statements.forEach((s, k) => {
            const n = sum(groups[i]![k]!);
            if (!s.hidden) expect(n).toBeGreaterThanOrEqual(MIN);
            if (!s.hidden) expect(s.counts).toEqual(groups[i]![k]);
            if (s.hidden) expect(s.n).toBeNull();
          });
          if (g.responses !== null) expect(g.statements.some((s) => !s.hidden)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('property: the control rule is caught by the same attacker on some rounds (the attacker finds what there is)', () => {
    let caught = 0;
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(fc.nat({ max: 6 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 1 }), { minLength: 3, maxLength: 3 }), (groups) => {
        const r = round(groups);
        const ns = groups.map((_, i) => `g${i}`);
        const old = previousRule(r.whole.map((w) => w.counts), ns.map((name, i) => ({ name, statements: groups[i]! })), MIN);
        if (attackSurvey(old, MIN).length) caught++;
      }),
      { numRuns: 300, seed: 27 },
    );
    expect(caught).toBeGreaterThan(0);
  });
});
