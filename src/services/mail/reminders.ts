import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';
import { requisitionDue, surveyNeedsReminder } from '../../core/mail/reminders.ts';
import { listFederations, type FederationInfo } from '../federations/federations.ts';
import { enqueueMail } from './outbox.ts';
import { mailIsOn, siteAddress } from './config.ts';

/** The reminders a förbund can turn off, each on until the kansli turns it off. */
export const reminderKinds = ['requisition_reminder', 'survey_reminder', 'follow_up_reminder'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export async function reminderSettings(db: Queryable, federationId: number): Promise<Record<ReminderKind, boolean>> {
  const rows = await db.query<{ kind: ReminderKind; enabled: boolean }>('select kind, enabled from mail_reminder_setting where federation_id = $1', [federationId]);
  const out = Object.fromEntries(reminderKinds.map((k) => [k, true])) as Record<ReminderKind, boolean>;
  for (const r of rows) out[r.kind] = r.enabled;
  return out;
}

export async function setReminderSettings(db: Database, federationId: number, enabled: readonly string[], actor: Actor): Promise<void> {
  for (const k of enabled) {
    if (!(reminderKinds as readonly string[]).includes(k)) throw new InputError({ field: 'reminders', message: 'Välj påminnelser ur listan.' });
  }
  await db.transaction(async (tx) => {
    for (const kind of reminderKinds) {
      await tx.query(
        `insert into mail_reminder_setting (federation_id, kind, enabled) values ($1, $2, $3)
         on conflict (federation_id, kind) do update set enabled = excluded.enabled where mail_reminder_setting.enabled <> excluded.enabled`,
        [federationId, kind, enabled.includes(kind)],
      );
    }
  }, actor);
}

async function enabledFederations(tx: Queryable, kind: ReminderKind): Promise<FederationInfo[]> {
  const off = new Set((await tx.query<{ id: number }>('select federation_id as id from mail_reminder_setting where kind = $1 and not enabled', [kind])).map((r) => r.id));
  return (await listFederations(tx)).filter((f) => !off.has(f.id));
}

/** The addresses of the staff of an intervention (active accounts with the insats role there). */
export async function staffAddresses(tx: Queryable, federationId: number, interventionIds: readonly number[]): Promise<string[]> {
  const rows = await tx.query<{ email: string }>(
    `select distinct u.email from intervention_assignment a join app_user u on u.id = a.user_id
     where a.federation_id = $1 and a.intervention_id = any($2::int[]) and not u.disabled order by u.email`,
    [federationId, interventionIds],
  );
  return rows.map((r) => r.email);
}

const system: Actor = { id: 'påminnelser' };

/**
 * Queues the reminders due on `day` (requisitions, survey rounds) for every förbund that has them on. Each is
 * queued once per recipient and period (the outbox's dedupe key), so running this several times a day, or from
 * both the server and `mail send-pending`, queues nothing twice. Returns how many were queued.
 */
export async function enqueueDueReminders(db: Database, day: string): Promise<number> {
  if (!mailIsOn()) return 0;
  const site = siteAddress();
  return db.transaction(async (tx) => {
    let queued = 0;
    for (const f of await enabledFederations(tx, 'requisition_reminder')) {
      const interventions = await tx.query<{ id: number; name: string; grantYears: number[]; dates: string[] }>(
        `select i.id, i.name,
                coalesce((select array_agg(distinct g.year) from intervention_grant g where g.federation_id = i.federation_id and g.intervention_id = i.id), '{}') as "grantYears",
                coalesce((select array_agg(to_char(r.requisition_date, 'YYYY-MM-DD')) from requisition r where r.federation_id = i.federation_id and r.intervention_id = i.id), '{}') as dates
         from intervention i where i.federation_id = $1 order by i.id`,
        [f.id],
      );
      for (const i of interventions) {
        const q = requisitionDue(day, i.grantYears.map(Number), i.dates);
        if (!q) continue;
        for (const email of await staffAddresses(tx, f.id, [i.id])) {
          const params = { federationName: f.name, interventionName: i.name, periodLabel: q.label, dueOn: q.end };
          if (await enqueueMail(tx, f.id, { kind: 'requisition_reminder', recipient: email, params, dedupeKey: `requisition:${i.id}:${q.year}-Q${q.quarter}:${email}` }, { ...system, federationId: f.id })) queued++;
        }
      }
    }
    for (const f of await enabledFederations(tx, 'survey_reminder')) {
      const minCellSize = f.settings.minCellSize;
      const rounds = await tx.query<{ id: number; name: string; opensOn: string; closesOn: string; answers: number; interventionIds: number[] }>(
        `select r.id, coalesce(nullif(r.name, ''), r.respondent_group || ' ' || r.year) as name,
                to_char(r.opens_on, 'YYYY-MM-DD') as "opensOn", to_char(r.closes_on, 'YYYY-MM-DD') as "closesOn",
                (select count(*)::int from survey_response s where s.federation_id = r.federation_id and s.round_id = r.id) as answers,
                coalesce((select array_agg(ri.intervention_id) from survey_round_intervention ri where ri.federation_id = r.federation_id and ri.round_id = r.id), '{}') as "interventionIds"
         from survey_round r where r.federation_id = $1 and r.closes_on >= $2::date and r.opens_on <= $2::date order by r.id`,
        [f.id, day],
      );
      for (const r of rounds) {
        if (!surveyNeedsReminder(day, r.opensOn, r.closesOn, r.answers, minCellSize)) continue;
        for (const email of await staffAddresses(tx, f.id, r.interventionIds.map(Number))) {
          const params = { federationName: f.name, roundName: r.name, closesOn: r.closesOn, link: `${site}/f/${f.id}/enkater/${r.id}` };
          if (await enqueueMail(tx, f.id, { kind: 'survey_reminder', recipient: email, params, dedupeKey: `survey:${r.id}:${email}` }, { ...system, federationId: f.id })) queued++;
        }
      }
    }
    return queued;
  }, system);
}
