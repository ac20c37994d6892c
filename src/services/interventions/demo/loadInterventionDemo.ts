import type { Actor, Database, Queryable } from '../../../db/database.ts';
import { parseInterventionInput } from '../../../core/interventions/intervention.ts';
import { insertParticipations } from '../participations.ts';
import { vastmanland2025Participations } from '../syntheticParticipations.ts';
import { demoActivities2025, demoMembers, demoTeams } from './vastmanlandInterventions.ts';

const demoActor: Actor = { id: 'demo-loader' };

async function memberIds(tx: Queryable, federationId: number): Promise<Map<string, number>> {
  // Members the economy demo may already have created are reused by name; missing ones are added.
  for (const [i, m] of demoMembers.entries()) {
    await tx.query(
      `insert into member (federation_id, name, kind, sort_order) values ($1, $2, $3, $4) on conflict (federation_id, name) do nothing`,
      [federationId, m.name, m.kind, i + 1],
    );
  }
  const rows = await tx.query<{ id: number; name: string }>('select id, name from member where federation_id = $1', [federationId]);
  return new Map(rows.map((r) => [r.name, r.id]));
}

/**
 * Each team's start: 1 January of the year its first synthetic participant started. The teams ran before the
 * 2024 plan, and a participation may not start before its intervention does (the charts would otherwise show
 * participants in years before the team existed).
 */
function demoTeamStarts(): Map<string, string> {
  const byIndex = new Map(demoTeams.map((t, i) => [t.name, i]));
  const starts = new Map<string, string>();
  for (const p of vastmanland2025Participations(byIndex)) {
    const name = demoTeams[p.interventionId]!.name;
    const first = `${p.startDate.slice(0, 4)}-01-01`;
    if (!starts.has(name) || first < starts.get(name)!) starts.set(name, first);
  }
  return starts;
}

/**
 * The Västmanland teams from the 2024 plan (owner, staffing, capacity, budget line when one with the team's
 * name exists), a goal each, synthetic participations consistent with the 2025 annual report, and the 2025
 * structural activities. Does nothing if the förbund already has interventions. One transaction.
 */
export async function loadInterventionDemo(db: Database, federationId: number): Promise<void> {
  await db.transaction((tx) => seedInterventionDemo(tx, federationId), demoActor);
}

/**
 * The same inside a transaction the caller holds — the shape of a step of the shared demo loader
 * (`{ name: 'Insatser och deltagare', run: (tx, ctx) => seedInterventionDemo(tx, ctx.federationId!) }`).
 */
export async function seedInterventionDemo(tx: Queryable, federationId: number): Promise<void> {
  {
    const existing = await tx.query('select 1 from intervention where federation_id = $1 limit 1', [federationId]);
    if (existing.length) return;
    const members = await memberIds(tx, federationId);
    const lines = new Map((await tx.query<{ id: number; label: string }>('select id, label from budget_line where federation_id = $1', [federationId])).map((l) => [l.label, l.id]));
    const ids = new Map<string, number>();
    const starts = demoTeamStarts();
    for (const team of demoTeams) {
      const input = parseInterventionInput({
        name: team.name,
        kind: 'individual',
        ownerMemberId: members.get(team.owner),
        periodStart: starts.get(team.name) ?? '2024-01-01',
        targetGroup: 'Personer 16–64 år i behov av samordnade rehabiliteringsinsatser från minst två huvudmän',
        municipalitiesServed: team.municipalities,
        capacity: team.capacity,
        steeringGroup: 'Chefer från kommun, Region Västmanland, Försäkringskassan och Arbetsförmedlingen',
        budgetLineId: lines.get(team.budgetLine) ?? null,
        participatingMemberIds: [...new Set(team.staffing.map((s) => members.get(s.member)!))],
      });
      const [row] = await tx.query<{ id: number }>(
        `insert into intervention (federation_id, name, kind, owner_member_id, period_start, target_group, municipalities_served, capacity, steering_group, budget_line_id)
         values ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10) returning id`,
        [federationId, input.name, input.kind, input.ownerMemberId, input.periodStart, input.targetGroup, input.municipalitiesServed, input.capacity, input.steeringGroup, input.budgetLineId],
      );
      ids.set(team.name, row!.id);
      for (const m of input.participatingMemberIds) {
        await tx.query('insert into intervention_member (federation_id, intervention_id, member_id) values ($1, $2, $3)', [federationId, row!.id, m]);
      }
      for (const s of team.staffing) {
        await tx.query('insert into intervention_staffing (federation_id, intervention_id, member_id, role, fte) values ($1, $2, $3, $4, $5)', [federationId, row!.id, members.get(s.member), s.role, s.fte]);
      }
      await tx.query(
        "insert into intervention_grant (federation_id, intervention_id, year, decided_ore, decision_date, reference) values ($1, $2, 2025, $3, '2024-11-20', 'Verksamhetsplan 2025')",
        [federationId, row!.id, team.decided2025 * 100],
      );
      // Quarterly requisitions adding up exactly to what was used.
      const quarter = Math.floor((team.used2025 * 100) / 4);
      for (const [q, date] of ['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31'].entries()) {
        const amount = q < 3 ? quarter : team.used2025 * 100 - 3 * quarter;
        await tx.query("insert into requisition (federation_id, intervention_id, requisition_date, amount_ore, note) values ($1, $2, $3, $4, 'Rekvisition')", [federationId, row!.id, date, amount]);
      }
      const [goal] = await tx.query<{ id: number }>(
        "insert into goal (federation_id, intervention_id, area, text) values ($1, $2, 'Individ', 'Minst hälften av de avslutade deltagarna har tagit steg närmare arbete eller studier') returning id",
        [federationId, row!.id],
      );
      await tx.query("insert into goal_assessment (federation_id, goal_id, year, assessment, comment) values ($1, $2, 2025, 'met', 'Enligt årsredovisningen 2025')", [federationId, goal!.id]);
    }
    const participations = vastmanland2025Participations(ids);
    for (const team of demoTeams) {
      const id = ids.get(team.name)!;
      await insertParticipations(tx, federationId, id, participations.filter((p) => p.interventionId === id));
    }
    for (const [i, a] of demoActivities2025.entries()) {
      await tx.query(
        `insert into activity (federation_id, year, name, target_group, sessions, day_length, scope_note, participants, sort_order)
         values ($1, 2025, $2, $3, $4, $5, $6, $7, $8)`,
        [federationId, a.name, a.targetGroup, a.sessions, a.dayLength, a.scopeNote, a.participants, i + 1],
      );
    }
  }
}
