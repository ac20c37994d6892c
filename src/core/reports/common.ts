/**
 * Pieces the three report builders share: core tables (src/core/table.ts) as document tables, the
 * driftredovisning table, the narrative of a chapter, "data missing" paragraphs, goals with their assessment.
 */
import { cell, cellDash, chart, cellNumber, cellPercent, italic, para, table, total, type CellInput, type RowInput } from '../documents/build.ts';
import type { StatTable } from '../statistics/statTable.ts';
import type { Block, Chart, Marker, Table as DocTable, TableCell } from '../documents/model.ts';
import type { ShownAssessment } from '../interventions/goals.ts';
import type { Table } from '../table.ts';
import { statementTableRows } from '../economy/statementTable.ts';
import type { OperatingStatement } from '../economy/operatingStatement.ts';
import { GoalAssessment } from '../interventions/vocabulary.ts';
import { parseMarkup } from './markup.ts';
import type { GoalFact } from './facts.ts';
import { formatNumber } from '../format.ts';

/** A presentable core Table (CSV/XLSX shape) as a document table. Text cells stay text ("–" for hidden). */
export function docTableFrom(t: Table, opts: { caption?: string; unit?: string; id?: string } = {}): DocTable {
  const rows: RowInput[] = t.rows.map((r) => {
    const cells: CellInput[] = t.columns.map((c) => {
      const v = r.cells[c.key];
      if (v === null || v === undefined) return null;
      if (typeof v === 'string') return c.kind === 'text' ? v : cell(v, { align: 'right' });
      if (c.kind === 'percent') return cellPercent(v, c.decimals ?? 0);
      if (c.kind === 'decimal') return cellNumber(v, c.decimals ?? 1);
      return cellNumber(v);
    });
    return r.emphasis ? { cells, emphasis: r.emphasis } : cells;
  });
  return table({
    caption: opts.caption ?? t.title,
    ...(opts.unit ?? t.note ? { unit: opts.unit ?? t.note } : {}),
    ...(opts.id ? { id: opts.id } : {}),
    columns: t.columns.map((c, i) => ({ header: c.header, ...(i === 0 ? { width: 3 } : {}), ...(c.kind === 'text' ? { align: 'left' as const } : { align: 'right' as const }) })),
    rows,
  });
}

/**
 * The driftredovisning in tkr as the annual report prints it: outcome, budget, deviation and last year's
 * outcome, each line and subtotal rounded separately (src/core/economy/statementTable.ts).
 */
export function operatingStatementTable(s: OperatingStatement, opts: { caption: string; id?: string }): DocTable {
  const y = s.year;
  const keys = ['outcomeIncome', 'outcomeCost', 'outcomeNet', 'budgetIncome', 'budgetCost', 'budgetNet', 'deviation', 'previousIncome', 'previousCost', 'previousNet'];
  const rows: RowInput[] = statementTableRows(s).map((r) => {
    const cells: CellInput[] = [String(r.cells.label), ...keys.map((k) => (r.cells[k] === null || r.cells[k] === undefined ? null : cellNumber(r.cells[k] as number)))];
    return r.emphasis ? { cells, emphasis: r.emphasis } : cells;
  });
  return table({
    caption: opts.caption,
    unit: 'Belopp i tkr',
    ...(opts.id ? { id: opts.id } : {}),
    // Eleven columns: set across the page, so that no row label wraps (the published report does the same).
    landscape: true,
    headerRows: [[cell(''), cell(`Utfall ${y}`, { colSpan: 3, align: 'center' }), cell(`Budget ${y}`, { colSpan: 3, align: 'center' }), cell(`Avvikelse ${y}`, { align: 'center' }), cell(`Utfall ${y - 1}`, { colSpan: 3, align: 'center' })]],
    columns: [
      { header: 'Belopp tkr', width: 2.5, align: 'left' },
      ...['Intäkt', 'Kostnad', 'Netto', 'Intäkt', 'Kostnad', 'Netto', 'Utfall−budget netto', 'Intäkt', 'Kostnad', 'Netto'].map((header) => ({ header, align: 'right' as const })),
    ],
    rows,
  });
}

/** The chapter's own text as blocks (headings one level below the chapter), or nothing. */
export function narrative(source: string | undefined, headingLevel: 2 | 3 = 3): Block[] {
  if (!source || !source.trim()) return [];
  return parseMarkup(source, { headingLevel });
}

/** A paragraph saying a part's data is missing, so the chapter is there rather than the build failing. */
/** The participant statistics of a year that is not published yet (they are never shown as they come in). */
export function notYetPublished(year: number, from: string): Block {
  return para(italic(`Deltagarstatistiken för ${year} publiceras ${from}, när året har stängt. Den visas inte löpande: då skulle varje ny registrering gå att läsa ut.`));
}

export function missing(what: string): Block {
  return para(italic(`${what} saknas för perioden.`));
}

/** Colour plus word: the report's traffic-light assessment, readable without colour. */
export const assessmentColour: Record<GoalAssessment, string> = { met: 'Grön', partly_met: 'Gul', not_met: 'Röd' };
const assessmentMarker: Record<ShownAssessment, Marker> = { met: 'green', partly_met: 'yellow', not_met: 'red', no_basis: 'grey' };

