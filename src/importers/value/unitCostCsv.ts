/**
 * The unit-cost table as CSV: `stödform;betalare;kronor_per_år;källa`, one figure per line (";" or ","; a
 * UTF-8 byte-order mark is dropped). `stödform` is a support-source code or its Swedish label, `betalare` one
 * of fk, af, region, kommun, `kronor_per_år` kronor (negative = income, e.g. tax on a salary) and `källa` the
 * source of the figure, never empty. All or nothing: every problem is collected with file, line and field.
 */
import { InputError, type InputProblem } from '../../core/errors.ts';
import { parseKronor, parseText } from '../../core/input/index.ts';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import { payers, type Payer, type UnitCost } from '../../core/value/valueModel.ts';
import { parseCsv } from '../tabular/csv.ts';

export const unitCostHeader = ['stödform', 'betalare', 'kronor_per_år', 'källa'] as const;

export function parseUnitCostCsv(text: string, file: string): UnitCost[] {
  const rows = parseCsv(text, file);
  const header = rows[0];
  if (!header) throw new InputError({ file, line: 1, message: `Filen är tom. Första raden ska vara ${unitCostHeader.join(';')}.` });
  const names = header.cells.map((c) => c.trim().toLowerCase());
  if (names.length !== unitCostHeader.length || names.some((n, i) => n !== unitCostHeader[i])) {
    throw new InputError({ file, line: header.line, message: `Första raden ska vara ${unitCostHeader.join(';')} (var ${header.cells.join(';')}).` });
  }
  const problems: InputProblem[] = [];
  const out: UnitCost[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const at = (field: string, message: string) => problems.push({ file, line: row.line, field, message });
    if (row.cells.length !== unitCostHeader.length) {
      at('rad', `Raden ska ha ${unitCostHeader.length} fält, har ${row.cells.length}.`);
      continue;
    }
    const [sourceCell, payerCell, amountCell, originCell] = row.cells as [string, string, string, string];
    const supportSource = SupportSource.parse(sourceCell);
    if (!supportSource) at('stödform', `Okänd stödform "${sourceCell.trim()}". Tillåtna: ${SupportSource.codes.join(', ')} eller deras benämningar.`);
    const payer = payers.find((p) => p === payerCell.trim().toLowerCase()) ?? null;
    if (!payer) at('betalare', `Okänd betalare "${payerCell.trim()}". Tillåtna: ${payers.join(', ')}.`);
    const amount = parseKronor(amountCell, { allowNegative: true });
    if (!amount.ok) at('kronor_per_år', `"${amountCell}": ${amount.message}`);
    const origin = parseText(originCell, { kind: 'short' });
    if (!origin.ok) at('källa', origin.message);
    else if (origin.value.trim() === '') at('källa', 'Källa saknas: varje belopp ska ha sin källa (statistik och år).');
    if (supportSource && payer) {
      const key = `${supportSource}|${payer}`;
      if (seen.has(key)) at('stödform', `${SupportSource.label(supportSource)} för ${payer} finns redan på rad ${seen.get(key)}.`);
      else seen.set(key, row.line);
    }
    if (supportSource && payer && amount.ok && origin.ok && origin.value.trim() !== '') out.push({ supportSource, payer: payer as Payer, annualOre: amount.value, source: origin.value.trim() });
  }
  if (problems.length) throw new InputError(problems);
  return out;
}
