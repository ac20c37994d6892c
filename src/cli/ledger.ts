import type { Command } from 'commander';
import { describeProblem, InputError } from '../core/errors.ts';
import type { StatementLayout } from '../core/ledger/layout.ts';
import type { Queryable } from '../db/database.ts';
import { statementsTable } from '../core/ledger/tables.ts';
import { cliActor, commandGroup, parseYear, withDb } from './shared.ts';
import { accountClasses } from '../core/ledger/classification.ts';
import { formatKronor, formatPercent } from '../core/format.ts';

const actor = cliActor;
const mapping = () => import('../services/ledger/mapping.ts');

async function federationByName(db: Queryable, name: string) {
  const { getFederationByName } = await import('../services/federations/federations.ts');
  return getFederationByName(db, name);
}
const yearOption = parseYear;
/** Whole kronor, sv-SE, as the statements print; blank where there is no figure. */
const kronor = (ore: number | null) => (ore === null ? '' : formatKronor(ore));

function printLayout(layout: readonly StatementLayout[], year: number): void {
  for (const s of layout) {
    console.log(`\n${s.title}`.padEnd(62) + String(year).padStart(14) + String(year - 1).padStart(14));
    for (const r of s.rows) {
      const label = (r.kind === 'row' ? '  ' : '') + r.label + (r.note ? ` (not ${r.note})` : '');
      console.log(label.padEnd(62) + kronor(r.currentOre).padStart(14) + kronor(r.previousOre).padStart(14));
    }
  }
}

