/**
 * Applications for money (ansökan om medel): saved as a draft over several visits, submitted, prepared by the
 * kansli (beredning: the förbund's checklist, comments, a proposal) and decided by a justerat protocol paragraph
 * (see minutes.ts). Every write in one transaction, audited by the trigger.
 */
import { ConflictError, InputError, NotFoundError } from '../../core/errors.ts';
import { isEditable, nextStatus, parseApplicationInput, parseYearAmounts, type ApplicationInput, type BudgetRow, type YearAmount } from '../../core/applications/application.ts';
import type { DecidedApplication } from '../../core/applications/decision.ts';
import { ApplicationStatus, type ApplicationLevel, type CostType } from '../../core/applications/vocabulary.ts';
import { Validator } from '../../core/interventions/intervention.ts';
import type { InputProblem } from '../../core/errors.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { assertMembersOf } from '../members/members.ts';
import { registerRecord } from '../records/registry.ts';
import { today } from '../../core/calendar.ts';

export interface ApplicationSummary {
  readonly id: number;
  readonly title: string;
  readonly ownerMemberId: number | null;
  readonly ownerName: string | null;
  readonly status: ApplicationStatus;
  readonly statusLabel: string;
  readonly submittedAt: string | null;
  readonly appliedOre: number;
}

export interface ApplicationDecision {
  readonly meetingId: number;
  readonly meetingDate: string;
  readonly paragraph: number;
  readonly text: string;
  readonly amounts: readonly { year: number; amount: number; amountOre: number }[];
  readonly adjustedAt: string;
  readonly interventionId: number | null;
}

export interface Application extends ApplicationSummary, DecidedApplication {
  readonly cooperatingMembers: readonly { id: number; name: string }[];
  readonly problem: string;
  readonly followUp: string;
  readonly coFinancing: string;
  readonly staffing: string;
  readonly contactPerson: string;
  readonly proposalConditions: string;
  readonly createdBy: string;
  readonly decision: ApplicationDecision | null;
  /** On an agenda, and the paragraph that decides it while its protocol awaits justering. */
  readonly pendingDecision: { meetingId: number; meetingDate: string; paragraph: number; text: string } | null;
}

const summarySql = `select a.id, a.title, a.owner_member_id as "ownerMemberId", m.name as "ownerName", a.status,
    to_char(a.submitted_at, 'YYYY-MM-DD"T"HH24:MI:SS') as "submittedAt", coalesce(x.ore, 0)::bigint as "appliedOre"
  from application a left join member m on m.federation_id = a.federation_id and m.id = a.owner_member_id
  left join (select application_id, sum(amount_ore) as ore from application_amount where federation_id = $1 and kind = 'budget' group by application_id) x
    on x.application_id = a.id`;

type SummaryRow = Omit<ApplicationSummary, 'statusLabel'>;
const withLabel = (r: SummaryRow): ApplicationSummary => ({ ...r, appliedOre: Number(r.appliedOre), statusLabel: ApplicationStatus.label(r.status) });

export interface ApplicationFilter {
  readonly status?: ApplicationStatus;
  readonly text?: string;
  readonly ownerMemberId?: number;
  readonly createdBy?: string;
}

/** The förbund's applications, newest first; text searches title, problem and target group. */
export async function listApplications(db: Queryable, federationId: number, filter: ApplicationFilter = {}): Promise<ApplicationSummary[]> {
  const rows = await db.query<SummaryRow>(
    `${summarySql} where a.federation_id = $1 and ($2::text is null or a.status = $2) and ($3::int is null or a.owner_member_id = $3)
       and ($4::text is null or a.created_by = $4)
       and ($5::text is null or a.title ilike '%' || $5 || '%' or a.problem ilike '%' || $5 || '%' or a.target_group ilike '%' || $5 || '%')
     order by a.created_at desc, a.id desc limit 1000`,
    [federationId, filter.status ?? null, filter.ownerMemberId ?? null, filter.createdBy ?? null, filter.text?.trim() || null],
  );
  return rows.map(withLabel);
}

