/**
 * Helpers to build a document (see ./model.ts). Strings become plain text runs; numbers in tables go through the cell
 * helpers (`cellNumber`, `cellTkr`, `cellKronor`, `cellPercent`), which present them with src/core/format.ts and
 * right-align them.
 *
 *   doc({ title: 'Årsredovisning 2025', author: 'Samordningsförbundet X' }, [
 *     toc(),
 *     section('Förvaltningsberättelse', [para('Förbundet ', bold('bildades'), ' 2010.'), table({ … })], { number: '1', id: 'forvaltning' }),
 *   ])
 */
import { formatKronor, formatNumber, formatPercent, formatTkr } from '../format.ts';
import type {
  Align,
  Block,
  Chart,
  Doc,
  Heading,
  HeadingLevel,
  Inline,
  LinkRun,
  List,
  Marker,
  NoteRef,
  PageBreak,
  Paragraph,
  Section,
  SignatureBlock,
  Signer,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
} from './model.ts';

/** What inline helpers accept: a string is a plain text run. */
export type InlineInput = string | Inline;

const ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

function checkId(id: string | undefined): void {
  if (id !== undefined && !ID.test(id)) {
    throw new Error(`Ogiltigt ankar-id "${id}": börja med en bokstav, högst 40 tecken, bara bokstäver a–z, siffror, "-" och "_".`);
  }
}

export function toInline(x: InlineInput): Inline {
  return typeof x === 'string' ? { kind: 'text', text: x } : x;
}

export function text(s: string): TextRun {
  return { kind: 'text', text: s };
}
export function bold(s: string): TextRun {
  return { kind: 'text', text: s, bold: true };
}
export function italic(s: string): TextRun {
  return { kind: 'text', text: s, italic: true };
}
export function link(s: string, href: string): LinkRun {
  return { kind: 'link', text: s, href };
}
/** "Not 2" linked to the note's anchor; in a table's "Not" column use `{ text: '2' }`. */
export function noteRef(note: string | number, opts: { target?: string; text?: string } = {}): NoteRef {
  return { kind: 'noteRef', note: String(note), ...opts };
}

export function para(...content: InlineInput[]): Paragraph {
  return { kind: 'paragraph', runs: content.map(toInline) };
}
/** A small paragraph (source line, footnote). */
export function small(...content: InlineInput[]): Paragraph {
  return { kind: 'paragraph', runs: content.map(toInline), style: 'small' };
}

function listItems(items: readonly (InlineInput | readonly InlineInput[])[]): Inline[][] {
  return items.map((it) => (Array.isArray(it) ? (it as readonly InlineInput[]).map(toInline) : [toInline(it as InlineInput)]));
}
export function bullets(items: readonly (InlineInput | readonly InlineInput[])[]): List {
  return { kind: 'list', ordered: false, items: listItems(items) };
}
export function numbered(items: readonly (InlineInput | readonly InlineInput[])[]): List {
  return { kind: 'list', ordered: true, items: listItems(items) };
}

export interface SectionOptions {
  readonly number?: string;
  readonly id?: string;
  readonly pageBreakBefore?: boolean;
  readonly excludeFromToc?: boolean;
}
export function section(title: string, blocks: readonly Block[], opts: SectionOptions = {}): Section {
  checkId(opts.id);
  return { kind: 'section', title, blocks, ...opts };
}
export function heading(level: HeadingLevel, s: string, opts: { number?: string; id?: string; excludeFromToc?: boolean } = {}): Heading {
  checkId(opts.id);
  return { kind: 'heading', level, text: s, ...opts };
}

export function pageBreak(): PageBreak {
  return { kind: 'pageBreak' };
}
export function toc(opts: { title?: string; maxLevel?: HeadingLevel } = {}): TableOfContents {
  return { kind: 'toc', ...opts };
}
export function signatures(signers: readonly Signer[], placeAndDate?: string): SignatureBlock {
  return placeAndDate === undefined ? { kind: 'signatures', signers } : { kind: 'signatures', signers, placeAndDate };
}

// ---- tables ----

/** A cell: a string or inline(s), null for an empty cell, a plain number (presented as an integer), or a ready cell. */
export type CellInput = string | number | null | Inline | readonly Inline[] | TableCell;

function isCell(x: object): x is TableCell {
  return 'runs' in x;
}

export function cell(content: InlineInput | readonly InlineInput[], opts: { align?: Align; colSpan?: number; marker?: Marker } = {}): TableCell {
  const runs = Array.isArray(content) ? (content as readonly InlineInput[]).map(toInline) : [toInline(content as InlineInput)];
  return { runs, ...opts };
}
/** A number with `decimals` decimals, right-aligned: −2029 → "−2 029". */
export function cellNumber(value: number, decimals = 0): TableCell {
  return { runs: [text(formatNumber(value, decimals))], align: 'right' };
}
/** öre shown in tkr, right-aligned: 1 896 411 800 → "18 964". */
export function cellTkr(ore: number): TableCell {
  return { runs: [text(formatTkr(ore))], align: 'right' };
}
/** öre shown in whole kronor, right-aligned. */
export function cellKronor(ore: number): TableCell {
  return { runs: [text(formatKronor(ore))], align: 'right' };
}
/** A share (0.463) as per cent, right-aligned: "46,3 %" with 1 decimal. */
export function cellPercent(share: number, decimals = 0): TableCell {
  return { runs: [text(formatPercent(share, decimals))], align: 'right' };
}
/** "–" for a figure that is missing (or suppressed), right-aligned. */
export function cellDash(): TableCell {
  return { runs: [text('–')], align: 'right' };
}

