import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../errors.ts';
import { assertValidMarkup, markupProblems, parseInline, parseMarkup } from './markup.ts';

describe('narrative markup', () => {
  it('parses paragraphs, headings, lists, bold, italic and links into document blocks', () => {
    const blocks = parseMarkup('# Rubrik\n\nFörsta raden\nfortsätter här med **fet** och *kursiv* text.\n\n- ett\n- två\n\n1. först\n2. sedan\n\nSe [webbplatsen](https://example.se).', { headingLevel: 3 });
    expect(blocks).toEqual([
      { kind: 'heading', level: 3, text: 'Rubrik', excludeFromToc: true },
      {
        kind: 'paragraph',
        runs: [
          { kind: 'text', text: 'Första raden fortsätter här med ' },
          { kind: 'text', text: 'fet', bold: true },
          { kind: 'text', text: ' och ' },
          { kind: 'text', text: 'kursiv', italic: true },
          { kind: 'text', text: ' text.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'ett' }], [{ kind: 'text', text: 'två' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'först' }], [{ kind: 'text', text: 'sedan' }]] },
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Se ' }, { kind: 'link', text: 'webbplatsen', href: 'https://example.se' }, { kind: 'text', text: '.' }] },
    ]);
  });

  it('reads unmatched markers and unsafe links as plain text', () => {
    expect(parseInline('2 * 3 = 6 och **ingen')).toEqual([{ kind: 'text', text: '2 * 3 = 6 och **ingen' }]);
    expect(parseInline('[klicka](javascript:alert(1))')).toEqual([{ kind: 'text', text: 'klicka)' }]);
  });

  it('refuses HTML with a Swedish message naming the line', () => {
    const problems = markupProblems('Rad ett\n<b>fet</b>', 'body');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'body', line: 2 });
    expect(problems[0]!.message).toMatch(/^Texten innehåller HTML/);
    expect(() => assertValidMarkup('<img src=x onerror=alert(1)>', 'body')).toThrow(InputError);
    expect(markupProblems('Se &lt;b&gt;', 'body')).toHaveLength(1);
  });

  it('refuses a personnummer', () => {
    const problems = markupProblems('Deltagaren 19811218-9876 har fått arbete.', 'body');
    expect(problems.map((p) => p.message).join(' ')).toMatch(/personnummer/);
  });

  it('refuses links other than http, https and mailto', () => {
    expect(markupProblems('[x](javascript:alert(1))', 'body')[0]!.message).toMatch(/Länken/);
    expect(markupProblems('[x](mailto:kansli@example.se) och [y](https://example.se/a)', 'body')).toEqual([]);
  });

  it('never fails and never yields text with markup syntax it understood (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const blocks = parseMarkup(s);
        for (const b of blocks) {
          const runs = b.kind === 'paragraph' ? b.runs : b.kind === 'list' ? b.items.flat() : [];
          for (const r of runs) if (r.kind === 'link') expect(r.href).toMatch(/^(https?:\/\/|mailto:)/i);
        }
      }),
    );
  });

  it('a text without HTML-like or identity content is accepted, and any text containing a tag is refused (property)', () => {
    const safe = fc.string({ maxLength: 200 }).map((s) => s.replace(/[<>&]/g, '').replace(/\d/g, ''));
    fc.assert(
      fc.property(safe, (s) => {
        expect(markupProblems(s, 'body')).toEqual([]);
      }),
    );
    const tag = fc.constantFrom('<p>', '<script>', '</div>', '<a href="x">', '<!-- x -->', '<br/>', '< b >');
    fc.assert(
      fc.property(safe, tag, safe, (a, t, b) => {
        expect(markupProblems(`${a}${t}${b}`, 'body').some((p) => p.message.startsWith('Texten innehåller HTML'))).toBe(true);
      }),
    );
  });
});
