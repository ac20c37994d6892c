import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { parseId, parseIsoDate, parseMonth, parseInteger, valueOrThrow } from '../core/input/index.ts';
import type { DocumentFormat } from '../exports/documentFile.ts';
import type { Doc } from '../core/documents/model.ts';
import type { Database } from '../db/database.ts';
import type * as documents from '../services/reports/documents.ts';
import type * as meetingDocuments from '../services/decisions/documents.ts';
import { cliActorIn, commandGroup, parseYear, withDb } from './shared.ts';

interface Common {
  federation: string;
  format: string;
  output: string;
}

function needOutput(o: Common): void {
  if (!o.output) throw new InputError({ field: '--output', message: 'Ange filen att skriva till med --output FIL.' });
}

async function documentFormat(o: Common): Promise<DocumentFormat> {
  return (await import('../exports/documentFile.ts')).parseDocumentFormat(o.format, '--format');
}

type Documents = typeof documents;

/** Builds the document from the förbund's data and writes it (the services and renderers are loaded only now). */
async function writeDocument(o: Common, format: DocumentFormat, build: (documents: Documents, db: Database, federationId: number) => Promise<Doc>): Promise<void> {
  const { renderDocument } = await import('../exports/documentFile.ts');
  const [loaded, { getFederationByName }] = await Promise.all([import('../services/reports/documents.ts'), import('../services/federations/federations.ts')]);
  const doc = await withDb(async (db) => build(loaded, db, (await getFederationByName(db, o.federation)).id));
  await writeFile(o.output, await renderDocument(doc, format));
  console.error(`Skrev ${o.output}`);
}

/** Builds one of the board's meeting documents (notice, protocol, extract) and writes it. */
async function writeMeetingDocument(o: Common, format: DocumentFormat, build: (documents: typeof meetingDocuments, db: Database, federationId: number) => Promise<Doc>): Promise<void> {
  const { renderDocument } = await import('../exports/documentFile.ts');
  const [loaded, { getFederationByName }] = await Promise.all([import('../services/decisions/documents.ts'), import('../services/federations/federations.ts')]);
  const doc = await withDb(async (db) => build(loaded, db, (await getFederationByName(db, o.federation)).id));
  await writeFile(o.output, await renderDocument(doc, format));
  console.error(`Skrev ${o.output}`);
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
      const format = await documentFormat(o);
      const year = parseYear(o.year);
      await writeDocument(o, format, (d, db, fid) => d.annualReportDocument(db, fid, year));
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
      const format = await documentFormat(o);
      const year = parseYear(o.year);
      const month = valueOrThrow(parseMonth(o.throughMonth), { field: '--through-month' });
      await writeDocument(o, format, (d, db, fid) => d.interimReportDocument(db, fid, year, month));
    });
  report
    .command('finsam-followup')
    .description('Uppgifterna till Försäkringskassans Uppföljning Finsam för ett år, ur Samordnas egna siffror (JSON eller XLSX)')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år')
    .option('--format <format>', 'json | xlsx', 'json')
    .option('--output <file>', 'fil att skriva (krävs för xlsx; utan den skrivs JSON till standard ut)')
    .option('--mark-reported', 'spara årets uppgifter som det förbundet har rapporterat (för avstämningen)')
    .action(async (o: { federation: string; year: string; format: string; output?: string; markReported?: boolean }) => {
      const year = parseYear(o.year);
      if (o.format !== 'json' && o.format !== 'xlsx') throw new InputError({ field: '--format', message: 'Ange json eller xlsx.' });
      if (o.format === 'xlsx' && !o.output) throw new InputError({ field: '--output', message: 'Ange filen att skriva till med --output FIL.' });
      const [{ getFederationByName }, { finsamFollowUpReport, finsamReconciliation, markFinsamReported }] = await Promise.all([
        import('../services/federations/federations.ts'),
        import('../services/reports/finsamFollowUp.ts'),
      ]);
      await withDb(async (db) => {
        const f = await getFederationByName(db, o.federation);
        const report = await finsamFollowUpReport(db, f.id, year);
        const reconciliation = await finsamReconciliation(db, f.id, year, report);
        if (o.format === 'xlsx') {
          const { finsamFollowUpXlsx } = await import('../exports/finsamFollowUpXlsx.ts');
          await writeFile(o.output!, await finsamFollowUpXlsx(f.name, report));
          console.error(`Skrev ${o.output}`);
        } else {
          const json = JSON.stringify({ ...report, reconciliation }, null, 2);
          if (o.output) await writeFile(o.output, json);
          else console.log(json);
        }
        if (o.markReported) {
          await markFinsamReported(db, f.id, year, cliActorIn(f.id));
          console.error(`Uppgifterna för ${year} är sparade som rapporterade.`);
        }
      });
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
      const format = await documentFormat(o);
      const date = valueOrThrow(parseIsoDate(o.date), { field: '--date' });
      await writeDocument(o, format, (d, db, fid) => d.boardPackDocument(db, fid, date));
    });
  report
    .command('notice')
    .description('Kallelsen med föredragningslistan till ett styrelsemöte som DOCX eller PDF')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--meeting <id>', 'mötets id')
    .option('--format <format>', 'docx | pdf', 'pdf')
    .requiredOption('--output <file>', 'fil att skriva')
    .action(async (o: Common & { meeting: string }) => {
      needOutput(o);
      const format = await documentFormat(o);
      const meetingId = valueOrThrow(parseId(o.meeting), { field: '--meeting' });
      await writeMeetingDocument(o, format, (d, db, fid) => d.noticeDocument(db, fid, meetingId));
    });
  report
    .command('protocol')
    .description('Protokollet från ett styrelsemöte (eller med --paragraph ett protokollsutdrag) som DOCX eller PDF')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--meeting <id>', 'mötets id')
    .option('--paragraph <number>', 'bara denna paragraf (protokollsutdrag)')
    .option('--format <format>', 'docx | pdf', 'pdf')
    .requiredOption('--output <file>', 'fil att skriva')
    .action(async (o: Common & { meeting: string; paragraph?: string }) => {
      needOutput(o);
      const format = await documentFormat(o);
      const meetingId = valueOrThrow(parseId(o.meeting), { field: '--meeting' });
      const paragraph = o.paragraph === undefined ? null : valueOrThrow(parseInteger(o.paragraph, { min: 1, max: 10000 }), { field: '--paragraph' });
      await writeMeetingDocument(o, format, (d, db, fid) => (paragraph === null ? d.protocolDocument(db, fid, meetingId) : d.protocolExtractDocument(db, fid, meetingId, paragraph)));
    });
}
