/**
 * The demo's 2025 annual report as a förbund publishes it, read back from both formats: the PDF directly, the DOCX as
 * LibreOffice lays it out (headless, to PDF). Checks what the reader sees: no table cell's text broken inside a word,
 * the contents with page numbers (before any field update in the DOCX), the driftredovisning on a landscape page,
 * signatures that read "Namn, roll", pages that render to images; and in the model: no "saknas" notice (the gaps are
 * the kansli's checklist), goals assessed only where there is a basis, only interventions that run in the year,
 * note headings not repeated as captions, no empty header cells.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { docxFiles, docxToPdf, libreOfficeAvailable, pdfInfo, pdfPagesToPng, pdfWords, poppler, popplerAvailable } from '../../test/support/documents.ts';
import { demoSteps } from '../cli/demo.ts';
import type { Block, Chart, Doc, Table } from '../core/documents/model.ts';
import { flatten, runsText } from '../core/documents/walk.ts';
import { annualReportWithChecklist, type ChecklistItem } from '../core/reports/annualReport.ts';
import { loadDemo } from '../services/demo/index.ts';
import { addGoal, assessGoal } from '../services/interventions/goals.ts';
import { createIntervention } from '../services/interventions/interventions.ts';
import { loadAnnualReportFacts } from '../services/reports/facts.ts';
import { renderDocx } from './docx/render.ts';
import { renderPdf } from './pdf/render.ts';

const actor = { id: 'test' };
let db: Awaited<ReturnType<typeof createTestDb>>;
let model: Doc;
let checklist: ChecklistItem[];
let docx: Buffer;
let pdf: Buffer;
let docxAsPdf: Buffer | null = null;

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo(db, demoSteps);
  const fid = (await db.query<{ id: number }>('select id from federation order by id limit 1'))[0]!.id;
  // An intervention that starts the next year, with a goal assessed for 2025 by mistake: not this year's report.
  const next = await createIntervention(db, fid, { name: 'Nästa års team', kind: 'individual', periodStart: '2026-01-01' }, actor);
  const goal = await addGoal(db, fid, next, { area: 'Individ', text: 'Ett mål för nästa år' }, actor);
  await assessGoal(db, fid, goal, { year: 2025, assessment: 'met', comment: '' }, actor);
  ({ doc: model, checklist } = annualReportWithChecklist(await loadAnnualReportFacts(db, fid, 2025, { created: new Date('2026-03-12T09:00:00Z') })));
  [docx, pdf] = await Promise.all([renderDocx(model), renderPdf(model)]);
  if (libreOfficeAvailable) docxAsPdf = docxToPdf(docx);
}, 600_000);
afterAll(() => db?.drop());

const tables = () => flatten(model.blocks).filter((b): b is Table => b.kind === 'table');
const headings = () => flatten(model.blocks).filter((b) => b.kind === 'heading');

/** Every piece of table text that may not be broken: words, and numbers whose spaces are no-break spaces. */
function tableWords(): string[] {
  return tables().flatMap((t) => [...t.header, ...t.body].flatMap((r) => r.cells.flatMap((c) => runsText(c.runs).split(/[ \t\n]+/).filter((w) => w !== ''))));
}

/** The words the reader sees whole: a word, or one a line may break at its hyphen/slash or its no-break space. */
function brokenWords(words: readonly string[], seen: ReadonlySet<string>): string[] {
  return [...new Set(words)].filter((w) => !seen.has(w) && !w.split(/(?<=[-/\u2013])(?=\p{L})|[\u00a0\u202f]/u).every((p) => p === '' || seen.has(p)));
}

