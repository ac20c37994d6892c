/**
 * The document management plan (dokumenthanteringsplan) and disposal (gallring) over the database. A förbund's
 * plan is installed from the core's template the first time anything is written to it (reading never writes:
 * until then the template is shown). Disposal acts on the plan: the yearly list of what is due, and a disposal
 * done under a named decision, recorded with what it disposed. A class the plan keeps is never disposed (the
 * core's rule here, and the database's trigger under it).
 */
import { InputError, NotFoundError } from '../../core/errors.ts';
import { parseIsoDate, parseText } from '../../core/input/index.ts';
import { identityProblems } from '../../core/privacy/identityGuard.ts';
import { disposableThrough, mayDispose, parseDocumentClassInput, planTemplate, type DocumentClassInput, type RecordKind, type Retention } from '../../core/records/plan.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';

export interface DocumentClass extends DocumentClassInput {
  readonly id: number | null;
  readonly entries: number;
}

/** Installs the template when the förbund has no plan yet (inside a write's transaction). */
export async function ensurePlan(tx: Queryable, federationId: number): Promise<void> {
  const [has] = await tx.query('select 1 from document_class where federation_id = $1 limit 1', [federationId]);
  if (has) return;
  for (const c of planTemplate) {
    await tx.query(
      `insert into document_class (federation_id, code, name, record_kind, retention, retention_years, format, location, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [federationId, c.code, c.name, c.recordKind, c.retention, c.retentionYears, c.format, c.location, c.note],
    );
  }
}

/** The plan: the stored classes, or the template (ids null) while none are stored. */
export async function documentPlan(db: Queryable, federationId: number): Promise<{ stored: boolean; classes: DocumentClass[] }> {
  const rows = await db.query<DocumentClass>(
    `select d.id, d.code, d.name, d.record_kind as "recordKind", d.retention, d.retention_years as "retentionYears", d.format, d.location, d.note,
            (select count(*)::int from registry_entry e where e.federation_id = d.federation_id and e.document_class_id = d.id) as entries
     from document_class d where d.federation_id = $1 order by string_to_array(d.code, '.')::text[], d.code`,
    [federationId],
  );
  if (rows.length) return { stored: true, classes: rows };
  return { stored: false, classes: planTemplate.map((c) => ({ ...c, id: null, entries: 0 })) };
}

/** Adds a class to the plan (the template is installed first). */
export async function addDocumentClass(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const c = parseDocumentClassInput(raw);
  return db.transaction(async (tx) => {
    await ensurePlan(tx, federationId);
    const [dup] = await tx.query('select 1 from document_class where federation_id = $1 and code = $2', [federationId, c.code]);
    if (dup) throw new InputError({ field: 'code', message: `Beteckningen ${c.code} finns redan i planen.` });
    const [r] = await tx.query<{ id: number }>(
      `insert into document_class (federation_id, code, name, record_kind, retention, retention_years, format, location, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [federationId, c.code, c.name, c.recordKind, c.retention, c.retentionYears, c.format, c.location, c.note],
    );
    return r!.id;
  }, { ...actor, federationId });
}

/** Changes a class of the plan (by code; the template is installed first). */
export async function updateDocumentClass(db: Database, federationId: number, code: string, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const c = parseDocumentClassInput({ ...raw, code });
  await db.transaction(async (tx) => {
    await ensurePlan(tx, federationId);
    const rows = await tx.query(
      `update document_class set name = $3, record_kind = $4, retention = $5, retention_years = $6, format = $7, location = $8, note = $9
       where federation_id = $1 and code = $2 returning id`,
      [federationId, code, c.name, c.recordKind, c.retention, c.retentionYears, c.format, c.location, c.note],
    );
    if (!rows.length) throw new NotFoundError(`Handlingsslaget ${code} finns inte i planen.`);
  }, { ...actor, federationId });
}

export interface DueForDisposal {
  readonly code: string;
  readonly name: string;
  readonly retention: Retention;
  readonly recordKind: RecordKind | null;
  /** Records dated up to and including this date are due. */
  readonly through: string;
  /** Registry entries of the class that are due and not yet disposed. */
  readonly entries: number;
  /** Other records due: participations ended by then (participant follow-up data), null for other kinds. */
  readonly participations: number | null;
}

/** The year's list of what is due for disposal: classes with a retention in years whose period has run out. */
export async function dueForDisposal(db: Queryable, federationId: number, year: number): Promise<DueForDisposal[]> {
  const { classes } = await documentPlan(db, federationId);
  const out: DueForDisposal[] = [];
  for (const c of classes) {
    const through = disposableThrough(c, year);
    if (!through || c.id === null) continue;
    const [n] = await db.query<{ entries: number; participations: number | null }>(
      `select (select count(*)::int from registry_entry where federation_id = $1 and document_class_id = $2 and entry_date <= $3 and disposal_id is null) as entries,
              case when $4 = 'participant_followup' then (select count(*)::int from participation where federation_id = $1 and end_date <= $3) end as participations`,
      [federationId, c.id, through, c.recordKind],
    );
    out.push({ code: c.code, name: c.name, retention: c.retention, recordKind: c.recordKind, through, entries: n!.entries, participations: n!.participations });
  }
  return out;
}

