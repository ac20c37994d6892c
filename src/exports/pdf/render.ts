/**
 * PDF from the document model (src/core/documents), with pdfkit: a tagged PDF for publication and the archive.
 *
 * - PDF/UA-1 structure: Document → H1–H3, P, L/LI/Lbl/LBody, Table/Caption/THead/TBody/TR/TH/TD (TH with
 *   Scope Column), TOC/TOCI, Link (with its annotation); the structure is built in content order, so the reading order
 *   is the document's order. Running header, page numbers, rules, shading and repeated table headers are artifacts.
 * - Title in the document info and XMP, shown by viewers (DisplayDocTitle); language sv-SE; PDF/UA identifier.
 * - An outline (bookmarks) entry and a named destination per heading; the table of contents lists page numbers and
 *   links to the headings. A document with contents is laid out twice: the first pass learns each heading's page,
 *   the second draws the contents in place, so that the content stream too is in reading order (text extraction,
 *   copy and paste), not only the structure tree.
 * - Source Sans 3 (SIL Open Font License, npm package `source-sans`), embedded as subsets.
 * - A4; tables take the text width (columns shared by their width hints), rows never split, and a table that runs
 *   over a page break repeats its header rows.
 */
import PDFDocument from 'pdfkit';
import type { Align, Chart, Doc, Inline, Marker, Table, TableCell, TableRow } from '../../core/documents/model.ts';
import { flatten, inlineText, runsText, signerLine, TOC_TITLE, type FlatBlock, type FlatHeading } from '../../core/documents/walk.ts';
import { documentFonts, fontFiles, type FontKey } from '../fonts.ts';
import { pageOrientations } from '../pageOrientation.ts';
import { layoutColumns } from '../tableLayout.ts';
import { formatNumber } from '../../core/format.ts';

type PDF = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** A4 in points; margins. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 70, bottom: 70, left: 62, right: 62 };
const BODY_SIZE = 10.5;
const SMALL_SIZE = 8.5;
/** Table text sizes, largest first: a wide table steps down until its numbers and words fit whole. */
const TABLE_SIZES = [9, 8.5, 8, 7.5, 7] as const;
const HEADING_SIZE = { 1: 18, 2: 14, 3: 12 } as const;
const HEADING_COLOR = '#1F3864';
const TEXT_COLOR = '#000000';
const RULE_COLOR = '#7F7F7F';
const HEADER_FILL = '#E7ECF2';
const CELL_PAD_X = 4;
const CELL_PAD_Y = 2.5;
const LIST_INDENT = 16;
/** Room a cell's traffic-light swatch takes before its text, in ems of the table text. */
const MARKER_WIDTH = 1.1;
const MARKER_COLOR: Record<Marker, string> = { green: '#2E7D32', yellow: '#F2B705', red: '#C62828', grey: '#8C8C8C' };
/** Bar colours of a chart's series (dark enough against white for bars, WCAG 1.4.11). */
const CHART_COLORS = ['#1F4E79', '#C55A11', '#548235', '#7F6000'] as const;
/** The text width of a landscape A4 page. */
const LANDSCAPE_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;

/**
 * pdfkit tags a link annotation (StructParent, OBJR) only for URI links drawn inside a Link structure element; this
 * does the same for links to named destinations inside the document, and gives every link annotation the link's text
 * as its description (Contents), as PDF/UA asks.
 */
class TaggedDocument extends PDFDocument {
  /** The text of the link being drawn, set by the renderer around a Link element's content. */
  linkText: string | undefined;

  private currentLink(): object | undefined {
    const current = (this as unknown as { _currentStructureElement?: { dictionary: { data: { S?: string } } } })._currentStructureElement;
    return current && current.dictionary.data.S === 'Link' ? current : undefined;
  }

  override goTo(x: number, y: number, w: number, h: number, name: string, options: Record<string, unknown> = {}): this {
    const link = this.currentLink();
    const extra = link && !options['structParent'] ? { structParent: link, Contents: new String(this.linkText ?? name) } : {};
    return super.goTo(x, y, w, h, name, { ...options, ...extra } as PDFKit.Mixins.AnnotationOption);
  }

