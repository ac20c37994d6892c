/**
 * The annual report's narrative texts and status: one text per chapter with every version kept (who, when),
 * status draft → ready → adopted (date, §), locked after adoption (also by a database trigger), reopening only
 * explicitly with a reason (recorded as an event beside the audit log). Chapters can be switched off per förbund.
 */
import { registerRecord } from '../records/registry.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { annualReportChapters, chapterDef, chapterKeys, type ReportStatus } from '../../core/reports/chapters.ts';
import { parseAdoptionInput, parseReopenInput } from '../../core/reports/inputs.ts';
import { assertValidMarkup } from '../../core/reports/markup.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';

export interface ChapterText {
  readonly chapter: string;
  readonly body: string;
  readonly version: number;
  readonly changedBy: string;
  readonly changedAt: string;
}

export interface ReportEvent {
  readonly event: 'ready' | 'draft' | 'adopted' | 'reopened';
  readonly note: string;
  readonly actor: string;
  readonly at: string;
}

export interface AnnualReportState {
  readonly year: number;
  readonly status: ReportStatus;
  readonly adoptedDate: string | null;
  readonly adoptedParagraph: string | null;
  readonly texts: readonly ChapterText[];
  readonly events: readonly ReportEvent[];
}

export const lockedMessage = 'Årsredovisningen är fastställd av styrelsen och låst. Öppna den igen (med skäl) för att ändra den.';

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InputError({ field: 'year', message: 'Året ska vara mellan 2000 och 2100.' });
}

async function ensureReport(tx: Queryable, federationId: number, year: number): Promise<{ id: number; status: ReportStatus }> {
  assertYear(year);
  const [fed] = await tx.query('select 1 from federation where id = $1', [federationId]);
  if (!fed) throw new NotFoundError('Förbundet finns inte.');
  await tx.query('insert into annual_report (federation_id, year) values ($1, $2) on conflict (federation_id, year) do nothing', [federationId, year]);
  const [r] = await tx.query<{ id: number; status: ReportStatus }>('select id, status from annual_report where federation_id = $1 and year = $2 for update', [federationId, year]);
  return r!;
}

export async function getAnnualReportState(db: Queryable, federationId: number, year: number): Promise<AnnualReportState> {
  assertYear(year);
  const [r] = await db.query<{ id: number; status: ReportStatus; adoptedDate: string | null; adoptedParagraph: string | null }>(
    `select id, status, to_char(adopted_date, 'YYYY-MM-DD') as "adoptedDate", adopted_paragraph as "adoptedParagraph"
     from annual_report where federation_id = $1 and year = $2`,
    [federationId, year],
  );
  if (!r) return { year, status: 'draft', adoptedDate: null, adoptedParagraph: null, texts: [], events: [] };
  const texts = await db.query<ChapterText>(
    `select chapter, body, version, changed_by as "changedBy", to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "changedAt"
     from report_text where federation_id = $1 and annual_report_id = $2 order by chapter`,
    [federationId, r.id],
  );
  const events = await db.query<ReportEvent>(
    `select event, note, actor, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as at
     from annual_report_event where federation_id = $1 and annual_report_id = $2 order by at, id`,
    [federationId, r.id],
  );
  return { year, status: r.status, adoptedDate: r.adoptedDate, adoptedParagraph: r.adoptedParagraph, texts, events };
}

/** Saves a chapter's text as a new version. Refused with a Swedish message when the text holds HTML or a personnummer, or the report is adopted. */
export async function saveChapterText(db: Database, federationId: number, year: number, chapter: string, body: string, actor: Actor): Promise<ChapterText> {
  const def = chapterDef(chapter);
  if (!def || !def.narrative) throw new InputError({ field: 'chapter', message: `Okänt avsnitt "${chapter}".` });
  if (typeof body !== 'string') throw new InputError({ field: 'body', message: 'Ange texten.' });
  assertValidMarkup(body, 'body');
  const normalised = body.replace(/\r\n?/g, '\n');
  return db.transaction(async (tx) => {
    const report = await ensureReport(tx, federationId, year);
    if (report.status === 'adopted') throw new InputError({ field: 'body', message: lockedMessage });
    const [row] = await tx.query<{ id: number; version: number; changedAt: string }>(
      `insert into report_text (federation_id, annual_report_id, chapter, body, version, changed_by) values ($1, $2, $3, $4, 1, $5)
       on conflict (federation_id, annual_report_id, chapter) do update set body = excluded.body, version = report_text.version + 1,
         changed_by = excluded.changed_by, changed_at = now()
       returning id, version, to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "changedAt"`,
      [federationId, report.id, chapter, normalised, actor.id],
    );
    await tx.query('insert into report_text_version (federation_id, report_text_id, version, body, changed_by) values ($1, $2, $3, $4, $5)', [
      federationId,
      row!.id,
      row!.version,
      normalised,
      actor.id,
    ]);
    return { chapter, body: normalised, version: row!.version, changedBy: actor.id, changedAt: row!.changedAt };
  }, actor);
}

