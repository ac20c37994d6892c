import { finsamRows, reconcile, type FinsamDifference, type FinsamInterventionInput, type FinsamReport, type Orientation } from '../../core/reports/finsamFollowUp.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { getYearFigures } from '../economy/yearFacts.ts';
import { getFederation } from '../federations/federations.ts';
import { getIntervention, listInterventions } from '../interventions/interventions.ts';
import { publishedStatistics } from '../interventions/publishedStatistics.ts';

/**
 * The year's report to Uppföljning Finsam from Samordna's own figures: the year's figures model for money,
 * the interventions' own facts, and the published participant statistics for participants by gender (the
 * same publication every other reader sees; an open year has none yet).
 */
export async function finsamFollowUpReport(db: Database, federationId: number, year: number): Promise<FinsamReport> {
  await getFederation(db, federationId);
  const figures = await getYearFigures(db, federationId, year);
  const adminLines = new Set((figures?.lines ?? []).filter((l) => l.section === 'administration').map((l) => l.id));
  const sumCost = (rows: readonly { lineId: number; costOre: number }[]) => rows.filter((r) => adminLines.has(r.lineId)).reduce((s, r) => s + r.costOre, 0);
  const lineNet = (rows: readonly { lineId: number; costOre: number; incomeOre: number }[] | undefined, lineId: number | null) => {
    if (!rows || lineId === null) return null;
    const r = rows.find((x) => x.lineId === lineId);
    return r ? r.costOre - r.incomeOre : 0;
  };
  const activities = await db.query<{ interventionId: number; n: number }>(
    'select intervention_id as "interventionId", sum(participants)::int as n from activity where federation_id = $1 and year = $2 and intervention_id is not null group by 1',
    [federationId, year],
  );
  const items: FinsamInterventionInput[] = [];
  for (const summary of await listInterventions(db, federationId)) {
    if (summary.periodStart > `${year}-12-31` || (summary.periodEnd !== null && summary.periodEnd < `${year}-01-01`)) continue;
    const i = await getIntervention(db, federationId, summary.id);
    const published = i.kind === 'individual' ? (await publishedStatistics(db, federationId, year, { interventionId: i.id })).stats : null;
    items.push({
      name: i.name,
      kind: i.kind as Orientation,
      hasActivities: activities.some((a) => a.interventionId === i.id),
      budgetOre: lineNet(figures?.budget.revised, i.budgetLineId),
      outcomeOre: lineNet(figures?.outcome.byLine, i.budgetLineId),
      capacity: i.capacity,
      targetGroup: i.targetGroup,
      followUpMethod: i.fkFollowUpMethod,
      esf: i.esfFinanced,
      participantsByGender: published ? published.flowByGender.cells[0]! : null,
      activityParticipants: activities.find((a) => a.interventionId === i.id)?.n ?? 0,
    });
  }
  return {
    year,
    federation: {
      allocatedOre: figures?.facts.allocationOre ?? null,
      equityOre: figures?.equity.equityClosingOre ?? null,
      administrationBudgetOre: figures ? sumCost(figures.budget.revised) : null,
      administrationOutcomeOre: figures ? sumCost(figures.outcome.byLine) : null,
    },
    interventions: finsamRows(items),
  };
}

export interface FinsamReconciliation {
  readonly lastReported: { readonly at: string; readonly by: string } | null;
  readonly differences: readonly FinsamDifference[];
}

/** The report now against what the förbund last marked as reported for the year. */
export async function finsamReconciliation(db: Queryable, federationId: number, year: number, now: FinsamReport): Promise<FinsamReconciliation> {
  const [row] = await db.query<{ at: string; by: string; data: FinsamReport }>(
    `select to_char(reported_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD HH24:MI') as at, reported_by as by, data from finsam_report where federation_id = $1 and year = $2`,
    [federationId, year],
  );
  if (!row) return { lastReported: null, differences: [] };
  return { lastReported: { at: row.at, by: row.by }, differences: reconcile(row.data, now) };
}

/** Records the report as it stands now as what the förbund has reported to Uppföljning Finsam for the year. */
export async function markFinsamReported(db: Database, federationId: number, year: number, actor: Actor): Promise<void> {
  const report = await finsamFollowUpReport(db, federationId, year);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into finsam_report (federation_id, year, reported_by, data) values ($1, $2, $3, $4)
       on conflict (federation_id, year) do update set reported_at = now(), reported_by = excluded.reported_by, data = excluded.data`,
      [federationId, year, actor.id, JSON.stringify(report)],
    );
  }, actor);
}
