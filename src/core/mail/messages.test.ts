import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../errors.ts';
import { checkMailAddress } from './address.ts';
import { checkMailParams, compose, mailKinds, mailSubject } from './messages.ts';

const notice = { federationName: 'Förbund <T>', meetingTitle: 'Styrelsemöte & budget', meetingDate: '2026-05-12', place: 'Kommunhuset', agenda: ['Budget 2027', 'Övriga frågor'], link: 'https://samordna.example/f/1/moten/3' };

describe('messages', () => {
  it('write Swedish plain text with the same content as HTML, escaped', () => {
    const m = compose('meeting_notice', notice, '');
    expect(m.subject).toBe('Kallelse: Styrelsemöte & budget 2026-05-12');
    expect(m.text).toContain('Du kallas till Styrelsemöte & budget, Förbund <T>, 2026-05-12, Kommunhuset.');
    expect(m.text).toContain('- Budget 2027\n- Övriga frågor');
    expect(m.text).toContain('https://samordna.example/f/1/moten/3');
    expect(m.html).toContain('<html lang="sv">');
    expect(m.html).toContain('Förbund &lt;T&gt;');
    expect(m.html).toContain('<li>Övriga frågor</li>');
    expect(m.html).not.toContain('<T>');
  });

  it('put the one-time link only where the kind has one', () => {
    const inv = compose('invitation', { federationName: 'F', roleLabel: 'Kansli' }, 'https://s.example/inbjudan?t=abc');
    expect(inv.text).toContain('https://s.example/inbjudan?t=abc');
    expect(inv.html).toContain('href="https://s.example/inbjudan?t=abc"');
    // The subject is known when queued, without the link.
    expect(mailSubject('invitation', { federationName: 'F', roleLabel: 'Kansli' })).toBe(inv.subject);
  });

  it('every kind has a subject and a text', () => {
    for (const kind of mailKinds) {
      const m = compose(kind, { federationName: 'F', roleLabel: 'R', interventionName: 'I', periodLabel: 'kvartal 1 2026', dueOn: '2026-03-31', roundName: 'R', closesOn: '2026-05-31', months: 6, meetingTitle: 'M', meetingDate: '2026-05-12', place: '', agenda: [], link: 'https://x' } as never, 'https://x');
      expect(m.subject.length, kind).toBeGreaterThan(5);
      expect(m.text, kind).toContain('Samordna');
    }
  });

  it('the identity guard refuses a personnummer in any free-text part', () => {
    expect(() => checkMailParams({ ...notice, agenda: ['Ärende om 811228-9874'] })).toThrow(InputError);
    expect(() => checkMailParams({ ...notice, meetingTitle: 'Möte 19811228 9874' })).toThrow(InputError);
    expect(() => checkMailParams(notice)).not.toThrow();
    // A link is Samordna's own (a path and a random public token), not free text.
    expect(() => checkMailParams({ ...notice, link: 'https://s.example/e/8112289874' })).not.toThrow();
  });
});

describe('an address at entry', () => {
  it('normalises a good address and refuses what is not one', () => {
    expect(checkMailAddress('  Anna.Svensson@Kommun.SE ')).toBe('anna.svensson@kommun.se');
    for (const bad of ['', 'anna', 'anna@kommun', '@kommun.se', 'anna@@kommun.se', 'anna svensson@kommun.se', 'Anna <anna@kommun.se>', 'a@b.se\r\nBcc: x@y.se', 'a,b@c.se']) {
      expect(() => checkMailAddress(bad), bad).toThrow('Ange en giltig e-postadress.');
    }
    expect(() => checkMailAddress('anna.811228-9874@kommun.se')).toThrow(InputError);
  });

  it('never lets a line break, a space or an angle bracket through (random input)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        let out: string | null = null;
        try {
          out = checkMailAddress(s);
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        expect(out).toMatch(/^[^\s<>"]+@[^\s<>"]+\.[^\s<>"]+$/);
        expect(out.length).toBeLessThanOrEqual(254);
      }),
    );
  });
});
