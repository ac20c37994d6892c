import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { changeInPoints, medianStep, sharesByLabel, statementResult } from './results.ts';
import { parseAnswerForm } from './answers.ts';
import { parseStatementLines, statementLines } from './setText.ts';
import { boardScale, extentScale, frequencyScale, keyFromName, parseSetId, staffSet2025 } from './sets.ts';
import { resultTables } from './tables.ts';

describe('statement results', () => {
  it('whole per cents by the largest remainder always add up to 100 and stay within one point of the exact share', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 500 }), { minLength: 2, maxLength: 10 }).filter((c) => c.some((x) => x > 0)), (counts) => {
        const r = statementResult(counts, 0, 1);
        const n = counts.reduce((a, b) => a + b, 0);
        expect(r.n).toBe(n);
        expect(r.percents!.reduce((a, b) => a + b, 0)).toBe(100);
        r.percents!.forEach((p, i) => expect(Math.abs(p - (100 * counts[i]!) / n)).toBeLessThan(1));
      }),
    );
  });

  it('reproduces the report where plain rounding does not (question 10: 1 of 22 printed as 4 %)', () => {
    // 3, 3, 6, 1, 9 of 22 = 13.6, 13.6, 27.3, 4.5, 40.9 %: plain rounding gives 14+14+27+5+41 = 101.
    expect(statementResult([0, 3, 3, 6, 1, 9], 0, 5).percents).toEqual([0, 14, 14, 27, 4, 41]);
  });

  it('hides a statement answered by fewer than the minimum cell size, and does not count "vet inte" in n', () => {
    expect(statementResult([1, 2, 1, 0, 0, 0], 7, 5)).toEqual({ n: 4, percents: null, counts: null, hidden: true, noAnswer: null });
    expect(statementResult([1, 2, 2, 0, 0, 0], 7, 5)).toMatchObject({ n: 5, hidden: false, noAnswer: 7, percents: [20, 40, 40, 0, 0, 0] });
  });

  it('change in percentage points, null when either year is hidden', () => {
    const now = statementResult([0, 0, 5, 5], 0, 5);
    const before = statementResult([0, 5, 5, 0], 0, 5);
    expect(changeInPoints(now, before)).toEqual([0, -50, 0, 50]);
    expect(changeInPoints(now, statementResult([1, 0, 0, 0], 0, 5))).toBeNull();
    expect(changeInPoints(now, null)).toBeNull();
  });

  it('the board’s samlad bedömning is the (lower) median step', () => {
    expect(medianStep([0, 1, 3, 1])).toBe(2);
    expect(medianStep([0, 2, 2, 0])).toBe(1);
    expect(medianStep([0, 0, 0, 0])).toBeNull();
    expect(boardScale[medianStep([0, 4, 1, 0])!]).toBe('Delvis etablerad');
  });

  it('shares by label follow the scale; hidden gives none', () => {
    expect(sharesByLabel(['Nej', 'Ja'], statementResult([1, 3], 0, 1))).toEqual({ Nej: 25, Ja: 75 });
    expect(sharesByLabel(['Nej', 'Ja'], statementResult([1, 3], 0, 5))).toEqual({});
  });

  it('export tables: one per scale, hidden rows say "för få svar", no free text', () => {
    const lines = staffSet2025.statements.map((s, i) => ({ id: s.key, text: s.text, scale: s.scale, local: false, result: statementResult(s.scale.map((_, k) => (k === 5 ? i : 1)), 0, 7), change: null }));
    const tables = resultTables('Insatspersonal 2025', lines);
    expect(tables).toHaveLength(2);
    expect(tables[0]!.columns.slice(3, 9).map((c) => c.header)).toEqual([...frequencyScale]);
    expect(tables[1]!.columns.slice(3, 9).map((c) => c.header)).toEqual([...extentScale]);
    expect(tables[0]!.rows[0]!.cells.note).toBe('för få svar');
    expect(tables[1]!.rows[6]!.cells.note).toBe('');
  });
});

