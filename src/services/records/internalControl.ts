/**
 * The internkontrollplan per förbund and year over the database: risks, control points and results, the
 * board's adoption. `internalControlReport` is the one read of a year's plan and its results: the pages, the
 * board pack and the annual report chapter call it.
 */
import { InputError, NotFoundError } from '../../core/errors.ts';
import {
  parseControlPointInput,
  parseControlResultInput,
  parsePlanAdoption,
  parseRiskInput,
  riskLevel,
  riskScore,
} from '../../core/records/internalControl.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { registerRecord } from './registry.ts';

export interface ControlResult {
  readonly id: number;
  readonly checkedOn: string;
  readonly finding: string;
  readonly action: string;
}
export interface ControlPoint {
  readonly id: number;
  readonly riskId: number | null;
  readonly what: string;
  readonly how: string;
  readonly frequency: string;
  readonly responsible: string;
  readonly reportToBoard: string;
  readonly results: readonly ControlResult[];
}
export interface Risk {
  readonly id: number;
  readonly description: string;
  readonly probability: number;
  readonly consequence: number;
  readonly score: number;
  readonly level: ReturnType<typeof riskLevel>;
}
export interface InternalControlReport {
  readonly year: number;
  /** null while the year has no plan. */
  readonly planId: number | null;
  readonly adoptedOn: string | null;
  readonly adoptedReference: string;
  /** Highest score first. */
  readonly risks: readonly Risk[];
  readonly points: readonly ControlPoint[];
}

/** A year's plan and its results (empty when the year has none; `knownYearOnly`: NotFoundError for a year the förbund has neither as a fiscal year nor a plan): for the pages, the board pack and the annual report. */
export async function internalControlReport(db: Queryable, federationId: number, year: number, opts: { knownYearOnly?: boolean } = {}): Promise<InternalControlReport> {
  if (opts.knownYearOnly) {
    const [known] = await db.query(
      'select 1 from fiscal_year where federation_id = $1 and year = $2 union all select 1 from internal_control_plan where federation_id = $1 and year = $2',
      [federationId, year],
    );
    if (!known) throw new NotFoundError(`Året ${year} finns inte.`);
  }
  const [plan] = await db.query<{ id: number; adoptedOn: string | null; adoptedReference: string }>(
    `select id, to_char(adopted_on, 'YYYY-MM-DD') as "adoptedOn", adopted_reference as "adoptedReference" from internal_control_plan where federation_id = $1 and year = $2`,
    [federationId, year],
  );
  if (!plan) return { year, planId: null, adoptedOn: null, adoptedReference: '', risks: [], points: [] };
  const risks = await db.query<Omit<Risk, 'score' | 'level'>>('select id, description, probability, consequence from internal_control_risk where federation_id = $1 and plan_id = $2 order by id', [federationId, plan.id]);
  const points = await db.query<Omit<ControlPoint, 'results'>>(
    `select id, risk_id as "riskId", what, how, frequency, responsible, report_to_board as "reportToBoard" from internal_control_point where federation_id = $1 and plan_id = $2 order by id`,
    [federationId, plan.id],
  );
  const results = await db.query<ControlResult & { pointId: number }>(
    `select r.id, r.point_id as "pointId", to_char(r.checked_on, 'YYYY-MM-DD') as "checkedOn", r.finding, r.action
     from internal_control_result r join internal_control_point p on p.federation_id = r.federation_id and p.id = r.point_id
     where r.federation_id = $1 and p.plan_id = $2 order by r.checked_on, r.id`,
    [federationId, plan.id],
  );
  return {
    year,
    planId: plan.id,
    adoptedOn: plan.adoptedOn,
    adoptedReference: plan.adoptedReference,
    risks: risks
      .map((r) => ({ ...r, score: riskScore(r.probability, r.consequence), level: riskLevel(riskScore(r.probability, r.consequence)) }))
      .sort((a, b) => b.score - a.score || a.id - b.id),
    points: points.map((p) => ({ ...p, results: results.filter((r) => r.pointId === p.id).map(({ pointId: _, ...r }) => r) })),
  };
}

async function planId(tx: Queryable, federationId: number, year: number): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    `insert into internal_control_plan (federation_id, year) values ($1, $2) on conflict (federation_id, year) do update set year = excluded.year returning id`,
    [federationId, year],
  );
  return r!.id;
}

export async function addRisk(db: Database, federationId: number, year: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const r = parseRiskInput(raw);
  return db.transaction(async (tx) => {
    const plan = await planId(tx, federationId, year);
    const [row] = await tx.query<{ id: number }>(
      'insert into internal_control_risk (federation_id, plan_id, description, probability, consequence) values ($1, $2, $3, $4, $5) returning id',
      [federationId, plan, r.description, r.probability, r.consequence],
    );
    return row!.id;
  }, { ...actor, federationId });
}

export async function addControlPoint(db: Database, federationId: number, year: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const p = parseControlPointInput(raw);
  return db.transaction(async (tx) => {
    const plan = await planId(tx, federationId, year);
    if (p.riskId !== null) {
      const [risk] = await tx.query('select 1 from internal_control_risk where federation_id = $1 and plan_id = $2 and id = $3', [federationId, plan, p.riskId]);
      if (!risk) throw new InputError({ field: 'riskId', message: 'Risken finns inte i årets plan.' });
    }
    const [row] = await tx.query<{ id: number }>(
      `insert into internal_control_point (federation_id, plan_id, risk_id, what, how, frequency, responsible, report_to_board)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
      [federationId, plan, p.riskId, p.what, p.how, p.frequency, p.responsible, p.reportToBoard],
    );
    return row!.id;
  }, { ...actor, federationId });
}

export async function addControlResult(db: Database, federationId: number, year: number, pointId: number, raw: Record<string, unknown>, actor: Actor): Promise<number> {
  const r = parseControlResultInput(raw);
  return db.transaction(async (tx) => {
    const [p] = await tx.query(
      `select 1 from internal_control_point p join internal_control_plan pl on pl.federation_id = p.federation_id and pl.id = p.plan_id
       where p.federation_id = $1 and p.id = $2 and pl.year = $3`,
      [federationId, pointId, year],
    );
    if (!p) throw new NotFoundError('Kontrollpunkten finns inte i årets plan.');
    const [row] = await tx.query<{ id: number }>(
      'insert into internal_control_result (federation_id, point_id, checked_on, finding, action, recorded_by) values ($1, $2, $3, $4, $5, $6) returning id',
      [federationId, pointId, r.checkedOn, r.finding, r.action, actor.id],
    );
    return row!.id;
  }, { ...actor, federationId });
}

/** The board adopted the year's plan: recorded, and the plan registers itself in the registry. */
export async function adoptInternalControlPlan(db: Database, federationId: number, year: number, raw: Record<string, unknown>, actor: Actor): Promise<void> {
  const a = parsePlanAdoption(raw);
  await db.transaction(async (tx) => {
    const plan = await planId(tx, federationId, year);
    await tx.query('update internal_control_plan set adopted_on = $3, adopted_reference = $4 where federation_id = $1 and id = $2', [federationId, plan, a.adoptedOn, a.reference]);
    await registerRecord(tx, federationId, { kind: 'internal_control', ref: String(year), date: a.adoptedOn, subject: `Internkontrollplan ${year}, antagen (${a.reference})` }, actor.id);
  }, { ...actor, federationId });
}
