import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';

/** Where the data lives, from the environment: DATABASE_URL for a server, else SAMORDNA_DATA_DIR or ./data. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.SAMORDNA_DATA_DIR || './data');
}

export interface OpenOptions {
  /** An embedded data folder to start from when the configured one has no database yet (`start`'s demo image). */
  readonly firstImage?: () => Blob | undefined;
}

/** Whether the configured database is an embedded one not yet created. */
export function embeddedDatabaseMissing(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.DATABASE_URL && !existsSync(join(dataDirFromEnv(env), 'pg'));
}

/** Opens the configured database as it is (restoring a backup brings it to the backup's own schema instead). */
export async function openUnmigrated(env: NodeJS.ProcessEnv = process.env, opts: OpenOptions = {}): Promise<Database> {
  if (env.DATABASE_URL) return (await import('./server.ts')).openServer(env.DATABASE_URL);
  const image = opts.firstImage && embeddedDatabaseMissing(env) ? opts.firstImage() : undefined;
  return (await import('./embedded.ts')).openEmbedded({ dataDir: dataDirFromEnv(env), ...(image ? { loadDataDir: image } : {}) });
}

/** An embedded database in memory, migrated: what the build fills with the demo and dumps (src/cli/demoImage.ts). */
export async function openMigratedInMemory(): Promise<Database> {
  const db = await (await import('./embedded.ts')).openEmbedded();
  await migrate(db);
  return db;
}

/**
 * Opens the configured database and brings its schema up to date. Only the adapter in use is loaded (the
 * embedded one carries PostgreSQL as WebAssembly, the server one the `pg` driver).
 */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env, opts: OpenOptions = {}): Promise<Database> {
  const db = await openUnmigrated(env, opts);
  try {
    await migrate(db);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
