/**
 * The board register: ledamöter and ersättare per member (ordförande, vice ordförande, term), the auditors,
 * the board's meetings and the decision items the kansli writes for a meeting's board pack.
 */
import { NotFoundError } from '../../core/errors.ts';
import { parseAuditorInput, parseBoardMemberInput, parseDecisionItemInput, parseMeetingInput } from '../../core/reports/inputs.ts';
import type { AuditorPerson, BoardPerson } from '../../core/reports/facts.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertMembersOf } from '../members/members.ts';

export interface BoardMemberRow extends BoardPerson {
  readonly id: number;
  readonly memberId: number | null;
  readonly termStart: string;
  readonly termEnd: string | null;
}

export interface AuditorRow extends AuditorPerson {
  readonly id: number;
  readonly termStart: string;
  readonly termEnd: string | null;
}

export interface MeetingRow {
  readonly id: number;
  readonly date: string;
  readonly note: string;
}

export interface DecisionItemRow {
  readonly id: number;
  readonly meetingId: number;
  readonly title: string;
  readonly body: string;
  readonly proposal: string;
}

/** The board, chair and vice chair first, then ledamöter, then ersättare. Optionally only terms overlapping [from, to]. */
export async function listBoardMembers(db: Queryable, federationId: number, period?: { from: string; to: string }): Promise<BoardMemberRow[]> {
  return db.query<BoardMemberRow>(
    `select b.id, b.name, b.member_id as "memberId", m.name as "memberName", b.seat, b.position,
       to_char(b.term_start, 'YYYY-MM-DD') as "termStart", to_char(b.term_end, 'YYYY-MM-DD') as "termEnd"
     from board_member b left join member m on m.federation_id = b.federation_id and m.id = b.member_id
     where b.federation_id = $1 and ($2::date is null or ((b.term_end is null or b.term_end >= $2::date) and b.term_start <= $3::date))
     order by case b.position when 'ordforande' then 0 when 'vice_ordforande' then 1 else 2 end, case b.seat when 'ledamot' then 0 else 1 end,
       m.sort_order nulls last, m.name nulls last, b.sort_order, b.id`,
    [federationId, period?.from ?? null, period?.to ?? null],
  );
}

export async function addBoardMember(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const b = parseBoardMemberInput(raw);
  return db.transaction(async (tx) => {
    await assertMembersOf(tx, federationId, [b.memberId], 'memberId');
    const [row] = await tx.query<{ id: number }>(
      `insert into board_member (federation_id, member_id, name, seat, position, term_start, term_end, sort_order)
       values ($1, $2, $3, $4, $5, $6, $7, (select coalesce(max(sort_order), 0) + 1 from board_member where federation_id = $1)) returning id`,
      [federationId, b.memberId, b.name, b.seat, b.position, b.termStart, b.termEnd],
    );
    return row!.id;
  }, actor);
}

/** Corrects a ledamot or ersättare (name, seat, position, member, term); the audit log keeps before and after. */
export async function updateBoardMember(db: Database, federationId: number, id: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const b = parseBoardMemberInput(raw);
  await db.transaction(async (tx) => {
    await assertMembersOf(tx, federationId, [b.memberId], 'memberId');
    const rows = await tx.query(
      `update board_member set member_id = $3, name = $4, seat = $5, position = $6, term_start = $7, term_end = $8
       where federation_id = $1 and id = $2 returning id`,
      [federationId, id, b.memberId, b.name, b.seat, b.position, b.termStart, b.termEnd],
    );
    if (!rows.length) throw new NotFoundError('Ledamoten finns inte.');
  }, actor);
}

/** Deletes one row of the register; returns its name (a meeting's date) for the confirmation. */
async function deleteRow(db: Database, table: 'board_member' | 'auditor' | 'board_meeting' | 'decision_item', federationId: number, id: number, what: string, actor: Actor): Promise<string> {
  const label = { board_member: 'name', auditor: 'name', board_meeting: "to_char(meeting_date, 'YYYY-MM-DD')", decision_item: 'title' }[table];
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ label: string }>(`delete from ${table} where federation_id = $1 and id = $2 returning ${label} as label`, [federationId, id]);
    if (!row) throw new NotFoundError(`${what} finns inte.`);
    return row.label;
  }, actor);
}

export const removeBoardMember = (db: Database, federationId: number, id: number, actor: Actor) => deleteRow(db, 'board_member', federationId, id, 'Ledamoten', actor);

