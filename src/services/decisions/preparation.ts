/**
 * The beredning of an application: the förbund's own checklist of criteria (editable per förbund, e.g. "stödjer
 * visionen", "mål och uppföljning beskrivna", "samverkan mellan minst två parter"), each criterion judged met or
 * not with a note, and comments from the preparation group.
 */
import { ConflictError, InputError, NotFoundError } from '../../core/errors.ts';
import { Validator } from '../../core/interventions/intervention.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';

export interface PreparationCriterion {
  readonly id: number;
  readonly label: string;
}

export interface Preparation {
  readonly checklist: readonly { criterionId: number; label: string; met: boolean | null; note: string }[];
  readonly comments: readonly { id: number; author: string; text: string; at: string }[];
}

export async function listCriteria(db: Queryable, federationId: number): Promise<PreparationCriterion[]> {
  return db.query<PreparationCriterion>('select id, label from preparation_criterion where federation_id = $1 and not retired order by sort_order, id', [federationId]);
}

export async function addCriterion(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const v = new Validator(raw);
  const label = v.text('label', 'kriterium', { required: true, max: 300 });
  v.done();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into preparation_criterion (federation_id, label, sort_order)
       values ($1, $2, (select coalesce(max(sort_order), 0) + 1 from preparation_criterion where federation_id = $1)) returning id`,
      [federationId, label]);
    return row!.id;
  }, actor);
}

/** A criterion no longer used: kept for the applications already judged by it, left off new checklists. */
export async function retireCriterion(db: Database, federationId: number, id: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query('update preparation_criterion set retired = true where federation_id = $1 and id = $2 returning id', [federationId, id]);
    if (!rows.length) throw new NotFoundError('Kriteriet finns inte.');
  }, actor);
}

export async function getPreparation(db: Queryable, federationId: number, applicationId: number): Promise<Preparation> {
  const checklist = await db.query<Preparation['checklist'][number]>(
    `select c.id as "criterionId", c.label, k.met, coalesce(k.note, '') as note
     from preparation_criterion c left join preparation_check k on k.federation_id = c.federation_id and k.criterion_id = c.id and k.application_id = $2
     where c.federation_id = $1 and (not c.retired or k.met is not null) order by c.sort_order, c.id`,
    [federationId, applicationId]);
  const comments = await db.query<Preparation['comments'][number]>(
    `select id, author, text, to_char(created_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as at
     from preparation_comment where federation_id = $1 and application_id = $2 order by created_at, id`, [federationId, applicationId]);
  return { checklist, comments };
}

async function assertPreparable(tx: Queryable, federationId: number, applicationId: number): Promise<void> {
  const [a] = await tx.query<{ status: string }>('select status from application where federation_id = $1 and id = $2', [federationId, applicationId]);
  if (!a) throw new NotFoundError('Ansökan finns inte.');
  if (a.status === 'utkast') throw new ConflictError('Ansökan är ett utkast; beredningen börjar när den är inskickad.');
  if (a.status === 'beviljad' || a.status === 'avslagen' || a.status === 'atertagen') throw new ConflictError('Ansökan är avgjord; beredningen kan inte ändras.');
}

/** Judges one criterion for an application: `met` true or false, with a note. */
export async function judgeCriterion(db: Database, federationId: number, applicationId: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const v = new Validator(raw);
  const criterionId = v.integer('criterion', 'kriterium', { required: true, min: 1 });
  const note = v.text('note', 'anteckning', { max: 2000 });
  const met = raw.met === true || raw.met === 'true' || raw.met === 'ja' ? true : raw.met === false || raw.met === 'false' || raw.met === 'nej' ? false : null;
  if (met === null) v.fail('met', 'Ange om kriteriet är uppfyllt (ja eller nej).');
  v.done();
  await db.transaction(async (tx) => {
    await assertPreparable(tx, federationId, applicationId);
    if (!(await tx.query('select 1 from preparation_criterion where federation_id = $1 and id = $2 and not retired', [federationId, criterionId])).length) {
      throw new InputError({ field: 'criterion', message: 'Förbundet har inget sådant kriterium.' });
    }
    await tx.query(
      `insert into preparation_check (federation_id, application_id, criterion_id, met, note) values ($1, $2, $3, $4, $5)
       on conflict (federation_id, application_id, criterion_id) do update set met = excluded.met, note = excluded.note`,
      [federationId, applicationId, criterionId, met, note]);
  }, actor);
}

/** A comment from the preparation group, signed by the logged-in user. */
export async function addPreparationComment(db: Database, federationId: number, applicationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const v = new Validator(raw);
  const text = v.text('text', 'kommentar', { required: true, max: 5000 });
  v.done();
  return db.transaction(async (tx) => {
    await assertPreparable(tx, federationId, applicationId);
    const [row] = await tx.query<{ id: number }>(
      'insert into preparation_comment (federation_id, application_id, author, text) values ($1, $2, $3, $4) returning id', [federationId, applicationId, actor.id, text]);
    return row!.id;
  }, actor);
}