/** `samordna import sie …` and `samordna ledger …`. */
export function registerLedger(program: Command): void {
  // "import" is shared with other areas (e.g. the reference import): find it or make it.
  const importCommand = commandGroup(program, 'import', 'Läser in data från fil (allt eller inget)');
  importCommand
    .command('sie <file>')
    .description('Läser in en SIE 4-fil som förbundets huvudbok för filens räkenskapsår (ersätter ett tidigare inläst år)')
    .requiredOption('--federation <name>', 'förbundets namn (skapas om det inte finns)')
    .option('--organisation-number <nnnnnn-nnnn>', 'bekräftar att filen är förbundets bokföring (ska vara filens #ORGNR; sparas som förbundets när inget finns)')
    .option('--predecessor', 'filen är en föregångares bokföring (annat #ORGNR/#FNAMN än förbundets): läs in ändå')
    .action(async (file: string, opts: { federation: string; predecessor?: boolean; organisationNumber?: string }) => {
      const [{ importSieFile }, { OrganisationConfirmationNeeded }] = await Promise.all([import('../importers/sie/import.ts'), import('../services/ledger/identity.ts')]);
      await withDb(async (db) => {
        const started = Date.now();
        const input = { source: file, predecessor: opts.predecessor === true, ...(opts.organisationNumber !== undefined ? { organisationNumber: opts.organisationNumber } : {}) };
        const r = await importSieFile(db, { name: opts.federation }, input, actor).catch((e: unknown) => {
          if (e instanceof OrganisationConfirmationNeeded) {
            throw new InputError([...e.problems, { field: '--organisation-number', message: `Är det förbundets bokföring, kör igen med --organisation-number ${e.organisationNumber}.` }]);
          }
          throw e;
        });
        if (r.federationCreated) console.log(`Förbundet "${opts.federation}" skapades.`);
        console.log(
          `Inläst: räkenskapsår ${r.yearStart}–${r.yearEnd}, ${r.accounts} konton, ${r.vouchers} verifikationer, ${r.transactions} transaktioner, ${r.balances} saldon` +
            ` (${((Date.now() - started) / 1000).toFixed(1)} s). SHA-256 ${r.sha256}.` +
            (r.replacedImportId ? ' Den tidigare inläsningen av året ersattes.' : ''),
        );
        for (const n of r.notices) console.log(`Observera: ${describeProblem(n)}`);
      });
    });

  const ledger = program.command('ledger').description('Huvudboken från SIE: rapporter, inläsningar och koppling till budgetposter');
  ledger
    .command('statements')
    .description('Resultaträkning, balansräkning och kassaflödesanalys ur huvudboken (året och året före)')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'räkenskapsår')
    .option('--format <format>', 'table, json eller csv', 'table')
    .action(async (opts: { federation: string; year: string; format: string }) => {
      const { ledgerStatements } = await import('../services/ledger/statements.ts');
      await withDb(async (db) => {
        const fed = await federationByName(db, opts.federation);
        const year = yearOption(opts.year);
        const s = await ledgerStatements(db, fed.id, year);
        if (!s) throw new InputError({ field: '--year', message: `Det finns ingen huvudbok för ${year}. Läs in en SIE-fil först.` });
        if (opts.format === 'json') {
          const kr = (o: number | null) => (o === null ? null : o / 100);
          console.log(JSON.stringify({
            federation: fed.name,
            year,
            equityRatio: s.current.equityRatio === null ? null : Math.round(s.current.equityRatio * 10000) / 10000,
            statements: s.layout.map((l) => ({ key: l.key, title: l.title, rows: l.rows.filter((r) => r.kind !== 'heading').map((r) => ({ key: r.key, label: r.label, note: r.note ?? null, current: kr(r.currentOre), previous: kr(r.previousOre) })) })),
            unclassified: s.current.unclassified.map((u) => ({ account: u.account, opening: u.openingOre / 100, closing: u.closingOre / 100 })),
          }, null, 2));
        } else if (opts.format === 'csv') process.stdout.write((await import('../exports/csv.ts')).tableToCsv(statementsTable(s.layout, year)));
        else {
          console.log(`${fed.name} – ${year} (kr)`);
          printLayout(s.layout, year);
          if (s.current.equityRatio !== null) console.log(`\nSoliditet: ${formatPercent(s.current.equityRatio, 1)}`);
        }
      });
    });

  ledger
    .command('history')
    .description('SIE-inläsningar: vem, när, fil, kontrollsumma och antal')
    .requiredOption('--federation <name>', 'förbundets namn')
    .action(async (opts: { federation: string }) => {
      const { listSieImports } = await import('../services/ledger/history.ts');
      await withDb(async (db) => {
        const fed = await federationByName(db, opts.federation);
        for (const h of await listSieImports(db, fed.id)) {
          console.log(`${h.importedAt}  ${h.importedBy}  ${h.fileName}  ${h.yearStart}–${h.yearEnd}  ${h.vouchers} ver., ${h.transactions} trans.  ${h.sha256.slice(0, 16)}…${h.replacedAt ? `  (ersatt ${h.replacedAt})` : ''}`);
          for (const n of h.notices) console.log(`    Observera: ${n.message}`);
        }
      });
    });

  ledger
    .command('map')
    .description('Kopplar konton (intervall eller enskilt konto) och/eller ett objekt (dimension:objekt) till en budgetpost')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--line <label>', 'budgetpostens namn')
    .option('--accounts <range>', 'konto eller intervall, t.ex. 4610 eller 4000-4999')
    .option('--object <dim:code>', 'objekt, t.ex. 6:P01')
    .action(async (opts: { federation: string; line: string; accounts?: string; object?: string }) => {
      const [{ addMapping, listMappings }, { listBudgetLines }] = await Promise.all([mapping(), import('../services/economy/lines.ts')]);
      await withDb(async (db) => {
        const fed = await federationByName(db, opts.federation);
        const lines = (await listBudgetLines(db, fed.id)).filter((l) => l.label === opts.line);
        if (lines.length !== 1) throw new InputError({ field: '--line', message: lines.length ? `Flera budgetposter heter "${opts.line}".` : `Budgetposten "${opts.line}" finns inte.` });
        await addMapping(db, fed.id, { budgetLineId: lines[0]!.id, accounts: opts.accounts ?? null, object: opts.object ?? null }, actor);
        console.log(`Kopplingen sparades (${(await listMappings(db, fed.id)).length} kopplingar).`);
      });
    });

  ledger
    .command('class')
    .description('Sätter kontoklass för ett kontointervall (utöver BAS/Kommun-BAS-standarden), t.ex. 8400-8499 financial_income')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--accounts <range>', 'kontointervall, t.ex. 8400-8499')
    .requiredOption('--class <class>', accountClasses.join(' | '))
    .action(async (opts: { federation: string; accounts: string; class: string }) => {
      const [{ parseAccountRange }, { setClassRange }] = await Promise.all([mapping(), import('../services/ledger/classes.ts')]);
      await withDb(async (db) => {
        const fed = await federationByName(db, opts.federation);
        const { from, to } = parseAccountRange(opts.accounts);
        await setClassRange(db, fed.id, { from, to, class: opts.class }, actor);
        console.log(`Konton ${from}–${to} klassas nu som ${opts.class}.`);
      });
    });

  ledger
    .command('map-by-name')
    .description('Kopplar varje objekt i en dimension till budgetposten med samma namn')
    .requiredOption('--federation <name>', 'förbundets namn')
    .option('--dimension <no>', 'dimension (6 = projekt, 1 = kostnadsställe)', '6')
    .action(async (opts: { federation: string; dimension: string }) => {
      const { mapObjectsByName } = await mapping();
      await withDb(async (db) => {
        const fed = await federationByName(db, opts.federation);
        const r = await mapObjectsByName(db, fed.id, opts.dimension, actor);
        console.log(`${r.mapped} objekt kopplades.${r.skipped.length ? ` Utan budgetpost med samma namn: ${r.skipped.join('; ')}.` : ''}`);
      });
    });

  ledger
    .command('unmapped')
    .description('Konton och objekt med utfall som inte är kopplade till någon budgetpost')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'räkenskapsår')
    .action(async (opts: { federation: string; year: string }) => {
      const { loadLedgerOutcome } = await mapping();
      await withDb(async (db) => {
        const fed = await federationByName(db, opts.federation);
        const o = await loadLedgerOutcome(db, fed.id, yearOption(opts.year));
        if (!o) throw new InputError({ field: '--year', message: 'Det finns ingen huvudbok för året.' });
        if (!o.unmapped.length) console.log('Alla konton och objekt med utfall är kopplade.');
        for (const u of o.unmapped) {
          const obj = u.objects ? ' ' + Object.entries(u.objects).map(([d, c]) => `${d}:${c}`).join(' ') : '';
          console.log(`${u.account}${obj}  intäkt ${kronor(u.incomeOre)} kr  kostnad ${kronor(u.costOre)} kr`);
        }
      });
    });
}
