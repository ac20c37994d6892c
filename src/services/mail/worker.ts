import type { Database } from '../../db/database.ts';
import { sendPending, type SendOptions } from './sender.ts';
import type { MailTransport } from './transport.ts';
import { enqueueDueReminders } from './reminders.ts';
import { today } from '../../core/calendar.ts';

export interface MailWorker {
  /** Runs a pass now (after the running one) and resolves when it is done. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The server's own sender: every `intervalMs` (30 s) it queues the day's reminders (once a day; the outbox's
 * dedupe key keeps a reminder from being queued twice) and sends what is due. Passes never overlap.
 */
export function startMailWorker(db: Database, transport: MailTransport, options: SendOptions & { intervalMs?: number; onError?: (err: unknown) => void } = {}): MailWorker {
  let queue = Promise.resolve();
  let remindedOn = '';
  const onError = options.onError ?? ((err) => console.error(JSON.stringify({ event: 'mail-pass-failed', message: err instanceof Error ? err.message : String(err) })));
  const pass = () => {
    queue = queue.then(async () => {
      try {
        const day = today();
        if (remindedOn !== day) {
          await enqueueDueReminders(db, day);
          remindedOn = day;
        }
        await sendPending(db, transport, options);
      } catch (err) {
        onError(err);
      }
    });
    return queue;
  };
  setImmediate(pass);
  const timer = setInterval(pass, options.intervalMs ?? 30_000);
  timer.unref();
  return {
    runNow: pass,
    stop: async () => {
      clearInterval(timer);
      await queue;
      transport.close();
    },
  };
}
