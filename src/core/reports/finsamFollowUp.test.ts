import { describe, expect, it } from 'vitest';
import { finsamRows, reconcile, type FinsamInterventionInput, type FinsamReport } from './finsamFollowUp.ts';

const base: Omit<FinsamInterventionInput, 'name' | 'kind' | 'hasActivities'> = {
  budgetOre: 600_000_00, outcomeOre: 650_000_00, capacity: 40, targetGroup: 'Unga 16–29', followUpMethod: 'Individnivå', esf: false,
  participantsByGender: [3, 5, 0, null], activityParticipants: 12,
};

describe('the rows FK asks for', () => {
  it('registers an individual intervention with structural activities twice, once per orientation, the money on its own orientation', () => {
    const rows = finsamRows([
      { ...base, name: 'Teamet', kind: 'individual', hasActivities: true },
      { ...base, name: 'Arenan', kind: 'structural', hasActivities: true, participantsByGender: null },
    ]);
    expect(rows.map((r) => [r.name, r.orientation, r.budgetOre, r.participantsByGender])).toEqual([
      ['Arenan', 'structural', 600_000_00, [0, 0, 0, 12]],
      ['Teamet', 'individual', 600_000_00, [3, 5, 0, null]],
      ['Teamet (strukturövergripande del)', 'structural', 0, [0, 0, 0, 12]],
    ]);
  });
});

describe('the reconciliation', () => {
  const report = (capacity: number, equity: number, extra: boolean): FinsamReport => ({
    year: 2025,
    federation: { allocatedOre: 1_000_000_00, equityOre: equity, administrationBudgetOre: 150_000_00, administrationOutcomeOre: 150_000_00 },
    interventions: finsamRows([{ ...base, name: 'Teamet', kind: 'individual', hasActivities: false, capacity }, ...(extra ? [{ ...base, name: 'Nytt', kind: 'structural' as const, hasActivities: false }] : [])]),
  });
  it('lists every changed figure, and added and removed interventions (rows in name order); nothing when the same', () => {
    expect(reconcile(report(40, 5, false), report(40, 5, false))).toEqual([]);
    expect(reconcile(report(40, 5, false), report(45, 7, true))).toEqual([
      { what: 'Eget kapital (öre)', reported: '5', now: '7' },
      { what: 'Nytt (Strukturövergripande)', reported: 'inte rapporterad', now: 'ny' },
      { what: 'Teamet (Individinriktad): budgeterade deltagare', reported: '40', now: '45' },
    ]);
    expect(reconcile(report(40, 5, true), report(40, 5, false))).toEqual([{ what: 'Nytt (Strukturövergripande)', reported: 'rapporterad', now: 'finns inte längre' }]);
  });
});
