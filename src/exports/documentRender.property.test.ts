/**
 * Property: any document the model can hold renders to DOCX and to PDF without error, and the text read back from
 * each file contains every text run, table cell and heading of the model, in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, Doc, Inline, TableCell, TableRow } from '../core/documents/model.ts';
import { documentText } from '../core/documents/walk.ts';
import { docxFiles, docxParagraphs, expectInOrder, normalizeSpace, poppler, popplerAvailable, xmlProblem } from '../../test/support/documents.ts';
import { renderDocx } from './docx/render.ts';
import { renderPdf } from './pdf/render.ts';

// Words of at most 12 characters (they fit a table column of a six-column table), with Swedish letters, the real
// minus, no-break spaces and characters XML must escape.
const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöé0-9.,;:!?()&<>"'%−–-]{1,12}$/);
const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
const number = fc.integer({ min: -9_999_999, max: 9_999_999 }).map((n) => (n < 0 ? '−' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0'));

const inline: fc.Arbitrary<Inline> = fc.oneof(
  fc.record({ kind: fc.constant('text' as const), text: words, bold: fc.boolean(), italic: fc.boolean() }),
  fc.record({ kind: fc.constant('link' as const), text: words, href: fc.constantFrom('https://www.finsam.se', 'mailto:kansli@example.se', '#rubrik') }),
  fc.record({ kind: fc.constant('noteRef' as const), note: fc.integer({ min: 1, max: 20 }).map(String) }),
);
// Runs in a paragraph are separated by a space so that a word never runs into the next run's.
const runs = fc.array(inline, { minLength: 1, maxLength: 5 }).map((rs) => rs.flatMap((r, i): Inline[] => (i === 0 ? [r] : [{ kind: 'text', text: ' ' }, r])));

const table: fc.Arbitrary<Block> = fc.integer({ min: 1, max: 6 }).chain((n) => {
  const cell: fc.Arbitrary<TableCell> = fc.oneof(
    words.map((t): TableCell => ({ runs: [{ kind: 'text', text: t.split(' ').slice(0, 2).join(' ') }] })),
    number.map((t): TableCell => ({ runs: [{ kind: 'text', text: t }], align: 'right' })),
  );
  const row: fc.Arbitrary<TableRow> = fc.record({ cells: fc.array(cell, { minLength: n, maxLength: n }), emphasis: fc.constantFrom(undefined, 'subtotal' as const, 'total' as const) }).map((r) => (r.emphasis ? r : { cells: r.cells }));
  return fc.record({
    kind: fc.constant('table' as const),
    caption: words,
    unit: fc.constantFrom('Belopp i tkr', 'Antal'),
    columns: fc.array(fc.record({ align: fc.constantFrom('left' as const, 'right' as const, 'center' as const), width: fc.double({ min: 0.5, max: 4, noNaN: true }) }), { minLength: n, maxLength: n }),
    header: fc.array(row, { minLength: 1, maxLength: 2 }),
    body: fc.array(row, { minLength: 0, maxLength: 40 }),
  });
});

const leaf: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('paragraph' as const), runs }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(runs, { minLength: 1, maxLength: 6 }) }) },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: fc.constant({ kind: 'pageBreak' as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const), text: words }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('signatures' as const), placeAndDate: words, signers: fc.array(fc.record({ name: words, role: word }), { minLength: 1, maxLength: 5 }) }) },
);

const block: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constant('section' as const), title: words, number: fc.constantFrom(undefined, '1', '2.3'), blocks: fc.array(tie('block'), { maxLength: 5 }) }).map((s) => (s.number ? s : { kind: s.kind, title: s.title, blocks: s.blocks })),
  ),
})).block;

const document: fc.Arbitrary<Doc> = fc.record({
  title: words,
  language: fc.constant('sv-SE' as const),
  blocks: fc.array(block, { minLength: 1, maxLength: 8 }).chain((bs) => fc.boolean().map((withToc) => (withToc ? [{ kind: 'toc' as const }, ...bs] : bs))),
});

describe('rendering random documents', () => {
  it('DOCX: well-formed, and its paragraphs hold every text of the model in order', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (d) => {
        const files = docxFiles(await renderDocx(d));
        expect(xmlProblem(files['word/document.xml']!)).toBeNull();
        expect(docxParagraphs(files['word/document.xml']!).flatMap((p) => p.split('\t')).filter((t) => t.trim() !== '')).toEqual(documentText(d));
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it.skipIf(!popplerAvailable)('PDF: renders, and pdftotext finds every text of the model in order', async () => {
    await fc.assert(
      fc.asyncProperty(document, async (d) => {
        const pdf = await renderPdf(d);
        // The page furniture (running header = the title, "Sida n av m") is left out: a page may break a paragraph.
        const text = poppler('pdftotext', pdf, ['-raw'])
          .split(/\n|\f/)
          .filter((l) => normalizeSpace(l) !== normalizeSpace(d.title) && !/^Sida \d+ av \d+$/.test(l))
          .join('\n');
        // Lines may break inside a "word" of the random text after a hyphen or punctuation (UAX #14), so whitespace
        // is ignored. The table of contents' entries come before the text; its title is not looked for.
        expectInOrder(text, documentText(d).filter((t) => t !== 'Innehåll'), { ignoreSpaces: true });
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
