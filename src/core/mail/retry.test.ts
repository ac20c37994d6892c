import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffSeconds, maxAttempts, nextStep, replyText } from './retry.ts';

describe('after an attempt', () => {
  it('a 250 is sent; a 5xx fails at once with the reply; a 4xx or no reply waits', () => {
    expect(nextStep({ ok: true, reply: '250 OK' }, 1)).toEqual({ state: 'sent', reply: '250 OK' });
    expect(nextStep({ ok: false, code: 550, reply: '550 5.1.1 No such user' }, 1)).toEqual({ state: 'failed', reply: '550 5.1.1 No such user' });
    expect(nextStep({ ok: false, code: 451, reply: '451 later' }, 1)).toEqual({ state: 'pending', retryInSeconds: 60, reply: '451 later' });
    expect(nextStep({ ok: false, code: null, reply: 'ECONNECTION' }, 2)).toEqual({ state: 'pending', retryInSeconds: 120, reply: 'ECONNECTION' });
  });

  it('gives up after the last attempt', () => {
    expect(nextStep({ ok: false, code: 421, reply: '421' }, maxAttempts - 1).state).toBe('pending');
    expect(nextStep({ ok: false, code: 421, reply: '421' }, maxAttempts).state).toBe('failed');
  });

  it('waits twice as long each time, never more than six hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), (n) => {
        expect(backoffSeconds(n + 1)).toBeGreaterThanOrEqual(backoffSeconds(n));
        expect(backoffSeconds(n)).toBeLessThanOrEqual(6 * 3600);
        if (backoffSeconds(n + 1) < 6 * 3600) expect(backoffSeconds(n + 1)).toBe(2 * backoffSeconds(n));
      }),
    );
  });

  it('stores a reply as one line of at most 500 characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (s) => {
        const r = replyText(s);
        expect(r.length).toBeLessThanOrEqual(500);
        expect(r).not.toMatch(/[\r\n\u0000]/);
      }),
    );
  });
});
