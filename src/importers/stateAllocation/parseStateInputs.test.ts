import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../core/errors.ts';
import { parseStateInputs } from './parseStateInputs.ts';
import { csvLine } from '../tabular/csv.ts';

const header = 'förbund;befolkning_16_64;försörjningsmått';
/** Swedish digit grouping, written independently of the parser: 1234567 → "1 234 567". */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

const row = fc.record({
  name: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() === s && s.trim() !== '' && !/[\r\n]/.test(s) && !/\d{6}/.test(s)),
  population: fc.integer({ min: 0, max: 9_000_000 }),
  supportHundredths: fc.integer({ min: 0, max: 1_000_000_000 }),
  groupedDigits: fc.boolean(),
  comma: fc.boolean(),
});

describe('parseStateInputs', () => {
  it('reads back what was written (random names, grouping, comma or point decimals)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(row, { minLength: 1, maxLength: 30, selector: (r) => r.name }), (rows) => {
        const text = [
          header,
          ...rows.map((r) => {
            const whole = Math.floor(r.supportHundredths / 100);
            const dec = String(r.supportHundredths % 100).padStart(2, '0');
            const support = `${r.groupedDigits ? grouped(whole) : whole}${r.comma ? ',' : '.'}${dec}`;
            return csvLine([r.name, r.groupedDigits ? grouped(r.population) : String(r.population), support]);
          }),
        ].join('\r\n');
        const parsed = parseStateInputs(text, 'in.csv');
        expect(parsed).toEqual(rows.map((r) => ({ federation: r.name, population: r.population, supportMeasureHundredths: r.supportHundredths })));
      }),
      { numRuns: 200 },
    );
  });

  it('broken input: all or nothing, and every problem names file, line and field', () => {
    const bad = fc.constantFrom('', '-1', '1,5', 'abc', '12 34', '1e3', '1,234', ' ', '١٢', 'NaN');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1 }), bad, (good, col, value) => {
        const lines = [header, ...Array.from({ length: good }, (_, i) => `F${i};1000;10,5`)];
        const cells = ['Trasigt', '1000', '10'];
        // population must be whole; the support measure may have decimals (so "1,5" is fine there), and the
        // boundary parser's decimal rule ignores spaces inside a number ("12 34" = 1234)
        if (col === 1 && (/^\d+,\d{1,2}$/.test(value) || value === '12 34')) return;
        cells[1 + col] = value;
        lines.push(cells.join(';'));
        try {
          parseStateInputs(lines.join('\n'), 'fel.csv');
          expect.unreachable(`accepted ${value}`);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          const p = (e as InputError).problems[0]!;
          expect(p.file).toBe('fel.csv');
          expect(p.line).toBe(good + 2);
          expect(p.field).toBe(col === 0 ? 'befolkning_16_64' : 'försörjningsmått');
        }
      }),
    );
  });

  it('random bytes never crash: either parsed or an InputError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (junk) => {
        try {
          parseStateInputs(`${header}\n${junk}`, 'x.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('names a wrong header, a missing field, a duplicate and a personnummer', () => {
    expect(() => parseStateInputs('namn;befolkning;mått\nA;1;1', 'a.csv')).toThrow(/a\.csv, rad 1: Första raden ska vara/);
    expect(() => parseStateInputs(`${header}\nA;1`, 'a.csv')).toThrow(/rad 2, fält "rad": Raden ska ha 3 fält/);
    expect(() => parseStateInputs(`${header}\nA;1;1\nA;2;2`, 'a.csv')).toThrow(/rad 3, fält "förbund": "A" finns redan på rad 2/);
    expect(() => parseStateInputs(`${header}\nSF 19121212-1212;1;1`, 'a.csv')).toThrow(/personnummer/);
  });
});
