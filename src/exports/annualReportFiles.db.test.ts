/**
 * The demo's 2025 annual report as files: the DOCX and the PDF are read back and their text compared with the
 * document model's text and with the reference tables (every row of test/fixtures/vastmanland-2025.source.json that
 * the economy data holds, via test/support/reportText.ts); the PDF is checked for tags, title, language, bookmarks
 * and fonts, and its pages are rendered to images.
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { docxFiles, docxParagraphs, expectInOrder, pdfInfo, pdfPagesToPng, poppler, popplerAvailable } from '../../test/support/documents.ts';
import { economyRows, missingRows } from '../../test/support/reportText.ts';
import { demoSteps } from '../cli/demo.ts';
import type { Doc } from '../core/documents/model.ts';
import { documentText, flatten } from '../core/documents/walk.ts';
import { loadDemo } from '../services/demo/index.ts';
import { annualReportDocument } from '../services/reports/documents.ts';
import { renderDocx } from './docx/render.ts';
import { renderPdf } from './pdf/render.ts';

let db: Awaited<ReturnType<typeof createTestDb>>;
let model: Doc;
let docx: Buffer;
let pdf: Buffer;

beforeAll(async () => {
  db = await createTestDb();
  await loadDemo(db, demoSteps);
  const fid = (await db.query<{ id: number }>('select id from federation order by id limit 1'))[0]!.id;
  model = await annualReportDocument(db, fid, 2025, { created: new Date('2026-03-12T09:00:00Z') });
  [docx, pdf] = await Promise.all([renderDocx(model), renderPdf(model)]);
}, 300_000);
afterAll(() => db?.drop());

const headings = () => flatten(model.blocks).filter((b) => b.kind === 'heading');

describe('the demo annual report 2025 as DOCX', () => {
  it('prints exactly the model text, and every reference row the economy data holds', () => {
    const paragraphs = docxParagraphs(docxFiles(docx)['word/document.xml']!).flatMap((p) => p.split('\t')).filter((t) => t.trim() !== '');
    expect(paragraphs).toEqual(documentText(model));
    const rows = economyRows();
    expect(rows.length).toBeGreaterThan(80);
    expect(missingRows(paragraphs.join('\n'), rows)).toEqual([]);
  });
});

describe.skipIf(!popplerAvailable)('the demo annual report 2025 as PDF', () => {
  it('is tagged, titled, Swedish, A4, with embedded fonts and a bookmark per heading', () => {
    const info = pdfInfo(pdf);
    expect(info['Tagged']).toBe('yes');
    expect(info['Title']).toBe(model.title);
    expect(info['Page size']).toMatch(/\(A4\)$/);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Lang \(sv-SE\)/);
    expect(raw).toMatch(/<<\s*\/DisplayDocTitle true\s*>>/);
    expect(raw.match(/\/Dest \[\d+ 0 R \/XYZ 0 [\d.]+ 0\]\s*\/Parent \d+ 0 R\s*\/Title /g)).toHaveLength(headings().length);
    for (const row of poppler('pdffonts', pdf).split('\n').slice(2).filter((l) => l.trim() !== '')) expect(row).toMatch(/\byes\s+yes\s+yes\s+\d+\s+0\s*$/);
    const struct = poppler('pdfinfo', pdf, ['-struct']);
    for (const tag of ['H1', 'H2', 'Table', 'TH', 'TD', 'P', 'TOC']) expect(struct).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
  });

  it('prints the model text in reading order and every reference row the economy data holds', () => {
    const tocLine = new Set(headings().map((h) => h.text));
    const text = poppler('pdftotext', pdf, ['-raw'])
      .split(/\n|\f/)
      .filter((l) => l !== model.runningHeader && l !== model.title && !/^Sida \d+ av \d+$/.test(l))
      .filter((l) => !(/ \d+$/.test(l) && tocLine.has(l.replace(/ \d+$/, ''))))
      .join('\n');
    // Without regard to spaces: a table too wide for its header words at the smallest size ("Försörjning före
    // insatsen", 11 columns) breaks a header word inside; its figures stay whole (checked next).
    expectInOrder(text, documentText(model), { ignoreSpaces: true });
    expect(missingRows(text, economyRows())).toEqual([]);
  });

  it('renders every page to an image', () => {
    const pages = Number(pdfInfo(pdf)['Pages']);
    expect(pages).toBeGreaterThan(10);
    const { dir, files } = pdfPagesToPng(pdf, { dpi: 30 });
    try {
      expect(files).toHaveLength(pages);
      for (const f of files) expect(readFileSync(f).subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
