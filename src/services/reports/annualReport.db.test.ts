/**
 * The demo's 2025 annual report, built from the database through the facts loader and the pure builder: every
 * figure of the reference tables is in the document's text (test/fixtures/vastmanland-2025.source.json, the
 * documented exceptions as computed). First with the economy data alone (the demo: a reference import), then
 * with the SIE ledger generated from the same reference, which adds the balance sheet, cash flow and notes 4, 6.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { economyRows, ledgerRows, missingRows, normalise } from '../../../test/support/reportText.ts';
import { documentText } from '../../core/documents/walk.ts';
import { buildAnnualReport } from '../../core/reports/annualReport.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { demoSteps } from '../../cli/demo.ts';
import { loadDemo } from '../demo/index.ts';
import { importSieFile } from '../ledger/import.ts';
import { mapObjectsByName } from '../ledger/mapping.ts';
import { addAuditor, addBoardMember, addMeeting } from './board.ts';
import { loadAnnualReportFacts } from './facts.ts';
import { saveChapterText, setChapterEnabled } from './texts.ts';

const actor = { id: 'test' };
let db: Awaited<ReturnType<typeof createTestDb>>;
let fid: number;

async function reportText(): Promise<string> {
  return documentText(buildAnnualReport(await loadAnnualReportFacts(db, fid, 2025))).join('\n');
}

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo(db, demoSteps);
  fid = (await db.query<{ id: number }>('select id from federation'))[0]!.id;
  await addBoardMember(db, fid, { name: 'Shpetim Pirraku', seat: 'ledamot', position: 'ordforande', termStart: '2023-01-01' }, actor);
  await addBoardMember(db, fid, { name: 'Maria Kesselring', seat: 'ledamot', position: 'vice_ordforande', termStart: '2023-01-01' }, actor);
  await addBoardMember(db, fid, { name: 'Marianne Ångström', seat: 'ledamot', termStart: '2023-01-01' }, actor);
  await addBoardMember(db, fid, { name: 'Avgången Ledamot', seat: 'ledamot', termStart: '2019-01-01', termEnd: '2022-12-31' }, actor);
  await addAuditor(db, fid, { name: 'Helmut Hoffmann', title: 'Revisor', appointedBy: 'Region Västmanland och kommunerna', termStart: '2023-01-01' }, actor);
  for (const date of ['2025-02-12', '2025-05-14', '2025-09-10', '2025-11-19', '2026-02-11']) await addMeeting(db, fid, { date }, actor);
  await saveChapterText(db, fid, 2025, 'chair', 'Med **stolthet** ser jag tillbaka på året.\n\n- Samverkan\n- Hälsa', actor);
}, 300_000);
afterAll(() => db?.drop());

describe('annual report 2025 from the demo (economy data only)', () => {
  it('prints every figure of the reference tables that the economy data holds', async () => {
    const text = await reportText();
    const rows = economyRows();
    expect(rows.length).toBeGreaterThan(80);
    expect(missingRows(text, rows)).toEqual([]);
  });

  it('says what is missing instead of failing, and presents the board, meetings and texts', async () => {
    const t = normalise(await reportText());
    expect(t).toContain('Kassaflödesanalysen saknas för perioden');
    expect(t).toContain('Fordringarna per slag saknas för perioden');
    expect(t).toContain('Styrelsen har under 2025 haft 4 sammanträden');
    expect(t).toContain('Shpetim Pirraku Ordförande Maria Kesselring Vice ordförande Marianne Ångström Ledamot');
    expect(t).not.toContain('Avgången Ledamot');
    expect(t).toContain('Helmut Hoffmann Revisor');
    expect(t).toContain('Med stolthet ser jag tillbaka på året. Samverkan Hälsa');
    expect(t).toContain('Summa tillgångar 9 453 288 8 463 907');
    expect(t).toContain('Inga resultat från indikatorenkäterna är registrerade för året.');
  });

  it('leaves out a chapter switched off and renumbers the rest', async () => {
    expect(normalise(await reportText())).toContain('1.14 Balanskravsresultat');
    await setChapterEnabled(db, fid, 'balance_requirement', false, actor);
    const t = normalise(await reportText());
    expect(t).not.toContain('Balanskravsresultat');
    expect(t).toContain('1.14 Väsentliga personalförhållanden');
    await setChapterEnabled(db, fid, 'balance_requirement', true, actor);
  });
});

describe('annual report 2025 with the SIE ledger', () => {
  beforeAll(async () => {
    await importSieFile(db, { federationId: fid, source: Readable.from([generateSie({ transactionRows: 400 })]), fileName: 'bokslut-2025.se', actor });
    await mapObjectsByName(db, fid, '6', actor);
  }, 300_000);

  it('prints the balance sheet, cash flow and notes 4 and 6 from the ledger, and the income statement still', async () => {
    const text = await reportText();
    expect(missingRows(text, ledgerRows())).toEqual([]);
    expect(missingRows(text, economyRows().filter((r) => r.table === 'income-statement'))).toEqual([]);
    expect(normalise(text)).toContain('Källa: förbundets huvudbok (SIE).');
  });
});
