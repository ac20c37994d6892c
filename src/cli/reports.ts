import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { parseIsoDate, parseMonth, valueOrThrow } from '../core/input/index.ts';
import { parseDocumentFormat, renderDocument } from '../exports/documentFile.ts';
import { getFederationByName } from '../services/economy/index.ts';
import { annualReportDocument, boardPackDocument, interimReportDocument } from '../services/reports/documents.ts';
import { commandGroup, parseYear, withDb } from './shared.ts';

interface Common {
  federation: string;
  format: string;
  output: string;
}

function needOutput(o: Common): void {
  if (!o.output) throw new InputError({ field: '--output', message: 'Ange filen att skriva till med --output FIL.' });
}

/** `report annual|interim|board-pack`: the annual report, the interim report and the board pack as DOCX or PDF. */
export function registerReports(program: Command): void {
  const report = commandGroup(program, 'report', 'Rapporter');
  report
    .command('annual')
    .description('Årsredovisningen för ett år som DOCX eller PDF')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år')
    .option('--format <format>', 'docx | pdf', 'pdf')
    .requiredOption('--output <file>', 'fil att skriva')
    .action(async (o: Common & { year: string }) => {
      needOutput(o);
      const format = parseDocumentFormat(o.format, '--format');
      const year = parseYear(o.year);
      const doc = await withDb(async (db) => annualReportDocument(db, (await getFederationByName(db, o.federation)).id, year));
      await writeFile(o.output, await renderDocument(doc, format));
      console.error(`Skrev ${o.output}`);
    });
  report
    .command('interim')
    .description('Delårsrapporten för januari till och med en månad som DOCX eller PDF')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år')
    .requiredOption('--through-month <month>', 'sista månaden i perioden (1–12)')
    .option('--format <format>', 'docx | pdf', 'pdf')
    .requiredOption('--output <file>', 'fil att skriva')
    .action(async (o: Common & { year: string; throughMonth: string }) => {
      needOutput(o);
      const format = parseDocumentFormat(o.format, '--format');
      const year = parseYear(o.year);
      const month = valueOrThrow(parseMonth(o.throughMonth), { field: '--through-month' });
      const doc = await withDb(async (db) => interimReportDocument(db, (await getFederationByName(db, o.federation)).id, year, month));
      await writeFile(o.output, await renderDocument(doc, format));
      console.error(`Skrev ${o.output}`);
    });
  report
    .command('board-pack')
    .description('Handlingarna till ett styrelsemöte som DOCX eller PDF')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--date <date>', 'mötesdatum (ÅÅÅÅ-MM-DD)')
    .option('--format <format>', 'docx | pdf', 'pdf')
    .requiredOption('--output <file>', 'fil att skriva')
    .action(async (o: Common & { date: string }) => {
      needOutput(o);
      const format = parseDocumentFormat(o.format, '--format');
      const date = valueOrThrow(parseIsoDate(o.date), { field: '--date' });
      const doc = await withDb(async (db) => boardPackDocument(db, (await getFederationByName(db, o.federation)).id, date));
      await writeFile(o.output, await renderDocument(doc, format));
      console.error(`Skrev ${o.output}`);
    });
}