export async function getApplication(db: Queryable, federationId: number, id: number): Promise<Application> {
  const [row] = await db.query<SummaryRow & {
    level: ApplicationLevel | null; periodStart: string | null; periodEnd: string | null; problem: string; targetGroup: string; followUp: string;
    coFinancing: string; staffing: string; contactPerson: string; proposalConditions: string; createdBy: string; interventionId: number | null;
    decisionParagraphId: number | null; decisionReason: string;
  }>(
    `${summarySql.replace('select a.id,', `select a.id, a.level, to_char(a.period_start, 'YYYY-MM-DD') as "periodStart", to_char(a.period_end, 'YYYY-MM-DD') as "periodEnd",
       a.problem, a.target_group as "targetGroup", a.follow_up as "followUp", a.co_financing as "coFinancing", a.staffing,
       a.contact_person as "contactPerson", a.proposal_conditions as "proposalConditions", a.created_by as "createdBy",
       a.intervention_id as "interventionId", a.decision_paragraph_id as "decisionParagraphId", a.decision_reason as "decisionReason",`)}
     where a.federation_id = $1 and a.id = $2`,
    [federationId, id],
  );
  if (!row) throw new NotFoundError('Ansökan finns inte.');
  const p = [federationId, id];
  const cooperatingMembers = await db.query<{ id: number; name: string }>(
    `select m.id, m.name from application_member x join member m on m.federation_id = x.federation_id and m.id = x.member_id
     where x.federation_id = $1 and x.application_id = $2 order by m.sort_order, m.name`, p);
  const goals = (await db.query<{ text: string }>('select text from application_goal where federation_id = $1 and application_id = $2 order by sort_order, id', p)).map((g) => g.text);
  const amounts = await db.query<{ kind: string; year: number; costType: CostType; amountOre: string }>(
    `select kind, year, cost_type as "costType", amount_ore as "amountOre" from application_amount
     where federation_id = $1 and application_id = $2 order by kind, year, cost_type`, p);
  const budget: BudgetRow[] = amounts.filter((a) => a.kind === 'budget').map((a) => ({ year: a.year, costType: a.costType, amountOre: Number(a.amountOre) }));
  const proposal: YearAmount[] = amounts.filter((a) => a.kind === 'proposal').map((a) => ({ year: a.year, amountOre: Number(a.amountOre) }));
  const paragraphs = await db.query<{ id: number; meetingId: number; meetingDate: string; number: number; text: string; adjustedAt: string | null }>(
    `select p.id, bm.id as "meetingId", to_char(bm.meeting_date, 'YYYY-MM-DD') as "meetingDate", p.number, p.text,
       to_char(mi.adjusted_at, 'YYYY-MM-DD"T"HH24:MI:SS') as "adjustedAt"
     from minutes_paragraph p join minutes mi on mi.federation_id = p.federation_id and mi.id = p.minutes_id
     join board_meeting bm on bm.federation_id = mi.federation_id and bm.id = mi.board_meeting_id
     where p.federation_id = $1 and p.application_id = $2`, p);
  const decided = paragraphs.find((x) => x.id === row.decisionParagraphId && x.adjustedAt);
  const pending = paragraphs.find((x) => !x.adjustedAt);
  let decision: ApplicationDecision | null = null;
  if (decided) {
    const decidedAmounts = await db.query<{ year: number; amountOre: string }>(
      'select year, amount_ore as "amountOre" from minutes_paragraph_amount where federation_id = $1 and paragraph_id = $2 order by year', [federationId, decided.id]);
    const grants = row.interventionId === null ? [] : await db.query<{ year: number; amountOre: string }>(
      'select year, decided_ore as "amountOre" from intervention_grant where federation_id = $1 and intervention_id = $2 order by year', [federationId, row.interventionId]);
    const shown = (decidedAmounts.length ? decidedAmounts : grants).map((a) => ({ year: a.year, amountOre: Number(a.amountOre), amount: Number(a.amountOre) / 100 }));
    decision = { meetingId: decided.meetingId, meetingDate: decided.meetingDate, paragraph: decided.number, text: decided.text, amounts: shown, adjustedAt: decided.adjustedAt!, interventionId: row.interventionId };
  }
  const { decisionParagraphId: _p, decisionReason: _r, interventionId: _i, ...rest } = row;
  return {
    ...withLabel(rest), ...rest, statusLabel: ApplicationStatus.label(row.status), appliedOre: Number(row.appliedOre),
    ownerMemberId: row.ownerMemberId, cooperatingMemberIds: cooperatingMembers.map((m) => m.id), cooperatingMembers, goals, budget, proposal, decision,
    pendingDecision: pending ? { meetingId: pending.meetingId, meetingDate: pending.meetingDate, paragraph: pending.number, text: pending.text } : null,
  };
}

