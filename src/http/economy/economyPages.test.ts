import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import type { BudgetSummary } from '../../core/economy/budget.ts';
import type { YearBudget } from '../../services/economy/budget.ts';
import { pageText } from '../../../test/support/economy.ts';
import { BudgetPage, inputKr } from './budgetPage.tsx';
import { MembersPage } from './membersPage.tsx';
import { AllocationPage } from './allocationPage.tsx';
import { ProfilesPage } from './profilesPage.tsx';
import { NoYearsPage } from './dashboard.tsx';

/**
 * The economy views render hand-made models (no database, no request): the read-only pages, whose forms would
 * need a request's CSRF token. The forms are covered by the route tests (economyBudget/economyMembers.db.test.ts).
 */
const html = async (component: unknown, props: Record<string, unknown>) => String(await jsx(component as never, props).toString());
const federation = { id: 7, name: 'Samordningsförbundet Prov' };

const summary = (incomeKr: number, costKr: number, shares: BudgetSummary['planShares']): BudgetSummary => ({
  incomeOre: incomeKr * 100,
  costOre: costKr * 100,
  resultOre: (incomeKr - costKr) * 100,
  costBySection: { income: 0, administration: 0, individual: 0, structural: 0, process_support: 0 },
  directCostOre: 0,
  plannedUseOfEquityOre: Math.max(0, costKr - incomeKr) * 100,
  expectedClosingEquityOre: null,
  planShares: shares,
});

describe('BudgetPage (read-only)', () => {
  const budget: YearBudget = {
    year: 2026,
    lines: [
      { id: 1, section: 'income', label: 'Medel från huvudmännen', sortOrder: 0 },
      { id: 2, section: 'administration', label: 'Kansli', sortOrder: 0 },
      { id: 3, section: 'individual', label: 'Team Norr', sortOrder: 0 },
    ],
    original: [
      { lineId: 1, incomeOre: 1_000_000_00, costOre: 0 },
      { lineId: 2, incomeOre: 0, costOre: 250_000_00 },
      { lineId: 3, incomeOre: 0, costOre: 900_000_50 },
    ],
    revisions: [{ id: 4, decidedOn: '2026-05-14', decision: 'Styrelsen § 12', lines: [{ lineId: 3, incomeOre: 0, costOre: 950_000_00 }] }],
    revised: [
      { lineId: 1, incomeOre: 1_000_000_00, costOre: 0 },
      { lineId: 2, incomeOre: 0, costOre: 250_000_00 },
      { lineId: 3, incomeOre: 0, costOre: 950_000_00 },
    ],
    originalSummary: summary(1_000_000, 1_150_000, { administration: 22, direct: 78, individualOfDirect: 100, structuralOfDirect: 0 }),
    revisedSummary: summary(1_000_000, 1_200_000, { administration: 21, direct: 79, individualOfDirect: 100, structuralOfDirect: 0 }),
  };
  const period = { label: '2026, inget utfall ännu, prognos för helåret', complete: false, closing: null };
  const forecast = { resultOre: -200_000_00, equityClosingOre: null, method: 'Det finns inget utfall för året ännu: prognosen för helåret är budgeten.' };

  it('shows both budgets, the result with a minus sign, costs negative, the revision and no forms', async () => {
    const out = await html(BudgetPage, { model: { federation, budget, years: [2025, 2026], adoption: null, canWrite: false, period, forecast } });
    const t = pageText(out);
    expect(t).toContain('Budget 2026');
    // 1 000 000 − 1 150 000 = −150 000 kr; revised −200 000 kr; whole per cent as given.
    expect(t).toContain('Planerat resultat −150 000 kr −200 000 kr');
    expect(t).toContain('Planerad användning av eget kapital 150 000 kr 200 000 kr');
    expect(t).toContain('Eget kapital vid årets slut enligt budgeten Okänt Okänt');
    expect(t).toContain('Administration, andel av kostnaderna 22 % 21 %');
    // A cost is shown negative, in whole kronor (900 000,50 kr rounds half away from zero to 900 001 kr).
    expect(t).toContain('Team Norr 0 kr −900 001 kr 0 kr −950 000 kr');
    expect(t).toContain('2026-05-14 Styrelsen § 12 Team Norr: 0 kr / −950 000 kr');
    expect(t).toContain('Budgeten 2026 är inte antagen av styrelsen ännu.');
    // The period and the forecast beside the plan; no "Stäng året" for a reader.
    expect(t).toContain('Period: 2026, inget utfall ännu, prognos för helåret.');
    expect(t).toContain('Prognos årets resultat: −200 tkr');
    expect(out).not.toContain('method="post"');
    expect(out).not.toContain('>Ändra<');
  });

  it('says the budget is adopted and by which decision', async () => {
    const out = await html(BudgetPage, { model: { federation, budget, years: [2026], adoption: { adoptedOn: '2025-11-20', reference: 'Styrelsen § 45' }, canWrite: false, period, forecast } });
    expect(pageText(out)).toContain('Budgeten 2026 antogs av styrelsen 2025-11-20 (Styrelsen § 45).');
  });

  it('writes amounts for an input without unit or non-breaking spaces, öre only when there are any', () => {
    expect(inputKr(1_250_000_00)).toBe('1 250 000');
    expect(inputKr(1_250_000_50)).toBe('1 250 000,50');
    expect(inputKr(-5_000_00)).toBe('-5 000');
    expect(inputKr(undefined)).toBe('');
  });
});

