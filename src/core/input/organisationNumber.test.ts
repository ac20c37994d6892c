import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { organisationDigits, parseOrganisationNumber } from './index.ts';

// Published organisation numbers of state agencies (Bolagsverket's register): real, valid check digits.
const published = ['202100-5521', '202100-2114', '202100-5448'];

describe('organisation numbers', () => {
  it('accepts published numbers in the ways people write them', () => {
    for (const n of published) {
      expect(parseOrganisationNumber(n)).toEqual({ ok: true, value: n });
      expect(parseOrganisationNumber(n.replace('-', ''))).toEqual({ ok: true, value: n });
      expect(parseOrganisationNumber(`16${n}`)).toEqual({ ok: true, value: n });
      expect(parseOrganisationNumber(` ${n.replace('-', '\u2013')} `)).toEqual({ ok: true, value: n });
    }
  });

  it('refuses a number with any one digit changed (the check digit catches it)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...published), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const digits = n.replace('-', '').split('').map(Number);
        digits[pos] = (digits[pos]! + delta) % 10;
        const changed = digits.join('');
        const r = parseOrganisationNumber(changed);
        expect(r.ok).toBe(false);
      }),
    );
  });

  it('refuses a personnummer (third digit is a month) without repeating it', () => {
    const r = parseOrganisationNumber('811218-9876');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).not.toContain('9876');
  });

  it('never throws on random input and only accepts the NNNNNN-NNNN form', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9 -]{0,14}$/), fc.integer(), fc.constant(null)), (raw) => {
        const r = parseOrganisationNumber(raw);
        if (r.ok) expect(r.value).toMatch(/^\d{6}-\d{4}$/);
      }),
    );
  });

  it('reads the lenient digits of a file header', () => {
    expect(organisationDigits('202100-5521')).toBe('2021005521');
    expect(organisationDigits('162021005521 extra')).toBe('2021005521');
    expect(organisationDigits('abc')).toBeNull();
    expect(organisationDigits(null)).toBeNull();
  });
});
