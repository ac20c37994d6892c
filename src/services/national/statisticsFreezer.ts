import type { Database } from '../../db/database.ts';
import { freezeAllClosedYears } from '../interventions/publishedStatistics.ts';
import { publishClosedNationalYears } from './nationalStatistics.ts';
import { handleFreezeRequests } from '../freezeRequests.ts';

/**
 * The server's background freezer of the published participant statistics (docs/statistics-protection.md):
 * at start, every six hours after that, and whenever asked (a year started, a national read found an unfrozen
 * year), it freezes every closed but unfrozen year, one förbund at a time, in steps that leave the event loop
 * free between them, so requests are answered while it runs; then it publishes the national years that have
 * closed everywhere. It lives with the national statistics, which build on the förbund's frozen
 * figures; other areas ask it for a pass through src/services/freezeRequests.ts. Without a running freezer (the
 * CLI, tests), requestFreeze does nothing: those callers freeze explicitly.
 */
export interface StatisticsFreezer {
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Stops the periodic check and waits for the running pass. */
  stop(): Promise<void>;
}

interface Running {
  queue: Promise<void>;
  pending: boolean;
  timer: NodeJS.Timeout | null;
  onError: (err: unknown) => void;
}

function pass(db: Database, r: Running): void {
  if (r.pending) return; // a pass is already queued: it will see this request's years too
  r.pending = true;
  r.queue = r.queue.then(async () => {
    r.pending = false;
    try {
      await freezeAllClosedYears(db);
      await publishClosedNationalYears(db);
    } catch (err) {
      r.onError(err);
    }
  });
}

export function startStatisticsFreezer(db: Database, options: { intervalMs?: number; onError?: (err: unknown) => void } = {}): StatisticsFreezer {
  const r: Running = {
    queue: Promise.resolve(),
    pending: false,
    timer: null,
    onError: options.onError ?? ((err) => console.error(JSON.stringify({ event: 'statistics-freeze-failed', message: err instanceof Error ? err.message : String(err) }))),
  };
  handleFreezeRequests(db, () => pass(db, r));
  // Let the server answer its first requests before the first pass starts.
  setImmediate(() => pass(db, r));
  r.timer = setInterval(() => pass(db, r), options.intervalMs ?? 6 * 3600_000);
  r.timer.unref();
  return {
    idle: async () => {
      for (;;) {
        const q = r.queue;
        await q;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (q === r.queue && !r.pending) return;
      }
    },
    stop: async () => {
      if (r.timer) clearInterval(r.timer);
      r.timer = null;
      handleFreezeRequests(db, null);
      await r.queue;
    },
  };
}

export { requestFreeze, freezerRunning } from '../freezeRequests.ts';
