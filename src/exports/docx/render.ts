/**
 * DOCX from the document model (src/core/documents), with the `docx` library: a Word document meant to be edited.
 * Real styles (Heading 1–3 with outline levels, so Word's navigation pane and the TOC field see them), a table style
 * ("Samordna tabell") whose header rows repeat on every page (w:tblHeader), "Sida X av Y" in the footer, a table of
 * contents field, Swedish (sv-SE) set as the language of every style, A4, and the title in the document properties.
 */
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  ShadingType,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { ChartRun, type ChartRunOptions } from 'docx/charts';

/** Guessing where the layout cannot follow Word exactly: otherwise every number after the first such place is blank. */
const estimatePageNumbers = estimatePageNumbersWith({ guess: true });
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Align, Chart as ModelChart, Doc, Inline, Marker, Table as ModelTable, TableRow as ModelRow } from '../../core/documents/model.ts';
import { flatten, inlineText, signerLine, TOC_TITLE, type FlatBlock } from '../../core/documents/walk.ts';
import { textWidth } from '../fonts.ts';
import { pageOrientations, type Orientation } from '../pageOrientation.ts';
import { layoutColumns } from '../tableLayout.ts';

const LANG = 'sv-SE';
/** Arial: in Word everywhere, and LibreOffice sets it in the metric-compatible Liberation Sans, so the layout holds. */
const FONT = 'Arial';
/** A4 in twentieths of a point, margins 2 cm (1134) left/right, 2.5 cm top/bottom. */
const PAGE = { width: 11906, height: 16838, marginX: 1134, marginY: 1418 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;
export const TABLE_STYLE_ID = 'SamordnaTabell';

/** Word bookmark names: a letter first, then letters, digits and "_" (no "-"), at most 40 characters. */
export function bookmarkName(id: string): string {
  return id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
}

const MARKER_COLOR: Record<Marker, string> = { green: '2E7D32', yellow: 'F2B705', red: 'C62828', grey: '8C8C8C' };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function runs(inlines: readonly Inline[], base: { bold?: boolean; size?: number } = {}): ParagraphChild[] {
  return inlines.map((r): ParagraphChild => {
    const bold = base.bold || (r.kind !== 'noteRef' && r.bold) || undefined;
    const italics = (r.kind !== 'noteRef' && r.italic) || undefined;
    const props = { bold, italics, ...(base.size ? { size: base.size } : {}) };
    if (r.kind === 'text') return new TextRun({ text: r.text, ...props });
    const label = inlineText(r);
    const href = r.kind === 'link' ? r.href : r.target !== undefined ? `#${r.target}` : undefined;
    if (href === undefined) return new TextRun({ text: label, ...props });
    const child = new TextRun({ text: label, style: 'Hyperlink', ...props });
    return href.startsWith('#') ? new InternalHyperlink({ anchor: bookmarkName(href.slice(1)), children: [child] }) : new ExternalHyperlink({ link: href, children: [child] });
  });
}

/** Table text sizes in points, largest first (the Tabelltext style is 9.5 pt); a wide table steps down. */
const TABLE_SIZES = [9.5, 9, 8.5, 8, 7.5] as const;
/** Cell margin left + right in the table style (85 twips each), with room to spare. */
const CELL_PAD = 100;

/**
 * Column widths in twips, and the text size, so that no number or word is broken inside a cell. Measured with Source
 * Sans 3's advances and 18 % added: Arial (Liberation Sans) is up to 15 % wider (digits).
 */
function columnLayout(t: ModelTable, total = CONTENT_WIDTH): { widths: number[]; size: number; fits: boolean } {
  const layout = layoutColumns(t, total, (text, bold, size) => textWidth(text, bold, size) * 20 * 1.18, { sizes: TABLE_SIZES, pad: CELL_PAD, markerWidth: 1.2 });
  const widths = layout.widths.map((w) => Math.floor(w));
  widths[0]! += total - widths.reduce((a, b) => a + b, 0);
  return { widths, size: layout.size, fits: layout.fits };
}

/** The text width of a landscape page. */
const LANDSCAPE_WIDTH = PAGE.height - 2 * PAGE.marginX;

function landscapeTable(t: ModelTable): boolean {
  return t.landscape === true || (!columnLayout(t).fits && columnLayout(t, LANDSCAPE_WIDTH).fits);
}

function tableRow(t: ModelTable, row: ModelRow, widths: readonly number[], size: number, header: boolean): TableRow {
  let col = 0;
  const cells = row.cells.map((c) => {
    const span = c.colSpan ?? 1;
    const align: Align = c.align ?? (span === 1 ? t.columns[col]!.align : 'center');
    const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
    col += span;
    const bold = header || row.emphasis !== undefined;
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      ...(span > 1 ? { columnSpan: span } : {}),
      ...(header ? { shading: { fill: 'E7ECF2', type: ShadingType.CLEAR, color: 'auto' } } : {}),
      ...(row.emphasis === 'total' ? { borders: { top: { style: BorderStyle.SINGLE, size: 8, color: '000000' } } } : {}),
      // The swatch: a thick left rule in the colour beside the words, which carry the meaning (no extra text).
      ...(c.marker !== undefined ? { borders: { left: { style: BorderStyle.SINGLE, size: 36, color: MARKER_COLOR[c.marker] } } } : {}),
      children: [
        new Paragraph({
          style: 'Tabelltext',
          alignment: ALIGN[align],
          children: runs(c.runs, size === TABLE_SIZES[0] ? { bold } : { bold, size: size * 2 }),
        }),
      ],
    });
  });
  return new TableRow({ children: cells, cantSplit: true, ...(header ? { tableHeader: true } : {}) });
}

