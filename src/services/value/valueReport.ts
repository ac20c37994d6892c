import { NotFoundError } from '../../core/errors.ts';
import type { SupportSource } from '../../core/interventions/vocabulary.ts';
import { defaultValueParameters, valueReport, type MemberKind, type TransitionCount, type ValueParameters, type ValueReport } from '../../core/value/valueModel.ts';
import type { Queryable } from '../../db/database.ts';
import { getYearFigures } from '../economy/yearFacts.ts';
import { minCellSizeOf } from '../federations/federations.ts';
import { getIntervention, listInterventions } from '../interventions/interventions.ts';
import { unitCostTable } from './unitCosts.ts';

/**
 * The ended participations of a year in the förbund's individual interventions, grouped by (intervention,
 * support before, support after): one statement. "After" is the 12-month status when it was recorded and
 * the person was reached, else "försörjning efter".
 */
export async function valueTransitions(db: Queryable, federationId: number, year: number): Promise<TransitionCount[]> {
  const rows = await db.query<{ interventionId: number; before: SupportSource; after: SupportSource | null; n: number }>(
    `select p.intervention_id as "interventionId", p.support_before as before, coalesce(f.support_source, p.support_after) as after, count(*)::int as n
     from participation p
     join intervention i on i.federation_id = p.federation_id and i.id = p.intervention_id and i.kind = 'individual'
     left join participation_follow_up f on f.federation_id = p.federation_id and f.participation_id = p.id and f.months = 12 and f.reached
     where p.federation_id = $1 and p.end_date between $2::date and $3::date
     group by 1, 2, 3`,
    [federationId, `${year}-01-01`, `${year}-12-31`],
  );
  return rows;
}

/** The year's figures, or null when the förbund has no such fiscal year (then there is no cost to compare with). */
async function figuresOrNull(db: Queryable, federationId: number, year: number) {
  try {
    return await getYearFigures(db, federationId, year);
  } catch (e) {
    if (e instanceof NotFoundError) return null;
    throw e;
  }
}

export interface ValueReportOptions {
  readonly interventionId?: number;
  readonly parameters?: Partial<ValueParameters>;
}

/** What the value report of a scope was built from, beside the figures. */
export interface ValueReportResult extends ValueReport {
  readonly year: number;
  readonly scope: { readonly kind: 'federation' } | { readonly kind: 'intervention'; readonly id: number; readonly name: string };
  readonly tableOrigin: 'own' | 'default';
  readonly minCellSize: number;
}

/**
 * The value report of a förbund-year, for the förbund or one intervention. The cost is the outcome of the
 * year in the driftredovisning: the förbund's costs, or the intervention's budget line (null without one).
 */
export async function valueReportOf(db: Queryable, federationId: number, year: number, options: ValueReportOptions = {}): Promise<ValueReportResult> {
  const params: ValueParameters = { ...defaultValueParameters, ...options.parameters };
  const interventions = await listInterventions(db, federationId);
  const one = options.interventionId === undefined ? null : interventions.find((i) => i.id === options.interventionId);
  if (options.interventionId !== undefined && !one) throw new NotFoundError('Insatsen finns inte.');
  const [transitions, table, minCellSize, figures] = [
    await valueTransitions(db, federationId, year),
    await unitCostTable(db, federationId, year),
    await minCellSizeOf(db, federationId),
    await figuresOrNull(db, federationId, year),
  ];
  const inScope = one ? transitions.filter((t) => t.interventionId === one.id) : transitions;
  let costOre: number | null = null;
  if (figures) {
    const byLine = figures.outcome.byLine;
    if (one) {
      const { budgetLineId } = await getIntervention(db, federationId, one.id);
      const line = budgetLineId === null ? undefined : byLine.find((l) => l.lineId === budgetLineId);
      costOre = line ? line.costOre - line.incomeOre : null;
    } else {
      costOre = byLine.reduce((s, l) => s + l.costOre, 0);
    }
  }
  const shares: Record<MemberKind, number> | null = figures?.payerShares ?? null;
  const report = valueReport(inScope, table.costs, params, costOre, shares, minCellSize);
  return {
    ...report,
    year,
    scope: one ? { kind: 'intervention', id: one.id, name: one.name } : { kind: 'federation' },
    tableOrigin: table.origin,
    minCellSize,
  };
}

/** The report for the förbund and each individual intervention (the page, the annual report's chapter). */
export async function valueReportsOfYear(db: Queryable, federationId: number, year: number, parameters: Partial<ValueParameters> = {}): Promise<{ federation: ValueReportResult; interventions: ValueReportResult[] }> {
  const federation = await valueReportOf(db, federationId, year, { parameters });
  const interventions: ValueReportResult[] = [];
  for (const i of (await listInterventions(db, federationId)).filter((x) => x.kind === 'individual')) {
    interventions.push(await valueReportOf(db, federationId, year, { interventionId: i.id, parameters }));
  }
  return { federation, interventions };
}
