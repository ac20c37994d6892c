/**
 * Board meetings as a förbund holds them: the notice (kallelse) with its numbered agenda, the protocol with its
 * paragraphs, the justering by the named people, and what a justerat decision does: an application granted
 * becomes an intervention with its grants (in the same transaction as the last approval), a rejection keeps the
 * application and its reason. Meetings are the board register's board_meeting rows, agenda items its
 * decision_item rows (src/services/reports/board.ts).
 */
import { ConflictError, InputError, NotFoundError } from '../../core/errors.ts';
import { today } from '../../core/calendar.ts';
import { isDecided, isReadyForAgenda } from '../../core/applications/application.ts';
import { interventionPlan } from '../../core/applications/decision.ts';
import { ApplicationStatus } from '../../core/applications/vocabulary.ts';
import { Validator } from '../../core/interventions/intervention.ts';
import { approve, assertNotAdjusted, parseMinutesInput, requiredApprovers, type AgendaItemRef } from '../../core/meetings/minutes.ts';
import { assertNoticeAllowed, isNoticeUp, noticePeriod, type NoticePeriod } from '../../core/meetings/publicNotice.ts';
import type { InputProblem } from '../../core/errors.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { createDecidedIntervention } from '../interventions/decidedIntervention.ts';
import { getApplication } from './applications.ts';
import { reportDelegatedDecisions } from './delegation.ts';
import { registerRecord } from '../records/registry.ts';
import { enqueueMeetingNotice, enqueueProtocolJusterat } from '../mail/notices.ts';

/** The board's addresses for its notice: every active account with the board role in the förbund. */
async function boardAddresses(db: Queryable, federationId: number): Promise<string[]> {
  const rows = await db.query<{ email: string }>(
    `select u.email from federation_role r join app_user u on u.id = r.user_id
     where r.federation_id = $1 and r.role = 'styrelse' and not u.disabled order by u.email`,
    [federationId],
  );
  return rows.map((r) => r.email);
}

export interface AgendaItem extends AgendaItemRef {
  readonly applicationTitle: string | null;
  readonly applicationStatus: ApplicationStatus | null;
}

export interface MeetingAgenda {
  readonly id: number;
  readonly date: string;
  readonly note: string;
  readonly noticeGivenAt: string | null;
  readonly items: readonly AgendaItem[];
}

