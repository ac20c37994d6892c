import type { Actor, Database, Queryable } from '../../db/database.ts';
import { checkMailAddress } from '../../core/mail/address.ts';
import { enqueueMail } from './outbox.ts';
import { mailIsOn, siteAddress } from './config.ts';
import { findFederationRef } from '../federations/federations.ts';
import { getRound, listRounds } from '../surveys/rounds.ts';
import { InputError } from '../../core/errors.ts';
import { today } from '../../core/calendar.ts';
import { reminderSettings, staffAddresses } from './reminders.ts';

/**
 * Messages other parts of Samordna queue: the board's notice (kallelse), the justering request and the
 * announcement that a protocol is justerat (meetings, issue 21) and the follow-up reminders (follow-up after
 * exit, issue 23). Each returns how many messages it queued: 0 when mail is off (the caller then shows what it
 * shows today). The recipients' addresses are checked (an address that is not one refuses the whole call, and
 * nothing is queued); `path` is a page of Samordna (e.g. "/f/3/moten/12"), made into a link on the site's address.
 */
export interface MeetingNotice {
  readonly meetingTitle: string;
  readonly meetingDate: string;
  readonly place: string;
  readonly agenda: readonly string[];
  /** The meeting's handlingar in Samordna (read after logging in: no documents are attached). */
  readonly path: string;
  /** Every member and substitute called. */
  readonly recipients: readonly string[];
}

export interface ProtocolMail {
  readonly meetingTitle: string;
  readonly meetingDate: string;
  readonly path: string;
  readonly recipients: readonly string[];
}

async function queueToEach(
  db: Database,
  federationId: number,
  recipients: readonly string[],
  queue: (tx: Parameters<Parameters<Database['transaction']>[0]>[0], federationName: string, email: string) => Promise<boolean>,
  actor: Actor,
): Promise<number> {
  if (!mailIsOn()) return 0;
  const addresses = [...new Set(recipients.map((r) => checkMailAddress(r, 'recipients')))];
  return db.transaction(async (tx) => {
    const f = await findFederationRef(tx, federationId);
    let n = 0;
    for (const email of addresses) if (await queue(tx, f?.name ?? '', email)) n++;
    return n;
  }, actor);
}

export async function enqueueMeetingNotice(db: Database, federationId: number, notice: MeetingNotice, actor: Actor): Promise<number> {
  const link = `${siteAddress()}${notice.path}`;
  return queueToEach(db, federationId, notice.recipients, (tx, federationName, email) =>
    enqueueMail(tx, federationId, {
      kind: 'meeting_notice',
      recipient: email,
      params: { federationName, meetingTitle: notice.meetingTitle, meetingDate: notice.meetingDate, place: notice.place, agenda: notice.agenda, link },
    }, actor), actor);
}

export async function enqueueJusteringRequest(db: Database, federationId: number, mail: ProtocolMail, actor: Actor): Promise<number> {
  const link = `${siteAddress()}${mail.path}`;
  return queueToEach(db, federationId, mail.recipients, (tx, federationName, email) =>
    enqueueMail(tx, federationId, { kind: 'justering_request', recipient: email, params: { federationName, meetingTitle: mail.meetingTitle, meetingDate: mail.meetingDate, link } }, actor), actor);
}

export async function enqueueProtocolJusterat(db: Database, federationId: number, mail: ProtocolMail, actor: Actor): Promise<number> {
  const link = `${siteAddress()}${mail.path}`;
  return queueToEach(db, federationId, mail.recipients, (tx, federationName, email) =>
    enqueueMail(tx, federationId, { kind: 'protocol_justerat', recipient: email, params: { federationName, meetingTitle: mail.meetingTitle, meetingDate: mail.meetingDate, link } }, actor), actor);
}

/** An intervention with 6- or 12-month follow-ups due (no participant, no count: only that some are due). */
export interface FollowUpsDue {
  readonly interventionId: number;
  readonly interventionName: string;
  readonly months: 6 | 12;
  /** The period the reminder belongs to, e.g. "2026-05": one reminder per intervention, months and period. */
  readonly period: string;
  readonly path: string;
}

/** Reminds the staff of each intervention of its due follow-ups, unless the förbund has turned the reminder off. */
export async function enqueueFollowUpReminders(db: Database, federationId: number, due: readonly FollowUpsDue[], actor: Actor): Promise<number> {
  if (!mailIsOn() || !due.length) return 0;
  if (!(await reminderSettings(db, federationId)).follow_up_reminder) return 0;
  const site = siteAddress();
  return db.transaction(async (tx) => {
    const f = await findFederationRef(tx, federationId);
    let n = 0;
    for (const d of due) {
      for (const email of await staffAddresses(tx, federationId, [d.interventionId])) {
        const params = { federationName: f?.name ?? '', interventionName: d.interventionName, months: d.months, link: `${site}${d.path}` };
        const dedupeKey = `follow-up:${d.interventionId}:${d.months}:${d.period}:${email}`;
        if (await enqueueMail(tx, federationId, { kind: 'follow_up_reminder', recipient: email, params, dedupeKey }, actor)) n++;
      }
    }
    return n;
  }, actor);
}

/** The förbund's rounds whose open link can be sent now: open today, not closed early, with an open link. */
export async function roundsToMail(db: Queryable, federationId: number, day = today()): Promise<{ id: number; name: string; closesOn: string }[]> {
  return (await listRounds(db, federationId))
    .filter((r) => r.openToken && !r.closedOn && r.opensOn <= day && r.closesOn >= day)
    .map((r) => ({ id: r.id, name: r.name || `${r.group} ${r.year}`, closesOn: r.closesOn }));
}

/**
 * The survey round's open link to the staff of its interventions, who hand it out. The link is the round's
 * public answer page (/e/…), the same for everyone; the message names no participant.
 */
export async function enqueueSurveyRoundLink(db: Database, federationId: number, roundId: number, actor: Actor): Promise<number> {
  const round = await getRound(db, federationId, roundId); // another förbund's round: 404, mail on or off
  if (!mailIsOn()) return 0;
  if (!round.openToken || round.closedOn) throw new InputError({ field: 'round', message: 'Omgången har ingen öppen länk att skicka.' });
  const site = siteAddress();
  return db.transaction(async (tx) => {
    const f = await findFederationRef(tx, federationId);
    const staff = await staffAddresses(tx, federationId, round.interventions.map((i) => i.id));
    if (!staff.length) throw new InputError({ field: 'round', message: 'Omgångens insatser har ingen personal med konto i Samordna att skicka länken till.' });
    const params = { federationName: f?.name ?? '', roundName: round.name || `${round.group} ${round.year}`, closesOn: round.closesOn, link: `${site}/e/${round.openToken}` };
    for (const email of staff) await enqueueMail(tx, federationId, { kind: 'survey_link', recipient: email, params }, actor);
    return staff.length;
  }, actor);
}
