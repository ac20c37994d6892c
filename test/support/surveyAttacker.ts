/**
 * An attacker on a survey round's published results, independent of how Samordna decides what to hide: it
 * takes what a reader sees — the whole round and each group (intervention) per statement, answers per step
 * (n and whole per cents give them back exactly for the n a round has) — and subtracts. Per statement, the whole
 * minus every shown group is what the hidden groups answered together. Groups it knows to be empty (printed with
 * n = 0, or empty in truth: the strongest reader knows who did not answer) take nothing of it. What is left is
 * a derived distribution; it gives answers away when it holds 1 … min − 1 answers (fewer people than the round
 * would ever show on their own), or when it belongs to one group alone whose answers the publication hid.
 */
export interface SeenStatement {
  /** Answers per step; null when hidden. */
  readonly counts: readonly number[] | null;
}

export interface SeenGroup {
  readonly name: string;
  /** Printed respondents, null when hidden. */
  readonly n: number | null;
  readonly statements: readonly SeenStatement[];
}

export interface SurveyReading {
  readonly whole: readonly SeenStatement[];
  readonly groups: readonly SeenGroup[];
}

export interface RecoveredAnswers {
  readonly statement: number;
  /** The groups the derived distribution belongs to. */
  readonly groups: readonly string[];
  readonly counts: readonly number[];
}

/** `emptyInTruth`: per statement, the groups the reader knows nobody in answered. */
export function attackSurvey(r: SurveyReading, minCellSize: number, emptyInTruth: (statement: number, group: string) => boolean = () => false): RecoveredAnswers[] {
  const out: RecoveredAnswers[] = [];
  r.whole.forEach((w, k) => {
    if (!w.counts) return;
    const left = [...w.counts];
    const unknown: string[] = [];
    for (const g of r.groups) {
      const s = g.statements[k]!;
      if (s.counts) s.counts.forEach((c, i) => (left[i]! -= c));
      else if (g.n !== 0 && !emptyInTruth(k, g.name)) unknown.push(g.name);
    }
    const n = left.reduce((a, b) => a + b, 0);
    if ((n >= 1 && n < minCellSize) || (n >= 1 && unknown.length === 1)) out.push({ statement: k, groups: unknown, counts: left });
  });
  return out;
}

/**
 * The rule Samordna used before the round was one publication (the control): a group below the minimum is
 * hidden, and when exactly one group is hidden for a statement the shown group with the fewest answers is
 * hidden too — an empty group counts as the second.
 */
export function previousRule(whole: readonly (readonly number[])[], groups: readonly { name: string; statements: readonly (readonly number[])[] }[], minCellSize: number): SurveyReading {
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const hidden = groups.map((g) => g.statements.map((s) => sum(s) < minCellSize));
  whole.forEach((_, k) => {
    if (hidden.filter((h) => h[k]).length !== 1) return;
    const victim = groups.map((g, i) => ({ i, n: sum(g.statements[k]!) })).filter(({ i }) => !hidden[i]![k]).sort((a, b) => a.n - b.n)[0];
    if (victim) hidden[victim.i]![k] = true;
  });
  return {
    whole: whole.map((c) => ({ counts: sum(c) < minCellSize ? null : c })),
    groups: groups.map((g, i) => ({ name: g.name, n: sum(g.statements[0] ?? []), statements: g.statements.map((s, k) => ({ counts: hidden[i]![k] ? null : s })) })),
  };
}
