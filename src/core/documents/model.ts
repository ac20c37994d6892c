/**
 * The document model: one typed tree that both the DOCX and the PDF renderer take (src/exports/docx, src/exports/pdf).
 * Pure data, no I/O. Content (the annual report, the interim report, the board pack) builds a `Doc` with the helpers
 * in ./build.ts; the renderers decide the look. Text is what is printed: numbers are already presented
 * through src/core/format.ts (sv-SE spacing, "−" for negatives) — the cell helpers in ./build.ts do that.
 *
 * Structure: a document holds blocks; a `section` is a chapter with a heading and its own blocks, and sections nest
 * (depth 1–3 gives Heading 1–3; deeper sections are shown as level 3). A stand-alone `heading` block is for a heading
 * that does not open a section (e.g. an unnumbered "Ordförande har ordet" before chapter 1).
 */

/** Inline content of a paragraph, a list item or a table cell. */
export type Inline = TextRun | LinkRun | NoteRef;

export interface TextRun {
  readonly kind: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** A link: `href` is an absolute http(s)/mailto URL, or "#anchor" for a heading/section/table id in the same document. */
export interface LinkRun {
  readonly kind: 'link';
  readonly text: string;
  readonly href: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

/** A reference to a note ("Not 2"): printed as `text` (default "Not {note}"), linked to `target` when given. */
export interface NoteRef {
  readonly kind: 'noteRef';
  readonly note: string;
  /** Anchor id of the note's heading/section, e.g. "not-2". */
  readonly target?: string;
  /** What is printed; default "Not {note}". In a table's "Not" column pass just the number, e.g. "2". */
  readonly text?: string;
}

export type HeadingLevel = 1 | 2 | 3;

export interface Section {
  readonly kind: 'section';
  readonly title: string;
  /** Printed before the title: "1" gives "1 Förvaltningsberättelse", "6.2" gives "6.2 Not 2 …". */
  readonly number?: string;
  /** Anchor id (bookmark name in DOCX, named destination in PDF): letters, digits, "-" and "_". */
  readonly id?: string;
  /** Start the section on a new page. */
  readonly pageBreakBefore?: boolean;
  /** Leave the section out of the table of contents (it still gets a PDF bookmark). */
  readonly excludeFromToc?: boolean;
  readonly blocks: readonly Block[];
}

/** A heading that does not open a section. */
export interface Heading {
  readonly kind: 'heading';
  readonly level: HeadingLevel;
  readonly text: string;
  readonly number?: string;
  readonly id?: string;
  readonly excludeFromToc?: boolean;
}

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly runs: readonly Inline[];
  /** 'small' for footnotes and source lines under tables. */
  readonly style?: 'normal' | 'small';
}

export interface List {
  readonly kind: 'list';
  readonly ordered: boolean;
  /** Each item is one paragraph of inline runs. */
  readonly items: readonly (readonly Inline[])[];
}

export type Align = 'left' | 'center' | 'right';

export interface TableColumn {
  /** Default alignment of the column's cells (numbers: 'right'). */
  readonly align: Align;
  /** Relative width hint (any positive number; widths are shared in proportion). Default 1. */
  readonly width?: number;
}

export interface TableCell {
  readonly runs: readonly Inline[];
  /** Overrides the column's alignment. */
  readonly align?: Align;
  /** Number of columns this cell spans (default 1). */
  readonly colSpan?: number;
  /**
   * A traffic-light swatch drawn before the text (goal assessments): colour plus the words, never colour alone.
   * The swatch is decoration (a PDF artifact); the words carry the meaning.
   */
  readonly marker?: Marker;
}

export type Marker = 'green' | 'yellow' | 'red' | 'grey';

export interface TableRow {
  readonly cells: readonly TableCell[];
  /** Subtotals and totals are printed bold ('total' also with a rule above). */
  readonly emphasis?: 'subtotal' | 'total';
}

export interface Table {
  readonly kind: 'table';
  /** Printed above the table ("Tabell 3 Driftredovisning"); also the PDF table's caption/summary. */
  readonly caption?: string;
  /** Unit note printed above the table at the right, e.g. "Belopp i tkr". */
  readonly unit?: string;
  readonly id?: string;
  readonly columns: readonly TableColumn[];
  /** Header rows: repeated on every page the table runs over; their cells are header cells (TH). */
  readonly header: readonly TableRow[];
  readonly body: readonly TableRow[];
  /**
   * The first cell of each body row labels the row: a row header (PDF TH with Scope Row, DOCX first-column
   * formatting). Set by `table()` when the first column is text.
   */
  readonly rowHeaders?: boolean;
  /**
   * Set the table on landscape pages of its own (a wide statement such as the driftredovisning): its labels and
   * headings then need not wrap. The renderers also turn a table landscape when it cannot fit upright whole.
   */
  readonly landscape?: boolean;
}

export interface PageBreak {
  readonly kind: 'pageBreak';
}

/** Where the table of contents goes (a TOC field in DOCX, a generated list with page numbers in PDF). */
export interface TableOfContents {
  readonly kind: 'toc';
  /** Default "Innehåll". */
  readonly title?: string;
  /** Deepest heading level listed (default 2). */
  readonly maxLevel?: HeadingLevel;
}

export interface Signer {
  readonly name: string;
  /** E.g. "Ordförande", "Ledamot", "Revisor". */
  readonly role?: string;
}

/** Lines to sign: an optional place-and-date line, then one line per signer with the name (and role) under it. */
export interface SignatureBlock {
  readonly kind: 'signatures';
  /** Printed above the lines, e.g. "Västerås den 2026-03-12" or "Ort och datum". */
  readonly placeAndDate?: string;
  readonly signers: readonly Signer[];
}

/**
 * A bar chart (horizontal bars, one group per category, one bar per series), drawn as vector graphics: a tagged
 * Figure with its text alternative in PDF, a real chart in DOCX. Its data is also given as a table beside it (the
 * builders put one after it), so nothing is in the chart alone.
 */
export interface Chart {
  readonly kind: 'chart';
  /** Printed above the chart. */
  readonly title: string;
  /** The text alternative: what the chart shows, in words. */
  readonly alt: string;
  readonly categories: readonly string[];
  /** One value per category; null: hidden (small counts) or missing, drawn as no bar. */
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
  /** How the values are presented beside the bars, e.g. "tkr" or "%"; numbers are printed sv-SE. */
  readonly unit?: string;
  readonly id?: string;
}

export type Block = Section | Heading | Paragraph | List | Table | PageBreak | TableOfContents | SignatureBlock | Chart;

export interface Doc {
  readonly title: string;
  /** Always Swedish for now. */
  readonly language: 'sv-SE';
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  /** Running header text (printed on every page as an artifact), e.g. the förbund's name. */
  readonly runningHeader?: string;
  /** Creation date written to the file's properties (default: now). Fixed in tests for stable output. */
  readonly created?: Date;
  readonly blocks: readonly Block[];
}