async function meetingRow(db: Queryable, federationId: number, meetingId: number, lock = false) {
  const [m] = await db.query<{ id: number; date: string; note: string; noticeGivenAt: string | null }>(
    `select id, to_char(meeting_date, 'YYYY-MM-DD') as date, note, to_char(notice_given_at, 'YYYY-MM-DD"T"HH24:MI:SS') as "noticeGivenAt"
     from board_meeting where federation_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [federationId, meetingId],
  );
  if (!m) throw new NotFoundError('Mötet finns inte.');
  return m;
}

export async function agendaItems(db: Queryable, federationId: number, meetingId: number): Promise<AgendaItem[]> {
  return db.query<AgendaItem>(
    `select d.id, (row_number() over (order by d.sort_order, d.id))::int as number, d.title, d.application_id as "applicationId",
       a.title as "applicationTitle", a.status as "applicationStatus"
     from decision_item d left join application a on a.federation_id = d.federation_id and a.id = d.application_id
     where d.federation_id = $1 and d.board_meeting_id = $2 order by d.sort_order, d.id`,
    [federationId, meetingId],
  );
}

export async function getMeetingAgenda(db: Queryable, federationId: number, meetingId: number): Promise<MeetingAgenda> {
  const m = await meetingRow(db, federationId, meetingId);
  return { ...m, items: await agendaItems(db, federationId, meetingId) };
}

interface ItemInput {
  readonly title: string;
  readonly applicationId: number | null;
}

function parseMeetingNotice(raw: Record<string, unknown>): { date: string; note: string; items: ItemInput[] } {
  const v = new Validator({ date: raw.date, note: raw.note });
  const date = v.date('date', 'mötesdatum', true);
  const note = v.text('note', 'anteckning', { max: 500 });
  const problems: InputProblem[] = [...v.problems];
  const items: ItemInput[] = [];
  const rawItems = raw.items === undefined ? [] : raw.items;
  if (!Array.isArray(rawItems)) problems.push({ field: 'items', message: 'Ange ärendena som en lista.' });
  else {
    rawItems.forEach((r, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) return void problems.push({ field: `items[${i}]`, message: 'Ange ärendets rubrik och, om det gäller en ansökan, ansökans id.' });
      const iv = new Validator(r as Record<string, unknown>);
      const applicationId = iv.integer('application', 'ansökan', { min: 1 });
      const title = iv.text('title', 'rubrik', { required: applicationId === null, max: 300 });
      for (const p of iv.problems) problems.push({ ...p, field: `items[${i}].${p.field}` });
      if (applicationId !== null && items.some((x) => x.applicationId === applicationId)) problems.push({ field: `items[${i}].application`, message: 'Ansökan står redan på föredragningslistan.' });
      items.push({ title, applicationId });
    });
  }
  if (problems.length) throw new InputError(problems);
  return { date: date!, note, items };
}

/**
 * Gives the notice of a meeting with its agenda: the meeting of that date in the board register (created when
 * missing), its notice time set, the items appended in order. An application on the agenda goes "till
 * styrelsen". A meeting already held gets no new notice.
 */
export async function giveMeetingNotice(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor, now = new Date()): Promise<MeetingAgenda> {
  const n = parseMeetingNotice(raw);
  assertNoticeAllowed(n.date, today(now));
  const id = await db.transaction(async (tx) => {
    const [m] = await tx.query<{ id: number }>(
      `insert into board_meeting (federation_id, meeting_date, note, notice_given_at) values ($1, $2, $3, now())
       on conflict (federation_id, meeting_date) do update set notice_given_at = now(), note = case when excluded.note = '' then board_meeting.note else excluded.note end
       returning id`,
      [federationId, n.date, n.note],
    );
    const meetingId = m!.id;
    for (const [i, item] of n.items.entries()) {
      let title = item.title;
      if (item.applicationId !== null) {
        const [a] = await tx.query<{ title: string; status: ApplicationStatus }>('select title, status from application where federation_id = $1 and id = $2 for update', [federationId, item.applicationId]);
        if (!a) throw new InputError({ field: `items[${i}].application`, message: `Ansökan ${item.applicationId} finns inte.` });
        if (isDecided(a.status)) throw new ConflictError(`Ansökan "${a.title}" är redan ${ApplicationStatus.label(a.status).toLowerCase()}; den kan inte beslutas två gånger.`);
        if (!isReadyForAgenda(a.status)) throw new ConflictError(`Ansökan "${a.title}" är ${ApplicationStatus.label(a.status).toLowerCase()} och kan inte tas upp av styrelsen.`);
        const onAgenda = await tx.query('select 1 from decision_item where federation_id = $1 and board_meeting_id = $2 and application_id = $3', [federationId, meetingId, item.applicationId]);
        if (onAgenda.length) throw new ConflictError(`Ansökan "${a.title}" står redan på mötets föredragningslista.`);
        title ||= `Ansökan: ${a.title}`;
        await tx.query("update application set status = 'till_styrelsen' where federation_id = $1 and id = $2", [federationId, item.applicationId]);
      }
      await tx.query(
        `insert into decision_item (federation_id, board_meeting_id, title, application_id, sort_order)
         values ($1, $2, $3, $4, (select coalesce(max(sort_order), 0) + 1 from decision_item where federation_id = $1 and board_meeting_id = $2))`,
        [federationId, meetingId, title, item.applicationId],
      );
    }
    await reportDelegatedDecisions(tx, federationId, meetingId, n.date);
    return meetingId;
  }, actor);
  const agenda = await getMeetingAgenda(db, federationId, id);
  // The kallelse to the board: every active account with the board role (mail off: nothing queued).
  await enqueueMeetingNotice(db, federationId, {
    meetingTitle: 'Styrelsens sammanträde',
    meetingDate: n.date,
    place: n.note,
    agenda: (await agendaItems(db, federationId, id)).map((i) => i.title),
    path: `/f/${federationId}/moten/${id}`,
    recipients: await boardAddresses(db, federationId),
  }, actor);
  return agenda;
}

export interface MinutesParagraphView {
  readonly id: number;
  readonly number: number;
  readonly itemId: number | null;
  readonly itemTitle: string | null;
  readonly applicationId: number | null;
  readonly kind: 'grant' | 'reject' | 'other';
  readonly text: string;
  readonly amounts: readonly { year: number; amountOre: number }[];
}

export interface MinutesView {
  readonly id: number;
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly present: readonly string[];
  readonly chair: string;
  readonly secretary: string;
  readonly adjusters: readonly string[];
  readonly keptAt: string;
  readonly required: readonly string[];
  readonly approvals: readonly { approver: string; approvedAt: string }[];
  readonly adjustedAt: string | null;
  readonly notice: NoticePeriod | null;
  readonly paragraphs: readonly MinutesParagraphView[];
}

export async function getMinutes(db: Queryable, federationId: number, meetingId: number): Promise<MinutesView | null> {
  const m = await meetingRow(db, federationId, meetingId);
  const [row] = await db.query<{ id: number; present: string[]; chair: string; secretary: string; adjusters: string[]; keptAt: string; adjustedAt: string | null }>(
    `select id, present, chair, secretary, adjusters, kept_at as "keptAt", to_char(adjusted_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI:SS') as "adjustedAt"
     from minutes where federation_id = $1 and board_meeting_id = $2`,
    [federationId, meetingId],
  );
  if (!row) return null;
  const p = [federationId, row.id];
  const paragraphs = await db.query<Omit<MinutesParagraphView, 'amounts'>>(
    `select p.id, p.number, p.decision_item_id as "itemId", d.title as "itemTitle", p.application_id as "applicationId", p.kind, p.text
     from minutes_paragraph p left join decision_item d on d.federation_id = p.federation_id and d.id = p.decision_item_id
     where p.federation_id = $1 and p.minutes_id = $2 order by p.number`, p);
  const amounts = await db.query<{ paragraphId: number; year: number; amountOre: string }>(
    `select a.paragraph_id as "paragraphId", a.year, a.amount_ore as "amountOre" from minutes_paragraph_amount a
     join minutes_paragraph p on p.federation_id = a.federation_id and p.id = a.paragraph_id
     where p.federation_id = $1 and p.minutes_id = $2 order by a.year`, p);
  const approvals = await db.query<{ approver: string; approvedAt: string }>(
    `select approver, to_char(approved_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI:SS') as "approvedAt"
     from minutes_approval where federation_id = $1 and minutes_id = $2 order by approved_at, approver`, p);
  return {
    ...row, meetingId, meetingDate: m.date, approvals, required: requiredApprovers(row),
    notice: row.adjustedAt ? noticePeriod(row.adjustedAt.slice(0, 10)) : null,
    paragraphs: paragraphs.map((x) => ({ ...x, amounts: amounts.filter((a) => a.paragraphId === x.id).map((a) => ({ year: a.year, amountOre: Number(a.amountOre) })) })),
  };
}

/**
 * Writes (or, before justering, rewrites) a meeting's protocol. Nothing is granted yet: the decisions take effect
 * at the last approval. Refused: a justerat protocol, an application already decided (here or in another
 * protocol), a grant whose intervention name is taken.
 */
export async function saveMinutes(db: Database, federationId: number, meetingId: number, raw: Record<string, unknown>, actor: Actor): Promise<MinutesView> {
  await db.transaction(async (tx) => {
    await meetingRow(tx, federationId, meetingId, true);
    const [existing] = await tx.query<{ id: number; adjustedAt: string | null }>(
      'select id, adjusted_at::text as "adjustedAt" from minutes where federation_id = $1 and board_meeting_id = $2 for update', [federationId, meetingId]);
    assertNotAdjusted(existing?.adjustedAt ?? null);
    const input = parseMinutesInput(raw, await agendaItems(tx, federationId, meetingId));
    if (existing) await tx.query('delete from minutes where federation_id = $1 and id = $2', [federationId, existing.id]);
    for (const p of input.paragraphs) {
      if (p.applicationId === null) continue;
      const [a] = await tx.query<{ title: string; status: ApplicationStatus }>('select title, status from application where federation_id = $1 and id = $2', [federationId, p.applicationId]);
      if (!a) throw new NotFoundError('Ansökan finns inte.');
      const elsewhere = await tx.query('select 1 from minutes_paragraph where federation_id = $1 and application_id = $2', [federationId, p.applicationId]);
      if (isDecided(a.status) || elsewhere.length) throw new ConflictError(`Ansökan "${a.title}" är redan beslutad; en ansökan kan inte beslutas två gånger.`);
      if (!isReadyForAgenda(a.status)) throw new ConflictError(`Ansökan "${a.title}" är ${ApplicationStatus.label(a.status).toLowerCase()} och kan inte beslutas.`);
      if (p.kind === 'grant' && (await tx.query('select 1 from intervention where federation_id = $1 and name = $2', [federationId, a.title])).length) {
        throw new ConflictError(`Det finns redan en insats som heter "${a.title}"; en beviljad ansökan blir en insats med ansökans rubrik.`);
      }
    }
    const [row] = await tx.query<{ id: number }>(
      `insert into minutes (federation_id, board_meeting_id, present, chair, secretary, adjusters, kept_at)
       values ($1, $2, $3::text[], $4, $5, $6::text[], $7) returning id`,
      [federationId, meetingId, input.present, input.chair, input.secretary, input.adjusters, String(raw.keptAt ?? '').slice(0, 300) || 'Förbundets kansli'],
    );
    for (const p of input.paragraphs) {
      const [pr] = await tx.query<{ id: number }>(
        `insert into minutes_paragraph (federation_id, minutes_id, number, decision_item_id, application_id, kind, text) values ($1, $2, $3, $4, $5, $6, $7) returning id`,
        [federationId, row!.id, p.number, p.itemId, p.applicationId, p.kind, p.text],
      );
      for (const a of p.amounts) {
        await tx.query('insert into minutes_paragraph_amount (federation_id, paragraph_id, year, amount_ore) values ($1, $2, $3, $4)', [federationId, pr!.id, a.year, a.amountOre]);
      }
    }
  }, actor);
  return (await getMinutes(db, federationId, meetingId))!;
}

/**
 * One approval of the protocol by the logged-in user (their e-mail). The last required approval locks the
 * protocol, starts the anslag and carries out its decisions on applications, all in one transaction.
 */
export async function approveMinutes(db: Database, federationId: number, meetingId: number, user: string, actor: Actor): Promise<MinutesView> {
  let adjusted: { recipients: string[]; date: string } | null = null;
  await db.transaction(async (tx) => {
    const m = await meetingRow(tx, federationId, meetingId, true);
    const [row] = await tx.query<{ id: number; chair: string; adjusters: string[] }>(
      'select id, chair, adjusters from minutes where federation_id = $1 and board_meeting_id = $2 for update', [federationId, meetingId]);
    if (!row) throw new NotFoundError('Mötet har inget protokoll att justera.');
    const approvedBy = (await tx.query<{ approver: string }>('select approver from minutes_approval where federation_id = $1 and minutes_id = $2', [federationId, row.id])).map((a) => a.approver);
    const { completes } = approve({ chair: row.chair, adjusters: row.adjusters, approvedBy }, user);
    await tx.query('insert into minutes_approval (federation_id, minutes_id, approver) values ($1, $2, $3)', [federationId, row.id, user.trim().toLowerCase()]);
    if (!completes) return;
    await tx.query('update minutes set adjusted_at = now() where federation_id = $1 and id = $2', [federationId, row.id]);
    await registerRecord(tx, federationId, { kind: 'protocol', ref: String(row.id), date: today(), subject: `Protokoll från styrelsens sammanträde ${m.date}` }, actor.id);
    await carryOutDecisions(tx, federationId, row.id, m.date, actor);
    adjusted = { recipients: [row.chair, ...row.adjusters].filter((x) => x.includes('@')), date: m.date };
  }, actor);
  // Set inside the transaction's callback (TypeScript cannot see that): the protocol is justerat, tell the justerare.
  const done = adjusted as { recipients: string[]; date: string } | null;
  if (done) {
    await enqueueProtocolJusterat(db, federationId, { meetingTitle: 'Styrelsens sammanträde', meetingDate: done.date, path: `/f/${federationId}/moten/${meetingId}`, recipients: done.recipients }, actor);
  }
  return (await getMinutes(db, federationId, meetingId))!;
}

async function carryOutDecisions(tx: Queryable, federationId: number, minutesId: number, meetingDate: string, actor: Actor): Promise<void> {
  const paragraphs = await tx.query<{ id: number; number: number; applicationId: number; kind: 'grant' | 'reject'; text: string }>(
    `select id, number, application_id as "applicationId", kind, text from minutes_paragraph
     where federation_id = $1 and minutes_id = $2 and application_id is not null order by number`,
    [federationId, minutesId],
  );
  for (const p of paragraphs) {
    const a = await getApplication(tx, federationId, p.applicationId);
    if (isDecided(a.status)) throw new ConflictError(`Ansökan "${a.title}" är redan beslutad; en ansökan kan inte beslutas två gånger.`);
    const decision = { kind: 'decision' as const, ref: String(p.id), date: today(), direction: 'out' as const, party: a.ownerName ?? 'Sökande medlem', subject: `Beslut om ansökan: ${a.title} (${p.kind === 'reject' ? 'avslås' : 'beviljas'}), § ${p.number} ${meetingDate}` };
    await registerRecord(tx, federationId, decision, actor.id);
    if (p.kind === 'reject') {
      await tx.query("update application set status = 'avslagen', decision_paragraph_id = $3, decision_reason = $4 where federation_id = $1 and id = $2", [federationId, a.id, p.id, p.text]);
      continue;
    }
    const decided = (await tx.query<{ year: number; amountOre: string }>('select year, amount_ore as "amountOre" from minutes_paragraph_amount where federation_id = $1 and paragraph_id = $2 order by year', [federationId, p.id]))
      .map((x) => ({ year: x.year, amountOre: Number(x.amountOre) }));
    const plan = interventionPlan(a, decided, meetingDate);
    const interventionId = await createDecidedIntervention(tx, federationId, plan, meetingDate, `Styrelsen ${meetingDate} § ${p.number}`);
    await tx.query(
      "update application set status = 'beviljad', decision_paragraph_id = $3, decision_reason = $4, intervention_id = $5 where federation_id = $1 and id = $2",
      [federationId, a.id, p.id, p.text, interventionId],
    );
  }
}

export interface PublicNotice extends NoticePeriod {
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly adjustedOn: string;
  readonly keptAt: string;
  readonly paragraphs: number;
  readonly up: boolean;
}

/** The förbund's name and its justerade protocols' anslag, newest first (public: no names of people). */
export async function publicNotices(db: Queryable, federationId: number, now = new Date()): Promise<{ federation: string; notices: PublicNotice[] }> {
  const [f] = await db.query<{ name: string }>('select name from federation where id = $1', [federationId]);
  if (!f) throw new NotFoundError('Förbundet finns inte.');
  const rows = await db.query<{ meetingId: number; meetingDate: string; adjustedOn: string; keptAt: string; paragraphs: number }>(
    `select bm.id as "meetingId", to_char(bm.meeting_date, 'YYYY-MM-DD') as "meetingDate",
       to_char(mi.adjusted_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD') as "adjustedOn", mi.kept_at as "keptAt", coalesce(c.n, 0) as paragraphs
     from minutes mi join board_meeting bm on bm.federation_id = mi.federation_id and bm.id = mi.board_meeting_id
     left join (select minutes_id, count(*)::int as n from minutes_paragraph where federation_id = $1 group by minutes_id) c on c.minutes_id = mi.id
     where mi.federation_id = $1 and mi.adjusted_at is not null order by mi.adjusted_at desc limit 500`,
    [federationId],
  );
  const day = today(now);
  return {
    federation: f.name,
    notices: rows.map((r) => {
      const period = noticePeriod(r.adjustedOn);
      return { ...r, ...period, up: isNoticeUp(period, day) };
    }),
  };
}

export interface ProtocolSummary {
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly adjustedAt: string | null;
  readonly paragraphs: number;
  /** With a search: the paragraphs that match (at most five), as "§ n text". */
  readonly hits: readonly string[];
}

/**
 * The förbund's protocols, newest meeting first; with `text`, only those with a paragraph matching it (Swedish
 * full-text search over the paragraphs, through the index minutes_paragraph_text).
 */
export async function listProtocols(db: Queryable, federationId: number, text?: string): Promise<ProtocolSummary[]> {
  const q = text?.trim() || null;
  const rows = await db.query<ProtocolSummary>(
    `with counts as (
       select minutes_id, count(*)::int as n from minutes_paragraph where federation_id = $1 group by minutes_id),
     hit as (
       select minutes_id, number, text from minutes_paragraph
       where $2::text is not null and federation_id = $1 and to_tsvector('swedish', text) @@ plainto_tsquery('swedish', $2)),
     hits as (
       select minutes_id, (array_agg('§ ' || number || ' ' || left(text, 200) order by number))[1:5] as hits from hit group by minutes_id)
     select bm.id as "meetingId", to_char(bm.meeting_date, 'YYYY-MM-DD') as "meetingDate",
       to_char(mi.adjusted_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD"T"HH24:MI:SS') as "adjustedAt",
       coalesce(c.n, 0) as paragraphs, coalesce(h.hits, '{}') as hits
     from minutes mi join board_meeting bm on bm.federation_id = mi.federation_id and bm.id = mi.board_meeting_id
     left join counts c on c.minutes_id = mi.id
     left join hits h on h.minutes_id = mi.id
     where mi.federation_id = $1 and ($2::text is null or h.minutes_id is not null)
     order by bm.meeting_date desc limit 500`,
    [federationId, q],
  );
  return rows;
}