export async function listAuditors(db: Queryable, federationId: number, period?: { from: string; to: string }): Promise<AuditorRow[]> {
  return db.query<AuditorRow>(
    `select id, name, title, appointed_by as "appointedBy", to_char(term_start, 'YYYY-MM-DD') as "termStart", to_char(term_end, 'YYYY-MM-DD') as "termEnd"
     from auditor where federation_id = $1 and ($2::date is null or ((term_end is null or term_end >= $2::date) and term_start <= $3::date))
     order by sort_order, id`,
    [federationId, period?.from ?? null, period?.to ?? null],
  );
}

export async function addAuditor(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const a = parseAuditorInput(raw);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into auditor (federation_id, name, title, appointed_by, term_start, term_end, sort_order)
       values ($1, $2, $3, $4, $5, $6, (select coalesce(max(sort_order), 0) + 1 from auditor where federation_id = $1)) returning id`,
      [federationId, a.name, a.title, a.appointedBy, a.termStart, a.termEnd],
    );
    return row!.id;
  }, actor);
}

export const removeAuditor = (db: Database, federationId: number, id: number, actor: Actor) => deleteRow(db, 'auditor', federationId, id, 'Revisorn', actor);

export async function listMeetings(db: Queryable, federationId: number, year?: number): Promise<MeetingRow[]> {
  return db.query<MeetingRow>(
    `select id, to_char(meeting_date, 'YYYY-MM-DD') as date, note from board_meeting
     where federation_id = $1 and ($2::int is null or extract(year from meeting_date) = $2::int) order by meeting_date`,
    [federationId, year ?? null],
  );
}

export async function getMeetingByDate(db: Queryable, federationId: number, date: string): Promise<MeetingRow | null> {
  const [m] = await db.query<MeetingRow>(
    `select id, to_char(meeting_date, 'YYYY-MM-DD') as date, note from board_meeting where federation_id = $1 and meeting_date = $2::date`,
    [federationId, date],
  );
  return m ?? null;
}

export async function addMeeting(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const m = parseMeetingInput(raw);
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into board_meeting (federation_id, meeting_date, note) values ($1, $2, $3)
       on conflict (federation_id, meeting_date) do update set note = excluded.note returning id`,
      [federationId, m.date, m.note],
    );
    return row!.id;
  }, actor);
}

export const removeMeeting = (db: Database, federationId: number, id: number, actor: Actor) => deleteRow(db, 'board_meeting', federationId, id, 'Mötet', actor);

export async function listDecisionItems(db: Queryable, federationId: number, meetingId: number): Promise<DecisionItemRow[]> {
  return db.query<DecisionItemRow>(
    `select id, board_meeting_id as "meetingId", title, body, proposal from decision_item
     where federation_id = $1 and board_meeting_id = $2 order by sort_order, id`,
    [federationId, meetingId],
  );
}

export async function addDecisionItem(db: Database, federationId: number, meetingId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const d = parseDecisionItemInput(raw);
  return db.transaction(async (tx) => {
    const [m] = await tx.query('select 1 from board_meeting where federation_id = $1 and id = $2', [federationId, meetingId]);
    if (!m) throw new NotFoundError('Mötet finns inte.');
    const [row] = await tx.query<{ id: number }>(
      `insert into decision_item (federation_id, board_meeting_id, title, body, proposal, sort_order)
       values ($1, $2, $3, $4, $5, (select coalesce(max(sort_order), 0) + 1 from decision_item where federation_id = $1 and board_meeting_id = $2)) returning id`,
      [federationId, meetingId, d.title, d.body, d.proposal],
    );
    return row!.id;
  }, actor);
}

/** Corrects a decision item of a meeting (title, underlag, proposal); the audit log keeps before and after. */
export async function updateDecisionItem(db: Database, federationId: number, meetingId: number, id: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const d = parseDecisionItemInput(raw);
  await db.transaction(async (tx) => {
    const rows = await tx.query(
      'update decision_item set title = $4, body = $5, proposal = $6 where federation_id = $1 and board_meeting_id = $2 and id = $3 returning id',
      [federationId, meetingId, id, d.title, d.body, d.proposal],
    );
    if (!rows.length) throw new NotFoundError('Beslutsärendet finns inte.');
  }, actor);
}

export const removeDecisionItem = (db: Database, federationId: number, id: number, actor: Actor) => deleteRow(db, 'decision_item', federationId, id, 'Beslutsärendet', actor);
