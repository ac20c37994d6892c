import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { budgetPerYear, nextStatus, parseApplicationInput } from './application.ts';
import { interventionPlan } from './decision.ts';
import { ConflictError, InputError } from '../errors.ts';
import { ApplicationStatus } from './vocabulary.ts';

const complete = {
  title: 'Unga till arbete',
  ownerMember: 2,
  cooperatingMembers: [3, 2],
  level: 'individual',
  periodStart: '2027-01-01',
  periodEnd: '2028-12-31',
  budget: [{ year: 2027, amount: 400000 }, { year: 2028, amount: '350 000' }, { year: 2027, amount: 25000.5, costType: 'premises' }],
  goals: ['40 % går till arbete eller studier'],
  problem: 'Unga som varken arbetar eller studerar.',
  targetGroup: 'Unga 16–29 år',
  followUp: 'Indikatorer, deltagaruppföljning och enkät.',
};

const problemsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => p.field);
    throw e;
  }
  return [];
};

describe('an application as typed', () => {
  it('reads a complete application: kronor to öre, the owner not among the co-operating members', () => {
    const a = parseApplicationInput(complete, { draft: false });
    expect(a.cooperatingMemberIds).toEqual([3]);
    expect(a.budget).toEqual([
      { year: 2027, costType: 'other', amountOre: 40_000_000 },
      { year: 2028, costType: 'other', amountOre: 35_000_000 },
      { year: 2027, costType: 'premises', amountOre: 2_500_050 },
    ]);
    expect(budgetPerYear(a.budget)).toEqual([{ year: 2027, amountOre: 42_500_050 }, { year: 2028, amountOre: 35_000_000 }]);
  });

  it('a draft needs only its title; a submitted application every assessed field', () => {
    expect(parseApplicationInput({ title: 'Halvfärdig' }, { draft: true }).budget).toEqual([]);
    expect(problemsOf(() => parseApplicationInput({ title: 'Halvfärdig' }, { draft: false }))).toEqual(
      expect.arrayContaining(['ownerMember', 'problem', 'targetGroup', 'followUp', 'level', 'periodStart', 'periodEnd', 'goals', 'budget']),
    );
  });

  it('refuses a budget year outside the period, a year twice and a negative amount', () => {
    const fields = problemsOf(() =>
      parseApplicationInput({ ...complete, budget: [{ year: 2030, amount: 1 }, { year: 2027, amount: 1 }, { year: 2027, amount: 2 }, { year: 2028, amount: -5 }] }, { draft: false }),
    );
    expect(fields).toEqual(['budget[0].year', 'budget[2]', 'budget[3].amount']);
  });

  it('refuses a personnummer in any field, lists included, without repeating it', () => {
    for (const raw of [{ ...complete, problem: 'Gäller 19121212-1212' }, { ...complete, goals: ['Mål för 121212-1212'] }]) {
      let err: unknown;
      try {
        parseApplicationInput(raw, { draft: false });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as Error).message).not.toContain('1212-1212');
    }
  });

  it('random input is either read or refused with an InputError, never anything else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('title', 'ownerMember', 'level', 'periodStart', 'periodEnd', 'budget', 'goals', 'problem'), fc.anything()), fc.boolean(), (raw, draft) => {
        try {
          const a = parseApplicationInput(raw, { draft });
          expect(a.title.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
    );
  });
});

describe('the status path', () => {
  it('moves by hand through beredning but never to a decision', () => {
    expect(nextStatus('inkommen', 'under_beredning')).toBe('under_beredning');
    expect(nextStatus('under_beredning', 'till_styrelsen')).toBe('till_styrelsen');
    expect(() => nextStatus('till_styrelsen', 'beviljad')).toThrow(InputError);
  });

  it('a decided application cannot be decided or changed again, from any status to any status', () => {
    for (const from of ['beviljad', 'avslagen'] as const) {
      for (const to of ApplicationStatus.codes) expect(() => nextStatus(from, to)).toThrow(ConflictError);
    }
  });
});

describe('the decision without retyping', () => {
  const a = parseApplicationInput(complete, { draft: false });
  const base = { ...a, proposal: [] };
  it('grants the decided amounts per year, else the proposal, else the budget', () => {
    expect(interventionPlan(base, [{ year: 2027, amountOre: 100 }], '2026-12-10').grants).toEqual([{ year: 2027, amountOre: 100 }]);
    expect(interventionPlan({ ...base, proposal: [{ year: 2028, amountOre: 7 }] }, [], '2026-12-10').grants).toEqual([{ year: 2028, amountOre: 7 }]);
    expect(interventionPlan(base, [], '2026-12-10').grants).toEqual(budgetPerYear(a.budget));
  });
  it('the intervention takes the title, owner, period, target group and goals', () => {
    const p = interventionPlan(base, [], '2026-12-10');
    expect(p).toMatchObject({ name: complete.title, kind: 'individual', ownerMemberId: 2, participatingMemberIds: [3], periodStart: '2027-01-01', periodEnd: '2028-12-31', goals: complete.goals });
    expect(interventionPlan({ ...base, level: 'process' }, [], '2026-12-10').kind).toBe('structural');
  });
});

describe('amounts per year as typed in a text box', () => {
  it('reads "year: amount" lines and lets the refusal name a broken line', async () => {
    const { yearAmountLines, parseYearAmounts } = await import('./application.ts');
    const problems: { field?: string; message: string }[] = [];
    expect(parseYearAmounts(yearAmountLines('2027: 500 000\n\n2028\t250 000,50 kr'), 'amounts', problems)).toEqual([
      { year: 2027, amountOre: 50_000_000 }, { year: 2028, amountOre: 25_000_050 },
    ]);
    expect(problems).toEqual([]);
    parseYearAmounts(yearAmountLines('tvåtusen: 5'), 'amounts', problems);
    expect(problems.map((p) => p.field)).toEqual(['amounts[0].year', 'amounts[0].amount']);
  });
});
