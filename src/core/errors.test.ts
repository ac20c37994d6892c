import { describe, expect, it } from 'vitest';
import { InputError, describeProblem } from './errors.ts';

describe('input problems', () => {
  it('name file, line and field in the message', () => {
    expect(describeProblem({ file: 'utfall.csv', line: 7, field: 'belopp', message: 'inte ett belopp: "12,3x"' })).toBe(
      'utfall.csv, rad 7, fält "belopp": inte ett belopp: "12,3x"',
    );
  });
  it('join several problems into one error message, one per line', () => {
    const e = new InputError([{ message: 'a', line: 1 }, { message: 'b', field: 'x' }]);
    expect(e.message).toBe('rad 1: a\nfält "x": b');
    expect(e.problems).toHaveLength(2);
  });
});
