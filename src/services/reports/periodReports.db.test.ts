/**
 * The interim report and the board pack over a small förbund whose figures are worked out by hand
 * (test/support/economy.ts: 2026 budget and outcome January–March). Income is spread quarterly, costs evenly
 * (the default profiles); the forecast divides the outcome by the share of the year the profile expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { seedSmallFederation } from '../../../test/support/economy.ts';
import { normalise } from '../../../test/support/reportText.ts';
import { documentText } from '../../core/documents/walk.ts';
import { buildBoardPack, buildInterimReport } from '../../core/reports/periodReports.ts';
import { addDecisionItem, addMeeting } from './board.ts';
import { loadBoardPackFacts, loadInterimReportFacts } from './facts.ts';

const actor = { id: 'test' };
let db: Awaited<ReturnType<typeof createTestDb>>;
let fid: number;

beforeAll(async () => {
  db = await createTestDb();
  fid = (await seedSmallFederation(db)).federationId;
  const meeting = await addMeeting(db, fid, { date: '2026-04-15', note: 'Ordinarie möte' }, actor);
  await addDecisionItem(db, fid, meeting, { title: 'Tilläggsbudget 2026', body: 'Teamet behöver **mer** medel.\n\n- Lönehöjning\n- Lokal', proposal: 'Styrelsen beviljar 40 000 kr.' }, actor);
  await addDecisionItem(db, fid, meeting, { title: 'Revisionsplan', body: '', proposal: 'Styrelsen godkänner planen.' }, actor);
}, 120_000);
afterAll(() => db?.drop());

// Hand-worked figures in tkr (costs negative). Budget to date through March: income 1/4 of 1 200, costs 3/12.
const M = '\u2212';

describe('interim report January–March 2026', () => {
  it('shows outcome to date against budget to date per line, with subtotals', async () => {
    const t = normalise(documentText(buildInterimReport(await loadInterimReportFacts(db, fid, 2026, 3))).join('\n'));
    expect(t).toContain('Delårsrapport januari–mars 2026');
    expect(t).toContain('Medel från huvudmännen 300 300 0');
    expect(t).toContain(`Kansli ${M}45 ${M}50 5`);
    expect(t).toContain(`Samordningsteam Testby ${M}210 ${M}200 ${M}10`);
    expect(t).toContain(`Utbildningsinsatser 0 ${M}38 38`); // 37 500 kr rounds to 38 tkr
    expect(t).toContain(`Verksamhetens resultat 45 ${M}25 70`); // 300 − 255 = 45; 300 − (50 + 200 + 37,5 + 37,5) = −25
  });

  it('forecasts the year by profile and states the method', async () => {
    const t = normalise(documentText(buildInterimReport(await loadInterimReportFacts(db, fid, 2026, 3))).join('\n'));
    expect(t).toContain('Prognosen för helåret bygger på utfallet januari–mars per budgetpost');
    // Budget year, forecast, forecast − budget: income 300 / (1/4) = 1 200; kansli 45 × 12/3 = 180; team 210 × 4 = 840.
    expect(t).toContain('Medel från huvudmännen 1 200 1 200 0');
    expect(t).toContain(`Kansli ${M}200 ${M}180 20`);
    expect(t).toContain(`Samordningsteam Testby ${M}800 ${M}840 ${M}40`);
    expect(t).toContain(`Verksamhetens resultat ${M}100 180 280`);
    // Equity: 150 + 180 = 330 tkr, 27,5 % of 1 200 → 28 %, over the 20 % cap (240 tkr).
    expect(t).toContain('Med prognosen blir det egna kapitalet vid årets slut 330 tkr (28 % av medelstilldelningen), vilket är över taket (tak 20 % = 240 tkr)');
  });
});

describe('board pack for the meeting 2026-04-15', () => {
  it('has the economy through March, the decision items each with its own bookmark, in order', async () => {
    const doc = buildBoardPack(await loadBoardPackFacts(db, fid, '2026-04-15'));
    const t = normalise(documentText(doc).join('\n'));
    expect(t).toContain('Handlingar till styrelsemötet 2026-04-15');
    expect(t).toContain('Utfall januari–mars 2026, budget och prognos för helåret 2026.');
    expect(t).toContain(`Kansli ${M}45 ${M}200 ${M}180 20`);
    expect(t).toContain('5.1 Tilläggsbudget 2026 Teamet behöver mer medel. Lönehöjning Lokal Förslag till beslut: Styrelsen beviljar 40 000 kr. 5.2 Revisionsplan Förslag till beslut: Styrelsen godkänner planen.');
    const json = JSON.stringify(doc);
    expect(json).toContain('"id":"arende-1"');
    expect(json).toContain('"id":"arende-2"');
  });

  it('a date without a meeting gives a pack that says there are no items', async () => {
    const t = normalise(documentText(buildBoardPack(await loadBoardPackFacts(db, fid, '2026-06-01'))).join('\n'));
    expect(t).toContain('Inga ärenden för beslut är registrerade för mötet.');
  });
});