export interface DisposalRecord {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly decision: string;
  readonly through: string;
  readonly summary: string;
  readonly disposedAt: string;
  readonly disposedBy: string;
}

/**
 * Disposes of a class's records dated up to `through` under a named decision, in one transaction: the
 * registry entries are marked as disposed by this disposal (their registration stays: what was disposed is
 * itself kept), and for participant follow-up data the participations ended by then are deleted — only from
 * years whose participant statistics are published (frozen), so the protected statistics stay. The summary
 * states what was disposed in numbers, never who. Refused for a class the plan keeps, and for a date later
 * than the plan allows.
 */
export async function disposeClass(db: Database, federationId: number, raw: Record<string, unknown>, today: string, actor: Actor): Promise<DisposalRecord> {
  const problems = [...identityProblems(raw)];
  const code = typeof raw.code === 'string' ? raw.code.trim() : '';
  const decision = parseText(raw.decision ?? '', { maxLength: 500 });
  if (!decision.ok || !decision.value) problems.push({ field: 'decision', message: 'Ange beslutet gallringen sker enligt (t.ex. "Styrelsen 2026-02-12 § 7, dokumenthanteringsplan").' });
  const through = parseIsoDate(raw.through);
  if (!through.ok) problems.push({ field: 'through', message: `Till och med: ${through.message}` });
  if (problems.length) throw new InputError(problems);
  const throughDate = (through as { value: string }).value;
  return db.transaction(async (tx) => {
    await ensurePlan(tx, federationId);
    const [c] = await tx.query<{ id: number; name: string; retention: Retention; retentionYears: number | null; recordKind: RecordKind | null }>(
      `select id, name, retention, retention_years as "retentionYears", record_kind as "recordKind" from document_class where federation_id = $1 and code = $2`,
      [federationId, code],
    );
    if (!c) throw new NotFoundError(`Handlingsslaget ${code} finns inte i planen.`);
    if (!mayDispose(c)) throw new InputError({ field: 'code', message: `${c.name} ska bevaras enligt dokumenthanteringsplanen och får inte gallras.` });
    const limit = disposableThrough(c, Number(today.slice(0, 4)));
    if (c.retention === 'years' && limit !== null && throughDate > limit) {
      throw new InputError({ field: 'through', message: `${c.name} gallras efter ${c.retentionYears} år: i år får handlingar till och med ${limit} gallras.` });
    }
    if (throughDate > today) throw new InputError({ field: 'through', message: 'Handlingar kan inte gallras i förväg.' });
    const parts: string[] = [];
    const [{ id }] = (await tx.query<{ id: number }>(
      `insert into disposal (federation_id, document_class_id, decision, through_date, summary, disposed_by) values ($1, $2, $3, $4, 'pågår', $5) returning id`,
      [federationId, c.id, (decision as { value: string }).value, throughDate, actor.id],
    )) as [{ id: number }];
    const marked = await tx.query('update registry_entry set disposal_id = $3 where federation_id = $1 and document_class_id = $2 and entry_date <= $4 and disposal_id is null returning id', [federationId, c.id, id, throughDate]);
    parts.push(`${marked.length} diarieförda handlingar`);
    if (c.recordKind === 'participant_followup') {
      const deleted = await tx.query<{ year: number }>(
        `delete from participation p where p.federation_id = $1 and p.end_date <= $2
           and exists (select 1 from statistics_snapshot s where s.federation_id = p.federation_id and s.year = extract(year from p.end_date)::int)
         returning extract(year from p.end_date)::int as year`,
        [federationId, throughDate],
      );
      const [kept] = await tx.query<{ n: number }>('select count(*)::int as n from participation where federation_id = $1 and end_date <= $2', [federationId, throughDate]);
      const years = [...new Set(deleted.map((d) => d.year))].sort();
      parts.push(`${deleted.length} avslutade deltaganden med sina uppföljningsuppgifter (avslutade ${years.length ? years.join(', ') : '–'}); den publicerade, skyddade statistiken för de åren bevaras`);
      if (kept!.n) parts.push(`${kept!.n} deltaganden behölls eftersom årets statistik ännu inte är publicerad`);
    }
    const summary = `Gallrat t.o.m. ${throughDate}: ${parts.join('; ')}.`;
    await tx.query('update disposal set summary = $3 where federation_id = $1 and id = $2', [federationId, id, summary]);
    const [r] = await tx.query<DisposalRecord>(disposalSelect + ' and x.id = $2', [federationId, id]);
    return r!;
  }, { ...actor, federationId });
}

const disposalSelect = `select x.id, d.code, d.name, x.decision, to_char(x.through_date, 'YYYY-MM-DD') as through, x.summary,
  to_char(x.disposed_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as "disposedAt", x.disposed_by as "disposedBy"
  from disposal x join document_class d on d.federation_id = x.federation_id and d.id = x.document_class_id where x.federation_id = $1`;

/** Every disposal done, newest first: the record of what was disposed and under which decision. */
export async function listDisposals(db: Queryable, federationId: number): Promise<DisposalRecord[]> {
  return db.query<DisposalRecord>(disposalSelect + ' order by x.disposed_at desc, x.id desc', [federationId]);
}
