import type { Queryable } from '../../db/database.ts';
import type { IndicatorResults } from '../../core/reports/facts.ts';
import { changeInPoints, medianStep, type StatementResult } from '../../core/surveys/results.ts';
import { publishRound, type PublishedRound, type StatementCounts } from '../../core/surveys/publication.ts';
import { respondentGroupLabels, respondentGroups, type RespondentGroup, type SetKind } from '../../core/surveys/sets.ts';
import { getRound, isPublished, listRounds, roundForm, type SurveyRound } from './rounds.ts';
import { today as todayInSweden } from '../../core/calendar.ts';
import { minCellSizeOf } from '../federations/federations.ts';

/**
 * Results of a round: per statement n and whole per cents per step (largest remainder), for the whole round and
 * each intervention, published together once the round has closed (src/core/surveys/publication.ts: no group can
 * be worked out from the others); the change since last year's round of the same set; and, for a year, the
 * groups that share a statement side by side. Free text is read separately (kansli only).
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

export interface InterventionResults {
  readonly id: number;
  readonly name: string;
  /** Respondents who answered about the intervention; null when the publication hides the group. */
  readonly responses: number | null;
  readonly statements: readonly StatementResults[];
}

export interface RoundResults {
  readonly round: SurveyRound;
  readonly setName: string;
  readonly setId: string;
  readonly kind: SetKind;
  readonly minCellSize: number;
  /**
   * False until the round's publication day (round.publishedFrom): then every statement is hidden and
   * nothing but round.responses (the kansli's count so far) says anything about the answers.
   */
  readonly published: boolean;
  readonly previousRound: SurveyRound | null;
  readonly statements: readonly StatementResults[];
  readonly byIntervention: readonly InterventionResults[];
  readonly paperResponses: number;
}

type CountRow = { statement_id: number; intervention_id: number | null; step: number | null; n: number };

/** Answers per statement, step and intervention of a round (one statement). */
async function counts(q: Queryable, federationId: number, roundId: number): Promise<CountRow[]> {
  return q.query<CountRow>(
    `select a.statement_id, r.intervention_id, a.step, count(*)::int as n
       from survey_answer a join survey_response r on r.federation_id = a.federation_id and r.id = a.response_id
      where r.federation_id = $1 and r.round_id = $2
      group by a.statement_id, r.intervention_id, a.step`,
    [federationId, roundId],
  );
}

/** One statement's answers per step and "vet inte", of the rows that pass `pick`. */
function countsOf(rows: readonly CountRow[], statementId: number, scaleLength: number, pick: (r: CountRow) => boolean = () => true): StatementCounts {
  const c = new Array<number>(scaleLength).fill(0);
  let none = 0;
  for (const r of rows) {
    if (r.statement_id !== statementId || !pick(r)) continue;
    if (r.step === null) none += r.n;
    else if (r.step < scaleLength) c[r.step]! += r.n;
  }
  return { counts: c, noAnswer: none };
}


/** A round's results as published (src/core/surveys/publication.ts): nothing before its publication day. */
async function publishedRound(q: Queryable, federationId: number, form: Awaited<ReturnType<typeof roundForm>>, minCellSize: number, today: string): Promise<PublishedRound | null> {
  if (!isPublished(form.round, today)) return null;
  const rows = await counts(q, federationId, form.round.id);
  const perIntervention = await q.query<{ intervention_id: number | null; n: number }>(
    'select intervention_id, count(*)::int as n from survey_response where federation_id = $1 and round_id = $2 group by intervention_id',
    [federationId, form.round.id],
  );
  const responses = perIntervention.reduce((a, r) => a + r.n, 0);
  return publishRound(
    {
      responses,
      whole: form.statements.map((s) => countsOf(rows, s.id, s.scale.length)),
      groups: form.round.interventions.map((iv) => ({
        responses: perIntervention.find((r) => r.intervention_id === iv.id)?.n ?? 0,
        statements: form.statements.map((s) => countsOf(rows, s.id, s.scale.length, (r) => r.intervention_id === iv.id)),
      })),
    },
    minCellSize,
  );
}

const unpublished: StatementResult = { n: null, percents: null, counts: null, hidden: true, noAnswer: null };

export async function roundResults(q: Queryable, federationId: number, roundId: number, opts: { today?: string } = {}): Promise<RoundResults> {
  const today = opts.today ?? todayInSweden();
  const form = await roundForm(q, federationId, roundId);
  const minCellSize = await minCellSizeOf(q, federationId);
  const published = await publishedRound(q, federationId, form, minCellSize, today);
  // Last year's round of the same set (any version: statements are matched by key and wording), as published.
  const [prev] = await q.query<{ id: number }>(
    `select r.id from survey_round r join survey_set s on s.federation_id = r.federation_id and s.id = r.set_id
      where r.federation_id = $1 and r.year = $2 and s.key = $3 and r.respondent_group = $4 order by r.id desc limit 1`,
    [federationId, form.round.year - 1, form.set.key, form.round.group],
  );
  const previousForm = prev ? await roundForm(q, federationId, prev.id) : null;
  const previousPublished = previousForm ? await publishedRound(q, federationId, previousForm, minCellSize, today) : null;
  const build = (results: readonly StatementResult[] | null, withPrevious: boolean): StatementResults[] =>
    form.statements.map((s, k) => {
      const result = results?.[k] ?? unpublished;
      const at = withPrevious && previousForm ? previousForm.statements.findIndex((p) => p.field === s.field && p.text === s.text && p.scale.join('|') === s.scale.join('|')) : -1;
      const previous = at >= 0 && previousPublished ? previousPublished.whole[at]! : null;
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
  const byIntervention = form.round.interventions.map((iv, i) => ({
    id: iv.id,
    name: iv.name,
    responses: published ? published.groups[i]!.responses : null,
    statements: build(published ? published.groups[i]!.statements : null, false),
  }));
  const [paper] = await q.query<{ n: number }>("select count(*)::int as n from survey_response where federation_id = $1 and round_id = $2 and channel = 'paper'", [federationId, roundId]);
  return {
    round: form.round,
    setName: form.set.name,
    setId: form.set.id,
    kind: form.set.kind,
    minCellSize,
    published: published !== null,
    previousRound: prev ? await getRound(q, federationId, prev.id) : null,
    statements: build(published ? published.whole : null, true),
    byIntervention,
    paperResponses: paper!.n,
  };
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