describe('MembersPage and AllocationPage (read-only)', () => {
  it('lists members with their kind and the years newest first with the allocation', async () => {
    const out = await html(MembersPage, {
      model: {
        federation,
        members: [
          { id: 1, name: 'Region Prov', kind: 'region', sortOrder: 0 },
          { id: 2, name: 'Provby kommun', kind: 'municipality', sortOrder: 1 },
        ],
        years: [
          { year: 2025, allocationOre: 3_000_000_00 },
          { year: 2026, allocationOre: null },
        ],
        canWrite: false,
      },
    });
    const t = pageText(out);
    expect(t).toContain('Medlemmar i Samordningsförbundet Prov');
    expect(t).toContain('Provby kommun Kommun');
    expect(t.indexOf('Medelstilldelning 2026')).toBeLessThan(t.indexOf('Medelstilldelning 2025: 3 000 000 kr'));
    expect(out).not.toContain('method="post"');
  });

  it('shows contributions against the allocation and each payer group’s share', async () => {
    // 2 000 000 kr: the state half, the region a quarter, the municipality the rest; one krona short.
    const out = await html(AllocationPage, {
      model: {
        federation,
        years: [2026],
        canWrite: false,
        overview: {
          year: 2026,
          allocationOre: 2_000_000_00,
          members: [
            { id: 1, name: 'Region Prov', kind: 'region', sortOrder: 0 },
            { id: 2, name: 'Provby kommun', kind: 'municipality', sortOrder: 1 },
          ],
          key: { stateShareBp: 5000, regionShareBp: 2500, municipalitiesShareBp: 2500, municipalBasis: 'population', weights: [{ memberId: 2, weight: 12_345 }] },
          contributions: [
            { memberId: 2, amountOre: 499_999_00, payerName: 'Provby kommun' },
            { memberId: null, amountOre: 1_000_000_00, payerName: 'Staten (Försäkringskassan och Arbetsförmedlingen)' },
            { memberId: 1, amountOre: 500_000_00, payerName: 'Region Prov' },
          ],
          check: {
            allocationOre: 2_000_000_00,
            totalOre: 1_999_999_00,
            differenceOre: -1_00,
            byGroup: { state: 1_000_000_00, region: 500_000_00, municipalities: 499_999_00 },
            shares: { state: 0.5, region: 0.25, municipalities: 0.25 },
            sharesBp: { state: 5000, region: 2500, municipalities: 2500 },
          },
          fromKey: null,
        },
      },
    });
    const t = pageText(out);
    expect(t).toContain('Medelstilldelning 2026: 2 000 000 kr.');
    // The state first, then the region, then the municipality.
    expect(t).toContain('Staten (Försäkringskassan och Arbetsförmedlingen) Staten 1 000 000 kr Region Prov Region 500 000 kr Provby kommun Kommun 499 999 kr Summa 1 999 999 kr');
    expect(t).toContain('Bidragen summerar till 1 999 999 kr men medelstilldelningen är 2 000 000 kr (skillnad −1 kr).');
    expect(t).toContain('Kommunerna 499 999 kr 25 %');
    expect(t).toContain('Nyckel 2026: staten 50 %, region 25 %, kommunerna 25 %, kommunerna sinsemellan efter befolkning.');
    expect(out).not.toContain('method="post"');
  });
});

describe('ProfilesPage and the empty dashboard', () => {
  it('lists each line with its own or its section’s default periodisering', async () => {
    const out = await html(ProfilesPage, {
      model: {
        federation,
        canWrite: false,
        lines: [
          { id: 1, section: 'income', label: 'Medel', sortOrder: 0, profile: null },
          { id: 2, section: 'individual', label: 'Team', sortOrder: 0, profile: 'yearly' },
        ],
      },
    });
    const t = pageText(out);
    // Income defaults to quarterly (members pay per quarter); the team's own choice is once a year.
    expect(t).toContain('Medel: kvartalsvis (januari, april, juli, oktober)');
    expect(t).toContain('Team: en gång om året (januari)');
    expect(out).not.toContain('method="post"');
  });

  it('points a förbund without years to the members page', async () => {
    const out = await html(NoYearsPage, { federation });
    expect(out).toContain('<a href="/f/7/medlemmar">Lägg in medlemmar och årets medelstilldelning</a>');
  });
});
