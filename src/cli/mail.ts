import type { Command } from 'commander';
import { withDb } from './shared.ts';

/**
 * `npx samordna mail send-pending`: queues the day's reminders and sends every due message once, then exits
 * (for cron and tests). The server's own worker does the same every 30 seconds while it runs.
 */
export function registerMail(program: Command): void {
  const mail = program.command('mail').description('E-post: utkorgen');

  mail
    .command('send-pending')
    .description('Skickar de meddelanden i utkorgen som står på tur, en gång, och avslutar')
    .action(async () => {
      const [{ mailConfig }, { smtpTransport }, { sendPending }, { enqueueDueReminders }, { today }] = await Promise.all([
        import('../services/mail/config.ts'),
        import('../services/mail/transport.ts'),
        import('../services/mail/sender.ts'),
        import('../services/mail/reminders.ts'),
        import('../core/calendar.ts'),
      ]);
      const config = mailConfig();
      if (!config) {
        console.log('E-post är avstängd (SAMORDNA_SMTP_URL är inte satt): ingenting skickas.');
        return;
      }
      const transport = smtpTransport(config);
      try {
        const summary = await withDb(async (db) => {
          await enqueueDueReminders(db, today());
          return sendPending(db, transport, { log: (line) => console.log(line) });
        });
        console.log(`Skickade ${summary.sent}, försöker igen senare ${summary.retrying}, misslyckade ${summary.failed} (${config.shown}).`);
      } finally {
        transport.close();
      }
    });
}
