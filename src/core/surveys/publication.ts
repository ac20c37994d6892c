import { statementResult, type StatementResult } from './results.ts';

/**
 * A survey round's results as ONE publication: the whole round and every group (each intervention the round
 * concerns) for every statement, decided together so that no group can be worked out from the others.
 *
 * Per statement the groups partition the whole round (answers that name no intervention form a group of their
 * own that is never shown). Whatever a reader subtracts — the whole minus the shown groups — is the sum of the
 * hidden groups, so that sum is held to the same rule as a shown group: it is 0 or at least the minimum cell
 * size. A hidden group that is empty or whose answers are otherwise known adds nothing to it: only answers count,
 * so an empty group never protects another. While the hidden groups hold 1 … min − 1 answers together, the shown
 * group with the fewest answers is hidden as well. A group's number of respondents is printed only when the group
 * is shown for some statement, and the hidden groups' respondents are held to the same rule.
 */
export interface StatementCounts {
  /** Answers per step in scale order. */
  readonly counts: readonly number[];
  /** "Vet inte / vill inte svara". */
  readonly noAnswer: number;
}

export interface GroupCounts {
  /** Respondents in the group. */
  readonly responses: number;
  /** Per statement, in the round's order. */
  readonly statements: readonly StatementCounts[];
}

export interface RoundCounts {
  readonly responses: number;
  readonly whole: readonly StatementCounts[];
  readonly groups: readonly GroupCounts[];
}

export interface PublishedGroup {
  /** Respondents; null when hidden. */
  readonly responses: number | null;
  readonly statements: readonly StatementResult[];
}

export interface PublishedRound {
  readonly whole: readonly StatementResult[];
  readonly groups: readonly PublishedGroup[];
}

const hiddenResult: StatementResult = { n: null, percents: null, counts: null, hidden: true, noAnswer: null };
const answers = (s: StatementCounts) => s.counts.reduce((a, b) => a + b, 0);

/** Which of `sizes` to hide so that the hidden ones (with `rest`, never shown) hold 0 or ≥ min together. */
export function hiddenGroups(sizes: readonly number[], rest: number, minCellSize: number, hideFirst: readonly boolean[] = sizes.map(() => false)): boolean[] {
  const hidden = sizes.map((n, i) => hideFirst[i]! || (n > 0 && n < minCellSize));
  const union = () => rest + sizes.reduce((a, n, i) => a + (hidden[i] ? n : 0), 0);
  for (;;) {
    const u = union();
    if (u === 0 || u >= minCellSize) return hidden;
    const next = sizes
      .map((n, i) => ({ n, i }))
      .filter(({ n, i }) => !hidden[i] && n > 0)
      .sort((a, b) => a.n - b.n || a.i - b.i)[0];
    if (!next) return sizes.map(() => true);
    hidden[next.i] = true;
  }
}

export function publishRound(round: RoundCounts, minCellSize: number): PublishedRound {
  const whole = round.whole.map((s) => statementResult(s.counts, s.noAnswer, minCellSize));
  const shownOn = round.groups.map(() => false);
  const groupResults = round.groups.map(() => [] as StatementResult[]);
  round.whole.forEach((w, k) => {
    const sizes = round.groups.map((g) => answers(g.statements[k]!));
    const rest = answers(w) - sizes.reduce((a, b) => a + b, 0);
    // A hidden whole hides every group (each has fewer answers than the whole).
    const hidden = whole[k]!.hidden ? sizes.map(() => true) : hiddenGroups(sizes, rest, minCellSize);
    round.groups.forEach((g, i) => {
      const s = g.statements[k]!;
      const r = hidden[i] ? hiddenResult : statementResult(s.counts, s.noAnswer, minCellSize);
      if (!r.hidden) shownOn[i] = true;
      groupResults[i]!.push(r.hidden ? hiddenResult : r);
    });
  });
  const restResponses = round.responses - round.groups.reduce((a, g) => a + g.responses, 0);
  const responsesHidden = hiddenGroups(
    round.groups.map((g) => g.responses),
    restResponses,
    minCellSize,
    shownOn.map((s) => !s),
  );
  return {
    whole,
    groups: round.groups.map((g, i) => ({ responses: responsesHidden[i] ? null : g.responses, statements: groupResults[i]! })),
  };
}
