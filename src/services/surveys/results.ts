import type { Queryable } from '../../db/database.ts';
import type { IndicatorResults } from '../../core/reports/facts.ts';
import { resolveSettings } from '../../core/settings.ts';
import { changeInPoints, medianStep, statementResult, type StatementResult } from '../../core/surveys/results.ts';
import { respondentGroupLabels, respondentGroups, type RespondentGroup, type SetKind } from '../../core/surveys/sets.ts';
import { getRound, listRounds, roundForm, type SurveyRound } from './rounds.ts';

/**
 * Results of a round: per statement n and whole per cents per step (largest remainder), hidden below the
 * förbund's minimum cell size; the change since last year's round of the same set; per intervention; and,
 * for a year, the groups that share a statement side by side. Free text is read separately (kansli only).
 */

export interface StatementResults {
  readonly statementDbId: number;
  /** Key inside the set (q1 …; lokal-q1 … for the förbund's own questions). */
  readonly id: string;
  readonly text: string;
  readonly indicator: string;
  readonly scale: readonly string[];
  readonly local: boolean;
  readonly result: StatementResult;
  /** Last year's result of the same statement of the same set (null: no such round). */
  readonly previous: StatementResult | null;
  /** Percentage points per step, this year − last year; null when not comparable or hidden. */
  readonly change: readonly number[] | null;
  /** Board self-assessment: the median step's label ("samlad bedömning"); null otherwise or hidden. */
  readonly assessment: string | null;
}

export interface RoundResults {
  readonly round: SurveyRound;
  readonly setName: string;
  readonly setId: string;
  readonly kind: SetKind;
  readonly minCellSize: number;
  readonly previousRound: SurveyRound | null;
  readonly statements: readonly StatementResults[];
  readonly byIntervention: readonly { id: number; name: string; responses: number; statements: readonly StatementResults[] }[];
  readonly paperResponses: number;
}

type CountRow = { statement_id: number; step: number | null; n: number };

async function counts(q: Queryable, federationId: number, roundId: number, interventionId?: number): Promise<CountRow[]> {
  return q.query<CountRow>(
    `select a.statement_id, a.step, count(*)::int as n
       from survey_answer a join survey_response r on r.federation_id = a.federation_id and r.id = a.response_id
      where r.federation_id = $1 and r.round_id = $2 ${interventionId === undefined ? '' : 'and r.intervention_id = $3'}
      group by a.statement_id, a.step`,
    interventionId === undefined ? [federationId, roundId] : [federationId, roundId, interventionId],
  );
}

function resultOf(rows: readonly CountRow[], statementId: number, scaleLength: number, minCellSize: number): StatementResult {
  const c = new Array<number>(scaleLength).fill(0);
  let none = 0;
  for (const r of rows) {
    if (r.statement_id !== statementId) continue;
    if (r.step === null) none += r.n;
    else if (r.step < scaleLength) c[r.step]! += r.n;
  }
  return statementResult(c, none, minCellSize);
}

export async function minCellSizeOf(q: Queryable, federationId: number): Promise<number> {
  const [f] = await q.query<{ settings: unknown }>('select settings from federation where id = $1', [federationId]);
  return resolveSettings(f?.settings).minCellSize;
}

export async function roundResults(q: Queryable, federationId: number, roundId: number): Promise<RoundResults> {
  const form = await roundForm(q, federationId, roundId);
  const minCellSize = await minCellSizeOf(q, federationId);
  const rows = await counts(q, federationId, roundId);
  // Last year's round of the same set (any version: statements are matched by key and wording).
  const [prev] = await q.query<{ id: number }>(
    `select r.id from survey_round r join survey_set s on s.federation_id = r.federation_id and s.id = r.set_id
      where r.federation_id = $1 and r.year = $2 and s.key = $3 and r.respondent_group = $4 order by r.id desc limit 1`,
    [federationId, form.round.year - 1, form.set.key, form.round.group],
  );
  const previousForm = prev ? await roundForm(q, federationId, prev.id) : null;
  const previousRows = prev ? await counts(q, federationId, prev.id) : [];
  const build = (rs: readonly CountRow[], withPrevious: boolean): StatementResults[] =>
    form.statements.map((s) => {
      const result = resultOf(rs, s.id, s.scale.length, minCellSize);
      const match = withPrevious ? previousForm?.statements.find((p) => p.field === s.field && p.text === s.text && p.scale.join('|') === s.scale.join('|')) : undefined;
      const previous = match ? resultOf(previousRows, match.id, match.scale.length, minCellSize) : null;
      const median = form.set.kind === 'board_self_assessment' && !s.local && result.counts ? medianStep(result.counts) : null;
      return {
        statementDbId: s.id,
        id: s.field,
        text: s.text,
        indicator: s.indicator,
        scale: s.scale,
        local: s.local,
        result,
        previous,
        change: changeInPoints(result, previous),
        assessment: median === null ? null : s.scale[median]!,
      };
    });
  const byIntervention: { id: number; name: string; responses: number; statements: StatementResults[] }[] = [];
  if (form.round.interventions.length > 1) {
    for (const iv of form.round.interventions) {
      const [r] = await q.query<{ n: number }>('select count(*)::int as n from survey_response where federation_id = $1 and round_id = $2 and intervention_id = $3', [federationId, roundId, iv.id]);
      byIntervention.push({ id: iv.id, name: iv.name, responses: r!.n, statements: build(await counts(q, federationId, roundId, iv.id), false) });
    }
  }
  protectHiddenInterventions(byIntervention);
  const [paper] = await q.query<{ n: number }>("select count(*)::int as n from survey_response where federation_id = $1 and round_id = $2 and channel = 'paper'", [federationId, roundId]);
  return {
    round: form.round,
    setName: form.set.name,
    setId: form.set.id,
    kind: form.set.kind,
    minCellSize,
    previousRound: prev ? await getRound(q, federationId, prev.id) : null,
    statements: build(rows, true),
    byIntervention,
    paperResponses: paper!.n,
  };
}

