import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeLine, detectLineEncoding } from './encoding.ts';

const text = '#KONTO 2920 "Semesterlöneskuld, ÅÄÖ åäö é"';

describe('decodeLine', () => {
  it.each([
    ['cp437', iconv.encode(text, 'cp437')],
    ['utf8', Buffer.from(text, 'utf8')],
    ['latin1', Buffer.from(text, 'latin1')],
  ] as const)('detects %s and gets å ä ö right', (enc, buf) => {
    expect(detectLineEncoding(buf)).toBe(enc);
    expect(decodeLine(buf)).toBe(text);
  });
  it('treats pure ASCII as ASCII', () => expect(detectLineEncoding(Buffer.from('#IB 0 1930 1.00'))).toBe('ascii'));
  it('decodes Swedish text in any of the three encodings (property)', () => {
    const swedish = fc.string({ unit: fc.constantFrom(...'abcåäöÅÄÖé 0123"#'.split('')), minLength: 1 });
    fc.assert(fc.property(swedish, fc.constantFrom('cp437', 'utf8', 'latin1'), (s, enc) => {
      const buf = enc === 'cp437' ? iconv.encode(s, 'cp437') : Buffer.from(s, enc as BufferEncoding);
      expect(decodeLine(buf)).toBe(s);
    }));
  });
});
