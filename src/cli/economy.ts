import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { keyFiguresReportJson, operatingStatementReportJson } from '../core/economy/yearFiguresJson.ts';
import { yearStatementTable } from '../core/economy/yearFiguresTables.ts';
import type { Queryable } from '../db/database.ts';
import { cliActor, commandGroup, parseYear, withDb } from './shared.ts';
import { currentYear } from '../core/calendar.ts';

const economy = () => import('../services/economy/index.ts');

/** What `report key-figures` prints: the contract's JSON of the year with its period and forecast, from the one model. */
export async function keyFiguresReport(db: Queryable, federationName: string, year: number): Promise<string> {
  const { getFederationByName, yearFigures } = await economy();
  const f = await getFederationByName(db, federationName);
  return JSON.stringify(keyFiguresReportJson(await yearFigures(db, f.id, year)), null, 2) + '\n';
}

/** What `report operating-statement --format json` prints (kronor) with its period and forecast, from the one model. */
export async function operatingStatementReport(db: Queryable, federationName: string, year: number): Promise<string> {
  const { getFederationByName, yearFigures } = await economy();
  const f = await getFederationByName(db, federationName);
  return JSON.stringify(operatingStatementReportJson(await yearFigures(db, f.id, year)), null, 2) + '\n';
}

async function output(data: string | Buffer, file: string | undefined): Promise<void> {
  if (file) await writeFile(file, data);
  else if (typeof data === 'string') process.stdout.write(data);
  else await new Promise<void>((res, rej) => process.stdout.write(data, (e) => (e ? rej(e) : res())));
}

export function registerEconomy(program: Command): void {
  const imp = commandGroup(program, 'import', 'Läser in data från fil (allt eller inget)');
  imp
    .command('reference')
    .description('Läser in en fil i referensformatet samordna-reference/1 (förbund, medlemmar, år, bidrag, budget, utfall)')
    .argument('<file>', 'JSON-fil')
    .action(async (file: string) => {
      const { importReferenceFile } = await import('../importers/reference/importReference.ts');
      await withDb(async (db) => {
        const r = await importReferenceFile(db, file, cliActor);
        console.error(`Inläst: ${r.federationName}, år ${r.years.join(', ')}.`);
      });
    });

  imp
    .command('outcome')
    .description('Läser in utfall per budgetpost och månad från en XLSX- eller CSV-fil enligt mallen (ersätter förra filinläsningen för samma år)')
    .argument('<file>', '.xlsx eller .csv')
    .requiredOption('--federation <name>', 'förbundets namn')
    .action(async (file: string, opts: { federation: string }) => {
      const [{ getFederationByName }, { importOutcomeFile }] = await Promise.all([economy(), import('../importers/outcome/importOutcome.ts')]);
      await withDb(async (db) => {
        const f = await getFederationByName(db, opts.federation);
        const r = await importOutcomeFile(db, f.id, file, cliActor);
        console.error(`Inläst: ${r.rows} utfallsrader för ${r.years.join(', ')}.`);
      });
    });

  commandGroup(program, 'template', 'Mallar för filinläsning')
    .command('outcome')
    .description('Skriver mallen för utfallsfiler (med förbundets budgetposter om --federation och --year anges)')
    .option('--format <format>', 'xlsx | csv', 'xlsx')
    .option('--federation <name>', 'förbundets namn')
    .option('--year <year>', 'år', String(currentYear()))
    .option('--output <file>', 'skriv till fil i stället för standard ut')
    .action(async (opts: { format: string; federation?: string; year: string; output?: string }) => {
      if (!['xlsx', 'csv'].includes(opts.format)) throw new InputError({ field: '--format', message: 'Ange xlsx eller csv.' });
      const year = parseYear(opts.year);
      const { getFederationByName, listBudgetLines } = await economy();
      const { outcomeTemplateTable } = await import('../importers/outcome/outcomeTemplate.ts');
      const lines = opts.federation
        ? await withDb(async (db) => listBudgetLines(db, (await getFederationByName(db, opts.federation!)).id))
        : [{ section: 'administration' as const, label: 'Styrelse' }, { section: 'individual' as const, label: 'Samordningsteam' }];
      const table = outcomeTemplateTable(year, lines);
      await output(opts.format === 'csv' ? (await import('../exports/csv.ts')).tableToCsv(table) : await (await import('../exports/xlsx.ts')).tableToXlsx(table), opts.output);
    });

  const report = commandGroup(program, 'report', 'Rapporter');
  report
    .command('key-figures')
    .description('Nyckeltal för ett år (JSON enligt referensens kontrakt)')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år')
    .option('--format <format>', 'json', 'json')
    .action(async (opts: { federation: string; year: string; format: string }) => {
      if (opts.format !== 'json') throw new InputError({ field: '--format', message: 'Nyckeltal finns som json.' });
      const year = parseYear(opts.year);
      await withDb(async (db) => {
        process.stdout.write(await keyFiguresReport(db, opts.federation, year));
      });
    });

  report
    .command('operating-statement')
    .description('Driftredovisning för ett år: json (kronor) eller csv, xlsx, table (tkr, som i årsredovisningen)')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år')
    .option('--format <format>', 'json | csv | xlsx | table', 'json')
    .option('--output <file>', 'skriv till fil i stället för standard ut')
    .action(async (opts: { federation: string; year: string; format: string; output?: string }) => {
      if (!['json', 'csv', 'xlsx', 'table'].includes(opts.format)) throw new InputError({ field: '--format', message: 'Ange json, csv, xlsx eller table.' });
      const year = parseYear(opts.year);
      await withDb(async (db) => {
        if (opts.format === 'json') return output(await operatingStatementReport(db, opts.federation, year), opts.output);
        const { getFederationByName, yearFigures } = await economy();
        const f = await getFederationByName(db, opts.federation);
        const table = yearStatementTable(await yearFigures(db, f.id, year));
        if (opts.format === 'csv') return output((await import('../exports/csv.ts')).tableToCsv(table), opts.output);
        if (opts.format === 'xlsx') return output(await (await import('../exports/xlsx.ts')).tableToXlsx(table), opts.output);
        return output((await import('../exports/textTable.ts')).tableToText(table), opts.output);
      });
    });
}
