import type { Command } from 'commander';
import { parseYear as parseYearInput, valueOrThrow } from '../core/input/index.ts';
import type { Actor, Database } from '../db/database.ts';

/** The CLI acts as a local system actor: whoever can run it on the server already holds the database. */
export const cliActor: Actor = { id: 'cli' };

/** The CLI actor inside one förbund (the audit trail records the förbund). */
export function cliActorIn(federationId: number): Actor {
  return { ...cliActor, federationId };
}

/**
 * Opens the configured database for one command and always closes it (the embedded one is single-process).
 * The database layer is loaded here, when a command needs it, not when `samordna` starts (`--help` needs none).
 */
export async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../db/open.ts');
  const db = await openDatabase();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The named subcommand group (`import`, `report`, `template`), shared by every area's commands. */
export function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

export function parseYear(v: string): number {
  return valueOrThrow(parseYearInput(v), { field: '--year' });
}
