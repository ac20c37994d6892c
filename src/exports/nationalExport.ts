/**
 * The national tables as open data: CSV (Swedish Excel: ";" and decimal comma, through src/exports/csv.ts)
 * and JSON (the same StatTable shape as the förbund's own statistics). Hidden counts are "–", never a number.
 */
import { economyColumns, type NationalStatistics } from '../core/statistics/nationalStatistics.ts';
import type { StatTable } from '../core/statistics/statTable.ts';
import type { Table, TableColumn } from '../core/table.ts';
import { csvDocument, csvText, tableCsvLines } from './csv.ts';
import { hiddenMark, statTableAsTable, suppressionNote } from './statTableExport.ts';

export const syntheticNote = 'SYNTETISKA DATA – påhittade förbund och siffror för demonstration, inte verkliga uppgifter.';

/** The count tables of the national view, in page order. */
export function nationalCountTables(s: NationalStatistics): StatTable[] {
  return [s.byFederation, s.byCounty, s.flowByGender, s.activeByFederationAndGender, s.newByFederationAndGender, s.endedByFederationAndGender, s.exitOutcomes, s.exitOutcomesByFederation];
}

/** An economy StatTable (kronor and per cent) as a Table: amounts whole, shares with one decimal, "Över taket" Ja/Nej. */
export function economyAsTable(t: StatTable): Table {
  const kind = (header: string): TableColumn['kind'] => (header.endsWith('(%)') ? 'decimal' : header === 'Över taket' ? 'text' : 'integer');
  const columns: TableColumn[] = [
    { key: 'label', header: t.rowHeader, kind: 'text' },
    ...t.colLabels.map((header, j) => ({ key: `c${j}`, header, kind: kind(header), ...(kind(header) === 'decimal' ? { decimals: 1 } : {}) })),
  ];
  const above = economyColumns.indexOf('Över taket');
  return {
    title: t.title,
    note: 'Belopp i kronor, andelar i procent. Kostnad per deltagare visas bara när antalet deltagare visas.',
    columns,
    rows: t.rowLabels.map((label, i) => ({
      cells: Object.fromEntries([
        ['label', label],
        ...t.cells[i]!.map((v, j) => [`c${j}`, j === above ? (v === null ? hiddenMark : v ? 'Ja' : 'Nej') : v === null ? hiddenMark : v]),
      ]),
    })),
  };
}

export function nationalCsv(s: NationalStatistics & { publication?: { state: string; publishedFrom: string | null } }): string {
  const lines: string[] = [];
  if (s.synthetic) lines.push(csvText(syntheticNote), '');
  lines.push(csvText(`Nationell statistik ${s.year}`), '');
  if (s.publication?.state === 'open') lines.push(csvText(`Deltagarsiffrorna publiceras när året stängs, ${s.publication.publishedFrom}.`), '');
  if (s.publication?.state === 'pending') lines.push(csvText('Deltagarsiffrorna publiceras snart (förbundens siffror fastställs).'), '');
  for (const t of nationalCountTables(s)) lines.push(csvText(t.title), ...tableCsvLines(statTableAsTable(t)), '');
  for (const t of [s.economy, s.economyByCounty]) lines.push(csvText(t.title), ...tableCsvLines(economyAsTable(t)), '');
  lines.push(csvText(suppressionNote(s.minCellSize)));
  return csvDocument(lines);
}

export function nationalJson(s: NationalStatistics & { series?: unknown }) {
  return { ...(s.synthetic ? { note: syntheticNote } : {}), ...s };
}
