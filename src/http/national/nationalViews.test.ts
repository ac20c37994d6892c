import { describe, expect, it } from 'vitest';
import { jsx } from 'hono/jsx';
import type { StatTable } from '../../core/statistics/statTable.ts';
import { economyColumns } from '../../core/statistics/nationalStatistics.ts';
import type { NationalView } from '../../services/national/nationalStatistics.ts';
import type { StateAllocationYear } from '../../services/economy/stateAllocation.ts';
import { AllocationPage, type AllocationPageModel } from './allocationPage.tsx';
import { GenderAndExitsPage, ParticipantsPage, TrendsPage } from './statisticsPages.tsx';
import { NationalEconomyPage } from './economyPage.tsx';

/** Renders a page to its HTML (the test is a .ts file, so no JSX syntax here). */
const html = (component: unknown, props: Record<string, unknown>) => String(jsx(component as never, props));
const NBSP = '\u00a0';

const table = (key: string, over: Partial<StatTable> = {}): StatTable => ({
  key,
  title: key,
  rowHeader: 'Län',
  rowLabels: [],
  colLabels: [],
  cells: [],
  rowTotals: null,
  colTotals: null,
  total: null,
  percentages: null,
  hiddenCount: 0,
  ...over,
});

/** A hand-made year: one county with 12 345 active, an unpublished year in the series, synthetic data. */
const statistics: NationalView = {
  year: 2026,
  minCellSize: 5,
  synthetic: true,
  federations: ['Förbund A'],
  counties: ['Norrbottens län'],
  units: [{ id: 1, name: 'Förbund A', county: 'Norrbottens län' }],
  byFederation: table('by-federation'),
  byCounty: table('by-county', { title: 'Deltagare per län 2026', rowLabels: ['Norrbottens län'], colLabels: ['Aktiva', 'Nya', 'Avslutade'], cells: [[12345, null, 7]] }),
  flowByGender: table('flow'),
  activeByFederationAndGender: table('a'),
  newByFederationAndGender: table('n'),
  endedByFederationAndGender: table('e'),
  exitOutcomes: table('x'),
  exitOutcomesByFederation: table('xf'),
  economy: table('economy', { title: 'Ekonomi per förbund 2026', rowHeader: 'Förbund', rowLabels: ['Förbund A'], colLabels: [...economyColumns], cells: [economyColumns.map((c) => ({ 'Medelstilldelning (kr)': 18964000, 'Administrationens andel (%)': 12.25, 'Över taket': 1 })[c as string] ?? null)] }),
  economyByCounty: table('economy-by-county'),
  publication: { state: 'open', publishedFrom: '2027-02-01' },
  series: [
    { year: 2025, active: 1500, new: 400, ended: null, published: true },
    { year: 2026, active: null, new: null, ended: null, published: false },
  ],
  trends: { byCounty: [], byFederation: [] },
};

describe('national participant and economy pages', () => {
  it('show the year, the synthetic banner, the publication date of an open year and sv-SE counts; hidden cells as –', () => {
    const out = html(ParticipantsPage, { model: { years: [2026, 2025], year: 2026, statistics } });
    expect(out).toContain('<h1>Nationell jämförelse 2026</h1>');
    expect(out).toContain('<strong>Syntetiska data.</strong>');
    expect(out).toContain('Deltagarsiffrorna för 2026 publiceras när året stängs, 2027-02-01.');
    expect(out).toMatch(new RegExp(`<th scope="row">Norrbottens län</th><td class="num">12${NBSP}345</td><td class="num">–</td><td class="num">7</td>`));
    expect(out).toContain('2026 (ej publicerat)');
    expect(out).toContain('href="/nationell/statistik.csv?ar=2026"');
    expect(out).toContain(`<td class="num">1${NBSP}500</td>`);
    expect(out).toContain('läns- eller rikstotalerna');
    expect(out).not.toContain('riksTotalerna');
  });

  it('a published year names the förbund its participant figures do not cover', () => {
    const published = { ...statistics, publication: { state: 'published' as const, publishedFrom: '2027-02-01', notCovered: ['Nya förbundet'] } };
    for (const page of [ParticipantsPage, GenderAndExitsPage, TrendsPage]) {
      const out = html(page, { model: { years: [2026], year: 2026, statistics: published } });
      expect(out).toContain('Nya förbundet ingår inte i deltagarsiffrorna för 2026');
    }
  });

  it('the economy page prints kronor whole, shares with one decimal and Ja/Nej for above the cap', () => {
    const out = html(NationalEconomyPage, { model: { years: [2026], year: 2026, statistics } });
    expect(out).toContain('<h1>Ekonomi i alla förbund 2026</h1>');
    expect(out).toContain(`18${NBSP}964${NBSP}000`);
    expect(out).toContain('12,3'); // 12.25 % with one decimal (half away from zero)
    expect(out).toContain('<td>Ja</td>');
    expect(out).toContain('<td class="num">–</td>'); // a figure not shown
  });
});

describe('AllocationPage', () => {
  const allocation: StateAllocationYear = {
    year: 2025,
    settings: { year: 2025, totalOre: 10_000_000_00, maxFallBp: 1000 },
    allocation: null,
    rows: [
      {
        federationId: 1,
        federation: 'Förbund A',
        population: 12345,
        supportMeasureHundredths: 123450,
        baseOre: 400_000_00,
        supportShareOre: 0,
        populationShareOre: 0,
        adjustmentOre: 0,
        amountOre: 1_234_567_89,
        previousOre: null,
        equityCapShare: 0.5,
        equityCapOre: 1_234_567_89,
      },
    ],
    problem: null,
  };
  const model: AllocationPageModel = {
    year: 2025,
    canWrite: false,
    allocation,
    federations: [{ id: 1, name: 'Förbund A' }],
    inputs: [{ federationId: 1, federation: 'Förbund A', population: 12345, supportMeasureHundredths: 123450 }],
    merge: { chosen: [], name: '' },
    split: { values: { dela: '1', del1namn: 'Ensam' }, errors: { del1matt: 'Ange försörjningsmåttet, t.ex. 1 234,5.' } },
    scenario: null,
    scenarioError: 'Det går inte att dela.',
    refused: {},
  };

  it('shows the total, the largest fall, the equity cap (kronor rounded) and the inputs in sv-SE', () => {
    const out = html(AllocationPage, { model });
    expect(out).toContain(`Statens totala belopp: <strong>10${NBSP}000${NBSP}000 kr</strong> · högsta minskning från förra året 10 %`);
    // 1 234 567,89 kr state amount → 1 234 568 kr; cap share 0.5 → 50 %
    expect(out).toContain(`<td class="num">1${NBSP}234${NBSP}568</td><td class="num">50${NBSP}%</td>`);
    expect(out).toContain(`<th scope="row">Förbund A</th><td class="num">12${NBSP}345</td><td class="num">1${NBSP}234,50</td>`);
  });

  it('keeps the split form as asked with its message, shows why a what-if failed, and offers a merger only with two förbund', () => {
    const out = html(AllocationPage, { model });
    expect(out).toContain('value="Ensam"');
    expect(out).toContain('Ange försörjningsmåttet, t.ex. 1 234,5.');
    expect(out).toContain('<p class="error" role="alert">Det går inte att dela.</p>');
    expect(out).toContain('Det behövs underlag för minst två förbund.');
    // Read only: no forms that change anything.
    expect(out).not.toContain('Ändra underlag');
    expect(out).not.toContain('method="post"');
  });
});