export function toCell(x: CellInput): TableCell {
  if (x === null) return { runs: [] };
  if (typeof x === 'number') return cellNumber(x);
  if (typeof x === 'string') return { runs: x === '' ? [] : [text(x)] };
  if (Array.isArray(x)) return { runs: x as readonly Inline[] };
  if (isCell(x as object)) return x as TableCell;
  return { runs: [x as Inline] };
}

export type RowInput = readonly CellInput[] | { readonly cells: readonly CellInput[]; readonly emphasis?: 'subtotal' | 'total' };

function toRow(r: RowInput): TableRow {
  if (Array.isArray(r)) return { cells: (r as readonly CellInput[]).map(toCell) };
  const o = r as { cells: readonly CellInput[]; emphasis?: 'subtotal' | 'total' };
  return o.emphasis ? { cells: o.cells.map(toCell), emphasis: o.emphasis } : { cells: o.cells.map(toCell) };
}

/** A row printed bold (a subtotal). */
export function subtotal(cells: readonly CellInput[]): RowInput {
  return { cells, emphasis: 'subtotal' };
}
/** A row printed bold with a rule above (a total). */
export function total(cells: readonly CellInput[]): RowInput {
  return { cells, emphasis: 'total' };
}

export interface ColumnSpec {
  /** The column's heading in the (last) header row. */
  readonly header: string;
  /** Default: 'right' when every body cell of the column is a number cell or empty, otherwise 'left'. */
  readonly align?: Align;
  /** Relative width hint (default 1). */
  readonly width?: number;
}

export interface TableSpec {
  readonly caption?: string;
  /** E.g. "Belopp i tkr". */
  readonly unit?: string;
  readonly id?: string;
  readonly columns: readonly ColumnSpec[];
  /** Extra header rows above the column headings (e.g. a "2025" spanning two columns). */
  readonly headerRows?: readonly RowInput[];
  readonly rows: readonly RowInput[];
  /** Default: true when the first column is text (left-aligned). */
  readonly rowHeaders?: boolean;
  readonly landscape?: boolean;
}

/** Width of a row in grid columns (cells with colSpan count their span). */
export function rowSpan(row: TableRow): number {
  return row.cells.reduce((n, c) => n + (c.colSpan ?? 1), 0);
}

export function table(spec: TableSpec): Table {
  checkId(spec.id);
  const body = spec.rows.map(toRow);
  const n = spec.columns.length;
  const columns = spec.columns.map((c, i) => {
    let align = c.align;
    if (!align) {
      const cells = body.map((r) => (rowSpan(r) === n && r.cells.length === n ? r.cells[i] : undefined)).filter((x) => x !== undefined);
      const numeric = cells.length > 0 && cells.every((x) => x!.runs.length === 0 || x!.align === 'right') && cells.some((x) => x!.runs.length > 0);
      align = numeric ? 'right' : 'left';
    }
    return c.width === undefined ? { align } : { align, width: c.width };
  });
  const header = [...(spec.headerRows ?? []).map(toRow), { cells: spec.columns.map((c) => ({ runs: c.header === '' ? [] : [text(c.header)] })) }];
  for (const [i, r] of [...header, ...body].entries()) {
    if (rowSpan(r) !== n) {
      throw new Error(`Tabell "${spec.caption ?? ''}": rad ${i + 1} har ${rowSpan(r)} kolumner, tabellen har ${n}.`);
    }
  }
  const rowHeaders = spec.rowHeaders ?? (n > 1 && columns[0]!.align === 'left');
  const t: Table = { kind: 'table', columns, header, body, ...(rowHeaders ? { rowHeaders } : {}), ...(spec.landscape ? { landscape: true } : {}) };
  return { ...t, ...(spec.caption !== undefined ? { caption: spec.caption } : {}), ...(spec.unit !== undefined ? { unit: spec.unit } : {}), ...(spec.id !== undefined ? { id: spec.id } : {}) };
}

/** A bar chart; its data table is the caller's to add beside it. */
export function chart(spec: Omit<Chart, 'kind'>): Chart {
  checkId(spec.id);
  for (const s of spec.series) {
    if (s.values.length !== spec.categories.length) throw new Error(`Diagram "${spec.title}": serien "${s.name}" har ${s.values.length} värden, diagrammet ${spec.categories.length} kategorier.`);
  }
  return { kind: 'chart', ...spec };
}

export interface DocMeta {
  readonly title: string;
  readonly author?: string;
  readonly subject?: string;
  readonly keywords?: readonly string[];
  readonly runningHeader?: string;
  readonly created?: Date;
}

export function doc(meta: DocMeta, blocks: readonly Block[]): Doc {
  return { ...meta, language: 'sv-SE', blocks };
}
