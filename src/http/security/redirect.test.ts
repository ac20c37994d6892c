import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeNext } from './redirect.ts';

describe('safeNext: where a login may send the user', () => {
  it('keeps plain paths on this site', () => {
    expect(safeNext('/f/2/audit?x=1')).toBe('/f/2/audit?x=1');
    expect(safeNext('/f/2/ar/2025/driftredovisning#tabell')).toBe('/f/2/ar/2025/driftredovisning#tabell');
  });

  it.each([
    '//evil.example/x',
    'https://evil.example',
    '/\\evil.example',
    '/\t/evil.example/x', // the issue's /login?next=/%09/host/x: a browser drops the tab and goes off-site
    '/\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/\r\n/evil.example',
    'javascript:alert(1)',
    '/\u0000/x',
    '',
    '/f/\\\\evil',
  ])('sends %j home instead', (next) => {
    expect(safeNext(next)).toBe('/');
  });

  it('drops line breaks (no header injection) and stays on the site', () => {
    expect(safeNext('/x\nSet-Cookie: a=b')).toBe('/xSet-Cookie:%20a=b');
  });

  it('never returns anything but a same-site path without control characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const r = safeNext(s);
        expect(r).toMatch(/^\/(?![/\\])/);
        expect(r).not.toMatch(/[\u0000-\u001f\u007f\\]/);
        expect(new URL(r, 'https://samordna.example').origin).toBe('https://samordna.example');
      }),
    );
  });
});