  override link(x: number, y: number, w: number, h: number, url: string, options: Record<string, unknown> = {}): this {
    const extra = options['structParent'] && !options['Contents'] && this.linkText ? { Contents: new String(this.linkText) } : {};
    return super.link(x, y, w, h, url, { ...options, ...extra } as PDFKit.Mixins.AnnotationOption);
  }
}

const TOC_NUMBER_WIDTH = 30;

interface HeadingPlace {
  readonly heading: FlatHeading;
  readonly dest: string;
  page: number;
}

class Renderer {
  readonly pdf: PDF;
  /** PostScript name of each font (the name pdfkit files a font under). */
  private readonly fontName = Object.fromEntries(Object.entries(documentFonts()).map(([k, f]) => [k, f.postscriptName])) as Record<FontKey, string>;
  private readonly root: Struct;
  private readonly outline: PDFKit.PDFOutline[];
  readonly headings: HeadingPlace[];

  /** `headingPages`: each heading's page (1-based, in document order) from a first pass, for the contents. */
  constructor(
    private readonly d: Doc,
    private readonly blocks: readonly FlatBlock[],
    private readonly headingPages?: readonly number[],
    archival = false,
  ) {
    this.pdf = new TaggedDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      pdfVersion: '1.7',
      // @types/pdfkit lists only the PDF/A subsets; pdfkit itself has PDF/UA. For the archive, PDF/A-2a (tagged),
      // declared PDF/UA-1 as well (below): pdfkit takes one subset, so the PDF/UA identification is added by hand.
      subset: (archival ? 'PDF/A-2a' : 'PDF/UA') as 'PDF/A-2a',
      tagged: true,
      displayTitle: true,
      lang: d.language,
      font: fontFiles().regular,
      info: {
        Title: d.title,
        ...(d.author !== undefined ? { Author: d.author } : {}),
        ...(d.subject !== undefined ? { Subject: d.subject } : {}),
        ...(d.keywords !== undefined ? { Keywords: d.keywords.join(', ') } : {}),
        Creator: 'Samordna',
        CreationDate: d.created ?? new Date(),
        ModDate: d.created ?? new Date(),
      },
    } as unknown as PDFKit.PDFDocumentOptions);
    if (archival) {
      const pdf = this.pdf as unknown as { endSubset(): void; appendXML(xml: string): void };
      const endPdfA = pdf.endSubset.bind(pdf);
      pdf.endSubset = () => {
        endPdfA();
        pdf.appendXML('<rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about=""><pdfuaid:part>1</pdfuaid:part></rdf:Description>');
      };
    }
    // Each font is registered under its PostScript name, the name pdfkit files the default font under, so that
    // switching fonts finds the loaded one at once. pdfkit parses each for this document (see documentFonts).
    for (const [key, data] of Object.entries(fontFiles())) this.pdf.registerFont(this.fontName[key as FontKey], data as unknown as string);
    this.root = this.pdf.struct('Document');
    this.pdf.addStructure(this.root);
    this.outline = [this.pdf.outline];
    this.headings = blocks.filter((b): b is FlatHeading => b.kind === 'heading').map((heading, i) => ({ heading, dest: heading.id ?? `rubrik-${i + 1}`, page: 0 }));
  }

  private get maxY(): number {
    return this.pdf.page.height - MARGIN.bottom;
  }

  /** The text width of the current page (wider on a landscape page). */
  private get width(): number {
    return this.pdf.page.width - MARGIN.left - MARGIN.right;
  }

  private pageIndex(): number {
    const r = this.pdf.bufferedPageRange();
    return r.start + r.count - 1;
  }

  private atPageTop(): boolean {
    return this.pdf.y <= MARGIN.top + 0.5;
  }

  private newPage(layout: 'portrait' | 'landscape' = 'portrait'): void {
    this.pdf.addPage({ size: 'A4', layout, margins: MARGIN });
    this.pdf.x = MARGIN.left;
    this.pdf.y = MARGIN.top;
  }

  private ensureSpace(h: number): void {
    if (this.pdf.y + h > this.maxY && !this.atPageTop()) this.newPage(this.onLandscape() ? 'landscape' : 'portrait');
  }

  private setFont(key: FontKey, size: number, color = TEXT_COLOR): void {
    this.pdf.font(this.fontName[key]).fontSize(size).fillColor(color);
  }

  private inArtifact = false;


  /** Draws as an artifact; inside another artifact (a repeated header row's rules) just draws: they do not nest. */
  private artifact(type: 'Layout' | 'Pagination', draw: () => void): void {
    if (this.inArtifact) {
      draw();
      return;
    }
    this.inArtifact = true;
    this.pdf.markContent('Artifact', { type } as PDFKit.Mixins.MarkingOptions);
    try {
      draw();
    } finally {
      this.pdf.endMarkedContent();
      this.inArtifact = false;
    }
  }

  private static fontOf(r: Inline, bold: boolean): FontKey {
    const b = bold || (r.kind !== 'noteRef' && r.bold === true);
    const i = r.kind !== 'noteRef' && r.italic === true;
    return b && i ? 'boldItalic' : b ? 'bold' : i ? 'italic' : 'regular';
  }

  /**
   * Inline runs as continued text inside `parent` (P, LBody, TD …): a text run is marked content of the parent, a link a
   * Link element with its annotation. Starts at (x, y) and wraps within `width`.
   */
  private runs(parent: Struct, inlines: readonly Inline[], x: number, y: number, width: number, opts: { size: number; bold?: boolean; align?: Align; color?: string }): void {
    const parts = inlines.filter((r) => inlineText(r) !== '');
    if (parts.length === 0) return;
    parts.forEach((r, i) => {
      const first = i === 0;
      const last = i === parts.length - 1;
      const textOpts: PDFKit.Mixins.TextOptions = { width, align: opts.align ?? 'left', continued: !last, lineGap: 1.5 };
      const href = r.kind === 'link' ? r.href : r.kind === 'noteRef' && r.target !== undefined ? `#${r.target}` : undefined;
      const draw = (extra: PDFKit.Mixins.TextOptions) => () => {
        this.setFont(Renderer.fontOf(r, opts.bold ?? false), opts.size, href !== undefined ? '#1F4E79' : (opts.color ?? TEXT_COLOR));
        const all = { ...textOpts, ...extra };
        if (first) this.pdf.text(inlineText(r), x, y, all);
        else this.pdf.text(inlineText(r), all);
      };
      if (href === undefined) {
        parent.add(draw({}));
      } else {
        const link = this.pdf.struct('Link');
        parent.add(link);
        const tagged = this.pdf as TaggedDocument;
        tagged.linkText = inlineText(r);
        link.add(draw(href.startsWith('#') ? { goTo: href.slice(1), underline: false } : { link: href, underline: true }));
        tagged.linkText = undefined;
        link.end();
      }
    });
  }

  private heading(h: FlatHeading, place: HeadingPlace, next: FlatBlock | undefined): void {
    const size = HEADING_SIZE[h.level];
    if (h.pageBreakBefore && !this.atPageTop()) this.newPage();
    // Keep the heading with at least three lines of what follows (and with the next heading and its lines).
    const following = next?.kind === 'heading' ? HEADING_SIZE[next.level] * 1.4 + 12 : 0;
    this.ensureSpace(size * 1.4 + following + 3 * BODY_SIZE * 1.4 + 12);
    if (!this.atPageTop()) this.pdf.y += h.level === 1 ? 14 : 9;
    place.page = this.pageIndex() + 1;
    this.pdf.addNamedDestination(place.dest, 'XYZ', null as unknown as number, this.pdf.y, null as unknown as number);
    const parentOutline = this.outline[Math.min(h.level - 1, this.outline.length - 1)]!;
    // Jump to the heading itself (pdfkit's outline takes the destination's left and top measured from the right and top).
    const item = parentOutline.addItem(h.text, { expanded: h.level === 1, top: this.pdf.y, left: this.pdf.page.width, zoom: 0 } as { expanded: boolean });
    this.outline.length = Math.min(h.level, this.outline.length);
    this.outline.push(item);
    const el = this.pdf.struct(`H${h.level}`);
    this.root.add(el);
    this.setFont(h.level === 3 ? 'semibold' : 'bold', size, HEADING_COLOR);
    const y = this.pdf.y;
    el.add(() => {
      this.pdf.text(h.text, MARGIN.left, y, { width: this.width });
    });
    el.end();
    this.pdf.y += h.level === 1 ? 6 : 4;
  }

  private paragraph(inlines: readonly Inline[], small: boolean): void {
    if (runsText(inlines).trim() === '') return;
    const size = small ? SMALL_SIZE : BODY_SIZE;
    this.ensureSpace(size * 1.4);
    const el = this.pdf.struct('P');
    this.root.add(el);
    this.runs(el, inlines, MARGIN.left, this.pdf.y, this.width, { size, ...(small ? { color: '#404040' } : {}) });
    el.end();
    this.pdf.y += small ? 4 : 6;
  }

  private list(ordered: boolean, items: readonly (readonly Inline[])[]): void {
    const l = this.pdf.struct('L');
    this.root.add(l);
    items.forEach((item, i) => {
      this.ensureSpace(BODY_SIZE * 1.4);
      const li = this.pdf.struct('LI');
      l.add(li);
      const y = this.pdf.y;
      const lbl = this.pdf.struct('Lbl');
      li.add(lbl);
      lbl.add(() => {
        this.setFont('regular', BODY_SIZE);
        this.pdf.text(ordered ? `${i + 1}.` : '\u2022', MARGIN.left + 4, y, { width: LIST_INDENT, lineBreak: false });
      });
      lbl.end();
      const body = this.pdf.struct('LBody');
      li.add(body);
      this.runs(body, item, MARGIN.left + 4 + LIST_INDENT, y, this.width - 4 - LIST_INDENT, { size: BODY_SIZE });
      body.end();
      li.end();
      this.pdf.y += 2;
    });
    l.end();
    this.pdf.y += 4;
  }

  // ---- tables ----

  private onLandscape(): boolean {
    return this.pdf.page.width > this.pdf.page.height;
  }

  private landscapeTable(t: Table): boolean {
    return t.landscape === true || (!this.columns(t, PAGE.width - MARGIN.left - MARGIN.right).fits && this.columns(t, LANDSCAPE_WIDTH).fits);
  }

  private columns(t: Table, width = this.width): { widths: number[]; size: number; fits: boolean } {
    const measure = (text: string, bold: boolean, size: number) => {
      this.setFont(bold ? 'bold' : 'regular', size);
      return this.pdf.widthOfString(text) + 0.5;
    };
    return layoutColumns(t, width, measure, { sizes: TABLE_SIZES, pad: CELL_PAD_X, markerWidth: MARKER_WIDTH });
  }

  /** Each cell's x, width and alignment in a row. */
  private static cellBoxes(t: Table, row: TableRow, widths: readonly number[]): { cell: TableCell; x: number; w: number; align: Align }[] {
    let col = 0;
    let x = MARGIN.left;
    return row.cells.map((cell) => {
      const span = cell.colSpan ?? 1;
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const align = cell.align ?? (span === 1 ? t.columns[col]!.align : 'center');
      const box = { cell, x, w, align };
      col += span;
      x += w;
      return box;
    });
  }

  private rowHeight(t: Table, row: TableRow, widths: readonly number[], bold: boolean, size: number): number {
    let h = size * 1.25;
    for (const { cell, w } of Renderer.cellBoxes(t, row, widths)) {
      const s = runsText(cell.runs);
      if (s === '') continue;
      this.setFont(bold ? 'bold' : 'regular', size);
      const indent = cell.marker !== undefined ? size * MARKER_WIDTH : 0;
      h = Math.max(h, this.pdf.heightOfString(s, { width: w - 2 * CELL_PAD_X - indent, lineGap: 1.5 }));
    }
    return h + 2 * CELL_PAD_Y;
  }

  /** Draws one row at the current y; `tag` gives the row's TR element (null: the row is an artifact, a repeated header). */
  private row(t: Table, row: TableRow, widths: readonly number[], size: number, h: number, header: boolean, tr: Struct | null): void {
    const y = this.pdf.y;
    const bold = header || row.emphasis !== undefined;
    this.artifact('Layout', () => {
      if (header) this.pdf.rect(MARGIN.left, y, this.width, h).fill(HEADER_FILL);
      const ruleWidth = header ? 1 : row.emphasis === 'total' ? 0.9 : 0.3;
      if (row.emphasis === 'total' || header) {
        this.pdf.moveTo(MARGIN.left, y).lineTo(MARGIN.left + this.width, y).lineWidth(ruleWidth).strokeColor(RULE_COLOR).stroke();
      }
      this.pdf.moveTo(MARGIN.left, y + h).lineTo(MARGIN.left + this.width, y + h).lineWidth(header ? 0.8 : 0.3).strokeColor(RULE_COLOR).stroke();
    });
    Renderer.cellBoxes(t, row, widths).forEach(({ cell, x, w, align }, i) => {
      const indent = cell.marker !== undefined ? size * MARKER_WIDTH : 0;
      if (cell.marker !== undefined) {
        const marker = cell.marker;
        this.artifact('Layout', () => {
          this.pdf.circle(x + CELL_PAD_X + size * 0.4, y + CELL_PAD_Y + size * 0.62, size * 0.36).fill(MARKER_COLOR[marker]);
        });
      }
      const drawText = (parent: Struct | null) => {
        const s = runsText(cell.runs);
        if (s === '') return;
        if (parent) {
          this.runs(parent, cell.runs, x + CELL_PAD_X + indent, y + CELL_PAD_Y, w - 2 * CELL_PAD_X - indent, { size, bold, align });
        } else {
          this.setFont(bold ? 'bold' : 'regular', size);
          this.pdf.text(s, x + CELL_PAD_X + indent, y + CELL_PAD_Y, { width: w - 2 * CELL_PAD_X - indent, align, lineGap: 1.5 });
        }
      };
      if (tr) {
        // A column heading is TH (Scope Column), a row's label TH (Scope Row); an empty corner cell is no header.
        const empty = runsText(cell.runs).trim() === '';
        const scope = header ? (empty ? null : 'Column') : i === 0 && t.rowHeaders && !empty ? 'Row' : null;
        const el = this.pdf.struct(scope ? 'TH' : 'TD');
        const span = cell.colSpan ?? 1;
        const attrs: Record<string, unknown> = {};
        if (scope) attrs['Scope'] = scope;
        if (span > 1) attrs['ColSpan'] = span;
        if (Object.keys(attrs).length > 0) (el as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data['A'] = { O: 'Table', ...attrs };
        tr.add(el);
        drawText(el);
        el.end();
      } else {
        drawText(null);
      }
    });
    this.pdf.x = MARGIN.left;
    this.pdf.y = y + h;
  }

  /**
   * A table marked landscape, or one that cannot fit upright without breaking a word, is set on landscape pages of
   * its own; the next block starts a new upright page.
   */
  private table(t: Table): void {
    const landscape = this.onLandscape();
    const { widths, size } = this.columns(t);
    const headerHeights = t.header.map((r) => this.rowHeight(t, r, widths, true, size));
    const bodyHeights = t.body.map((r) => this.rowHeight(t, r, widths, r.emphasis !== undefined, size));
    const headerH = headerHeights.reduce((a, b) => a + b, 0);
    const captionH = t.caption !== undefined || t.unit !== undefined ? TABLE_SIZES[0] * 1.6 + 4 : 0;
    // Caption, header and the first row (or two) start on the same page.
    this.ensureSpace(captionH + headerH + (bodyHeights[0] ?? 0) + (bodyHeights[1] ?? 0) + 6);
    this.pdf.y += 2;
    const el = this.pdf.struct('Table');
    this.root.add(el);
    if (t.id !== undefined) this.pdf.addNamedDestination(t.id, 'XYZ', null as unknown as number, this.pdf.y, null as unknown as number);
    if (captionH > 0) {
      const cap = this.pdf.struct('Caption');
      el.add(cap);
      const y = this.pdf.y;
      if (t.caption !== undefined) {
        cap.add(() => {
          this.setFont('bold', TABLE_SIZES[0] + 1);
          this.pdf.text(t.caption!, MARGIN.left, y, { width: this.width * 0.72 });
        });
      }
      const afterCaption = this.pdf.y;
      if (t.unit !== undefined) {
        cap.add(() => {
          this.setFont('regular', SMALL_SIZE, '#404040');
          this.pdf.text(t.unit!, MARGIN.left + this.width * 0.72, y + 1.5, { width: this.width * 0.28, align: 'right' });
        });
      }
      cap.end();
      this.pdf.y = Math.max(afterCaption, this.pdf.y) + 3;
    }
    const thead = this.pdf.struct('THead');
    el.add(thead);
    t.header.forEach((r, i) => {
      const tr = this.pdf.struct('TR');
      thead.add(tr);
      this.row(t, r, widths, size, headerHeights[i]!, true, tr);
      tr.end();
    });
    thead.end();
    const tbody = this.pdf.struct('TBody');
    el.add(tbody);
    t.body.forEach((r, i) => {
      const h = bodyHeights[i]!;
      if (this.pdf.y + h > this.maxY) {
        this.newPage(landscape ? 'landscape' : 'portrait');
        // The header rows again, as an artifact: they are in the structure once, at the start of the table.
        this.artifact('Pagination', () => t.header.forEach((hr, k) => this.row(t, hr, widths, size, headerHeights[k]!, true, null)));
      }
      const tr = this.pdf.struct('TR');
      tbody.add(tr);
      this.row(t, r, widths, size, h, false, tr);
      tr.end();
    });
    tbody.end();
    el.end();
    this.pdf.y += 10;
  }

  // ---- charts ----

  /**
   * A bar chart as vector graphics inside a Figure with its text alternative (Alt): the title above as a caption,
   * then per category its label and one bar per series with the value beside it, and a legend when there are several
   * series. Kept on one page.
   */
  private chart(c: Chart): void {
    const barH = 9;
    const groupGap = 6;
    const legendH = c.series.length > 1 ? 16 : 0;
    const height = TABLE_SIZES[0] * 1.6 + 4 + legendH + c.categories.length * (c.series.length * barH + groupGap) + 8;
    this.ensureSpace(height);
    if (c.id !== undefined) this.pdf.addNamedDestination(c.id, 'XYZ', null as unknown as number, this.pdf.y, null as unknown as number);
    const cap = this.pdf.struct('P');
    this.root.add(cap);
    const y0 = this.pdf.y;
    cap.add(() => {
      this.setFont('bold', TABLE_SIZES[0] + 1);
      this.pdf.text(c.title, MARGIN.left, y0, { width: this.width });
    });
    cap.end();
    const top = this.pdf.y + 4;
    const labelW = this.width * 0.34;
    const valueW = 56;
    const plotX = MARGIN.left + labelW + 6;
    const plotW = this.width - labelW - 6 - valueW;
    const max = Math.max(0, ...c.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
    const fig = this.pdf.struct('Figure', { alt: c.alt });
    this.root.add(fig);
    fig.add(() => {
      let y = top;
      if (legendH) {
        let x = plotX;
        c.series.forEach((s, k) => {
          this.pdf.rect(x, y + 2, 8, 8).fill(CHART_COLORS[k % CHART_COLORS.length]!);
          this.setFont('regular', SMALL_SIZE);
          this.pdf.text(s.name, x + 11, y + 1.5, { lineBreak: false });
          x += 11 + this.pdf.widthOfString(s.name) + 14;
        });
        y += legendH;
      }
      c.categories.forEach((cat, i) => {
        const groupH = c.series.length * barH;
        this.setFont('regular', SMALL_SIZE);
        this.pdf.text(cat, MARGIN.left, y + groupH / 2 - SMALL_SIZE * 0.6, { width: labelW, align: 'right', lineBreak: false, ellipsis: true });
        c.series.forEach((s, k) => {
          const v = s.values[i] ?? null;
          const by = y + k * barH;
          if (v !== null && max > 0) this.pdf.rect(plotX, by + 1, Math.max(0.5, (Math.abs(v) / max) * plotW), barH - 2).fill(CHART_COLORS[k % CHART_COLORS.length]!);
          const w = v !== null && max > 0 ? (Math.abs(v) / max) * plotW : 0;
          this.setFont('regular', SMALL_SIZE - 1);
          this.pdf.text(v === null ? '–' : `${formatNumber(v, Number.isInteger(v) ? 0 : 1)}${c.unit ? ` ${c.unit}` : ''}`, plotX + w + 3, by + 1, { lineBreak: false });
        });
        y += groupH + groupGap;
      });
      this.pdf.moveTo(plotX, top + legendH).lineTo(plotX, y - groupGap).lineWidth(0.6).strokeColor(RULE_COLOR).stroke();
      this.pdf.x = MARGIN.left;
      this.pdf.y = y + 8;
    });
    fig.end();
  }

  // ---- table of contents, signatures ----

  /**
   * The table of contents: its heading, then an entry per heading with its page. On the first pass (pages not yet
   * known) each entry only takes its space, the same as on the second, so that the pages found hold.
   */
  private toc(maxLevel: number, title: string): void {
    this.ensureSpace(HEADING_SIZE[1] * 2 + BODY_SIZE * 4);
    const h = this.pdf.struct('H1');
    this.root.add(h);
    const y0 = this.pdf.y;
    h.add(() => {
      this.setFont('bold', HEADING_SIZE[1], HEADING_COLOR);
      this.pdf.text(title, MARGIN.left, y0, { width: this.width });
    });
    h.end();
    this.pdf.y += 8;
    const struct = this.pdf.struct('TOC');
    this.root.add(struct);
    for (const [i, { heading, dest }] of this.headings.entries()) {
      if (heading.excludeFromToc || heading.level > maxLevel) continue;
      const indent = (heading.level - 1) * 14;
      const width = this.width - indent - TOC_NUMBER_WIDTH - 8;
      const font: FontKey = heading.level === 1 ? 'semibold' : 'regular';
      this.setFont(font, BODY_SIZE);
      const height = this.pdf.heightOfString(heading.text, { width, lineGap: 1.5 });
      this.ensureSpace(height);
      const y = this.pdf.y;
      const page = this.headingPages?.[i];
      if (page !== undefined) this.tocEntry(struct, { text: heading.text, dest, page, font, indent, width, y });
      this.pdf.y = y + height + 3;
    }
    struct.end();
    this.pdf.y += 8;
  }

  private tocEntry(toc: Struct, e: { text: string; dest: string; page: number; font: FontKey; indent: number; width: number; y: number }): void {
    const { text, dest, page, font, indent, width, y } = e;
    const item = this.pdf.struct('TOCI');
    toc.add(item);
    const link = this.pdf.struct('Link');
    item.add(link);
    const tagged = this.pdf as TaggedDocument;
    tagged.linkText = `${text}, sidan ${page}`;
    link.add(() => {
      this.setFont(font, BODY_SIZE);
      this.pdf.text(text, MARGIN.left + indent, y, { width, goTo: dest, lineGap: 1.5 });
      this.pdf.text(String(page), MARGIN.left + this.width - TOC_NUMBER_WIDTH, y, { width: TOC_NUMBER_WIDTH, align: 'right', goTo: dest });
    });
    tagged.linkText = undefined;
    link.end();
    item.end();
  }

  private signatures(placeAndDate: string | undefined, signers: readonly { name: string; role?: string }[]): void {
    const div = this.pdf.struct('Div');
    this.root.add(div);
    if (placeAndDate) {
      this.ensureSpace(BODY_SIZE * 1.4 + 80);
      const p = this.pdf.struct('P');
      div.add(p);
      this.runs(p, [{ kind: 'text', text: placeAndDate }], MARGIN.left, this.pdf.y, this.width, { size: BODY_SIZE });
      p.end();
      this.pdf.y += 4;
    }
    const colWidth = this.width / 2;
    for (let i = 0; i < signers.length; i += 2) {
      this.ensureSpace(80);
      const lineY = this.pdf.y + 40;
      let bottom = lineY;
      signers.slice(i, i + 2).forEach((s, k) => {
        const x = MARGIN.left + k * colWidth;
        this.artifact('Layout', () => {
          this.pdf.moveTo(x, lineY).lineTo(x + colWidth - 30, lineY).lineWidth(0.6).strokeColor('#000000').stroke();
        });
        const p = this.pdf.struct('P');
        div.add(p);
        p.add(() => {
          this.setFont('regular', BODY_SIZE);
          this.pdf.text(signerLine(s), x, lineY + 3, { width: colWidth - 30 });
        });
        p.end();
        bottom = Math.max(bottom, this.pdf.y);
      });
      this.pdf.x = MARGIN.left;
      this.pdf.y = bottom + 8;
    }
    div.end();
  }

  private pageFurniture(): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.pdf.switchToPage(i);
      const bottom = this.pdf.page.margins.bottom;
      this.pdf.page.margins.bottom = 0;
      this.artifact('Pagination', () => {
        this.setFont('regular', SMALL_SIZE, '#595959');
        this.pdf.text(this.d.runningHeader ?? this.d.title, MARGIN.left, 36, { width: this.width, align: 'right', lineBreak: false });
        this.pdf.text(`Sida ${i + 1} av ${range.count}`, MARGIN.left, this.pdf.page.height - 46, { width: this.width, align: 'center', lineBreak: false });
      });
      this.pdf.page.margins.bottom = bottom;
    }
  }

  /** Draws the document with its running header and page numbers. */
  render(): void {
    this.layOut();
    this.pageFurniture();
  }

  /** Draws the blocks (and so learns each heading's page), without the page furniture. */
  layOut(): void {
    let h = 0;
    const orientations = pageOrientations(this.blocks, (t) => this.landscapeTable(t));
    for (const [i, b] of this.blocks.entries()) {
      // The page turns where the orientation changes (src/exports/pageOrientation.ts).
      const want = orientations[i]!;
      if ((want === 'landscape') !== this.onLandscape()) this.newPage(want);
      switch (b.kind) {
        case 'heading':
          this.heading(b, this.headings[h++]!, this.blocks[i + 1]);
          break;
        case 'paragraph':
          this.paragraph(b.runs, b.style === 'small');
          break;
        case 'list':
          this.list(b.ordered, b.items);
          break;
        case 'table':
          this.table(b);
          break;
        case 'pageBreak':
          if (!this.atPageTop()) this.newPage();
          break;
        case 'toc':
          this.toc(b.maxLevel ?? 2, b.title ?? TOC_TITLE);
          break;
        case 'signatures':
          this.signatures(b.placeAndDate, b.signers);
          break;
        case 'chart':
          this.chart(b);
          break;
      }
    }
    this.root.end();
  }

  /** Ends the document and collects its bytes. */
  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.pdf.on('data', (c: Buffer) => chunks.push(c));
      this.pdf.on('end', () => resolve(Buffer.concat(chunks)));
      this.pdf.on('error', reject);
      this.pdf.end();
    });
  }
}

/**
 * Renders the document as a tagged PDF (A4, sv-SE): PDF/UA-1, or with `archival` PDF/A-2a and PDF/UA-1 (XMP
 * identification of both, the sRGB output intent, every font embedded), for the archival package.
 */
export async function renderPdf(d: Doc, opts: { archival?: boolean } = {}): Promise<Buffer> {
  const blocks = flatten(d.blocks);
  let headingPages: number[] | undefined;
  if (blocks.some((b) => b.kind === 'toc')) {
    const first = new Renderer(d, blocks, undefined, opts.archival);
    first.layOut();
    headingPages = first.headings.map((h) => h.page);
  }
  const r = new Renderer(d, blocks, headingPages, opts.archival);
  r.render();
  if (headingPages && r.headings.some((h, i) => h.page !== headingPages[i])) throw new Error('PDF: innehållsförteckningens sidnummer ändrades mellan de två genomgångarna');
  return r.finish();
}
