import type { InputProblem } from '../errors.ts';
import { namedScales } from './sets.ts';

/**
 * The kansli writes a set's statements one per line:
 *
 *   indikator | skala | formulering | lättläst formulering (valfri)
 *
 * where skala is A (Aldrig … Alltid), B (Inte alls … Helt och hållet), C (the board's scale) or the steps
 * themselves separated by semicolons ("Ja; Nej; Vet inte"). Empty lines are skipped. Problems name the line.
 */
export interface ParsedStatement {
  readonly indicator: string;
  readonly text: string;
  readonly easyText: string | null;
  readonly scale: readonly string[];
}

export function parseStatementLines(text: string, field = 'statements'): { statements: ParsedStatement[]; problems: InputProblem[] } {
  const statements: ParsedStatement[] = [];
  const problems: InputProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parts = line.split('|').map((p) => p.trim());
    if (parts.length < 3 || parts.length > 4) {
      problems.push({ line: i + 1, field, message: 'Skriv "indikator | skala | formulering" och eventuellt "| lättläst formulering".' });
      return;
    }
    const [indicator, scaleText, wording, easy] = parts as [string, string, string, string | undefined];
    const named = namedScales[scaleText.toUpperCase()];
    const scale = named ?? scaleText.split(';').map((s) => s.trim()).filter(Boolean);
    if (!named && scale.length < 2) {
      problems.push({ line: i + 1, field, message: `Okänd skala "${scaleText}": skriv A, B, C eller stegen åtskilda med semikolon.` });
      return;
    }
    if (!wording) {
      problems.push({ line: i + 1, field, message: 'Formuleringen saknas.' });
      return;
    }
    statements.push({ indicator, text: wording, easyText: easy || null, scale: [...scale] });
  });
  return { statements, problems };
}

/** The lines back from statements (to start a new version from the current one). */
export function statementLines(statements: readonly { indicator: string; text: string; easyText: string | null; scale: readonly string[] }[]): string {
  return statements
    .map((s) => {
      const named = Object.entries(namedScales).find(([, v]) => v.join('|') === s.scale.join('|'))?.[0];
      return [s.indicator, named ?? s.scale.join('; '), s.text, ...(s.easyText ? [s.easyText] : [])].join(' | ');
    })
    .join('\n');
}
