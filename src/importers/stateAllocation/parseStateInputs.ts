/**
 * The state allocation model's inputs as CSV: `förbund;befolkning_16_64;försörjningsmått`, one förbund per
 * line (";" or ","; a UTF-8 byte-order mark is dropped). Population is a whole number ("12 345"),
 * försörjningsmått a number with at most two decimals ("1 234,5"). All or nothing: every problem is collected
 * with file, line and field, and nothing is returned unless the whole file is right.
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import type { StateAllocationInput } from '../../core/economy/stateAllocation.ts';
import { parseDecimal, parseInteger, parseText } from '../../core/input/index.ts';
import { parseCsv } from '../tabular/csv.ts';

export const stateInputHeader = ['förbund', 'befolkning_16_64', 'försörjningsmått'] as const;

/** "12 345" → 12345 (the boundary parser); null when not a whole number ≥ 0. */
function wholeNumber(text: string): number | null {
  const r = parseInteger(text, { min: 0 });
  return r.ok ? r.value : null;
}

/**
 * "1 234,56" or "1234.5" → hundredths (123456) through the boundary parser's decimal rule (at most two
 * decimals); null when not a number ≥ 0. The decimal is < 10^12 with two decimals, so × 100 rounds exactly.
 */
export function parseHundredths(text: string): number | null {
  const r = parseDecimal(text, { min: 0, max: 1e12, decimals: 2 });
  return r.ok ? Math.round(r.value * 100) : null;
}

export function parseStateInputs(text: string, file: string): StateAllocationInput[] {
  return parseStateInputRows(text, file).map(({ federation, population, supportMeasureHundredths }) => ({ federation, population, supportMeasureHundredths }));
}

/** The same, each row with its line number (for errors found later, e.g. an unknown förbund). */
export function parseStateInputRows(text: string, file: string): (StateAllocationInput & { readonly line: number })[] {
  const rows = parseCsv(text, file);
  const problems: InputProblem[] = [];
  const header = rows[0];
  if (!header) throw new InputError({ file, line: 1, message: `Filen är tom. Första raden ska vara ${stateInputHeader.join(';')}.` });
  const names = header.cells.map((c) => c.trim().toLowerCase());
  if (names.length !== 3 || names.some((n, i) => n !== stateInputHeader[i])) {
    throw new InputError({ file, line: header.line, message: `Första raden ska vara ${stateInputHeader.join(';')} (var ${header.cells.join(';')}).` });
  }
  const out: (StateAllocationInput & { line: number })[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const at = (field: string, message: string) => problems.push({ file, line: row.line, field, message });
    if (row.cells.length !== 3) {
      at('rad', `Raden ska ha 3 fält, har ${row.cells.length}.`);
      continue;
    }
    const [nameCell, popCell, supportCell] = row.cells as [string, string, string];
    const parsedName = parseText(nameCell, { kind: 'name' });
    const name = parsedName.ok ? parsedName.value : '';
    if (!parsedName.ok) at('förbund', parsedName.message);
    else if (name === '') at('förbund', 'Förbundets namn saknas.');
    else if (seen.has(name)) at('förbund', `"${name}" finns redan på rad ${seen.get(name)}.`);
    seen.set(name, row.line);
    const population = wholeNumber(popCell);
    if (population === null) at('befolkning_16_64', `"${popCell}" är inte ett heltal, 0 eller större (t.ex. 12 345).`);
    const support = parseHundredths(supportCell);
    if (support === null) at('försörjningsmått', `"${supportCell}" är inte ett tal, 0 eller större, med högst två decimaler (t.ex. 1 234,5).`);
    if (population !== null && support !== null) out.push({ federation: name, population, supportMeasureHundredths: support, line: row.line });
  }
  if (rows.length < 2) problems.push({ file, line: header.line + 1, message: 'Filen har inga förbund.' });
  if (problems.length) throw new InputError(problems);
  return out;
}