function table(t: ModelTable, total: number): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  if (t.caption !== undefined || t.unit !== undefined) {
    const children: ParagraphChild[] = [];
    if (t.caption !== undefined) {
      const caption = new TextRun({ text: t.caption });
      children.push(t.id !== undefined ? new Bookmark({ id: bookmarkName(t.id), children: [caption] }) : caption);
    }
    if (t.unit !== undefined) children.push(new TextRun({ children: [new Tab(), t.unit], bold: false, size: 18 }));
    out.push(new Paragraph({ style: 'Caption', keepNext: true, tabStops: [{ type: TabStopType.RIGHT, position: total }], children }));
  }
  const { widths, size } = columnLayout(t, total);
  out.push(
    new Table({
      style: TABLE_STYLE_ID,
      width: { size: total, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      // Row labels: the first column is the table's header column (Word's "First Column", read by assistive software).
      tableLook: { firstRow: true, firstColumn: t.rowHeaders === true, lastRow: false, lastColumn: false, noHBand: true, noVBand: true },
      rows: [...t.header.map((r) => tableRow(t, r, widths, size, true)), ...t.body.map((r) => tableRow(t, r, widths, size, false))],
    }),
  );
  // An empty paragraph after a table keeps two tables in a row apart (Word merges adjacent tables).
  out.push(new Paragraph({ style: 'Tabellslut', children: [] }));
  return out;
}

function signatureTable(signers: readonly { name: string; role?: string }[]): Table {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const half = Math.floor(CONTENT_WIDTH / 2);
  const rows: TableRow[] = [];
  for (let i = 0; i < signers.length; i += 2) {
    const pair = signers.slice(i, i + 2);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [0, 1].map((k) => {
          const s = pair[k];
          const children = s
            ? [
                new Paragraph({ spacing: { before: 720 }, children: [] }),
                new Paragraph({ border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 2 } }, indent: { right: 567 }, children: [new TextRun(signerLine(s))] }),
              ]
            : [new Paragraph({ children: [] })];
          return new TableCell({ width: { size: half, type: WidthType.DXA }, borders: { top: none, bottom: none, left: none, right: none }, children });
        }),
      }),
    );
  }
  return new Table({
    width: { size: 2 * half, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows,
  });
}

/**
 * A real Word chart (DrawingML, editable in Word and LibreOffice) with its text alternative, under its title as a
 * caption. Word draws a bar chart's first category at the bottom: the categories go in reversed, so it reads top down.
 */
function chartBlock(c: ModelChart, width: number): Paragraph[] {
  const rev = <T,>(xs: readonly T[]) => [...xs].reverse();
  const px = Math.round((width / 20) * (96 / 72));
  const height = Math.min(600, 60 + c.categories.length * (18 + 12 * c.series.length));
  return [
    new Paragraph({ style: 'Caption', keepNext: true, children: [c.id !== undefined ? new Bookmark({ id: bookmarkName(c.id), children: [new TextRun(c.title)] }) : new TextRun(c.title)] }),
    new Paragraph({
      children: [
        new ChartRun({
          type: 'bar',
          categories: rev(c.categories),
          series: c.series.map((s, k) => ({ name: s.name, values: rev(s.values), color: CHART_COLORS[k % CHART_COLORS.length]! })),
          legend: c.series.length > 1 ? undefined : false,
          dataLabels: { value: true },
          altText: { name: c.title, description: c.alt },
          transformation: { width: px, height },
        } as ChartRunOptions),
      ],
    }),
  ];
}

