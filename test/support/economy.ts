import type { Database } from '../../src/db/database.ts';
import type { Section } from '../../src/core/economy/types.ts';
import { closeYear, createBudgetLine, createFederation, createMember, saveAllocation, saveBudgetAmount, saveFiscalYear, saveOutcomeEntry } from '../../src/services/economy/index.ts';

const actor = { id: 'test' };

/**
 * A small förbund through the economy services: 2025 complete (outcome in December, closed), 2026 with outcome for
 * January–March. Amounts chosen so that every expected figure is easy to work out by hand (see the tests).
 */
export async function seedSmallFederation(db: Database) {
  const f = await createFederation(db, { name: 'Samordningsförbundet Test' }, actor);
  const fid = f.id;
  for (const m of [
    { name: 'Försäkringskassan', kind: 'state_fk' as const },
    { name: 'Arbetsförmedlingen', kind: 'state_af' as const },
    { name: 'Region Test', kind: 'region' as const },
    { name: 'Testby kommun', kind: 'municipality' as const },
  ]) {
    await createMember(db, fid, m, actor);
  }
  const line = async (section: Section, label: string) => (await createBudgetLine(db, fid, { section, label }, actor)).id;
  const ids = {
    income: await line('income', 'Medel från huvudmännen'),
    kansli: await line('administration', 'Kansli'),
    team: await line('individual', 'Samordningsteam Testby'),
    training: await line('structural', 'Utbildningsinsatser'),
    process: await line('process_support', 'Processtöd'),
  };
  const kr = (n: number) => n * 100;
  // 2025: allocation 1 000 000 kr, everything as budgeted except the team (+50 000 kr over budget).
  await saveFiscalYear(db, fid, { year: 2025, allocationOre: kr(1_000_000), openingEquityOre: kr(100_000), totalAssetsOre: kr(400_000) }, actor);
  const budget2025: [number, number, number][] = [
    [ids.income, kr(1_000_000), 0],
    [ids.kansli, 0, kr(150_000)],
    [ids.team, 0, kr(600_000)],
    [ids.training, 0, kr(100_000)],
    [ids.process, 0, kr(150_000)],
  ];
  for (const [lineId, incomeOre, costOre] of budget2025) {
    await saveBudgetAmount(db, fid, 2025, { lineId, incomeOre, costOre }, actor);
    await saveOutcomeEntry(db, fid, 2025, { lineId, month: 12, incomeOre, costOre: lineId === ids.team ? costOre + kr(50_000) : costOre }, actor);
  }
  await closeYear(db, fid, 2025, actor);
  // 2026: opening equity 150 000 kr, budget result −100 000 kr; outcome January–March.
  await saveAllocation(db, fid, 2026, kr(1_200_000), actor);
  await saveFiscalYear(db, fid, { year: 2026, openingEquityOre: kr(150_000) }, actor);
  const budget2026: [number, number, number][] = [
    [ids.income, kr(1_200_000), 0],
    [ids.kansli, 0, kr(200_000)],
    [ids.team, 0, kr(800_000)],
    [ids.training, 0, kr(150_000)],
    [ids.process, 0, kr(150_000)],
  ];
  for (const [lineId, incomeOre, costOre] of budget2026) await saveBudgetAmount(db, fid, 2026, { lineId, incomeOre, costOre }, actor);
  for (const month of [1, 2, 3]) {
    await saveOutcomeEntry(db, fid, 2026, { lineId: ids.income, month, incomeOre: kr(100_000), costOre: 0 }, actor);
    await saveOutcomeEntry(db, fid, 2026, { lineId: ids.kansli, month, incomeOre: 0, costOre: kr(15_000) }, actor);
    await saveOutcomeEntry(db, fid, 2026, { lineId: ids.team, month, incomeOre: 0, costOre: kr(70_000) }, actor);
  }
  return { federationId: fid, lines: ids };
}

/** A page's visible text for assertions: tags dropped, the entities the views emit decoded, spaces folded. */
export function pageText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ');
}

/**
 * The key figures of Samordningsförbundet Västmanland 2025 as the reference README's output contract states
 * them (test/fixtures/REFERENCE.md, "Output contract used by acceptance checks"); the contract leaves the
 * budget's cost shares open.
 */
export const referenceKeyFigures2025 = {
  federation: 'Samordningsförbundet Västmanland',
  year: 2025,
  allocation: 18958000,
  operatingIncome: 18964118,
  operatingCost: 18763370,
  operatingResult: 200748,
  financialIncome: 180551,
  financialCost: 36000,
  result: 345299,
  equityClosing: 4373785,
  equityShareOfAllocation: 0.2307,
  equityRatio: 0.4627,
  costShares: { individual: 0.6608, structural: 0.0932, processSupport: 0.1085, administration: 0.1374 },
  directCostShare: 0.8626,
  budget: { operatingCost: 20986499, result: -2028499 },
} as const;
