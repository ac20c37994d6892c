/**
 * The national tables as open data: CSV (Swedish Excel: ";" and decimal comma, through src/exports/csv.ts)
 * and JSON (the same StatTable shape as the förbund's own statistics). Hidden counts are "–", never a number.
 */
import type { NationalStatistics } from '../core/statistics/nationalStatistics.ts';
import { economyAsTable, syntheticNote } from '../core/statistics/nationalTables.ts';
import type { StatTable } from '../core/statistics/statTable.ts';
import { csvDocument, csvText, tableCsvLines } from './csv.ts';
import { statTableAsTable, suppressionNote } from './statTableExport.ts';


/** The count tables of the national view, in page order. */
export function nationalCountTables(s: NationalStatistics): StatTable[] {
  return [s.byFederation, s.byCounty, s.flowByGender, s.activeByFederationAndGender, s.newByFederationAndGender, s.endedByFederationAndGender, s.exitOutcomes, s.exitOutcomesByFederation];
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
