import { Hono } from 'hono';
import type { RouteModule } from '../kit/routeModule.ts';
import { requireFederation, requirePermission, type AppEnv, type FederationRef } from '../context.ts';
import { redirectWithFlash } from '../kit/flash.tsx';
import { pathId } from '../kit/params.ts';
import type { Database } from '../../db/database.ts';
import { listOutbox, resendMail } from '../../services/mail/outbox.ts';
import { reminderSettings, setReminderSettings } from '../../services/mail/reminders.ts';
import { mailConfig } from '../../services/mail/config.ts';
import { enqueueSurveyRoundLink, roundsToMail } from '../../services/mail/notices.ts';
import { OutboxPage, type OutboxPageModel } from './outboxPage.tsx';

/** The outbox page: whether mail is on, the förbund's messages newest first, and the reminders it has on. */
export async function loadOutboxPage(db: Database, federation: FederationRef): Promise<OutboxPageModel> {
  const config = mailConfig();
  const [messages, reminders, rounds] = await Promise.all([listOutbox(db, federation.id), reminderSettings(db, federation.id), roundsToMail(db, federation.id)]);
  return { federation, mail: config ? { on: true, from: config.from, server: config.shown } : { on: false }, messages, reminders, rounds };
}

/** The kansli's view of what Samordna mailed for the förbund (mail:manage: the kansli). */
export const outboxRoutes: RouteModule = ({ db }) => {
  const app = new Hono<AppEnv>();

  app.get('/f/:federationId/epost', async (c) => {
    requirePermission(c, 'mail:manage');
    return c.html(<OutboxPage model={await loadOutboxPage(db, requireFederation(c))} />);
  });

  app.get('/api/federations/:federationId/mail', async (c) => {
    const f = requireFederation(c);
    requirePermission(c, 'mail:manage');
    return c.json(await listOutbox(db, f.id));
  });

  app.post('/f/:federationId/epost/:messageId/skicka-igen', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'mail:manage');
    await resendMail(db, f.id, pathId(c, 'messageId'), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/epost`, 'mail-resent');
  });

  // The open survey round's link to the staff who hand it out.
  app.post('/f/:federationId/epost/enkat/:roundId', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'mail:manage');
    await enqueueSurveyRoundLink(db, f.id, pathId(c, 'roundId'), ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/epost`, 'mail-survey-link');
  });

  app.post('/f/:federationId/epost/paminnelser', async (c) => {
    const f = requireFederation(c);
    const ctx = requirePermission(c, 'mail:manage');
    const body = await c.req.parseBody({ all: true });
    const chosen = [body['reminders[]'] ?? body.reminders ?? []].flat().filter((x): x is string => typeof x === 'string');
    await setReminderSettings(db, f.id, chosen, ctx.actor);
    return redirectWithFlash(c, `/f/${f.id}/epost`, 'mail-reminders');
  });
  return app;
};