const CHART_COLORS = ['1F4E79', 'C55A11', '548235', '7F6000'] as const;

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

type BodyChild = Paragraph | Table | TableOfContents;

/** The body in runs of one orientation each: every run becomes a section of the document (a landscape table's pages). */
function body(blocks: readonly FlatBlock[]): { orientation: Orientation; children: BodyChild[] }[] {
  const orientations = pageOrientations(blocks, landscapeTable);
  const segments: { orientation: Orientation; children: BodyChild[] }[] = [];
  let out: BodyChild[] = [];
  let listInstance = 0;
  for (const [i, b] of blocks.entries()) {
    const orientation = orientations[i]!;
    if (segments.length === 0 || segments[segments.length - 1]!.orientation !== orientation) {
      out = [];
      segments.push({ orientation, children: out });
    }
    const width = orientation === 'landscape' ? LANDSCAPE_WIDTH : CONTENT_WIDTH;
    switch (b.kind) {
      case 'heading': {
        const textRun = new TextRun(b.text);
        const children = b.id !== undefined ? [new Bookmark({ id: bookmarkName(b.id), children: [textRun] })] : [textRun];
        out.push(
          b.excludeFromToc
            ? new Paragraph({ style: `Rubrik${b.level}EjInnehall`, keepNext: true, pageBreakBefore: b.pageBreakBefore, children })
            : new Paragraph({ heading: HEADING[b.level], keepNext: true, pageBreakBefore: b.pageBreakBefore, children }),
        );
        break;
      }
      case 'paragraph':
        out.push(new Paragraph({ ...(b.style === 'small' ? { style: 'Liten' } : {}), children: runs(b.runs) }));
        break;
      case 'list': {
        listInstance++;
        for (const item of b.items) {
          out.push(new Paragraph({ style: 'ListParagraph', numbering: { reference: b.ordered ? 'numrerad' : 'punkt', level: 0, instance: listInstance }, children: runs(item) }));
        }
        break;
      }
      case 'table':
        out.push(...table(b, width));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ children: [new PageBreak()] }));
        break;
      case 'toc':
        out.push(new Paragraph({ style: 'TOCHeading', keepNext: true, children: [new TextRun(b.title ?? TOC_TITLE)] }));
        out.push(new TableOfContents(b.title ?? TOC_TITLE, { hyperlink: true, headingStyleRange: `1-${b.maxLevel ?? 2}` }));
        break;
      case 'chart':
        out.push(...chartBlock(b, width));
        break;
      case 'signatures':
        if (b.placeAndDate) out.push(new Paragraph({ keepNext: true, children: [new TextRun(b.placeAndDate)] }));
        out.push(signatureTable(b.signers));
        out.push(new Paragraph({ children: [] }));
        break;
    }
  }
  return segments;
}

