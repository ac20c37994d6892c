import type { Table, TableRow } from '../table.ts';
import type { StatementResult } from './results.ts';
import { tooFewAnswers } from './results.ts';

/**
 * Survey results as presentable tables (for CSV/XLSX and the page): one table per answer scale, as the annual
 * report prints the staff table (statements on the frequency scale, then those on the extent scale). Cells hold
 * whole per cents as shares (0.55 → "55 %"). Hidden statements say "för få svar". Free text is never here.
 */
export interface ResultLine {
  readonly id: string;
  readonly text: string;
  readonly scale: readonly string[];
  readonly local: boolean;
  readonly result: StatementResult;
  readonly change: readonly number[] | null;
}

/** A group the round's publication hides (src/core/surveys/publication.ts): too few, or it could be subtracted. */
export const hiddenGroup = 'dolt (för få svar, eller kan räknas fram ur helheten och de andra grupperna)';

export function resultTables(title: string, lines: readonly ResultLine[]): Table[] {
  const groups: { scale: readonly string[]; local: boolean; lines: ResultLine[] }[] = [];
  for (const l of lines) {
    const g = groups.find((x) => x.local === l.local && x.scale.join('|') === l.scale.join('|'));
    if (g) g.lines.push(l);
    else groups.push({ scale: l.scale, local: l.local, lines: [l] });
  }
  return groups.map((g, gi) => {
    const rows: TableRow[] = g.lines.map((l, i) => {
      const cells: Record<string, string | number | null> = { nr: i + 1, text: l.text, n: l.result.n, note: !l.result.hidden ? '' : l.result.n === null ? hiddenGroup : tooFewAnswers };
      g.scale.forEach((_, si) => {
        cells[`p${si}`] = l.result.percents ? l.result.percents[si]! / 100 : null;
        cells[`c${si}`] = l.change ? l.change[si]! : null;
      });
      return { cells };
    });
    return {
      title: `${title}${groups.length > 1 ? ` (${gi + 1})` : ''}${g.local ? ' – förbundets egna frågor' : ''}`,
      note: 'Andel per svarsalternativ i hela procent (största resten). Förändring i procentenheter mot föregående år.',
      columns: [
        { key: 'nr', header: 'Nr', kind: 'integer' },
        { key: 'text', header: 'Fråga', kind: 'text' },
        { key: 'n', header: 'n', kind: 'integer' },
        ...g.scale.map((label, si) => ({ key: `p${si}`, header: label, kind: 'percent' as const, decimals: 0 })),
        ...g.scale.map((label, si) => ({ key: `c${si}`, header: `Förändring ${label}`, kind: 'integer' as const })),
        { key: 'note', header: 'Anmärkning', kind: 'text' },
      ],
      rows,
    };
  });
}
