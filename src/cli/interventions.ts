import type { Command } from 'commander';
import { parseYear } from './shared.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { NotFoundError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import { listInterventions } from '../services/interventions/interventions.ts';
import { publishedStatistics } from '../services/interventions/publishedStatistics.ts';
import type { ParticipantStatistics } from '../core/statistics/participantStatistics.ts';
import { loadInterventionDemo } from '../services/interventions/demo/loadInterventionDemo.ts';
import { importParticipations } from '../importers/participants/importParticipations.ts';
import { followUpCsv, followUpXlsx } from '../exports/interventionFollowUp.ts';
import { tableRows } from '../exports/statTableExport.ts';
import { cliActorIn, withDb } from './shared.ts';


async function federationId(db: Database, name: string): Promise<number> {
  const [row] = await db.query<{ id: number }>('select id from federation where name = $1', [name]);
  if (!row) throw new NotFoundError(`Förbundet "${name}" finns inte.`);
  return row.id;
}

/**
 * The year's statistics as published (the förbund's, or one intervention's): the same publication as the
 * statistics pages, the API, the reports and the national view. A year that is not published yet is refused.
 */
async function published(db: Database, fid: number, year: number, interventionId?: number): Promise<ParticipantStatistics> {
  const { stats, publishedFrom } = await publishedStatistics(db, fid, year, interventionId === undefined ? {} : { interventionId });
  if (!stats) throw new NotFoundError(`Deltagarstatistiken för ${year} är inte publicerad; den publiceras ${publishedFrom}, när året har stängt.`);
  return stats;
}

async function interventionId(db: Database, fid: number, name: string): Promise<number> {
  const found = (await listInterventions(db, fid)).find((i) => i.name === name);
  if (!found) throw new NotFoundError(`Insatsen "${name}" finns inte.`);
  return found.id;
}

/** `samordna insatser …`: interventions, participant import, statistics and the follow-up export. */
export function registerInterventions(program: Command): void {
  const cmd = program.command('insatser').description('Insatser, deltagare och deltagarstatistik');

  cmd
    .command('lista')
    .description('Listar förbundets insatser')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .action((o: { federation: string }) =>
      withDb(async (db) => {
        for (const i of await listInterventions(db, await federationId(db, o.federation))) console.log(`${i.id}\t${i.kind}\t${i.name}`);
      }),
    );

  cmd
    .command('importera-deltagare <fil>')
    .description('Läser in deltagare från mallen (.xlsx eller .csv), allt eller inget')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .requiredOption('-i, --intervention <namn>', 'insatsens namn')
    .action((file: string, o: { federation: string; intervention: string }) =>
      withDb(async (db) => {
        const fid = await federationId(db, o.federation);
        const id = await interventionId(db, fid, o.intervention);
        const { imported } = await importParticipations(db, fid, id, { name: basename(file), data: new Uint8Array(readFileSync(file)) }, cliActorIn(fid));
        console.log(`${imported} deltagare inlästa.`);
      }),
    );

  cmd
    .command('statistik')
    .description('Publicerad deltagarstatistik för ett stängt år (maskerad, som sidorna); hela förbundet eller en insats')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .requiredOption('-y, --year <år>', 'år')
    .option('-i, --intervention <namn>', 'bara denna insats')
    .option('--format <format>', 'text eller json', 'text')
    .action((o: { federation: string; year: string; intervention?: string; format: string }) =>
      withDb(async (db) => {
        const fid = await federationId(db, o.federation);
        const s = await published(db, fid, parseYear(o.year), o.intervention ? await interventionId(db, fid, o.intervention) : undefined);
        if (o.format === 'json') return console.log(JSON.stringify(s, null, 2));
        for (const t of [s.flowByGender, s.exitOutcomes, s.supportDuration, s.education, s.byIntervention]) {
          console.log(`\n${t.title}`);
          for (const row of tableRows(t)) console.log(row.join('\t'));
        }
        console.log(`\n– = dolt (färre än ${s.minCellSize} eller skulle kunna räknas fram).`);
      }),
    );

  cmd
    .command('uppfoljning')
    .description('Exporterar uppföljningen (deltagare efter kön: aktiva, nya, avslutade) för en insats till .csv eller .xlsx')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .requiredOption('-i, --intervention <namn>', 'insatsens namn')
    .requiredOption('-y, --year <år>', 'år')
    .requiredOption('-o, --out <fil>', 'utfil, .csv eller .xlsx')
    .action((o: { federation: string; intervention: string; year: string; out: string }) =>
      withDb(async (db) => {
        const fid = await federationId(db, o.federation);
        const id = await interventionId(db, fid, o.intervention);
        const s = await published(db, fid, parseYear(o.year), id);
        if (o.out.endsWith('.xlsx')) writeFileSync(o.out, await followUpXlsx(o.intervention, s));
        else writeFileSync(o.out, followUpCsv(o.intervention, s));
        console.log(`Skrev ${o.out}.`);
      }),
    );

  cmd
    .command('demo')
    .description('Läser in Västmanlands team, syntetiska deltagare och strukturaktiviteter 2025 (om förbundet saknar insatser)')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .action((o: { federation: string }) =>
      withDb(async (db) => {
        await loadInterventionDemo(db, await federationId(db, o.federation));
        console.log('Klart.');
      }),
    );
}
