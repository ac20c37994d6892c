import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../core/errors.ts';
import { parseKronorCell as parseKronor, parseOutcomeRows, readCsvRows } from './parseOutcome.ts';
import { tableToCsv } from '../../exports/csv.ts';
import { outcomeTemplateTable } from './outcomeTemplate.ts';

const header = 'år;avsnitt;budgetpost;månad;intäkt;kostnad';
const parse = (text: string) => parseOutcomeRows(readCsvRows(text), 'utfall.csv');

describe('outcome CSV', () => {
  it('reads rows with Swedish section names or codes, decimal comma, grouping and minus', () => {
    const rows = parse(`\ufeff${header}\r\n2025;Administration;Styrelse;1;0;50 600,50\r\n2025;individual;"Team ""Syd""";2;;−1 000\r\n`);
    expect(rows).toEqual([
      { line: 2, fileRow: 2, year: 2025, section: 'administration', label: 'Styrelse', month: 1, incomeOre: 0, costOre: 5_060_050 },
      { line: 3, fileRow: 3, year: 2025, section: 'individual', label: 'Team "Syd"', month: 2, incomeOre: 0, costOre: -100_000 },
    ]);
  });
  it('reads comma-separated files too, and the template it writes itself', () => {
    expect(parse(`år,avsnitt,budgetpost,månad,intäkt,kostnad\n2025,Intäkter,Medel,12,"18958000",0\n`)[0]!.incomeOre).toBe(1_895_800_000);
    const template = tableToCsv(outcomeTemplateTable(2025, [{ section: 'structural', label: 'Länsgem utbildningsinsatser' }]));
    expect(parse(template)).toEqual([{ line: 2, fileRow: 2, year: 2025, section: 'structural', label: 'Länsgem utbildningsinsatser', month: 1, incomeOre: 0, costOre: 0 }]);
  });
  it('names file, line and column for every bad cell', () => {
    try {
      parse(`${header}\n2025;Admin;Styrelse;13;tio;1,234\n2025;Administration;;1;0;0\n2025;Administration;Styrelse;1;0;1\n2025;Administration;Styrelse;1;0;2\n`);
      expect.fail('should throw');
    } catch (e) {
      expect((e as InputError).problems.map((p) => [p.line, p.field])).toEqual([
        [2, 'avsnitt'],
        [2, 'månad'],
        [2, 'intäkt'],
        [2, 'kostnad'],
        [3, 'budgetpost'],
        [5, 'budgetpost'],
      ]);
      expect((e as InputError).message).toContain('utfall.csv, rad 5, fält "budgetpost": Samma budgetpost och månad finns redan på rad 4.');
    }
  });
  it('keeps each cell’s row of the original file through the confirmation’s "rad i filen" column, and refuses a bad one', () => {
    const rows = parse(`${header};rad i filen\n2025;Administration;Styrelse;1;0;10;17\n2025;Administration;Styrelse;2;0;10;4\n`);
    expect(rows.map((r) => [r.line, r.fileRow])).toEqual([
      [2, 17],
      [3, 4],
    ]);
    expect(() => parse(`${header};rad i filen\n2025;Administration;Styrelse;1;0;10;noll\n`)).toThrow('fält "rad i filen"');
  });

  it('refuses a file without the headings', () => {
    expect(() => parse('a;b;c\n1;2;3\n')).toThrow(/Kolumnen "år" saknas/);
    expect(() => parse('')).toThrow(/Filen är tom/);
  });
  it('property: any text is read or refused with InputError, never a crash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (body, withHeader) => {
        try {
          const rows = parse((withHeader ? `${header}\n` : '') + body);
          for (const r of rows) {
            expect(Number.isSafeInteger(r.incomeOre) && Number.isSafeInteger(r.costOre)).toBe(true);
            expect(r.month >= 1 && r.month <= 12).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 500 },
    );
  });
  it('property: kronor amounts round-trip through the Swedish format', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (ore) => {
        const kr = Math.trunc(Math.abs(ore) / 100);
        const text = `${ore < 0 ? '−' : ''}${kr.toLocaleString('sv-SE')},${String(Math.abs(ore) % 100).padStart(2, '0')}`;
        expect(parseKronor(text)).toEqual({ ore: ore === 0 ? 0 : ore });
      }),
    );
  });
});
