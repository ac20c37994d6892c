import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { withDb } from './shared.ts';

const backup = () => import('../services/backup/backup.ts');

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description('Säkerhetskopierar hela databasen (inbyggd eller server) till en fil (gzip-komprimerad JSON)')
    .action(async (file: string) => {
      const { backupToFile } = await backup();
      const s = await withDb((db) => backupToFile(db, file));
      console.log(`Säkerhetskopian ${file} är skriven: ${s.tables} tabeller, ${s.rows} rader.`);
    });

  program
    .command('restore <file>')
    .description('Återställer en säkerhetskopia till en tom databas (allt eller inget)')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new Error(`Filen ${file} finns inte.`);
      const { restoreFromFile } = await backup();
      const { openUnmigrated } = await import('../db/open.ts');
      // Opened without migrating: restore first brings the database to the backup's own schema version.
      const db = await openUnmigrated();
      try {
        const s = await restoreFromFile(db, file);
        console.log(`Återställt från ${file}: ${s.tables} tabeller, ${s.rows} rader.`);
      } finally {
        await db.close();
      }
    });
}
