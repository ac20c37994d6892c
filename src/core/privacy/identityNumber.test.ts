import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsIdentityNumber, findIdentityNumbers, luhnCheckDigit, luhnValid } from './identityNumber.ts';
import { assertNoIdentityNumbers, holdsIdentityNumber, identityProblems } from './identityGuard.ts';
import { readsAsPhoneNumber } from './phoneNumber.ts';
import { InputError } from '../errors.ts';
import { luhnValid as organisationLuhnValid, parseOrganisationNumber } from '../input/organisationNumber.ts';

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

  // The spellings part 13's attacker got through (issue 27), each a valid number: 811228-9874 and 900101-1239.
  const digitsIn = (zero: number, text: string) => text.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
  it.each([
    [digitsIn(0x0660, '811228-9874'), 'Arabic-Indic digits'],
    [digitsIn(0x06f0, '811228-9874'), 'Persian (extended Arabic-Indic) digits'],
    [digitsIn(0x0966, '811228-9874'), 'Devanagari digits'],
    [digitsIn(0x0e50, '811228-9874'), 'Thai digits'],
    [digitsIn(0x09e6, '811228-9874'), 'Bengali digits'],
    [digitsIn(0x1d7ce, '811228-9874'), 'mathematical bold digits (outside the BMP)'],
    ['9001 0112 39', 'grouped 4+4+2'],
    ['81 12 28 98 74', 'in pairs'],
    ['811228:9874', 'colon'],
    ['811228,9874', 'comma'],
    ['811228*9874', 'asterisk'],
    ['811228x9874', 'x'],
    ['811228_9874', 'underscore'],
    ['811228    9874', 'four spaces'],
    ['811228\n9874', 'line break'],
    ['811228 \r\n\t - \n 9874', 'a mixed run of separators'],
    ['811228;9874', 'semicolon (any non-letter, non-digit)'],
    ['(811228) 9874', 'brackets'],
    ['8ll228-9874', '"l" for 1'],
    ['81I228-9874', '"I" for 1'],
    ['9OO101-1239', '"O" for 0'],
    ['900lO1-1239', '"l" and "O" together'],
    ['90 Ol Ol 1239', 'a group written in look-alike letters only'],
    ['Deltagare:\n811228\n-\n9874\nbörjar måndag', 'inside a text, across lines'],
  ])('refuses %j (%s)', (text) => {
    expect(containsIdentityNumber(text)).toBe(true);
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
    ['Period 01.01.2025-31.12.2025', 'a period in day.month.year'],
    ['2025-01-01--2025-12-31', 'a period with two dashes'],
    ['Konto 1930, 2010 och 3010', 'account numbers'],
    ['Org.nr 222000-1354, tel 08-123 456 78', 'an organisation number and a phone number apart'],
    ['Kostnad 81 122 kr, 89 874 kr', 'amounts with their unit'],
    ['Mellan 12 och 14 deltagare, 3 av 4 kommuner', 'counts in prose'],
    ['Gruppen 1O ggr', 'look-alike letters beside too few digits'],
    ['Olle 811228 Lind', 'six digits between names'],
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

  it('property: text with fewer than ten digits between words never matches', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(noDigits, fc.stringMatching(/^\d{1,5}$/)), { maxLength: 10 }), (parts) => {
        expect(containsIdentityNumber(parts.join(' och '))).toBe(false);
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

describe('the guard against any spelling (property-based)', () => {
  // A valid number as digits: 10 (YYMMDDNNNC) or 12 (CCYYMMDDNNNC), personnummer or samordningsnummer.
  const validDigits = fc
    .record({
      date: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true }),
      serial: fc.integer({ min: 0, max: 999 }),
      coordination: fc.boolean(),
      withCentury: fc.boolean(),
    })
    .map(({ date, serial, coordination, withCentury }) => {
      const yyyy = String(date.getUTCFullYear());
      const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
      const dd = String(date.getUTCDate() + (coordination ? 60 : 0)).padStart(2, '0');
      const nine = `${yyyy.slice(2)}${mm}${dd}${String(serial).padStart(3, '0')}`;
      return `${withCentury ? yyyy.slice(0, 2) : ''}${nine}${luhnCheckDigit(nine)}`;
    });
  const zeros = [0x30, 0xff10, 0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ae6, 0x1040, 0x1d7ce];
  const separator = fc.stringMatching(/^[ \-.:,/*_x+\n\t\u00a0\u2013]{1,6}$/);
  const lookAlike: Record<string, string[]> = { '0': ['O', 'o'], '1': ['l', 'I'] };

  /** The digits in a random grouping, random separators, random scripts per digit, some look-alike letters. */
  const spelling = fc
    .tuple(validDigits, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.array(separator, { minLength: 12, maxLength: 12 }),
      fc.array(fc.constantFrom(...zeros), { minLength: 12, maxLength: 12 }), fc.array(fc.nat(9), { minLength: 12, maxLength: 12 }))
    .map(([digits, cuts, seps, scripts, letters]) => {
      let out = '';
      [...digits].forEach((d, i) => {
        if (i > 0 && cuts[i]) out += seps[i];
        // A look-alike letter now and then, but never a whole group of them (that needs digits beside it).
        const alike = lookAlike[d];
        const prevIsDigit = out.length > 0 && /\p{Nd}/u.test([...out].pop()!);
        out += alike && letters[i]! < 2 && prevIsDigit ? alike[letters[i]!]! : String.fromCodePoint(scripts[i]! + Number(d));
      });
      return out;
    });
  const prose = fc.constantFrom('Deltagaren', 'börjar', 'i', 'maj', 'nr:', 'ring', '(ny)', 'Kommentar –', 'och', '');

  it('property: a valid number is refused in any grouping, script, separators and look-alike letters, inside any text', () => {
    fc.assert(
      fc.property(spelling, prose, prose, (text, before, after) => {
        expect(containsIdentityNumber(`${before} ${text} ${after}`), JSON.stringify(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  // Non-identifying text: words, runs of at most nine digits in any spelling (amounts, counts, postcodes,
  // times), written dates and periods, valid organisation numbers of legal persons, all apart from one another.
  const word = fc.constantFrom('Samordningsteam', 'kr', 'deltagare', 'Beslut', 'dnr', 'av', 'kl.', 'Västerås', 'mål', 'tkr', 'st', 'procent');
  const shortRun = fc
    .array(fc.stringMatching(/^[0-9]{1,4}$/), { minLength: 1, maxLength: 4 })
    .filter((gs) => gs.join('').length <= 9)
    .chain((gs) => fc.array(separator, { minLength: gs.length, maxLength: gs.length }).map((seps) => gs.map((g, i) => (i ? seps[i] : '') + g).join('')));
  const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const period = fc.tuple(isoDate, isoDate, fc.constantFrom(' - ', ' – ', '--', ' till ', '/')).map(([a, b, s]) => a + s + b);
  const organisationNumber = fc
    .tuple(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^[0-9]{7}$/), fc.integer({ min: 0, max: 9 }))
    .map(([third, rest, first]) => {
      const nine = `${first}${rest[0]}${third}${rest.slice(1)}`;
      for (let c = 0; c <= 9; c++) if (organisationLuhnValid(nine + c)) return `${nine.slice(0, 6)}-${nine.slice(6)}${c}`;
      throw new Error('unreachable');
    });
  const harmless = fc.array(fc.oneof(word, shortRun, isoDate, period, organisationNumber), { maxLength: 12 }).map((parts) => parts.join(' och '));

  it('property: text without an identity number passes, organisation numbers and written dates included', () => {
    fc.assert(
      fc.property(harmless, (text) => {
        expect(findIdentityNumbers(text), JSON.stringify(text)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: a legal person\u2019s organisation number passes the guard and its own field', () => {
    fc.assert(
      fc.property(organisationNumber, fc.constantFrom('', '16'), (n, prefix) => {
        expect(containsIdentityNumber(`Org.nr ${prefix}${n}`)).toBe(false);
        expect(parseOrganisationNumber(prefix + n)).toEqual({ ok: true, value: n });
      }),
    );
  });

  // Swedish numbers as written: area code as its own group, subscriber number not starting with 0.
  const phone = fc.oneof(
    fc.tuple(fc.constantFrom('070', '072', '073', '076', '079'), fc.stringMatching(/^[1-9][0-9]{6}$/)).map(([a, s]) => `${a}-${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`),
    fc.stringMatching(/^[1-9][0-9]{7}$/).map((s) => `08-${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`),
    fc.tuple(fc.constantFrom('0224', '0171', '021', '031', '040'), fc.stringMatching(/^[1-9][0-9]{5}$/)).map(([a, s]) => `${a} ${s.slice(0, 2)} ${s.slice(2, 4)} ${s.slice(4)}`),
    fc.tuple(fc.constantFrom('70', '73', '8', '21'), fc.stringMatching(/^[1-9][0-9]{6}$/)).map(([a, s]) => `+46 ${a} ${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`),
  );

  it('property: phone numbers pass in a contact field, every one of them', () => {
    fc.assert(
      fc.property(phone, (p) => {
        expect(readsAsPhoneNumber(p)).toBe(true);
        expect(identityProblems({ contactPhone: p })).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('in a contact field a personnummer is still refused unless it is written as a phone number', () => {
    expect(holdsIdentityNumber('811228-9874', { phone: true })).toBe(true);
    expect(holdsIdentityNumber('8112289874', { phone: true })).toBe(true);
    expect(holdsIdentityNumber('+46 8112289874', { phone: true })).toBe(true);
    // The same digits as a mobile number are refused in free text (a valid date and check digit) …
    const check = luhnCheckDigit('070123456');
    const mobile = `070-123 45 6${check}`;
    expect(holdsIdentityNumber(mobile)).toBe(true);
    // … and pass where a phone number belongs.
    expect(holdsIdentityNumber(mobile, { phone: true })).toBe(false);
  });
});
