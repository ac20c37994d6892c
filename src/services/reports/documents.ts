/**
 * The three report documents of a förbund, built from the database: the facts loaders here and the pure
 * builders in src/core/reports. Rendering to DOCX/PDF is src/exports/documentFile.ts (CLI and HTTP call it).
 */
import type { Doc } from '../../core/documents/model.ts';
import { InputError } from '../../core/errors.ts';
import { isIsoDate } from '../../core/input/dates.ts';
import { annualReportChecklist, buildAnnualReport, type ChecklistItem } from '../../core/reports/annualReport.ts';
import { buildBoardPack, buildInterimReport } from '../../core/reports/periodReports.ts';
import type { Database } from '../../db/database.ts';
import { loadAnnualReportFacts, loadBoardPackFacts, loadInterimReportFacts } from './facts.ts';
import { yearOf } from '../../core/calendar.ts';

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InputError({ field: 'year', message: 'Året ska vara mellan 2000 och 2100.' });
}

export async function annualReportDocument(db: Database, federationId: number, year: number, opts: { created?: Date } = {}): Promise<Doc> {
  checkYear(year);
  return buildAnnualReport(await loadAnnualReportFacts(db, federationId, year, opts));
}

/** What the kansli still has to write or register before locking the report (the document prints no gaps). */
export async function annualReportGaps(db: Database, federationId: number, year: number): Promise<ChecklistItem[]> {
  checkYear(year);
  return annualReportChecklist(await loadAnnualReportFacts(db, federationId, year));
}

export async function interimReportDocument(db: Database, federationId: number, year: number, throughMonth: number, opts: { created?: Date } = {}): Promise<Doc> {
  checkYear(year);
  if (!Number.isInteger(throughMonth) || throughMonth < 1 || throughMonth > 12) throw new InputError({ field: 'throughMonth', message: 'Ange en månad från 1 till 12.' });
  return buildInterimReport(await loadInterimReportFacts(db, federationId, year, throughMonth, opts));
}

export async function boardPackDocument(db: Database, federationId: number, meetingDate: string, opts: { created?: Date } = {}): Promise<Doc> {
  if (!isIsoDate(meetingDate)) throw new InputError({ field: 'date', message: `"${meetingDate}" är inte ett datum (ÅÅÅÅ-MM-DD).` });
  checkYear(yearOf(meetingDate));
  return buildBoardPack(await loadBoardPackFacts(db, federationId, meetingDate, opts));
}

/** File names for downloads: "arsredovisning-2025.pdf". */
export const reportFileNames = {
  annual: (year: number) => `arsredovisning-${year}`,
  interim: (year: number, month: number) => `delarsrapport-${year}-${String(month).padStart(2, '0')}`,
  boardPack: (date: string) => `handlingar-styrelsemote-${date}`,
};
