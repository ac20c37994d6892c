import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { openEmbedded } from './embedded.ts';
import { openServer } from './server.ts';
import { migrate } from './migrate.ts';

/** Where the data lives, from the environment: DATABASE_URL for a server, else SAMORDNA_DATA_DIR or ./data. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SAMORDNA_DATA_DIR || './data');
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const db = env.DATABASE_URL ? await openServer(env.DATABASE_URL) : await openEmbedded({ dataDir: dataDirFromEnv(env) });
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
