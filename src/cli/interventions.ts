import type { Command } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { NotFoundError } from '../core/errors.ts';
import type { Database, Queryable } from '../db/database.ts';
import type { ParticipantStatistics } from '../core/statistics/participantStatistics.ts';
import { cliActorIn, parseYear, withDb } from './shared.ts';


async function federationId(db: Queryable, name: string): Promise<number> {
  const { getFederationByName } = await import('../services/federations/federations.ts');
  return (await getFederationByName(db, name)).id;
}

/**
 * The year's statistics as published (the förbund's, or one intervention's): the same publication as the
 * statistics pages, the API, the reports and the national view. A year that is not published yet is refused.
 */
async function published(db: Database, fid: number, year: number, interventionId?: number): Promise<ParticipantStatistics> {
  const { publishedStatistics } = await import('../services/interventions/publishedStatistics.ts');
  const { stats, publishedFrom } = await publishedStatistics(db, fid, year, interventionId === undefined ? {} : { interventionId });
  if (!stats) throw new NotFoundError(`Deltagarstatistiken för ${year} är inte publicerad; den publiceras ${publishedFrom}, när året har stängt.`);
  return stats;
}

async function interventionId(db: Queryable, fid: number, name: string): Promise<number> {
  const { listInterventions } = await import('../services/interventions/interventions.ts');
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
    .action(async (o: { federation: string }) => {
      const { listInterventions } = await import('../services/interventions/interventions.ts');
      await withDb(async (db) => {
        for (const i of await listInterventions(db, await federationId(db, o.federation))) console.log(`${i.id}\t${i.kind}\t${i.name}`);
      });
    });

  cmd
    .command('importera-deltagare <fil>')
    .description('Läser in deltagare från mallen (.xlsx eller .csv), allt eller inget')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .requiredOption('-i, --intervention <namn>', 'insatsens namn')
    .action(async (file: string, o: { federation: string; intervention: string }) => {
      const { importParticipations } = await import('../importers/participants/importParticipations.ts');
      await withDb(async (db) => {
        const fid = await federationId(db, o.federation);
        const id = await interventionId(db, fid, o.intervention);
        const { imported } = await importParticipations(db, fid, id, { name: basename(file), data: new Uint8Array(readFileSync(file)) }, cliActorIn(fid));
        console.log(`${imported} deltagare inlästa.`);
      });
    });

  cmd
    .command('statistik')
    .description('Publicerad deltagarstatistik för ett stängt år (maskerad, som sidorna); hela förbundet eller en insats')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .requiredOption('-y, --year <år>', 'år')
    .option('-i, --intervention <namn>', 'bara denna insats')
    .option('--format <format>', 'text eller json', 'text')
    .action(async (o: { federation: string; year: string; intervention?: string; format: string }) => {
      const { tableRows } = await import('../exports/statTableExport.ts');
      await withDb(async (db) => {
        const fid = await federationId(db, o.federation);
        const s = await published(db, fid, parseYear(o.year), o.intervention ? await interventionId(db, fid, o.intervention) : undefined);
        if (o.format === 'json') return console.log(JSON.stringify(s, null, 2));
        for (const t of [s.flowByGender, s.exitOutcomes, s.supportDuration, s.education, s.byIntervention, ...(s.followUp ? [s.followUp.status, s.followUp.work] : [])]) {
          console.log(`\n${t.title}`);
          for (const row of tableRows(t)) console.log(row.join('\t'));
        }
        console.log(`\n– = dolt (färre än ${s.minCellSize} eller skulle kunna räknas fram).`);
      });
    });

  cmd
    .command('uppfoljning')
    .description('Exporterar uppföljningen (deltagare efter kön: aktiva, nya, avslutade) för en insats till .csv eller .xlsx')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .requiredOption('-i, --intervention <namn>', 'insatsens namn')
    .requiredOption('-y, --year <år>', 'år')
    .requiredOption('-o, --out <fil>', 'utfil, .csv eller .xlsx')
    .action(async (o: { federation: string; intervention: string; year: string; out: string }) => {
      const { followUpCsv, followUpXlsx } = await import('../exports/interventionFollowUp.ts');
      await withDb(async (db) => {
        const fid = await federationId(db, o.federation);
        const id = await interventionId(db, fid, o.intervention);
        const s = await published(db, fid, parseYear(o.year), id);
        if (o.out.endsWith('.xlsx')) writeFileSync(o.out, await followUpXlsx(o.intervention, s));
        else writeFileSync(o.out, followUpCsv(o.intervention, s));
        console.log(`Skrev ${o.out}.`);
      });
    });

  cmd
    .command('demo')
    .description('Läser in Västmanlands team, syntetiska deltagare och strukturaktiviteter 2025 (om förbundet saknar insatser)')
    .requiredOption('-f, --federation <namn>', 'förbundets namn')
    .action(async (o: { federation: string }) => {
      const { loadInterventionDemo } = await import('../services/interventions/demo/loadInterventionDemo.ts');
      await withDb(async (db) => {
        await loadInterventionDemo(db, await federationId(db, o.federation));
        console.log('Klart.');
      });
    });
}
