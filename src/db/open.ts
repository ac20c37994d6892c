import { resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Where the data lives, from the environment: DATABASE_URL for a server, else SAMORDNA_DATA_DIR or ./data. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SAMORDNA_DATA_DIR || './data');
}

/** Opens the configured database as it is (restoring a backup brings it to the backup's own schema instead). */
export async function openUnmigrated(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  return env.DATABASE_URL
    ? (await import('./server.ts')).openServer(env.DATABASE_URL)
    : (await import('./embedded.ts')).openEmbedded({ dataDir: dataDirFromEnv(env) });
}

/**
 * Opens the configured database and brings its schema up to date. Only the adapter in use is loaded (the
 * embedded one carries PostgreSQL as WebAssembly, the server one the `pg` driver).
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const db = await openUnmigrated(env);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
