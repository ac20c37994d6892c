import type { Command } from 'commander';
import { cliActor, cliActorIn, commandGroup, withDb } from './shared.ts';
import { findFederationId } from './users.ts';

/**
 * `npx samordna privacy scan [--federation NAMN]`: the one-off check for identity numbers in rows stored before
 * the identity guard read every spelling. Prints table, column and row of each finding (never the value), keeps
 * them for the kansli's start page, and exits 2 when something was found (so a script notices).
 */
export function registerPrivacy(program: Command): void {
  const privacy = commandGroup(program, 'privacy', 'Skydd av personuppgifter');
  privacy
    .command('scan')
    .description('Söker efter personnummer och samordningsnummer i redan lagrade uppgifter (visar aldrig värdet)')
    .option('--federation <name>', 'bara detta förbund (namn eller id); annars hela installationen')
    .action(async (opts: { federation?: string }) => {
      const { scanStoredIdentityNumbers } = await import('../services/privacy/storedIdentityScan.ts');
      const found = await withDb(async (db) => {
        const federationId = opts.federation ? await findFederationId(db, opts.federation) : null;
        return scanStoredIdentityNumbers(db, federationId, federationId === null ? cliActor : cliActorIn(federationId));
      });
      if (!found.length) {
        console.log('Inga lagrade uppgifter ser ut att innehålla personnummer eller samordningsnummer.');
        return;
      }
      console.log(`${found.length} lagrade uppgifter ser ut att innehålla personnummer eller samordningsnummer (värdena visas inte):`);
      for (const f of found) console.log(`${f.table}\t${f.column}\trad ${f.row}${f.federationId !== null ? `\tförbund ${f.federationId}` : ''}`);
      console.log('Kansliet ser dem på förbundets startsida. Rätta eller ta bort uppgifterna och kör kontrollen igen.');
      process.exitCode = 2;
    });
}
