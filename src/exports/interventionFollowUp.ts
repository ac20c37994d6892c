import type { ParticipantStatistics } from '../core/statistics/participantStatistics.ts';
import { statTablesCsv, statTablesXlsx } from './statTableExport.ts';

/**
 * The national follow-up's shape for one intervention and year: participants by gender — active, new and
 * ended — after suppression. CSV and XLSX.
 */
export function followUpTitle(interventionName: string, year: number): string {
  return `Uppföljning ${year}: ${interventionName} – deltagare efter kön (aktiva, nya, avslutade)`;
}

export function followUpCsv(interventionName: string, stats: ParticipantStatistics): string {
  return statTablesCsv(followUpTitle(interventionName, stats.year), [stats.flowByGender], stats.minCellSize);
}

export function followUpXlsx(interventionName: string, stats: ParticipantStatistics): Promise<Uint8Array> {
  return statTablesXlsx(followUpTitle(interventionName, stats.year), [stats.flowByGender], stats.minCellSize);
}

/** File name without characters that trouble file systems. */
export function followUpFileName(interventionName: string, year: number, ext: 'csv' | 'xlsx'): string {
  return `uppfoljning-${year}-${interventionName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}.${ext}`;
}
