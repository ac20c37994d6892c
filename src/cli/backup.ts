import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { openServer } from '../db/server.ts';
import { openEmbedded } from '../db/embedded.ts';
import { dataDirFromEnv, openDatabase } from '../db/open.ts';
import { backupToFile, restoreFromFile } from '../services/backup/backup.ts';

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description('Säkerhetskopierar hela databasen (inbyggd eller server) till en fil (gzip-komprimerad JSON)')
    .action(async (file: string) => {
      const db = await openDatabase();
      try {
        const s = await backupToFile(db, file);
        console.log(`Säkerhetskopian ${file} är skriven: ${s.tables} tabeller, ${s.rows} rader.`);
      } finally {
        await db.close();
      }
    });

  program
    .command('restore <file>')
    .description('Återställer en säkerhetskopia till en tom databas (allt eller inget)')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new Error(`Filen ${file} finns inte.`);
      // Opened without migrating: restore first brings the database to the backup's own schema version.
      const db = process.env.DATABASE_URL ? await openServer(process.env.DATABASE_URL) : await openEmbedded({ dataDir: dataDirFromEnv() });
      try {
        const s = await restoreFromFile(db, file);
        console.log(`Återställt från ${file}: ${s.tables} tabeller, ${s.rows} rader.`);
      } finally {
        await db.close();
      }
    });
}
