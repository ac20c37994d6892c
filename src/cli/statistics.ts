import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { parseYear, withDb } from './shared.ts';
import { currentYear, today } from '../core/calendar.ts';

/**
 * `samordna statistics freeze`: fixes (freezes) the published participant statistics of closed years now,
 * instead of waiting for the server's background freezer (docs/statistics-protection.md).
 */
export function registerStatistics(program: Command): void {
  const cmd = program.command('statistics').description('Publicerad deltagarstatistik (fastställd per stängt år)');
  cmd
    .command('freeze')
    .description('Fastställer (fryser) deltagarstatistiken för stängda år som inte är frysta, till och med --year (standard: alla stängda år)')
    .option('--federation <name>', 'förbundets namn (standard: alla förbund)')
    .option('--year <år>', 'till och med detta år')
    .action(async (o: { federation?: string; year?: string }) => {
      const [{ getFederationByName, listFederations }, { closingDate, freezeClosedYears }] = await Promise.all([
        import('../services/federations/federations.ts'),
        import('../services/interventions/publishedStatistics.ts'),
      ]);
      await withDb(async (db) => {
        const now = new Date();
        const upTo = o.year === undefined ? currentYear(now) : parseYear(o.year);
        const federations = o.federation ? [await getFederationByName(db, o.federation)] : await listFederations(db);
        for (const f of federations) {
          if (o.year !== undefined) {
            const from = closingDate(upTo, f.settings.statisticsClosingDays);
            if (from > today(now)) {
              if (o.federation) throw new InputError({ field: '--year', message: `Året ${upTo} stängs först ${from}; det kan inte fastställas före dess.` });
              continue;
            }
          }
          const frozen = await freezeClosedYears(db, f.id, upTo, now);
          const years = frozen.map((y) => y.year);
          console.log(`${f.name}: ${years.length ? `fastställda år ${years.join(', ')}` : 'inga deltagare, inget att fastställa'}`);
        }
      });
    });
}
