import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../core/errors.ts';
import { compareScenario, computeStateAllocation, type StateAllocation } from '../core/economy/stateAllocation.ts';
import { oreAsKronor } from '../core/rounding.ts';
import { parseKronor, parsePercent, valueOrThrow } from '../core/input/index.ts';
import { stateAllocationTable } from '../core/economy/stateAllocationTable.ts';
import { cliActor, parseYear, withDb } from './shared.ts';

const parser = () => import('../importers/stateAllocation/parseStateInputs.ts');
const service = () => import('../services/economy/stateAllocation.ts');
const textTable = () => import('../exports/textTable.ts');

function totalOre(text: string, field = '--total'): number {
  return valueOrThrow(parseKronor(text), { field });
}

function maxFall(text: string | undefined): number | null {
  return text === undefined ? null : valueOrThrow(parsePercent(text), { field: '--max-fall' });
}

/** The allocation as JSON in kronor: each förbund's base, shares and amount (base + shares). */
export function stateAllocationJson(a: StateAllocation) {
  return {
    total: oreAsKronor(a.totalOre),
    base: oreAsKronor(a.baseOre),
    variable: oreAsKronor(a.variableOre),
    supportPool: oreAsKronor(a.supportPoolOre),
    populationPool: oreAsKronor(a.populationPoolOre),
    federations: a.parts.map((p) => ({
      federation: p.federation,
      base: oreAsKronor(p.baseOre),
      supportShare: oreAsKronor(p.supportShareOre),
      populationShare: oreAsKronor(p.populationShareOre),
      adjustment: oreAsKronor(p.adjustmentOre),
      amount: oreAsKronor(p.amountOre),
    })),
  };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new InputError({ file, message: 'Filen går inte att läsa.' });
  }
}

/** `samordna allocation-model …` (compute from a file, no database) and `samordna allocation-inputs …` (stored inputs). */
export function registerStateAllocation(program: Command): void {
  program
    .command('allocation-model')
    .description('Statens fördelningsmodell: 400 tkr per förbund, resten 75 % efter försörjningsmått och 25 % efter befolkning 16–64 (belopp i kronor)')
    .requiredOption('--input <fil>', 'CSV: förbund;befolkning_16_64;försörjningsmått')
    .requiredOption('--total <kronor>', 'statens totala belopp i kronor')
    .option('--format <format>', 'json eller table', 'table')
    .option('--merge <förbund>', 'vad händer om: slå samman förbunden (namn skilda med semikolon)')
    .option('--merged-name <namn>', 'det sammanslagna förbundets namn', 'Sammanslaget förbund')
    .option('--split <förbund>', 'vad händer om: dela förbundet (delarna i --into)')
    .option('--into <fil>', 'CSV i samma format med delarna av det delade förbundet')
    .option('--previous <fil>', 'förra årets CSV (samma format) för gränsen för minskning')
    .option('--previous-total <kronor>', 'förra årets totala belopp')
    .option('--max-fall <procent>', 'högsta minskning från förra året, t.ex. 10')
    .action(async (o: { input: string; total: string; format: string; merge?: string; mergedName: string; split?: string; into?: string; previous?: string; previousTotal?: string; maxFall?: string }) => {
      const { parseStateInputs } = await parser();
      const inputs = parseStateInputs(readText(o.input), basename(o.input));
      const total = totalOre(o.total);
      let previousOre: Map<string, number> | undefined;
      if (o.previous) {
        if (!o.previousTotal) throw new InputError({ field: '--previous-total', message: 'Ange förra årets totala belopp.' });
        const prev = computeStateAllocation(parseStateInputs(readText(o.previous), basename(o.previous)), totalOre(o.previousTotal, '--previous-total'));
        previousOre = new Map(prev.parts.map((p) => [p.federation, p.amountOre]));
      }
      const options = { previousOre, maxFallBp: maxFall(o.maxFall) };
      if (o.merge || o.split) {
        if (o.split && !o.into) throw new InputError({ field: '--into', message: 'Ange delarna i en CSV-fil med --into.' });
        const scenario = o.split
          ? { kind: 'split' as const, federation: o.split, into: parseStateInputs(readText(o.into!), basename(o.into!)) }
          : { kind: 'merge' as const, federations: o.merge!.split(';').map((s) => s.trim()).filter(Boolean), name: o.mergedName };
        const cmp = compareScenario(inputs, total, scenario, options);
        const rows = cmp.rows.map((r) => ({ before: r.before, after: r.after, beforeAmount: oreAsKronor(r.beforeOre), afterAmount: oreAsKronor(r.afterOre), change: oreAsKronor(r.changeOre) }));
        if (o.format === 'json') return console.log(JSON.stringify({ before: stateAllocationJson(cmp.before), after: stateAllocationJson(cmp.after), rows }, null, 2));
        for (const r of rows) console.log(`${r.before.join(' + ')}\t${r.beforeAmount}\t→\t${r.after.join(' + ')}\t${r.afterAmount}\t${r.change}`);
        return;
      }
      const a = computeStateAllocation(inputs, total, options);
      if (o.format === 'json') return console.log(JSON.stringify(stateAllocationJson(a), null, 2));
      process.stdout.write((await textTable()).tableToText(stateAllocationTable(a)));
    });

  const cmd = program.command('allocation-inputs').description('Underlag för statens fördelningsmodell per förbund och år');
  cmd
    .command('import <fil>')
    .description('Läser in förbund;befolkning_16_64;försörjningsmått för ett år (allt eller inget; förbunden ska finnas)')
    .requiredOption('--year <år>', 'år')
    .action(async (file: string, o: { year: string }) => {
      const [{ parseStateInputRows }, { importStateInputs }] = await Promise.all([parser(), service()]);
      await withDb(async (db) => {
        const n = await importStateInputs(db, parseYear(o.year), parseStateInputRows(readText(file), basename(file)), basename(file), cliActor);
        console.log(`${n} förbund inlästa.`);
      });
    });
  cmd
    .command('total')
    .description('Sätter statens totala belopp för ett år (och valfri gräns för minskning)')
    .requiredOption('--year <år>', 'år')
    .requiredOption('--total <kronor>', 'belopp i kronor')
    .option('--max-fall <procent>', 'högsta minskning från förra året, t.ex. 10')
    .action(async (o: { year: string; total: string; maxFall?: string }) => {
      const { saveStateYear } = await service();
      await withDb(async (db) => {
        await saveStateYear(db, parseYear(o.year), { totalOre: totalOre(o.total), maxFallBp: maxFall(o.maxFall) }, cliActor);
        console.log('Sparat.');
      });
    });
  cmd
    .command('show')
    .description('Visar årets fördelning ur de sparade underlagen')
    .requiredOption('--year <år>', 'år')
    .option('--format <format>', 'json eller table', 'table')
    .action(async (o: { year: string; format: string }) => {
      const [{ stateAllocationForYear }, { tableToText }] = await Promise.all([service(), textTable()]);
      await withDb(async (db) => {
        const y = await stateAllocationForYear(db, parseYear(o.year));
        if (!y.allocation) throw new InputError({ field: '--year', message: y.problem ?? 'Inget att visa.' });
        if (o.format === 'json') return console.log(JSON.stringify(stateAllocationJson(y.allocation), null, 2));
        process.stdout.write(tableToText(stateAllocationTable(y.allocation)));
      });
    });
}
