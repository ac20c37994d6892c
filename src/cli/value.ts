import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDecimal, valueOrThrow } from '../core/input/index.ts';
import { NotFoundError } from '../core/errors.ts';
import { cliActorIn, parseYear, withDb } from './shared.ts';

const fraction = (raw: string, field: string) => valueOrThrow(parseDecimal(raw, { min: 0, max: 1, decimals: 4 }), { field });

/**
 * `samordna value costs|report`: the unit-cost table per förbund and year (CSV import, all or nothing) and the
 * value report (samhällsekonomisk effekt, docs/value-per-member.md).
 */
export function registerValue(program: Command): void {
  const cmd = program.command('value').description('Värde per medlem (samhällsekonomisk effekt): kostnadstabell och rapport');

  cmd
    .command('costs')
    .description('Ersätter årets kostnadstabell med en CSV-fil (stödform;betalare;kronor_per_år;källa), allt eller inget; utan --import visas tabellen')
    .requiredOption('--federation <namn>', 'förbundets namn')
    .requiredOption('--year <år>', 'år')
    .option('--import <fil>', 'CSV-fil att läsa in')
    .action(async (o: { federation: string; year: string; import?: string }) => {
      const year = parseYear(o.year);
      const [{ getFederationByName }, { replaceUnitCosts, unitCostTable }] = await Promise.all([import('../services/federations/federations.ts'), import('../services/value/unitCosts.ts')]);
      const costs = o.import ? (await import('../importers/value/unitCostCsv.ts')).parseUnitCostCsv(readFileSync(o.import, 'utf8'), basename(o.import)) : null;
      await withDb(async (db) => {
        const f = await getFederationByName(db, o.federation);
        if (costs) {
          const n = await replaceUnitCosts(db, f.id, year, costs, cliActorIn(f.id));
          console.log(`Kostnadstabellen för ${year} är ersatt: ${n} belopp.`);
          return;
        }
        const table = await unitCostTable(db, f.id, year);
        console.log(table.origin === 'own' ? `Förbundets egen tabell för ${year}:` : `Förbundet har ingen egen tabell för ${year}; Samordnas standardtabell gäller:`);
        for (const c of table.costs) console.log(`${c.supportSource}\t${c.payer}\t${c.annualOre / 100}\t${c.source}`);
      });
    });

  cmd
    .command('report')
    .description('Samhällsekonomisk effekt för ett år: per betalare, 1 och 5 år, avkastning per krona')
    .requiredOption('--federation <namn>', 'förbundets namn')
    .requiredOption('--year <år>', 'år')
    .option('--intervention <namn>', 'bara denna insats')
    .option('--persistence <q>', 'andel av effekten som består från ett år till nästa (0–1)', '0.5')
    .option('--discount <r>', 'diskonteringsränta (0–1)', '0.035')
    .option('--format <format>', 'text eller json', 'text')
    .action(async (o: { federation: string; year: string; intervention?: string; persistence: string; discount: string; format: string }) => {
      const year = parseYear(o.year);
      const parameters = { persistence: fraction(o.persistence, '--persistence'), discount: fraction(o.discount, '--discount') };
      const [{ getFederationByName }, { listInterventions }, { valueReportOf }] = await Promise.all([
        import('../services/federations/federations.ts'),
        import('../services/interventions/interventions.ts'),
        import('../services/value/valueReport.ts'),
      ]);
      await withDb(async (db) => {
        const f = await getFederationByName(db, o.federation);
        let interventionId: number | undefined;
        if (o.intervention) {
          const found = (await listInterventions(db, f.id)).find((i) => i.name === o.intervention);
          if (!found) throw new NotFoundError(`Insatsen "${o.intervention}" finns inte.`);
          interventionId = found.id;
        }
        const r = await valueReportOf(db, f.id, year, interventionId === undefined ? { parameters } : { interventionId, parameters });
        if (o.format === 'json') return console.log(JSON.stringify(r, null, 2));
        const { formatNumber } = await import('../core/format.ts');
        console.log(`Samhällsekonomisk effekt ${year}, ${r.scope.kind === 'intervention' ? r.scope.name : f.name} (${r.tableOrigin === 'own' ? 'förbundets kostnadstabell' : 'Samordnas standardtabell'})`);
        console.log(`Avslutade deltaganden: ${r.participations ?? '–'}, utan känd försörjning före eller efter: ${r.unknown ?? '–'}`);
        if (r.hidden || !r.byPayer || !r.total) return console.log(`Dolt: färre än ${r.minCellSize} deltaganden med känd försörjning.`);
        for (const [p, v] of Object.entries(r.byPayer)) console.log(`${p}\t1 år ${formatNumber(v.year1)} kr\t5 år ${formatNumber(v.year5)} kr`);
        console.log(`Totalt\t1 år ${formatNumber(r.total.year1)} kr\t5 år ${formatNumber(r.total.year5)} kr`);
        console.log(`Kostnad ${r.cost === null ? '–' : `${formatNumber(r.cost)} kr`}; avkastning per krona ${r.returnPerKrona ? `${r.returnPerKrona.year1} (1 år), ${r.returnPerKrona.year5} (5 år)` : '–'}`);
      });
    });
}
