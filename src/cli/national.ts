import type { Command } from 'commander';
import { cliActor, parseYear, withDb } from './shared.ts';
import { syntheticNote } from '../core/statistics/nationalTables.ts';

/** `samordna national …`: the suppressed cross-förbund tables and the synthetic national data set. */
export function registerNational(program: Command): void {
  const cmd = program.command('national').description('Nationell statistik över alla förbund (maskerad) och syntetiska data');
  cmd
    .command('statistics')
    .description('Nationella tabeller för ett år: per förbund, per län och för landet (små tal dolda)')
    .requiredOption('--year <år>', 'år')
    .option('--format <format>', 'text, json eller csv', 'text')
    .action(async (o: { year: string; format: string }) => {
      const [{ nationalStatisticsForYear }, { freezeAllClosedYears }, { nationalCountTables, nationalCsv, nationalJson }, { tableRows }] = await Promise.all([
        import('../services/national/nationalStatistics.ts'),
        import('../services/interventions/publishedStatistics.ts'),
        import('../exports/nationalExport.ts'),
        import('../exports/statTableExport.ts'),
      ]);
      await withDb(async (db) => {
        // The national tables are the förbund's frozen figures: freeze what has closed but is not frozen yet
        // (up to the year asked for; the trend's earlier years come with it).
        const year = parseYear(o.year);
        const n = await freezeAllClosedYears(db, { upTo: year });
        if (n) console.error(`Fastställde stängda år i ${n} förbund.`);
        const s = await nationalStatisticsForYear(db, year);
        if (o.format === 'json') return void console.log(JSON.stringify(nationalJson(s), null, 2));
        if (o.format === 'csv') return void process.stdout.write(nationalCsv(s));
        if (s.synthetic) console.log(syntheticNote);
        if (s.publication.state !== 'published') console.log(`Deltagarsiffrorna för ${s.year} publiceras när året stängs (${s.publication.publishedFrom}).`);
        for (const t of nationalCountTables(s)) {
          console.log(`\n${t.title}`);
          for (const row of tableRows(t)) console.log(row.join('\t'));
        }
        console.log(`\n– = dolt (färre än ${s.minCellSize} eller skulle kunna räknas fram).`);
      });
    });
  cmd
    .command('synthetic')
    .description('Läser in det syntetiska nationella datasetet: 80 förbund × 5 år (2021–2025), tydligt märkta som syntetiska')
    .action(async () => {
      const { loadNationalSynthetic } = await import('../services/national/synthetic.ts');
      await withDb(async (db) => {
        const r = await loadNationalSynthetic(db, cliActor);
        console.log(`Inläst: ${r.federations} syntetiska förbund, ${r.participations} deltaganden.`);
      });
    });
}