export function assessmentText(a: ShownAssessment | null): string {
  if (a === 'no_basis') return 'Ej bedömbart – inga avslutade deltagare';
  return a ? `${assessmentColour[a]} – ${GoalAssessment.label(a).toLowerCase()}` : 'Ej bedömt';
}

/** The assessment as a table cell: a coloured swatch and the words. */
export function assessmentCell(a: ShownAssessment | null): TableCell {
  return cell(assessmentText(a), a ? { marker: assessmentMarker[a] } : {});
}

export function goalsTable(goals: readonly GoalFact[], caption: string, id?: string): Block {
  return table({
    caption,
    ...(id ? { id } : {}),
    columns: [{ header: 'Målområde', width: 2 }, { header: 'Mål', width: 4 }, { header: 'Insats', width: 2 }, { header: 'Bedömning', width: 2.4 }, { header: 'Kommentar', width: 3 }],
    rows: goals.map((g) => [g.area || '–', g.text, g.intervention ?? 'Förbundet', assessmentCell(g.assessment), g.comment || '']),
  });
}

/** "5 av 7 mål uppfyllda, 1 delvis, 1 ej uppfyllt". */
export function goalsSummary(goals: readonly GoalFact[]): string {
  const n = (a: ShownAssessment | null) => goals.filter((g) => g.assessment === a).length;
  const parts = [`${n('met')} uppfyllda`, `${n('partly_met')} delvis uppfyllda`, `${n('not_met')} ej uppfyllda`];
  const unassessed = n(null);
  const noBasis = n('no_basis');
  const rest = [...(noBasis ? [`${noBasis} inte bedömbara (inga avslutade deltagare)`] : []), ...(unassessed ? [`${unassessed} ännu inte bedömda`] : [])];
  return `Av ${goals.length} mål är ${parts.join(', ')}${rest.length ? ` och ${rest.join(' och ')}` : ''}.`;
}

/**
 * A suppressed statistic as a bar chart (its table is printed beside it by `statTable`): a bar per row label, a series
 * per column that has a shown value above zero; a one-row statistic gives a bar per column. Hidden cells draw no bar.
 */
export function statChart(t: StatTable, title: string, id?: string): Chart {
  const hiddenNote = t.hiddenCount > 0 ? ' Celler med färre än tillåtet antal personer är dolda och saknar stapel.' : '';
  if (t.rowLabels.length === 1) {
    return chart({ title, alt: `Stapeldiagram: ${title.toLowerCase()}, antal per kategori. Siffrorna står i tabellen under diagrammet.${hiddenNote}`, categories: t.colLabels, series: [{ name: t.rowLabels[0]!, values: t.cells[0]! }], ...(id ? { id } : {}) });
  }
  // All of each row first (the row totals are shown even where a split by column is hidden), then each column.
  const all = t.rowTotals ? [{ name: 'Alla', values: t.rowTotals }] : [];
  const series = [...all, ...t.colLabels.map((name, j) => ({ name, values: t.cells.map((r) => r[j] ?? null) }))].filter((x) => x.values.some((v) => v !== null && v > 0));
  return chart({
    title,
    alt: `Stapeldiagram: ${title.toLowerCase()}, per ${t.rowHeader.toLowerCase()} och ${series.map((x) => x.name.toLowerCase()).join(', ')}. Siffrorna står i tabellen under diagrammet.${hiddenNote}`,
    categories: t.rowLabels,
    series,
    ...(id ? { id } : {}),
  });
}

/** A suppressed statistic (null = hidden, printed "–") as a document table, with row and column totals. */
export function statTable(t: StatTable, id?: string): Block {
  const hidden = (v: number | null): CellInput => (v === null ? cell('–', { align: 'right' }) : cellNumber(v));
  const withTotals = t.rowTotals !== null;
  if (t.rowLabels.length === 1) {
    // One row of many categories (support before, exit outcomes): set as a column, so that the categories are row
    // labels and no heading has to be squeezed into a narrow column.
    const rows: RowInput[] = t.colLabels.map((label, j) => [label, hidden(t.cells[0]![j] ?? null)]);
    if (withTotals) rows.push(total(['Totalt', hidden(t.rowTotals![0] ?? null)]));
    return table({ caption: t.title, ...(id ? { id } : {}), columns: [{ header: t.rowLabels[0] === t.title ? 'Kategori' : t.rowLabels[0]!, width: 3, align: 'left' }, { header: `Antal ${t.rowHeader.toLowerCase()}`, align: 'right' }], rows });
  }
  const rows: RowInput[] = t.rowLabels.map((label, i) => [label, ...t.cells[i]!.map(hidden), ...(withTotals ? [hidden(t.rowTotals![i] ?? null)] : [])]);
  if (t.colTotals) rows.push(total(['Totalt', ...t.colTotals.map(hidden), ...(withTotals ? [hidden(t.total)] : [])]));
  return table({
    caption: t.title,
    ...(id ? { id } : {}),
    columns: [{ header: t.rowHeader, width: 3, align: 'left' }, ...t.colLabels.map((h) => ({ header: h, align: 'right' as const })), ...(withTotals ? [{ header: 'Totalt', align: 'right' as const }] : [])],
    rows,
  });
}

export { cellDash, formatNumber };
