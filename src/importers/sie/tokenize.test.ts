import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeLine } from './tokenize.ts';

describe('tokenizeLine', () => {
  it('splits label, plain and quoted fields and object lists', () => {
    expect(tokenizeLine('#TRANS 7010 {"1" "456" "7" "47"} 13200.00')).toEqual({ label: '#TRANS', fields: ['7010', ['1', '456', '7', '47'], '13200.00'] });
    expect(tokenizeLine('#TRANS 1910 {} -195.00')).toEqual({ label: '#TRANS', fields: ['1910', [], '-195.00'] });
    expect(tokenizeLine('#TRANS 1910 { } -195.00')).toEqual({ label: '#TRANS', fields: ['1910', [], '-195.00'] });
    expect(tokenizeLine('#KONTO 1915 "Kassa \\"special\\""')).toEqual({ label: '#KONTO', fields: ['1915', 'Kassa "special"'] });
    expect(tokenizeLine('#FNR "C:\\ProgramData\\F\u00f6retag"')).toEqual({ label: '#FNR', fields: ['C:\\ProgramData\\F\u00f6retag'] });
    expect(tokenizeLine('#VER "" "" 20250101 "Porto"')).toEqual({ label: '#VER', fields: ['', '', '20250101', 'Porto'] });
  });
  it('handles tabs, trailing spaces and carriage returns', () => {
    expect(tokenizeLine('\t#IB\t0  1930\t100.00   \r')).toEqual({ label: '#IB', fields: ['0', '1930', '100.00'] });
    expect(tokenizeLine('   ')).toEqual({ label: '', fields: [] });
    expect(tokenizeLine('{')).toEqual({ label: '{', fields: [] });
  });
  it('flags a quote or object list left open', () => {
    expect(tokenizeLine('#KONTO 3410 "Driftb').unterminated).toBe(true);
    expect(tokenizeLine('#TRANS 4610 {6 "P01" ').unterminated).toBe(true);
  });
  it('reads back any fields written with quotes and escapes (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'ö', ' ', '"', '\\', '{', '}', '1', '\t', '#') });
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), (fields) => {
      // A backslash directly before the closing quote would read as an escaped quote; SIE cannot write that.
      fc.pre(fields.every((f) => !f.endsWith('\\')));
      const line = '#X ' + fields.map((f) => `"${f.replace(/"/g, '\\"')}"`).join(' ');
      expect(tokenizeLine(line).fields).toEqual(fields);
    }));
  });
  it('never throws on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string(), (s) => { tokenizeLine(s); }));
  });
});