async function writeContent(tx: Queryable, federationId: number, id: number, a: ApplicationInput): Promise<void> {
  await assertMembersOf(tx, federationId, [a.ownerMemberId], 'ownerMember');
  await assertMembersOf(tx, federationId, a.cooperatingMemberIds, 'cooperatingMembers');
  await tx.query(
    `update application set title = $3, owner_member_id = $4, level = $5, period_start = $6, period_end = $7, problem = $8, target_group = $9,
       follow_up = $10, co_financing = $11, staffing = $12, contact_person = $13 where federation_id = $1 and id = $2`,
    [federationId, id, a.title, a.ownerMemberId, a.level, a.periodStart, a.periodEnd, a.problem, a.targetGroup, a.followUp, a.coFinancing, a.staffing, a.contactPerson],
  );
  const p = [federationId, id];
  await tx.query('delete from application_member where federation_id = $1 and application_id = $2', p);
  await tx.query('delete from application_goal where federation_id = $1 and application_id = $2', p);
  await tx.query("delete from application_amount where federation_id = $1 and application_id = $2 and kind = 'budget'", p);
  for (const m of a.cooperatingMemberIds) await tx.query('insert into application_member (federation_id, application_id, member_id) values ($1, $2, $3)', [...p, m]);
  for (const [i, g] of a.goals.entries()) await tx.query('insert into application_goal (federation_id, application_id, sort_order, text) values ($1, $2, $3, $4)', [...p, i + 1, g]);
  for (const b of a.budget) {
    await tx.query("insert into application_amount (federation_id, application_id, kind, year, cost_type, amount_ore) values ($1, $2, 'budget', $3, $4, $5)", [...p, b.year, b.costType, b.amountOre]);
  }
}

const isDraftRequest = (raw: Record<string, unknown>) => raw.draft === true || raw.draft === 'true' || raw.draft === 'on' || raw.draft === '1';

/**
 * A new application. Submitted ("inkommen") at once unless `draft` is set; a draft needs only a title and is
 * completed over later visits (updateApplication) and submitted with submitApplication.
 */
export async function createApplication(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const draft = isDraftRequest(raw);
  const a = parseApplicationInput(raw, { draft });
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `insert into application (federation_id, title, status, submitted_at, created_by) values ($1, $2, $3, case when $3 = 'inkommen' then now() end, $4) returning id`,
      [federationId, a.title, draft ? 'utkast' : 'inkommen', actor.id],
    );
    await writeContent(tx, federationId, row!.id, a);
    if (!draft) await registerSubmitted(tx, federationId, row!.id, actor);
    return row!.id;
  }, actor);
}

/** A submitted application is a document received: it is registered (diarium) as it comes in. */
async function registerSubmitted(tx: Queryable, federationId: number, id: number, actor: Actor): Promise<void> {
  const a = await getApplication(tx, federationId, id);
  await registerRecord(tx, federationId, { kind: 'application', ref: String(id), date: today(), direction: 'in', party: a.ownerName ?? 'Medlem', subject: `Ansökan om medel: ${a.title}` }, actor.id);
}

