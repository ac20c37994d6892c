/**
 * The board's next meeting (on or after a date) with its decision items, in one statement: what a board
 * member's start page shows. Reads only; the meetings and items are kept in board.ts.
 */
import type { Queryable } from '../../db/database.ts';

export interface NextMeeting {
  readonly id: number;
  readonly date: string;
  readonly note: string;
  /** The decision items in the order of the board pack. */
  readonly items: readonly { readonly title: string; readonly proposal: string }[];
}

export async function nextMeeting(db: Queryable, federationId: number, fromDate: string): Promise<NextMeeting | null> {
  const [m] = await db.query<{ id: number; date: string; note: string; items: { title: string; proposal: string }[] | string }>(
    `select m.id, to_char(m.meeting_date, 'YYYY-MM-DD') as date, m.note,
       coalesce(json_agg(json_build_object('title', d.title, 'proposal', d.proposal) order by d.sort_order, d.id) filter (where d.id is not null), '[]'::json) as items
     from board_meeting m
     left join decision_item d on d.federation_id = m.federation_id and d.board_meeting_id = m.id
     where m.federation_id = $1 and m.meeting_date >= $2::date
     group by m.id, m.meeting_date, m.note
     order by m.meeting_date
     limit 1`,
    [federationId, fromDate],
  );
  if (!m) return null;
  return { id: m.id, date: m.date, note: m.note, items: typeof m.items === 'string' ? JSON.parse(m.items) : m.items };
}