/**
 * Secondary suppression across interventions: the whole round is shown, so one hidden intervention beside
 * shown ones could be worked out by subtraction. When exactly one intervention is hidden for a statement, the
 * shown intervention with the fewest answers is hidden too.
 */
export function protectHiddenInterventions(byIntervention: { statements: StatementResults[] }[]): void {
  if (byIntervention.length < 2) return;
  const count = byIntervention[0]!.statements.length;
  for (let i = 0; i < count; i++) {
    const cells = byIntervention.map((iv) => iv.statements[i]!);
    if (cells.filter((c) => c.result.hidden).length !== 1) continue;
    const shown = cells.filter((c) => !c.result.hidden).sort((a, b) => a.result.n - b.result.n);
    const victim = shown[0];
    if (!victim) continue;
    const iv = byIntervention.find((x) => x.statements[i] === victim)!;
    iv.statements[i] = { ...victim, result: { n: victim.result.n, percents: null, counts: null, hidden: true, noAnswer: null }, change: null, assessment: null };
  }
}

/** A statement asked of several groups the same year, with each group's result side by side. */
export interface SharedStatement {
  readonly text: string;
  readonly scale: readonly string[];
  readonly groups: readonly { group: RespondentGroup; label: string; roundId: number; result: StatementResult }[];
}

/** For a year: statements (same wording and scale) that rounds of two or more groups asked. */
export async function sharedStatements(q: Queryable, federationId: number, year: number): Promise<SharedStatement[]> {
  const rounds = (await listRounds(q, federationId)).filter((r) => r.year === year);
  const byText = new Map<string, { text: string; scale: readonly string[]; groups: { group: RespondentGroup; label: string; roundId: number; result: StatementResult }[] }>();
  for (const r of rounds) {
    const res = await roundResults(q, federationId, r.id);
    for (const s of res.statements) {
      const k = `${s.text}\u0000${s.scale.join('|')}`;
      const entry = byText.get(k) ?? { text: s.text, scale: s.scale, groups: [] };
      entry.groups.push({ group: r.group, label: respondentGroupLabels[r.group], roundId: r.id, result: s.result });
      byText.set(k, entry);
    }
  }
  const order = (g: RespondentGroup) => respondentGroups.indexOf(g);
  return [...byText.values()]
    .filter((e) => new Set(e.groups.map((g) => g.group)).size >= 2)
    .map((e) => ({ ...e, groups: [...e.groups].sort((a, b) => order(a.group) - order(b.group) || a.roundId - b.roundId) }));
}

/** Free-text answers of a round, in alphabetical order (no order of arrival). Kansli only. */
export async function freeTexts(q: Queryable, federationId: number, roundId: number): Promise<string[]> {
  await getRound(q, federationId, roundId);
  return (await q.query<{ text: string }>('select text from survey_free_text where federation_id = $1 and round_id = $2 order by text', [federationId, roundId])).map((r) => r.text);
}

/**
 * The year's results for the annual report's follow-up chapter (src/core/reports IndicatorResults): one table
 * per round and answer scale, titled like the 2025 report ("Resultat av svar från insatspersonal"). Hidden
 * statements have no shares; a round where every statement is hidden is left out, as the 2025 report left out
 * the managers ("alltför få enkätsvar"). Only the national questions; free text never.
 */
export async function indicatorResultsForYear(q: Queryable, federationId: number, year: number): Promise<IndicatorResults | null> {
  const groups: IndicatorResults['groups'][number][] = [];
  const rounds = (await listRounds(q, federationId)).filter((r) => r.year === year).reverse();
  for (const r of rounds) {
    const res = await roundResults(q, federationId, r.id);
    const national = res.statements.filter((s) => !s.local);
    if (national.every((s) => s.result.hidden)) continue;
    const scales: (readonly string[])[] = [];
    for (const s of national) if (!scales.some((x) => x.join('|') === s.scale.join('|'))) scales.push(s.scale);
    const base = res.kind === 'board_self_assessment' ? 'Resultat av styrelsens självskattning' : `Resultat av svar från ${respondentGroupLabels[r.group].toLowerCase()}`;
    scales.forEach((scale, i) => {
      groups.push({
        title: scales.length > 1 ? `${base} (${i + 1})` : base,
        kind: res.kind === 'board_self_assessment' ? 'assessment' : 'shares',
        scale,
        questions: national
          .filter((s) => s.scale.join('|') === scale.join('|'))
          .map((s) => ({ text: s.text, n: s.result.hidden ? null : s.result.n, percents: s.result.percents ? [...s.result.percents] : scale.map(() => null), assessment: s.assessment ?? null })),
      });
    });
  }
  return groups.length ? { groups } : null;
}
