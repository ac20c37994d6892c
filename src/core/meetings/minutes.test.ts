import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approve, assertNotAdjusted, decisionKind, nextParagraphNumber, parseMinutesInput, requiredApprovers } from './minutes.ts';
import { addDays, assertNoticeAllowed, isNoticeUp, noticePeriod } from './publicNotice.ts';
import { ConflictError, ForbiddenError, InputError } from '../errors.ts';

const items = [
  { id: 41, number: 1, title: 'Ansökan: Unga till arbete', applicationId: 7 },
  { id: 42, number: 2, title: 'Ekonomisk uppföljning', applicationId: null },
];
const base = { present: ['Anna Ordförande', 'Bo Ledamot'], chair: 'Anna Ordförande', secretary: 'Cecilia Sekreterare', adjusters: ['bo@example.se', 'Dan@Example.se'] };

describe('a protocol as typed', () => {
  it('numbers the paragraphs in order and reads the decisions', () => {
    const m = parseMinutesInput({ ...base, paragraphs: [{ item: 1, decision: 'Beviljas', amounts: [{ year: 2028, amount: 2 }, { year: 2027, amount: 1 }] }, { item: 2, decision: 'Informationen noteras.' }] }, items);
    expect(m.adjusters).toEqual(['bo@example.se', 'dan@example.se']);
    expect(m.paragraphs.map((p) => [p.number, p.kind, p.applicationId, p.itemId])).toEqual([[1, 'grant', 7, 41], [2, 'other', null, 42]]);
    expect(m.paragraphs[0]!.amounts).toEqual([{ year: 2027, amountOre: 100 }, { year: 2028, amountOre: 200 }]);
  });

  it('refuses one application decided twice, amounts on a rejection, a decision on an item without application, an unknown item', () => {
    const fields = (paragraphs: unknown[]) => {
      try {
        parseMinutesInput({ ...base, paragraphs }, items);
      } catch (e) {
        if (e instanceof InputError) return e.problems.map((p) => p.field);
      }
      return [];
    };
    expect(fields([{ item: 1, decision: 'beviljas' }, { item: 1, decision: 'avslås' }])).toEqual(['paragraphs[1].item']);
    expect(fields([{ item: 1, decision: 'avslås', amounts: [{ year: 2027, amount: 1 }] }])).toEqual(['paragraphs[0].amounts']);
    expect(fields([{ item: 2, decision: 'beviljas' }])).toEqual(['paragraphs[0].decision']);
    expect(fields([{ item: 9, decision: 'Noteras.' }])).toEqual(['paragraphs[0].item']);
  });

  it('needs two different justerare named by e-mail', () => {
    expect(() => parseMinutesInput({ ...base, adjusters: ['bo@example.se'], paragraphs: [{ item: 2, decision: 'x' }] }, items)).toThrow(InputError);
    expect(() => parseMinutesInput({ ...base, adjusters: ['bo@example.se', 'BO@example.se'], paragraphs: [{ item: 2, decision: 'x' }] }, items)).toThrow(InputError);
  });

  it('tells a decision from free text', () => {
    expect([decisionKind(' beviljas '), decisionKind('AVSLÅS'), decisionKind('Beviljas med villkor')]).toEqual(['grant', 'reject', 'other']);
  });
});

describe('justering', () => {
  it('is done by the named people only, each once, and locks after the last', () => {
    const state = { chair: 'Anna', adjusters: ['bo@example.se', 'dan@example.se'], approvedBy: [] as string[] };
    expect(() => approve(state, 'eva@example.se')).toThrow(ForbiddenError);
    expect(approve(state, 'BO@example.se').completes).toBe(false);
    expect(() => approve({ ...state, approvedBy: ['bo@example.se'] }, 'bo@example.se')).toThrow(ConflictError);
    expect(approve({ ...state, approvedBy: ['bo@example.se'] }, 'dan@example.se').completes).toBe(true);
    expect(() => approve({ ...state, approvedBy: ['bo@example.se', 'dan@example.se'] }, 'dan@example.se')).toThrow(ConflictError);
  });

  it('in any order, the protocol is justerat exactly at the last required approval', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.integer({ min: 0, max: 5 }), (chairByMail, seed) => {
        const state = { chair: chairByMail ? 'anna@example.se' : 'Anna', adjusters: ['bo@example.se', 'dan@example.se'] };
        const order = [...requiredApprovers(state)];
        for (let i = 0; i < seed; i++) order.push(order.shift()!);
        const approvedBy: string[] = [];
        order.forEach((who, i) => {
          expect(approve({ ...state, approvedBy }, who).completes).toBe(i === order.length - 1);
          approvedBy.push(who);
        });
        expect(order.length).toBe(chairByMail ? 3 : 2);
      }),
    );
  });

  it('a justerat protocol refuses change; a correction continues the numbering', () => {
    expect(() => assertNotAdjusted('2026-12-10T10:00:00Z')).toThrow(/ny paragraf/);
    expect(() => assertNotAdjusted(null)).not.toThrow();
    expect(nextParagraphNumber([1, 2, 5])).toBe(6);
  });
});

describe('anslag', () => {
  it('goes up the day of the justering and stays through three weeks', () => {
    expect(noticePeriod('2026-12-10')).toEqual({ firstDay: '2026-12-10', lastDay: '2026-12-31', latestPublication: '2026-12-12' });
    expect(noticePeriod('2027-02-20').lastDay).toBe('2027-03-13');
  });
  it('counts 21 calendar days across months, years and leap days', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const first = d.toISOString().slice(0, 10);
        const p = noticePeriod(first);
        expect((Date.parse(p.lastDay) - Date.parse(first)) / 86_400_000).toBe(21);
        expect(isNoticeUp(p, p.lastDay) && !isNoticeUp(p, addDays(p.lastDay, 1))).toBe(true);
      }),
    );
  });
  it('a meeting already held gets no new notice', () => {
    expect(() => assertNoticeAllowed('2026-12-01', '2026-12-07')).toThrow(ConflictError);
    expect(() => assertNoticeAllowed('2026-12-07', '2026-12-07')).not.toThrow();
  });
});