export async function listTextVersions(db: Queryable, federationId: number, year: number, chapter: string): Promise<ChapterText[]> {
  return db.query<ChapterText>(
    `select t.chapter, v.body, v.version, v.changed_by as "changedBy", to_char(v.changed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as "changedAt"
     from report_text_version v join report_text t on t.federation_id = v.federation_id and t.id = v.report_text_id
     join annual_report r on r.federation_id = t.federation_id and r.id = t.annual_report_id
     where v.federation_id = $1 and r.year = $2 and t.chapter = $3 order by v.version desc`,
    [federationId, year, chapter],
  );
}

/** Copies last year's texts into every chapter of this year that has none yet. Returns the chapters copied. */
export async function copyPreviousYearTexts(db: Database, federationId: number, year: number, actor: Actor): Promise<string[]> {
  const previous = await getAnnualReportState(db, federationId, year - 1);
  const current = await getAnnualReportState(db, federationId, year);
  if (current.status === 'adopted') throw new InputError({ message: lockedMessage });
  const have = new Set(current.texts.map((t) => t.chapter));
  const copied: string[] = [];
  for (const t of previous.texts) {
    if (have.has(t.chapter) || !chapterKeys.has(t.chapter)) continue;
    await saveChapterText(db, federationId, year, t.chapter, t.body, actor);
    copied.push(t.chapter);
  }
  return copied;
}

async function addEvent(tx: Queryable, federationId: number, reportId: number, event: ReportEvent['event'], note: string, actor: Actor): Promise<void> {
  await tx.query('insert into annual_report_event (federation_id, annual_report_id, event, note, actor) values ($1, $2, $3, $4, $5)', [
    federationId,
    reportId,
    event,
    note,
    actor.id,
  ]);
}

/** draft ↔ ready. An adopted report changes only by reopenAnnualReport. */
export async function setReportReady(db: Database, federationId: number, year: number, ready: boolean, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const r = await ensureReport(tx, federationId, year);
    if (r.status === 'adopted') throw new InputError({ field: 'status', message: lockedMessage });
    const status = ready ? 'ready' : 'draft';
    await tx.query('update annual_report set status = $3, status_changed_by = $4, status_changed_at = now() where federation_id = $1 and id = $2', [federationId, r.id, status, actor.id]);
    await addEvent(tx, federationId, r.id, status, '', actor);
  }, actor);
}

/** The board adopted the report (date, § in the minutes): it is locked from now on. */
export async function adoptAnnualReport(db: Database, federationId: number, year: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const input = parseAdoptionInput(raw);
  await db.transaction(async (tx) => {
    const r = await ensureReport(tx, federationId, year);
    if (r.status === 'adopted') throw new InputError({ field: 'status', message: 'Årsredovisningen är redan fastställd.' });
    if (r.status !== 'ready') throw new InputError({ field: 'status', message: 'Markera årsredovisningen som klar för styrelsen innan den fastställs.' });
    await tx.query(
      `update annual_report set status = 'adopted', adopted_date = $3, adopted_paragraph = $4, status_changed_by = $5, status_changed_at = now()
       where federation_id = $1 and id = $2`,
      [federationId, r.id, input.date, input.paragraph, actor.id],
    );
    await addEvent(tx, federationId, r.id, 'adopted', `${input.date} ${input.paragraph}`, actor);
    // The adopted (final) report registers itself; adopted again after a reopening, it keeps its number.
    await registerRecord(tx, federationId, { kind: 'annual_report', ref: String(year), date: input.date, subject: `Årsredovisning ${year}, fastställd (${input.paragraph})` }, actor.id);
  }, actor);
}

/** Opens an adopted report again (back to draft): explicit, with a reason, recorded. */
export async function reopenAnnualReport(db: Database, federationId: number, year: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const { reason } = parseReopenInput(raw);
  await db.transaction(async (tx) => {
    const r = await ensureReport(tx, federationId, year);
    if (r.status !== 'adopted') throw new InputError({ field: 'status', message: 'Årsredovisningen är inte fastställd och behöver inte öppnas.' });
    await tx.query(
      `update annual_report set status = 'draft', adopted_date = null, adopted_paragraph = null, status_changed_by = $3, status_changed_at = now()
       where federation_id = $1 and id = $2`,
      [federationId, r.id, actor.id],
    );
    await addEvent(tx, federationId, r.id, 'reopened', reason, actor);
  }, actor);
}

export async function disabledChapters(db: Queryable, federationId: number): Promise<Set<string>> {
  const rows = await db.query<{ chapter: string }>('select chapter from report_chapter_setting where federation_id = $1 and not enabled', [federationId]);
  return new Set(rows.map((r) => r.chapter));
}

export async function setChapterEnabled(db: Database, federationId: number, chapter: string, enabled: boolean, actor: Actor): Promise<void> {
  const def = chapterDef(chapter);
  if (!def) throw new InputError({ field: 'chapter', message: `Okänt avsnitt "${chapter}".` });
  if (!def.optional && !enabled) throw new InputError({ field: 'chapter', message: `Avsnittet "${def.title}" krävs i årsredovisningen och kan inte stängas av.` });
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into report_chapter_setting (federation_id, chapter, enabled) values ($1, $2, $3)
       on conflict (federation_id, chapter) do update set enabled = excluded.enabled`,
      [federationId, chapter, enabled],
    );
  }, actor);
}

export { annualReportChapters };