/** The table style: thin rules, a bold header row with a rule under it. Written into styles.xml as Word writes it. */
function tableStyleXml(): string {
  const rule = (side: string, sz: number) => `<w:${side} w:val="single" w:sz="${sz}" w:space="0" w:color="7F7F7F"/>`;
  return (
    `<w:style w:type="table" w:styleId="${TABLE_STYLE_ID}"><w:name w:val="Samordna tabell"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:qFormat/>` +
    `<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:rPr><w:lang w:val="${LANG}"/></w:rPr>` +
    `<w:tblPr><w:tblBorders>${rule('top', 8)}${rule('bottom', 8)}${rule('insideH', 4)}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
    `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:tcBorders>${rule('bottom', 12)}</w:tcBorders><w:shd w:val="clear" w:color="auto" w:fill="E7ECF2"/></w:tcPr></w:tblStylePr>` +
    `</w:style>`
  );
}

const run = (size: number, extra: { bold?: boolean; italics?: boolean; color?: string } = {}) => ({ font: FONT, size, language: { value: LANG }, ...extra });

export interface DocxOptions {
  /**
   * Write the table of contents' page numbers with the file (docx's layout estimate; default). `false` leaves them to
   * Word's field update (faster, for documents without contents or quick previews).
   */
  readonly estimatePageNumbers?: boolean;
}

/** Renders the document as a .docx file. */
export async function renderDocx(d: Doc, opts: DocxOptions = {}): Promise<Buffer> {
  const blocks = flatten(d.blocks);
  const unlisted = ([1, 2, 3] as const).map((level) => ({
    id: `Rubrik${level}EjInnehall`,
    name: `Rubrik ${level} (ej i innehåll)`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: run([32, 26, 23][level - 1]!, { bold: true, color: '1F3864' }),
    // A heading with its outline level (Word's navigation pane, LibreOffice's navigator, PDF export), but not a
    // built-in Heading style, so that the TOC field (\o "1-2") leaves it out, as the model asks.
    paragraph: { spacing: { before: [360, 240, 200][level - 1]!, after: 120 }, keepNext: true, outlineLevel: level - 1 },
  }));
  const document = new Document({
    title: d.title,
    ...(d.author !== undefined ? { creator: d.author, lastModifiedBy: d.author } : {}),
    ...(d.subject !== undefined ? { subject: d.subject } : {}),
    ...(d.keywords !== undefined ? { keywords: d.keywords.join(', ') } : {}),
    description: d.title,
    // The TOC field is written with its entries and their page numbers, from docx's estimate of Word's layout (guessing
    // where it cannot follow Word exactly), so that the contents read right before any field update — LibreOffice
    // does not update fields when it opens a file. Word still offers to update them (`updateFields`).
    ...(opts.estimatePageNumbers === false || !blocks.some((b) => b.kind === 'toc') ? {} : { pageNumbers: estimatePageNumbers }),
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: run(21), paragraph: { spacing: { after: 120, line: 264 } } },
        heading1: { run: run(32, { bold: true, color: '1F3864' }), paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: run(26, { bold: true, color: '1F3864' }), paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 1 } },
        heading3: { run: run(23, { bold: true, color: '1F3864' }), paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, outlineLevel: 2 } },
        caption: { run: run(20, { bold: true, color: '000000' }), paragraph: { spacing: { before: 120, after: 60 } } },
        listParagraph: { run: run(21), paragraph: { spacing: { after: 60 } } },
        hyperlink: { run: { color: '1F4E79', underline: {} } },
      },
      paragraphStyles: [
        { id: 'Tabelltext', name: 'Tabelltext', basedOn: 'Normal', quickFormat: true, run: run(19), paragraph: { spacing: { before: 0, after: 0, line: 240 } } },
        { id: 'Tabellslut', name: 'Efter tabell', basedOn: 'Normal', run: run(12), paragraph: { spacing: { before: 0, after: 120, line: 240 } } },
        { id: 'Liten', name: 'Liten text', basedOn: 'Normal', quickFormat: true, run: run(17, { color: '404040' }) },
        { id: 'TOCHeading', name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: run(32, { bold: true, color: '1F3864' }), paragraph: { spacing: { before: 240, after: 120 } } },
        { id: 'Sidhuvud', name: 'Sidhuvud Samordna', basedOn: 'Normal', run: run(17, { color: '595959' }) },
        ...unlisted,
      ],
    },
    numbering: {
      config: [
        {
          reference: 'punkt',
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '\u2022', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 283 } } } }],
        },
        {
          reference: 'numrerad',
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 567, hanging: 340 } } } }],
        },
      ],
    },
    sections: body(blocks).map((segment) => ({
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height, ...(segment.orientation === 'landscape' ? { orientation: PageOrientation.LANDSCAPE } : {}) },
          margin: { top: PAGE.marginY, bottom: PAGE.marginY, left: PAGE.marginX, right: PAGE.marginX, header: 567, footer: 567 },
        },
      },
      headers: {
        default: new Header({ children: [new Paragraph({ style: 'Sidhuvud', alignment: AlignmentType.RIGHT, children: [new TextRun(d.runningHeader ?? d.title)] })] }),
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({ style: 'Sidhuvud', alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })] })],
        }),
      },
      children: segment.children,
    })),
  });
  return withTableStyle(await Packer.toBuffer(document));
}

/**
 * docx has no option for a table style (its `importedStyles` replaces the default styles), so the table style is added
 * to word/styles.xml of the finished package.
 */
function withTableStyle(docx: Buffer): Buffer {
  const files = unzipSync(docx);
  const styles = strFromU8(files['word/styles.xml']!);
  const end = styles.lastIndexOf('</w:styles>');
  if (end < 0) throw new Error('DOCX: word/styles.xml saknar </w:styles>.');
  files['word/styles.xml'] = strToU8(styles.slice(0, end) + tableStyleXml() + styles.slice(end));
  // [Content_Types].xml first, as Word writes it.
  const ordered = { '[Content_Types].xml': files['[Content_Types].xml']!, ...files };
  return Buffer.from(zipSync(ordered, { level: 6 }));
}
