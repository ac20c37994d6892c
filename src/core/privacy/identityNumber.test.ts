import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsIdentityNumber, findIdentityNumbers, luhnCheckDigit, luhnValid } from './identityNumber.ts';
import { assertNoIdentityNumbers, identityProblems } from './identityGuard.ts';
import { InputError } from '../errors.ts';

describe('identity number detector', () => {
  it('knows the Luhn check digit (Skatteverket example 811228-9874)', () => {
    expect(luhnValid('8112289874')).toBe(true);
    expect(luhnCheckDigit('811228987')).toBe(4);
    expect(luhnValid('8112289875')).toBe(false);
  });

  it.each([
    ['811228-9874', 'personnummer'],
    ['8112289874', 'personnummer'],
    ['19811228-9874', 'personnummer'],
    ['198112289874', 'personnummer'],
    ['811228+9874', 'personnummer'],
    ['811228 9874', 'personnummer'],
    ['701063-2391', 'samordningsnummer'],
    ['19701063-2391', 'samordningsnummer'],
    ['000229-0005', 'personnummer'], // 29 February 2000, a leap year
  ])('refuses %s (%s)', (text, kind) => {
    const found = findIdentityNumbers(text);
    expect(found.map((f) => f.kind)).toEqual([kind]);
  });

  it.each([
    ['811228\u00a09874', 'no-break space'],
    ['811228\u20139874', 'en dash'],
    ['811228\u22129874', 'minus sign'],
    ['811228 - 9874', 'spaced dash'],
    ['81 12 28-9874', 'date in pairs'],
    ['81.12.28-9874', 'date with points'],
    ['1981-12-28-9874', 'ISO date and the last four'],
    ['19811228 - 9874', 'century and spaced dash'],
    ['\uff18\uff11\uff11\uff12\uff12\uff18-\uff19\uff18\uff17\uff14', 'full-width digits'],
    ['8112\u200b28-9874', 'zero-width space'],
    ['81122\u00ad8-98\u206074', 'soft hyphen and word joiner'],
    ['811228\u2009-\u20099874', 'thin spaces'],
  ])('refuses %s (%s) after normalising', (text) => {
    expect(containsIdentityNumber(text), JSON.stringify(text)).toBe(true);
  });

  it('finds numbers anywhere inside a text', () => {
    expect(containsIdentityNumber('Deltagaren (811228-9874) började i maj')).toBe(true);
    expect(containsIdentityNumber('kod:198112289874.')).toBe(true);
    expect(findIdentityNumbers('a 811228-9874 b 701063-2391').map((m) => m.index)).toEqual([2, 16]);
  });

  it.each([
    ['811228-9875', 'bad check digit'],
    ['811328-9874', 'month 13'],
    ['810230-0000', 'day 30 in February'],
    ['811200-9876', 'day 00'],
    ['011592-1234', 'samordningsnummer day 92'],
    ['81122898740', '11 digits'],
    ['1981122898740', '13 digits'],
    ['17811228-9874', 'century 17'],
    ['19000229-0001', '29 February 1900 (not a leap year), with century'],
    ['070-123 45 67', 'mobile phone number'],
    ['08-123 456 78', 'Stockholm phone number'],
    ['212000-2080', 'organisationsnummer (month 20)'],
    ['222000-1354', 'organisationsnummer of a samordningsförbund'],
    ['2025-03-14', 'an ISO date'],
    ['Beslut 2025-05-14, dnr 2024/123', 'a decision reference'],
    ['929 129 kr av 4 119 000 kr', 'amounts'],
    ['1 234 567 890 kr', 'a ten-digit amount in groups of three'],
    ['Född 1981-12-28, nr 9874', 'a date and four digits apart'],
    ['Momsrapport 2021-05-01 - 2021-05-31', 'a period between two ISO dates (SIE group example file)'],
    ['Period 2025-03-14 – 2025-04-30', 'a period with an en dash'],
  ])('lets %s through (%s)', (text) => {
    expect(findIdentityNumbers(text)).toEqual([]);
  });

  const validNumber = fc
    .record({
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
      serial: fc.integer({ min: 0, max: 999 }),
      coordination: fc.boolean(),
      withCentury: fc.boolean(),
      separator: fc.constantFrom('', '-', '+', ' '),
    })
    .map(({ date, serial, coordination, withCentury, separator }) => {
      const yyyy = String(date.getUTCFullYear());
      const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
      const dd = String(date.getUTCDate() + (coordination ? 60 : 0)).padStart(2, '0');
      const nine = `${yyyy.slice(2)}${mm}${dd}${String(serial).padStart(3, '0')}`;
      const check = luhnCheckDigit(nine);
      return { text: `${withCentury ? yyyy.slice(0, 2) : ''}${nine.slice(0, 6)}${separator}${nine.slice(6)}${check}`, nine, check };
    });
  const noDigits = fc.string({ unit: fc.constantFrom(...'abc åäö.,;:()/\n'.split('')), maxLength: 20 });

  it('property: every valid number is found, whatever text surrounds it', () => {
    fc.assert(
      fc.property(validNumber, noDigits, noDigits, (n, before, after) => {
        expect(containsIdentityNumber(before + n.text + after)).toBe(true);
      }),
    );
  });

  it('property: changing the check digit makes it a near miss', () => {
    fc.assert(
      fc.property(validNumber, fc.integer({ min: 1, max: 9 }), (n, delta) => {
        const wrong = n.text.slice(0, -1) + String((n.check + delta) % 10);
        expect(containsIdentityNumber(wrong)).toBe(false);
      }),
    );
  });

  it('property: text with fewer than ten digits in a row never matches', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(noDigits, fc.stringMatching(/^\d{1,5}$/)), { maxLength: 10 }), (parts) => {
        expect(containsIdentityNumber(parts.join(' x '))).toBe(false);
      }),
    );
  });
});

describe('identity guard on writes', () => {
  it('names every field that holds a number, nested ones too, in Swedish', () => {
    const problems = identityProblems(
      { name: 'Team A', note: 'ring 811228-9874', goals: [{ text: 'ok' }, { text: '701063-2391' }], capacity: 8112289874 },
      { file: 'deltagare.csv', line: 4 },
    );
    expect(problems.map((p) => p.field)).toEqual(['note', 'goals[1].text']);
    expect(problems[0]).toMatchObject({ file: 'deltagare.csv', line: 4 });
    expect(problems[0]!.message).toContain('personnummer');
    expect(problems[0]!.message).not.toContain('9874');
  });

  it('throws InputError and passes clean input', () => {
    expect(() => assertNoIdentityNumbers({ a: 'x 19811228-9874' })).toThrow(InputError);
    expect(() => assertNoIdentityNumbers({ a: 'Samordningsteam Sala', b: null, c: 3 })).not.toThrow();
  });
});
