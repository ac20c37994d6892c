/**
 * The demo's 2025 annual report, built from the database through the facts loader and the pure builder: every
 * figure of the reference tables is in the document's text (test/fixtures/vastmanland-2025.source.json, the
 * documented exceptions as computed). First with the economy data alone (the demo: a reference import), then
 * with the SIE ledger generated from the same reference, which adds the balance sheet, cash flow and notes 4, 6.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { economyRows, ledgerRows, missingRows, missingRowsIgnoringWrap, normalise } from '../../../test/support/reportText.ts';
import { documentText } from '../../core/documents/walk.ts';
import { annualReportChecklist, buildAnnualReport } from '../../core/reports/annualReport.ts';
import { generateSie } from '../../importers/sie/testing/generate.ts';
import { demoSteps } from '../../cli/demo.ts';
import { loadDemo } from '../demo/index.ts';
import { importSieFile } from '../../importers/sie/import.ts';
import { mapObjectsByName } from '../ledger/mapping.ts';
import { addBoardMember, addMeeting } from './board.ts';
import { createRound, submitAnswers } from '../surveys/rounds.ts';
import { loadAnnualReportFacts } from './facts.ts';
import { saveChapterText, setChapterEnabled } from './texts.ts';
import { renderDocx } from '../../exports/docx/render.ts';
import { renderPdf } from '../../exports/pdf/render.ts';
import { docxFiles, docxParagraphs, pdfInfo, poppler, popplerAvailable } from '../../../test/support/documents.ts';

/** The text of the rendered DOCX (paragraphs of word/document.xml) and PDF (pdftotext, content order). */
async function renderedTexts(): Promise<{ docx: string; pdf: string | null; pdfBytes: Buffer }> {
  const doc = buildAnnualReport(await loadAnnualReportFacts(db, fid, 2025));
  const docx = docxParagraphs(docxFiles(await renderDocx(doc))['word/document.xml']!).join('\n');
  const pdfBytes = await renderPdf(doc);
  return { docx, pdf: popplerAvailable ? poppler('pdftotext', pdfBytes, ['-raw', '-enc', 'UTF-8']) : null, pdfBytes };
}

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
  // The demo holds the board and the auditors of the 2025 report's signature pages; one more whose term ended.
  await addBoardMember(db, fid, { name: 'Avgången Ledamot', seat: 'ledamot', termStart: '2019-01-01', termEnd: '2022-12-31' }, actor);
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

  it('prints no notice of what is missing (the kansli\'s checklist lists it), and presents the board, meetings and texts', async () => {
    const t = normalise(await reportText());
    expect(t).not.toContain('saknas för perioden');
    const gaps = annualReportChecklist(await loadAnnualReportFacts(db, fid, 2025)).map((g) => `${g.chapter}: ${g.what}`);
    expect(gaps).toContain('4 Kassaflödesanalys: Kassaflödesanalysen (räknas fram ur huvudboken, SIE)');
    expect(gaps).toContain('6 Noter: Fordringarna per slag (ur huvudboken, SIE)');
    expect(gaps).toContain('1.14 Uppföljning och resultat för strukturpåverkande insatser: Resultat från indikatorenkäterna');
    expect(t).toContain('Styrelsen har under 2025 haft 4 sammanträden');
    expect(t).toContain('7 Styrelsens underskrifter');
    expect(t).toContain('Ort och datum Shpetim Pirraku, Ordförande Maria Kesselring, Vice ordförande Marianne Ångström, Ledamot Lena Eldståhl, Ledamot');
    expect(t).toContain('Linda Söder Jonsson, Ledamot 8 Revisorernas underskrift');
    expect(t).not.toContain('Avgången Ledamot');
    expect(t).toContain('Ort och datum Helmut Hoffmann, Revisor Cecilia Kvist, Auktoriserad revisor, Azets Revision & Rådgivning AB');
    expect(t).toContain('Med stolthet ser jag tillbaka på året. Samverkan Hälsa');
    expect(t).toContain('Summa tillgångar 9 453 288 8 463 907');
  });

  it('leaves out a chapter switched off and renumbers the rest', async () => {
    expect(normalise(await reportText())).toContain('1.15 Balanskravsresultat');
    await setChapterEnabled(db, fid, 'balance_requirement', false, actor);
    const t = normalise(await reportText());
    expect(t).not.toContain('Balanskravsresultat');
    expect(t).toContain('1.15 Väsentliga personalförhållanden');
    await setChapterEnabled(db, fid, 'balance_requirement', true, actor);
  });
});

