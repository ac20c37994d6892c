import type { computeParticipantStatistics } from '../../src/core/statistics/participantStatistics.ts';
import type { NationalReading, PublishedTable } from './statisticsAuditor.ts';

/** Writes a scope's true counts (statistics computed at minimum cell size 1) under the auditor's cell names. */
export function putTruth(truth: Map<string, number>, prefix: string, st: ReturnType<typeof computeParticipantStatistics>): void {
  for (const t of [st.flowByGender, st.activeByAgeAndGender, st.supportBefore, st.supportDuration, st.education, st.exitOutcomes, st.outcomeByGender, st.transition]) {
    t.cells.forEach((row, i) => row.forEach((v, j) => truth.set(`${prefix}/${t.key}/${i},${j}`, v!)));
    t.rowTotals?.forEach((v, i) => truth.set(`${prefix}/${t.key}/r${i}`, v!));
    t.colTotals?.forEach((v, j) => truth.set(`${prefix}/${t.key}/c${j}`, v!));
    if (t.total !== null) truth.set(`${prefix}/${t.key}/T`, t.total);
  }
}

/**
 * The control of attack (d′): the national tables as a careless publication would print them, every county
 * and country cell with its true count (the förbund's own cells as published). An attack that recovers
 * nothing from the real tables must recover cells from these, or it proves nothing.
 */
export function weakenedNational(national: readonly NationalReading[], scopeOf: ReadonlyMap<string, string>, countyOf: ReadonlyMap<string, string>, truth: ReadonlyMap<string, number>): NationalReading[] {
  return national.map(({ year: y, tables: t }) => {
    const scopes = t.byFederation.rowLabels.map((name) => scopeOf.get(name)!);
    const total = (members: readonly string[], cell: (s: string) => string) => members.reduce((a, s) => a + truth.get(`${y}/${s}/${cell(s)}`)!, 0);
    const flow = (members: readonly string[], k: number) => total(members, () => `flowByGender/r${k}`);
    const flowG = (k: number, g: number) => total(scopes, () => `flowByGender/${k},${g}`);
    const outcome = (o: number) => total(scopes, () => `exitOutcomes/0,${o}`);
    const byGender = (table: PublishedTable, k: number): PublishedTable => ({ ...table, colTotals: table.colTotals && table.colTotals.map((_, g) => flowG(k, g)), total: flow(scopes, k) });
    return {
      year: y,
      tables: {
        ...t,
        byFederation: { ...t.byFederation, colTotals: [0, 1, 2].map((k) => flow(scopes, k)) },
        byCounty: {
          ...t.byCounty,
          cells: t.byCounty.rowLabels.map((county) => [0, 1, 2].map((k) => flow(scopes.filter((_, i) => countyOf.get(t.byFederation.rowLabels[i]!) === county), k))),
          colTotals: [0, 1, 2].map((k) => flow(scopes, k)),
        },
        flowByGender: { ...t.flowByGender, cells: [0, 1, 2].map((k) => t.flowByGender.colLabels.map((_, g) => flowG(k, g))), rowTotals: [0, 1, 2].map((k) => flow(scopes, k)) },
        activeByFederationAndGender: byGender(t.activeByFederationAndGender, 0),
        newByFederationAndGender: byGender(t.newByFederationAndGender, 1),
        endedByFederationAndGender: byGender(t.endedByFederationAndGender, 2),
        exitOutcomes: { ...t.exitOutcomes, cells: [t.exitOutcomes.colLabels.map((_, o) => outcome(o))], rowTotals: [flow(scopes, 2)] },
        exitOutcomesByFederation: { ...t.exitOutcomesByFederation, colTotals: t.exitOutcomesByFederation.colLabels.map((_, o) => outcome(o)), total: flow(scopes, 2) },
      },
    };
  });
}
