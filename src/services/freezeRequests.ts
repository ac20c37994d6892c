import type { Database } from '../db/database.ts';

/**
 * Asking the server's background freezer of the published participant statistics
 * (src/services/national/statisticsFreezer.ts) for a pass, from any area — a year started (economy), a national
 * read that found an unfrozen year — without importing it: the freezer builds on interventions and national,
 * which build on economy, so an import from economy would close a circle. The freezer registers itself here
 * while it runs; without one (the CLI, tests) a request does nothing: those callers freeze explicitly.
 */
const handlers = new WeakMap<Database, () => void>();

/** The running freezer of this database registers how to ask it for a pass (and unregisters when it stops). */
export function handleFreezeRequests(db: Database, handler: (() => void) | null): void {
  if (handler) handlers.set(db, handler);
  else handlers.delete(db);
}

/** Asks the running freezer (if any) for a pass soon; returns at once. */
export function requestFreeze(db: Database): void {
  handlers.get(db)?.();
}

/** Is a background freezer running for this database? */
export function freezerRunning(db: Database): boolean {
  return handlers.has(db);
}