describe('indicator survey results in the annual report', () => {
  it('prints the year\'s rounds from the surveys area, hidden below the minimum cell size', async () => {
    expect(normalise(await reportText())).not.toContain('Resultat av svar från insatspersonal');
    const round = await createRound(db, fid, { set: 'insatspersonal-v1', year: 2025, group: 'insatspersonal', opensOn: '2025-09-01', closesOn: '2025-10-31', openLink: true, codes: 0 }, actor);
    const token = round.openLink!.slice('/e/'.length);
    // Six staff answer every question with the fourth step ("Ofta" / "Till stor del").
    const form = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i + 1}`, '4']));
    for (let i = 0; i < 6; i++) await submitAnswers(db, token, form, '2025-09-15');
    const t = normalise(await reportText());
    expect(t).toContain('Resultat av svar från insatspersonal');
    expect(t).toContain('Stödet får ta den tid som behövs 6 0 % 0 % 0 % 100 % 0 % 0 %');
  }, 120_000);
});

describe('annual report 2025 rendered (economy data only)', () => {
  it('the DOCX and the PDF print every figure of the reference tables the economy data holds', async () => {
    const { docx, pdf, pdfBytes } = await renderedTexts();
    expect(missingRows(docx, economyRows())).toEqual([]);
    if (pdf !== null) {
      expect(missingRowsIgnoringWrap(pdf, economyRows())).toEqual([]);
      const info = pdfInfo(pdfBytes);
      expect(info.Title).toBe('Årsredovisning 2025 – Samordningsförbundet Västmanland');
      expect(info.Tagged).toBe('yes');
      // A bookmark (named destination) for every chapter and note; the language in the catalog.
      const dests = poppler('pdfinfo', pdfBytes, ['-dests']);
      for (const id of ['kap-chair', 'kap-management', 'kap-economy', 'kap-income-statement', 'kap-operating-statement', 'not-2', 'not-5', 'kap-board-signatures']) {
        expect(dests).toContain(`"${id}"`);
      }
      expect(pdfBytes.toString('latin1')).toMatch(/\/Lang \(sv-SE\)/);
    }
  }, 120_000);
});

describe('annual report 2025 with the SIE ledger', () => {
  beforeAll(async () => {
    await importSieFile(db, fid, { source: Readable.from([generateSie({ transactionRows: 400 })]), fileName: 'bokslut-2025.se', organisationNumber: '222000-0000' }, actor);
    await mapObjectsByName(db, fid, '6', actor);
  }, 300_000);

  it('prints the balance sheet, cash flow and notes 4 and 6 from the ledger, and the income statement still', async () => {
    const text = await reportText();
    expect(missingRows(text, ledgerRows())).toEqual([]);
    expect(missingRows(text, economyRows().filter((r) => r.table === 'income-statement'))).toEqual([]);
    expect(normalise(text)).toContain('Källa: förbundets huvudbok (SIE).');
  });

  it('the DOCX and the PDF print the ledger\'s tables as the reference', async () => {
    const { docx, pdf } = await renderedTexts();
    expect(missingRows(docx, ledgerRows())).toEqual([]);
    if (pdf !== null) expect(missingRowsIgnoringWrap(pdf, ledgerRows())).toEqual([]);
  }, 120_000);
});
