import { describe, expect, it } from 'vitest';
import { documentText, flatten } from '../../core/documents/walk.ts';
import { sampleDocument, largeSampleDocument } from '../../core/documents/sample.ts';
import { docxFiles, docxParagraphs, xmlProblem } from '../../../test/support/documents.ts';
import { renderDocx } from './render.ts';

const model = sampleDocument();
const files = docxFiles(await renderDocx(model));
const documentXml = files['word/document.xml']!;
const stylesXml = files['word/styles.xml']!;

function paragraphsWithStyle(style: string): string[] {
  return (documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`)).map((p) => docxParagraphs(p)[0]!);
}

describe('DOCX renderer', () => {
  it('writes every XML part well-formed', () => {
    const parts = Object.keys(files).filter((f) => f.endsWith('.xml') || f.endsWith('.rels'));
    expect(parts).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml', 'docProps/core.xml']));
    for (const p of parts) expect(xmlProblem(files[p]!), p).toBeNull();
  });

  it('prints the model text, in order, and nothing else (table of contents aside)', () => {
    const printed = docxParagraphs(documentXml).flatMap((p) => p.split('\t')).filter((t) => t.trim() !== '');
    expect(printed).toEqual(documentText(model));
  });

  it('uses the real heading styles, level by level, and the TOC lists the headings', () => {
    const headings = flatten(model.blocks).filter((b) => b.kind === 'heading');
    for (const level of [1, 2, 3] as const) {
      expect(paragraphsWithStyle(`Heading${level}`)).toEqual(headings.filter((h) => h.level === level).map((h) => h.text));
      expect(stylesXml).toMatch(new RegExp(`<w:style w:type="paragraph" w:styleId="Heading${level}">[\\s\\S]*?<w:outlineLvl w:val="${level - 1}"/>`));
    }
    expect(documentXml).toContain('TOC \\h \\o &quot;1-2&quot;');
    const tocEntries = docxParagraphs(documentXml.match(/<w:sdt>[\s\S]*?<\/w:sdt>/)![0], { withToc: true }).filter((t) => t !== '');
    expect(tocEntries.map((t) => t.replace(/\t.*$/, ''))).toEqual(headings.filter((h) => h.level <= 2 && !h.excludeFromToc).map((h) => h.text));
  });

  it('sets Swedish on the document defaults and every style that sets a run', () => {
    expect(stylesXml).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="sv-SE"\/>/);
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Caption', 'Tabelltext', 'SamordnaTabell']) {
      expect(stylesXml, id).toMatch(new RegExp(`w:styleId="${id}"[^>]*>(?:(?!</w:style>)[\\s\\S])*<w:lang w:val="sv-SE"/>`));
    }
    expect(stylesXml).not.toMatch(/<w:lang w:val="(?!sv-SE)/);
  });

  it('has a table style with a header row, and every header row repeats on each page (w:tblHeader)', () => {
    expect(stylesXml).toMatch(/<w:style w:type="table" w:styleId="SamordnaTabell">[\s\S]*?<w:tblStylePr w:type="firstRow">/);
    const tables = documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    const modelTables = flatten(model.blocks).filter((b) => b.kind === 'table');
    const styled = tables.filter((t) => t.includes('<w:tblStyle w:val="SamordnaTabell"/>'));
    expect(styled).toHaveLength(modelTables.length);
    styled.forEach((t, i) => {
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
      const headerRows = rows.filter((r) => r.includes('<w:tblHeader/>'));
      expect(headerRows).toHaveLength(modelTables[i]!.header.length);
      expect(rows.slice(0, headerRows.length).every((r) => r.includes('<w:tblHeader/>'))).toBe(true);
    });
  });

  it('right-aligns number cells and prints negatives with a real minus sign', () => {
    const cell = (documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?−2\u00a0030[\s\S]*?<\/w:p>/) ?? [''])[0];
    expect(cell).toContain('<w:jc w:val="right"/>');
    expect(documentXml).not.toMatch(/>-\d/);
  });

  it('numbers pages in the footer, is A4 and carries the title in its properties', () => {
    expect(files['word/footer1.xml']).toMatch(/Sida [\s\S]*?PAGE[\s\S]*? av [\s\S]*?NUMPAGES/);
    expect(documentXml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(files['docProps/core.xml']).toContain(`<dc:title>${model.title}</dc:title>`);
    expect(files['docProps/core.xml']).toContain('<dc:creator>Samordningsförbundet Exempel</dc:creator>');
  });

  it('links note references to the note heading bookmark', () => {
    expect(documentXml).toMatch(/<w:bookmarkStart w:name="not_2" w:id="\d+"\/>[\s\S]*?6\.1 Not 2 Intäkter per medlem/);
    expect(documentXml).toMatch(/<w:hyperlink [^>]*w:anchor="not_2"[^>]*>(?:(?!<\/w:hyperlink>)[\s\S])*>Not 2</);
  });

  it('renders a long document with tables over many pages', async () => {
    const big = largeSampleDocument(6, 80);
    // Without the contents' page estimate (checked on the sample above): this is about tables over many pages.
    const f = docxFiles(await renderDocx(big, { estimatePageNumbers: false }));
    expect(xmlProblem(f['word/document.xml']!)).toBeNull();
    expect(docxParagraphs(f['word/document.xml']!).flatMap((p) => p.split('\t')).filter((t) => t.trim() !== '')).toEqual(documentText(big));
  });
});
