/**
 * The board's delegation rules (delegationsordning: who may decide what, up to which amount) and the decisions
 * made under them. A decision is recorded with its rule's reference and reported to the board as an agenda item
 * of the next meeting that gets a notice (giveMeetingNotice calls reportDelegatedDecisions).
 */
import { ConflictError, InputError } from '../../core/errors.ts';
import { formatKronor } from '../../core/format.ts';
import { Validator } from '../../core/interventions/intervention.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';

export interface DelegationRule {
  readonly id: number;
  readonly reference: string;
  readonly matter: string;
  readonly delegate: string;
  readonly maxAmountOre: number | null;
}

export interface DelegatedDecision {
  readonly id: number;
  readonly reference: string;
  readonly decidedOn: string;
  readonly decidedBy: string;
  readonly text: string;
  readonly amountOre: number | null;
  readonly reportedItemId: number | null;
}

export async function listDelegationRules(db: Queryable, federationId: number): Promise<DelegationRule[]> {
  const rows = await db.query<DelegationRule & { maxAmountOre: string | null }>(
    `select id, reference, matter, delegate, max_amount_ore as "maxAmountOre" from delegation_rule where federation_id = $1 order by reference`, [federationId]);
  return rows.map((r) => ({ ...r, maxAmountOre: r.maxAmountOre === null ? null : Number(r.maxAmountOre) }));
}

export async function addDelegationRule(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const v = new Validator(raw);
  const reference = v.text('reference', 'punkt i delegationsordningen', { required: true, max: 50 });
  const matter = v.text('matter', 'ärendetyp', { required: true, max: 500 });
  const delegate = v.text('delegate', 'delegat', { required: true, max: 200 });
  const maxAmountOre = v.kronor('maxAmount', 'högsta belopp');
  v.done();
  return db.transaction(async (tx) => {
    const dup = await tx.query('select 1 from delegation_rule where federation_id = $1 and reference = $2', [federationId, reference]);
    if (dup.length) throw new InputError({ field: 'reference', message: `Punkten ${reference} finns redan i delegationsordningen.` });
    const [row] = await tx.query<{ id: number }>(
      'insert into delegation_rule (federation_id, reference, matter, delegate, max_amount_ore) values ($1, $2, $3, $4, $5) returning id',
      [federationId, reference, matter, delegate, maxAmountOre]);
    return row!.id;
  }, actor);
}

/** A decision under delegation: its rule by reference, within the rule's amount. */
export async function recordDelegatedDecision(db: Database, federationId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const v = new Validator(raw);
  const reference = v.text('reference', 'punkt i delegationsordningen', { required: true, max: 50 });
  const decidedOn = v.date('decidedOn', 'beslutsdag', true);
  const decidedBy = v.text('decidedBy', 'beslutsfattare', { required: true, max: 200 });
  const text = v.text('text', 'beslut', { required: true, max: 5000 });
  const amountOre = v.kronor('amount', 'belopp');
  v.done();
  return db.transaction(async (tx) => {
    const [rule] = await tx.query<{ id: number; max: string | null }>('select id, max_amount_ore as max from delegation_rule where federation_id = $1 and reference = $2', [federationId, reference]);
    if (!rule) throw new InputError({ field: 'reference', message: `Delegationsordningen har ingen punkt ${reference}.` });
    if (rule.max !== null && amountOre !== null && amountOre > Number(rule.max)) {
      throw new ConflictError(`Beloppet ${formatKronor(amountOre)} är större än vad punkten ${reference} tillåter (${formatKronor(Number(rule.max))}); beslutet är styrelsens.`);
    }
    const [row] = await tx.query<{ id: number }>(
      'insert into delegated_decision (federation_id, delegation_rule_id, decided_on, decided_by, text, amount_ore) values ($1, $2, $3, $4, $5, $6) returning id',
      [federationId, rule.id, decidedOn, decidedBy, text, amountOre]);
    return row!.id;
  }, actor);
}

export async function listDelegatedDecisions(db: Queryable, federationId: number, onlyUnreported = false): Promise<DelegatedDecision[]> {
  const rows = await db.query<DelegatedDecision & { amountOre: string | null }>(
    `select d.id, r.reference, to_char(d.decided_on, 'YYYY-MM-DD') as "decidedOn", d.decided_by as "decidedBy", d.text,
       d.amount_ore as "amountOre", d.reported_item_id as "reportedItemId"
     from delegated_decision d join delegation_rule r on r.federation_id = d.federation_id and r.id = d.delegation_rule_id
     where d.federation_id = $1 and (not $2 or d.reported_item_id is null) order by d.decided_on, d.id`, [federationId, onlyUnreported]);
  return rows.map((r) => ({ ...r, amountOre: r.amountOre === null ? null : Number(r.amountOre) }));
}

/**
 * Inside a notice's transaction: the decisions under delegation not yet reported become one agenda item
 * ("Anmälan av delegationsbeslut", its underlag listing each with its reference), and are marked reported by it.
 */
export async function reportDelegatedDecisions(tx: Queryable, federationId: number, meetingId: number, meetingDate: string): Promise<void> {
  const open = (await listDelegatedDecisions(tx, federationId, true)).filter((d) => d.decidedOn <= meetingDate);
  if (!open.length) return;
  const body = open.map((d) => `- ${d.decidedOn}, punkt ${d.reference}, ${d.decidedBy}: ${d.text}${d.amountOre === null ? '' : ` (${formatKronor(d.amountOre)})`}`).join('\n');
  const [item] = await tx.query<{ id: number }>(
    `insert into decision_item (federation_id, board_meeting_id, title, body, proposal, sort_order)
     values ($1, $2, 'Anmälan av delegationsbeslut', $3, 'Anmälan läggs till handlingarna.',
       (select coalesce(max(sort_order), 0) + 1 from decision_item where federation_id = $1 and board_meeting_id = $2)) returning id`,
    [federationId, meetingId, body.slice(0, 20000)]);
  await tx.query('update delegated_decision set reported_item_id = $3 where federation_id = $1 and id = any($2::int[])', [federationId, open.map((d) => d.id), item!.id]);
}

