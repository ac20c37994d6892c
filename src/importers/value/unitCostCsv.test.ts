import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../core/errors.ts';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import { payers } from '../../core/value/valueModel.ts';
import { csvLine } from '../tabular/csv.ts';
import { parseUnitCostCsv } from './unitCostCsv.ts';

const header = 'stödform;betalare;kronor_per_år;källa';
/** Swedish digit grouping, written independently of the parser: 1234567 → "1 234 567". */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

const figure = fc.record({
  source: fc.constantFrom(...SupportSource.codes),
  byLabel: fc.boolean(),
  payer: fc.constantFrom(...payers),
  kronor: fc.integer({ min: -500_000, max: 500_000 }),
  origin: fc.constantFrom('SCB, Ekonomiskt bistånd 2023', 'Försäkringskassan, Socialförsäkringen i siffror 2024', 'egen beräkning; källa: X'),
});

describe('the unit-cost CSV', () => {
  it('reads back what was written (codes or labels, grouped digits, negative amounts)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(figure, { maxLength: 30, selector: (f) => `${f.source}|${f.payer}` }), (figs) => {
        const text = [
          header,
          ...figs.map((f) => csvLine([f.byLabel ? SupportSource.label(f.source) : f.source, f.payer, `${f.kronor < 0 ? '-' : ''}${grouped(Math.abs(f.kronor))}`, f.origin])),
        ].join('\r\n');
        expect(parseUnitCostCsv(text, 'kostnader.csv')).toEqual(figs.map((f) => ({ supportSource: f.source, payer: f.payer, annualOre: f.kronor * 100, source: f.origin })));
      }),
      { numRuns: 200 },
    );
  });

  it('broken input: refused as a whole, the problem naming file, line and field', () => {
    const breakage = fc.constantFrom(
      { col: 0, value: 'lotto', field: 'stödform' },
      { col: 1, value: 'stat', field: 'betalare' },
      { col: 2, value: 'tolv tusen', field: 'kronor_per_år' },
      { col: 2, value: '', field: 'kronor_per_år' },
      { col: 3, value: '', field: 'källa' },
      { col: 3, value: '   ', field: 'källa' },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), breakage, (good, b) => {
        const lines = [header, ...SupportSource.codes.slice(0, good).map((c) => `${c};kommun;1000;SCB 2023`)];
        const cells = ['salary', 'fk', '-20000', 'SCB 2023'];
        cells[b.col] = b.value;
        lines.push(cells.join(';'));
        try {
          parseUnitCostCsv(lines.join('\n'), 'fel.csv');
          expect.unreachable(`accepted ${b.value}`);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          const p = (e as InputError).problems[0]!;
          expect({ file: p.file, line: p.line, field: p.field }).toEqual({ file: 'fel.csv', line: good + 2, field: b.field });
        }
      }),
    );
  });

  it('refuses a duplicate row with the line of the first', () => {
    expect(() => parseUnitCostCsv(`${header}\nsalary;fk;-1;A\nLön;fk;-2;B`, 'd.csv')).toThrow(/rad 3.*finns redan på rad 2/);
  });

  it('random text never crashes: either parsed or an InputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        try {
          parseUnitCostCsv(`${header}\n${junk}`, 'x.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