describe('the answer form', () => {
  const statements = [
    { id: 10, field: 'q1', text: 'Första', scale: ['Nej', 'Ja'] },
    { id: 11, field: 'q2', text: 'Andra', scale: ['Nej', 'Delvis', 'Ja'] },
  ];

  it('reads steps 1… and "vet-inte", and names every missing or invalid statement', () => {
    const ok = parseAnswerForm(statements, { q1: '2', q2: 'vet-inte' }, { freeTextAllowed: false });
    expect(ok.problems).toEqual([]);
    expect([...ok.answers]).toEqual([
      [10, 1],
      [11, null],
    ]);
    const bad = parseAnswerForm(statements, { q2: '4' }, { freeTextAllowed: false });
    expect(bad.problems.map((p) => p.field)).toEqual(['q1', 'q2']);
    expect(bad.problems[0]!.message).toMatch(/Svar saknas/);
  });

  it('never accepts anything but a step of the scale, whatever is posted', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('q1', 'q2', 'fritext', 'x'), fc.string({ maxLength: 30 })), (form) => {
        const r = parseAnswerForm(statements, form, { freeTextAllowed: true });
        for (const [id, step] of r.answers) {
          const s = statements.find((x) => x.id === id)!;
          expect(step === null || (Number.isInteger(step) && step >= 0 && step < s.scale.length)).toBe(true);
        }
        expect(r.answers.size + r.problems.filter((p) => p.field !== 'fritext').length).toBe(2);
      }),
    );
  });

  it('refuses free text with a personnummer, or where the set has no free-text question', () => {
    expect(parseAnswerForm(statements, { q1: '1', q2: '1', fritext: 'Jag är 19121212-1212' }, { freeTextAllowed: true }).problems[0]!.message).toMatch(/personnummer/);
    expect(parseAnswerForm(statements, { q1: '1', q2: '1', fritext: 'Hej' }, { freeTextAllowed: false }).problems[0]!.message).toMatch(/ingen fritextfråga/);
    expect(parseAnswerForm(statements, { q1: '1', q2: '1', fritext: ' Bra ' }, { freeTextAllowed: true }).freeText).toBe('Bra');
  });
});

describe('sets', () => {
  it('the staff set has 11 statements on the two six-step scales', () => {
    expect(staffSet2025.statements).toHaveLength(11);
    expect(staffSet2025.statements.filter((s) => s.scale === frequencyScale)).toHaveLength(4);
    expect(staffSet2025.statements.filter((s) => s.scale === extentScale)).toHaveLength(7);
  });

  it('set ids and keys', () => {
    expect(parseSetId('insatspersonal-v1')).toEqual({ key: 'insatspersonal', version: 1 });
    expect(parseSetId('styrelse-sjalvskattning')).toEqual({ key: 'styrelse-sjalvskattning', version: null });
    expect(parseSetId('Ö!')).toBeNull();
    expect(keyFromName('Deltagare – pågående (2026)')).toBe('deltagare-pagaende-2026');
  });

  it('statement lines: named and own scales, errors name the line, and round-trip', () => {
    const r = parseStatementLines('Samverkan | A | Jag blir lyssnad på | Folk lyssnar på mig\n\nX | Ja; Nej | Fungerar det?\nfel rad');
    expect(r.statements).toEqual([
      { indicator: 'Samverkan', text: 'Jag blir lyssnad på', easyText: 'Folk lyssnar på mig', scale: [...frequencyScale] },
      { indicator: 'X', text: 'Fungerar det?', easyText: null, scale: ['Ja', 'Nej'] },
    ]);
    expect(r.problems).toEqual([expect.objectContaining({ line: 4 })]);
    expect(parseStatementLines(statementLines(r.statements)).statements).toEqual(r.statements);
  });
});
