/**
 * The reports part of the demo: the board and the auditors from the signature pages of the 2025 annual report,
 * and two of its chapter texts (demo/vastmanland-report.json). Runs inside the demo loader's transaction.
 */
import { InputError } from '../../core/errors.ts';
import { chapterKeys } from '../../core/reports/chapters.ts';
import { parseAuditorInput, parseBoardMemberInput } from '../../core/reports/inputs.ts';
import { assertValidMarkup } from '../../core/reports/markup.ts';
import type { Queryable } from '../../db/database.ts';

export interface ReportDemoData {
  readonly board: readonly { name: string; seat: string; position: string }[];
  readonly termStart: string;
  readonly auditors: readonly { name: string; title: string; appointedBy: string }[];
  readonly texts: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export async function seedReportDemo(tx: Queryable, federationId: number, data: ReportDemoData, actorId: string): Promise<void> {
  let order = 0;
  for (const raw of data.board) {
    const b = parseBoardMemberInput({ ...raw, termStart: data.termStart });
    await tx.query(
      'insert into board_member (federation_id, member_id, name, seat, position, term_start, term_end, sort_order) values ($1, null, $2, $3, $4, $5, null, $6)',
      [federationId, b.name, b.seat, b.position, b.termStart, ++order],
    );
  }
  for (const raw of data.auditors) {
    const a = parseAuditorInput({ ...raw, termStart: data.termStart });
    await tx.query('insert into auditor (federation_id, name, title, appointed_by, term_start, sort_order) values ($1, $2, $3, $4, $5, $6)', [
      federationId,
      a.name,
      a.title,
      a.appointedBy,
      a.termStart,
      ++order,
    ]);
  }
  for (const [year, texts] of Object.entries(data.texts)) {
    const [report] = await tx.query<{ id: number }>(
      `insert into annual_report (federation_id, year) values ($1, $2) on conflict (federation_id, year) do update set year = excluded.year returning id`,
      [federationId, Number(year)],
    );
    for (const [chapter, body] of Object.entries(texts)) {
      if (!chapterKeys.has(chapter)) throw new InputError({ field: `texts.${year}.${chapter}`, message: `Okänt avsnitt "${chapter}".` });
      assertValidMarkup(body, `texts.${year}.${chapter}`);
      const [t] = await tx.query<{ id: number }>(
        'insert into report_text (federation_id, annual_report_id, chapter, body, version, changed_by) values ($1, $2, $3, $4, 1, $5) returning id',
        [federationId, report!.id, chapter, body, actorId],
      );
      await tx.query('insert into report_text_version (federation_id, report_text_id, version, body, changed_by) values ($1, $2, 1, $3, $4)', [federationId, t!.id, body, actorId]);
    }
  }
}