async function lockedStatus(tx: Queryable, federationId: number, id: number): Promise<ApplicationStatus> {
  const [row] = await tx.query<{ status: ApplicationStatus }>('select status from application where federation_id = $1 and id = $2 for update', [federationId, id]);
  if (!row) throw new NotFoundError('Ansökan finns inte.');
  return row.status;
}

/** Saves a draft again (another visit). A submitted application is the kansli's to prepare, not to rewrite. */
export async function updateApplication(db: Database, federationId: number, id: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const a = parseApplicationInput(raw, { draft: true });
  await db.transaction(async (tx) => {
    const status = await lockedStatus(tx, federationId, id);
    if (!isEditable(status)) throw new ConflictError(`Ansökan är ${ApplicationStatus.label(status).toLowerCase()} och kan inte längre ändras av den sökande.`);
    await writeContent(tx, federationId, id, a);
  }, actor);
}

/** Submits a draft: it must now hold every assessed field. */
export async function submitApplication(db: Database, federationId: number, id: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const status = await lockedStatus(tx, federationId, id);
    nextStatus(status, 'inkommen');
    const a = await getApplication(tx, federationId, id);
    parseApplicationInput(
      {
        title: a.title, ownerMember: a.ownerMemberId ?? '', level: a.level ?? '', periodStart: a.periodStart ?? '', periodEnd: a.periodEnd ?? '',
        problem: a.problem, targetGroup: a.targetGroup, followUp: a.followUp, goals: a.goals,
        budget: a.budget.map((b) => ({ year: b.year, costType: b.costType, amount: b.amountOre / 100 })),
      },
      { draft: false },
    );
    await tx.query("update application set status = 'inkommen', submitted_at = now() where federation_id = $1 and id = $2", [federationId, id]);
    await registerSubmitted(tx, federationId, id, actor);
  }, actor);
}

/** A manual step on the status path (beredning, to the board, withdrawal); decisions come only from justering. */
export async function setApplicationStatus(db: Database, federationId: number, id: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const to = ApplicationStatus.parse(String(raw.status ?? ''));
  if (!to) throw new InputError({ field: 'status', message: `Okänd status. Tillåtna: ${Object.values(ApplicationStatus.labels).join(', ')}.` });
  // Submitting checks that the application is complete; that is submitApplication's, whichever way it is asked for.
  if (to === 'inkommen') return submitApplication(db, federationId, id, actor);
  await db.transaction(async (tx) => {
    const from = await lockedStatus(tx, federationId, id);
    nextStatus(from, to);
    await tx.query('update application set status = $3 where federation_id = $1 and id = $2', [federationId, id, to]);
  }, actor);
}

/** The beredning's proposal to the board: amount per year and conditions. */
export async function setProposal(db: Database, federationId: number, id: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const problems: InputProblem[] = [];
  const amounts = parseYearAmounts(raw.amounts, 'amounts', problems);
  const v = new Validator({ conditions: raw.conditions });
  const conditions = v.text('conditions', 'villkor', { max: 5000 });
  problems.push(...v.problems);
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    const status = await lockedStatus(tx, federationId, id);
    if (status === 'beviljad' || status === 'avslagen' || status === 'atertagen') throw new ConflictError(`Ansökan är ${ApplicationStatus.label(status).toLowerCase()}; förslaget kan inte ändras.`);
    await tx.query("delete from application_amount where federation_id = $1 and application_id = $2 and kind = 'proposal'", [federationId, id]);
    for (const a of amounts) {
      await tx.query("insert into application_amount (federation_id, application_id, kind, year, amount_ore) values ($1, $2, 'proposal', $3, $4)", [federationId, id, a.year, a.amountOre]);
    }
    await tx.query('update application set proposal_conditions = $3 where federation_id = $1 and id = $2', [federationId, id, conditions]);
  }, actor);
}
