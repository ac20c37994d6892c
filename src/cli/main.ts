import { Command, CommanderError } from 'commander';
import { describeProblem, InputError } from '../core/errors.ts';
import { registerStart } from './start.ts';
import { registerEconomy } from './economy.ts';
import { registerDemo } from './demo.ts';
import { registerUsers } from './users.ts';
import { registerBackup } from './backup.ts';
import { registerInterventions } from './interventions.ts';
import { registerLedger } from './ledger.ts';
import { registerReports } from './reports.ts';
import { registerSurveys } from './surveys.ts';
import { registerStateAllocation } from './stateAllocation.ts';
import { registerNational } from './national.ts';
import { registerStatistics } from './statistics.ts';
import { registerYear } from './year.ts';
import { registerPrivacy } from './privacy.ts';
import { registerMail } from './mail.ts';
import { registerArchive } from './archive.ts';
import { registerValue } from './value.ts';

/**
 * `npx samordna …`. Each command module adds its commands here; all of them go through the same domain
 * services as the HTTP API. Errors meant for the user are printed without a stack trace, exit code 1.
 * The command modules only declare their commands: each command's action imports the services, importers,
 * exports and database it uses when it runs, so `--help` loads none of them and a command only its own
 * (the `cli-loads-lazily` rule in .dependency-cruiser.cjs).
 */
const program = new Command('samordna')
  .description('Samordna – verksamhetssystem för samordningsförbund')
  .showHelpAfterError()
  .exitOverride();

registerStart(program);
registerEconomy(program);
registerDemo(program);
registerUsers(program);
registerBackup(program);
registerInterventions(program);
registerLedger(program);
registerReports(program);
registerSurveys(program);
registerStateAllocation(program);
registerNational(program);
registerStatistics(program);
registerYear(program);
registerPrivacy(program);
registerMail(program);
registerArchive(program);
registerValue(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode);
  if (e instanceof InputError) {
    console.error('Fel i indata – ingenting har ändrats:');
    for (const p of e.problems) console.error(`  ${describeProblem(p)}`);
    process.exit(1);
  }
  console.error(`Fel: ${(e as Error).message}`);
  if (process.env.SAMORDNA_DEBUG) console.error((e as Error).stack);
  process.exit(1);
}
