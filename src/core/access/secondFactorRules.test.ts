import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeDevice,
  formatRecoveryCode,
  normaliseRecoveryCode,
  normaliseTotpCode,
  parseSecondFactorPolicy,
  recoveryAlphabet,
  secondFactorRequired,
} from './secondFactorRules.ts';

describe('second-factor policy', () => {
  it('defaults to admin and kansli, can be turned off, and refuses a typo', () => {
    expect(parseSecondFactorPolicy(undefined)).toEqual(['admin', 'kansli']);
    expect(parseSecondFactorPolicy(' ')).toEqual(['admin', 'kansli']);
    expect(parseSecondFactorPolicy('none')).toEqual([]);
    expect(parseSecondFactorPolicy('Admin, styrelse,admin')).toEqual(['admin', 'styrelse']);
    expect(() => parseSecondFactorPolicy('admin,kansl')).toThrow(/okänd roll kansl/);
  });

  it('applies to an account holding any role of the policy', () => {
    const policy = parseSecondFactorPolicy(undefined);
    const account = (isAdmin: boolean, roles: ('kansli' | 'styrelse' | 'insats' | 'revisor')[]) => ({ isAdmin, isNational: false, roles });
    expect(secondFactorRequired(policy, account(true, []))).toBe(true);
    expect(secondFactorRequired(policy, account(false, ['styrelse', 'kansli']))).toBe(true);
    expect(secondFactorRequired(policy, account(false, ['styrelse', 'insats']))).toBe(false);
    expect(secondFactorRequired([], account(true, ['kansli']))).toBe(false);
  });
});

describe('codes as typed', () => {
  it('takes six digits with spaces and nothing else', () => {
    expect(normaliseTotpCode('123 456')).toBe('123456');
    for (const bad of ['12345', '1234567', '12345a', '', '١٢٣٤٥٦']) expect(normaliseTotpCode(bad)).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => {
      const n = normaliseTotpCode(s);
      return n === null || /^\d{6}$/.test(n);
    }));
  });

  it('reads a recovery code back however it is spaced or cased', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...recoveryAlphabet), { minLength: 10, maxLength: 10 }), (chars) => {
      const code = chars.join('');
      return normaliseRecoveryCode(formatRecoveryCode(code).toUpperCase()) === code && normaliseRecoveryCode(` ${code.slice(0, 3)} ${code.slice(3)} `) === code;
    }));
    expect(normaliseRecoveryCode('abcde-fghi1')).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => {
      const n = normaliseRecoveryCode(s);
      return n === null || (n.length === 10 && [...n].every((c) => recoveryAlphabet.includes(c)));
    }));
  });

  it('describes a browser briefly', () => {
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36')).toBe('Chrome på Windows');
    expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox på Linux');
    expect(describeDevice('')).toBe('Okänd enhet');
  });
});
