import type { Command } from 'commander';
import { commandGroup, parseYear, withDb } from './shared.ts';

/**
 * `archive export`: a closed year's archival package (E-ARK CSIP/SIP, FGS Paketstruktur's basis) to a folder or,
 * when the path ends in .zip, a ZIP file. `archive check`: validates a package (folder or ZIP) and exits 1 with
 * the reasons when it is not valid.
 */
export function registerArchive(program: Command): void {
  const archive = commandGroup(program, 'archive', 'Arkivpaket (e-arkiv)');
  archive
    .command('export')
    .description('Skriver ett stängt års arkivpaket (METS, PREMIS, CSV med schema, PDF/A-2) till en mapp eller en .zip')
    .requiredOption('--federation <name>', 'förbundets namn')
    .requiredOption('--year <year>', 'år (stängt)')
    .requiredOption('--output <path>', 'mapp eller fil som slutar på .zip')
    .action(async (o: { federation: string; year: string; output: string }) => {
      const year = parseYear(o.year);
      const { getFederationByName } = await import('../services/federations/federations.ts');
      const { archiveContents } = await import('../services/archive/contents.ts');
      const { buildArchivePackage } = await import('../exports/archive/package.ts');
      const { writePackage } = await import('../exports/archive/files.ts');
      const contents = await withDb(async (db) => archiveContents(db, (await getFederationByName(db, o.federation)).id, year));
      const pkg = await buildArchivePackage(contents);
      await writePackage(pkg, o.output);
      console.log(`Arkivpaketet ${pkg.id} är skrivet till ${o.output}: ${pkg.files.size} filer.`);
    });
  archive
    .command('check <path>')
    .description('Kontrollerar ett arkivpaket: scheman, kontrollsummor och PDF/A; avslutar med 1 och skälen om det inte är giltigt')
    .action(async (path: string) => {
      const { readPackage } = await import('../exports/archive/files.ts');
      const { checkArchivePackage } = await import('../exports/archive/check.ts');
      const problems = await checkArchivePackage(await readPackage(path));
      if (problems.length) {
        console.error(`Arkivpaketet ${path} är inte giltigt:`);
        for (const p of problems) console.error(`  ${p}`);
        process.exit(1);
      }
      console.log(`Arkivpaketet ${path} är giltigt.`);
    });
}