describe('the annual report model', () => {
  it('prints no "saknas" notice; the chapters without text are the kansli\'s checklist', () => {
    const text = flatten(model.blocks).map((b) => JSON.stringify(b)).join('\n');
    expect(text).not.toMatch(/saknas för perioden/);
    expect(checklist).toContainEqual({ chapter: '1.2 Uppdrag', chapterKey: 'mission', what: 'Kapitlets text', kind: 'text' });
    expect(checklist.filter((c) => c.kind === 'data').map((c) => c.chapter)).toContain('4 Kassaflödesanalys');
    // A chapter on the checklist keeps its number and heading.
    expect(headings().map((h) => h.text)).toContain('1.2 Uppdrag');
  });

  it('keeps the published report\'s chapter numbering, with events after the year end as a chapter of its own', () => {
    // Chapters 1.13–1.17 and 2–8 as the published 2025 report of Samordningsförbundet Västmanland numbers them.
    const published = [
      '1.13 Uppföljning och resultat för individinriktade insatser',
      '1.14 Uppföljning och resultat för strukturpåverkande insatser',
      '1.15 Balanskravsresultat',
      '1.16 Väsentliga personalförhållanden',
      '1.17 Förväntad utveckling',
      '2 Resultaträkning',
      '3 Balansräkning',
      '4 Kassaflödesanalys',
      '5 Driftredovisning',
      '6 Noter',
    ];
    const texts = headings().map((h) => h.text);
    for (const h of published) expect(texts).toContain(h);
    expect(texts).toContain('1.18 Händelser efter räkenskapsårets slut');
    // Chapters from parts 15 and 16 follow, numbered, when their data is there: the demo has ended participations
    // for a value per member, and no internkontrollplan, so no chapter on internal control.
    expect(texts.some((t) => /Intern kontroll/.test(t))).toBe(false);
    expect(texts.filter((t) => /Värde per medlem/.test(t))).toEqual([expect.stringMatching(/^1\.19 /)]);
  });

  it('has the four charts, each with a text alternative and its data in a table beside it', () => {
    const flat = flatten(model.blocks);
    const charts = flat.filter((b): b is Chart => b.kind === 'chart');
    expect(charts.map((c) => c.id)).toEqual(['diagram-kostnadsfordelning', 'diagram-utfall-budget', 'diagram-alder-kon', 'diagram-avslut']);
    for (const c of charts) {
      expect(c.alt.length, c.title).toBeGreaterThan(40);
      // Its data: a table within the next two blocks whose row labels are the chart's categories.
      const i = flat.indexOf(c);
      const t = flat.slice(i + 1, i + 3).find((b): b is Table => b.kind === 'table')!;
      expect(t.body.map((r) => runsText(r.cells[0]!.runs)), c.title).toEqual(expect.arrayContaining([...c.categories]));
    }
    // The cost distribution's bars are the table's whole per cents; the budget bars the driftredovisning's tkr.
    expect(charts[0]!.series[1]!.values).toEqual([66, 9, 11, 14]);
    expect(charts[1]!.series[0]!.values).toEqual([2653, 13842, 2474, 2017]);
  });

  it('gives the members\' shares of the financing, adding up to 100 %, the state half', () => {
    const t = tables().find((x) => x.id === 'tabell-finansiering')!;
    const rows = t.body.map((r) => r.cells.map((c) => runsText(c.runs).replace(/[\u00a0\u202f]/g, ' ')));
    expect(rows.find((r) => r[0] === 'staten')![2]).toBe('50,0 %');
    const shares = rows.slice(0, -1).map((r) => Number(r[2]!.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
    expect(rows[rows.length - 1]).toEqual(['Summa', '18 958', '100,0 %']);
  });

  it('shows no assessment for an individual intervention with no one finished, and no intervention of the next year', () => {
    const goals = tables().find((t) => t.id === 'tabell-mal')!;
    const rows = goals.body.map((r) => r.cells.map((c) => runsText(c.runs)));
    const team = rows.find((r) => r[2] === 'Teamsamverkan i Västra Mälardalen')!;
    expect(team[3]).toBe('Ej bedömbart – inga avslutade deltagare');
    expect(goals.body.find((r) => runsText(r.cells[2]!.runs) === 'Teamsamverkan i Västra Mälardalen')!.cells[3]!.marker).toBe('grey');
    // The others finished participants: their recorded assessment stands, as colour and words.
    expect(rows.filter((r) => r[3] === 'Grön – uppfyllt')).toHaveLength(5);
    expect(goals.body.filter((r) => r.cells[3]!.marker === 'green')).toHaveLength(5);
    expect(rows.some((r) => r[2] === 'Nästa års team')).toBe(false);
  });

  it('has no empty header cell in a table\'s first column, labels rows with row headers, and no caption repeating its heading', () => {
    for (const t of tables()) expect(runsText(t.header[t.header.length - 1]!.cells[0]!.runs).trim(), t.caption).not.toBe('');
    expect(tables().filter((t) => t.rowHeaders).length).toBeGreaterThan(10);
    const flat = flatten(model.blocks);
    flat.forEach((b: Block | (typeof flat)[number], i) => {
      if (b.kind === 'table' && b.caption !== undefined) {
        const before = flat.slice(0, i).reverse().find((x) => x.kind === 'heading');
        expect(before && before.kind === 'heading' ? before.text : '').not.toBe(b.caption);
      }
    });
  });
});

/** The contents page's entries: title and page number, for each heading the contents list. */
function contentsEntries(pageText: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of pageText.split('\n')) {
    const m = /^\s*(.*?)[\s.]*?(\d+)\s*$/.exec(line.replace(/\.{2,}/g, ' '));
    if (m) out.set(m[1]!.trim(), Number(m[2]));
  }
  return out;
}

/** The page (1-based) each line first occurs on as a line of its own. */
function pageOf(pages: readonly string[], line: string): number {
  return pages.findIndex((p, i) => i > 0 && p.split('\n').some((l) => l.trim() === line)) + 1;
}

function checkRendered(file: Buffer, format: string): void {
  const pages = poppler('pdftotext', file, ['-layout']).split('\f');
  // No table cell's text split inside a word.
  const seen = new Set(pdfWords(file).flat());
  expect(brokenWords(tableWords(), seen), format).toEqual([]);
  // The contents page: every chapter with its page number, the page the chapter starts on (LibreOffice may move a
  // chapter by a page from docx's estimate of Word's layout).
  const listed = headings().filter((h) => !h.excludeFromToc && h.level <= 2);
  const entries = contentsEntries(pages[0]!);
  let last = 0;
  for (const h of listed) {
    const page = entries.get(h.text);
    expect(page, `${format}: ${h.text} i innehållet`).toBeDefined();
    expect(page!).toBeGreaterThanOrEqual(last);
    expect(Math.abs(page! - pageOf(pages, h.text)), `${format}: ${h.text}`).toBeLessThanOrEqual(format === 'pdf' ? 0 : 2);
    last = page!;
  }
  // The driftredovisning on a landscape page.
  const drift = pageOf(pages, '5 Driftredovisning');
  const size = /size:\s+([\d.]+) x ([\d.]+)/.exec(poppler('pdfinfo', file, ['-f', String(drift), '-l', String(drift)]).split('\n').find((l) => l.startsWith('Page') && l.includes('size'))!)!;
  expect(Number(size[1]), format).toBeGreaterThan(Number(size[2]));
  // The chart pages have their figures: the title, and the bars' labels drawn with it.
  for (const c of flatten(model.blocks).filter((b): b is Chart => b.kind === 'chart')) {
    const page = pages.find((p) => p.includes(c.title));
    expect(page, `${format}: ${c.title}`).toBeDefined();
    for (const cat of c.categories) expect(page!, `${format}: ${c.title} / ${cat}`).toContain(cat);
  }
  // Signatures read "Namn, roll".
  expect(pages.join('\n'), format).toMatch(/Shpetim Pirraku, Ordförande/);
  // Every page renders to an image.
  const { dir, files } = pdfPagesToPng(file, { dpi: 20 });
  try {
    expect(files).toHaveLength(Number(pdfInfo(file)['Pages']));
    for (const f of files) expect(readFileSync(f).subarray(1, 4).toString('latin1')).toBe('PNG');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!popplerAvailable)('the annual report rendered', () => {
  it('as PDF', () => {
    checkRendered(pdf, 'pdf');
    // Each chart a Figure with its text alternative.
    const struct = poppler('pdfinfo', pdf, ['-struct']);
    expect(struct.match(/^\s*Figure\b/gm)).toHaveLength(4);
    expect(pdf.toString('latin1').match(/\/S \/Figure[\s\S]{0,200}?\/Alt \(/g) ?? pdf.toString('latin1').match(/\/Alt \(/g)).toHaveLength(4);
    expect(pdf.length).toBeLessThan(1_000_000);
  });

  it.skipIf(!libreOfficeAvailable)('as DOCX, laid out by LibreOffice', () => checkRendered(docxAsPdf!, 'docx'));

  it('as DOCX: the contents written with page numbers, every heading a style with an outline level', () => {
    const xml = docxFiles(docx)['word/document.xml']!;
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(xml)![0];
    expect(toc).toMatch(/1 Förvaltningsberättelse<\/w:t>[\s\S]*?<w:tab\/>[\s\S]*?<w:t[^>]*>\d+<\/w:t>/);
    const styles = docxFiles(docx)['word/styles.xml']!;
    for (const id of ['Heading1', 'Heading2', 'Rubrik1EjInnehall', 'Rubrik2EjInnehall']) {
      expect(styles, id).toMatch(new RegExp(`w:styleId="${id}"[\\s\\S]*?<w:outlineLvl w:val="\\d"/>[\\s\\S]*?</w:style>`));
    }
    // The charts are real Word charts with their descriptions.
    const files = docxFiles(docx);
    expect(Object.keys(files).filter((k) => /^word\/charts\/chart\d+\.xml$/.test(k))).toHaveLength(4);
    expect(xml.match(/<wp:docPr [^>]*descr="Stapeldiagram/g)).toHaveLength(4);
    // The notes are headings (Rubrik 2, outline level 1) in the body.
    expect(xml).toMatch(/<w:pStyle w:val="Rubrik2EjInnehall"\/>[\s\S]{0,400}?Not 2\. Verksamhetens intäkter/);
  });
});
