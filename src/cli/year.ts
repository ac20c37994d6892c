import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { parseKronor, valueOrThrow } from '../core/input/index.ts';
import { formatKronor } from '../core/format.ts';
import { cliActorIn, commandGroup, parseYear, withDb } from './shared.ts';

/**
 * `year start|close`: the year's cycle from the command line. `start` does what "Nytt år" does (budget, allocation
 * key, contributions and opening equity from the year before); `close` closes the year (bokslut), `--reopen` opens it.
 */
export function registerYear(program: Command): void {
  const year = commandGroup(program, 'year', 'Årets gång: nytt år, stäng året');
  year
    .command('start')
    .description('Startar ett nytt år som "Nytt år": budget, fördelningsnyckel, bidrag och ingående eget kapital från året före')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'det nya året')
    .option('--allocation <kronor>', 'årets medelstilldelning i kronor (utan: samma som året före)')
    .action(async (o: { federation: string; year: string; allocation?: string }) => {
      const y = parseYear(o.year);
      const [{ getFederationByName }, { startYear }, { findFiscalYear }] = await Promise.all([
        import('../services/economy/index.ts'),
        import('../services/economy/yearCycle.ts'),
        import('../services/economy/years.ts'),
      ]);
      await withDb(async (db) => {
        const f = await getFederationByName(db, o.federation);
        let allocationOre: number;
        if (o.allocation !== undefined) allocationOre = valueOrThrow(parseKronor(o.allocation), { field: '--allocation' });
        else {
          const previous = await findFiscalYear(db, f.id, y - 1);
          if (previous?.allocationOre == null) throw new InputError({ field: "--allocation", message: `Året ${y - 1} har ingen medelstilldelning; ange --allocation.` });
          allocationOre = previous.allocationOre;
        }
        const s = await startYear(db, f.id, y, { allocationOre }, cliActorIn(f.id));
        console.log(
          s.fromYear === null
            ? `Året ${y} är startat (förbundets första år).`
            : `Året ${y} är startat från ${s.fromYear}: ${s.copiedLines} budgetposter, ${s.keyCarriedOver ? 'fördelningsnyckeln och bidragen' : 'ingen fördelningsnyckel'}, ingående eget kapital ${s.openingEquityOre === null ? 'okänt' : `${formatKronor(s.openingEquityOre)} kr`}.`,
        );
      });
    });
  year
    .command('close')
    .description('Stänger året (bokslut): siffrorna blir årets utfall, ingen prognos. --reopen öppnar det igen')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år')
    .option('--reopen', 'öppna ett stängt år igen (går inte när årsredovisningen är fastställd)')
    .action(async (o: { federation: string; year: string; reopen?: boolean }) => {
      const y = parseYear(o.year);
      const { closeYear, getFederationByName, reopenYear } = await import('../services/economy/index.ts');
      await withDb(async (db) => {
        const f = await getFederationByName(db, o.federation);
        if (o.reopen) {
          await reopenYear(db, f.id, y, cliActorIn(f.id));
          console.log(`Året ${y} är öppnat igen.`);
        } else {
          const c = await closeYear(db, f.id, y, cliActorIn(f.id));
          console.log(`Året ${y} är stängt (${c.closedAt.slice(0, 10)}, ${c.closedBy}).`);
        }
      });
    });
}
