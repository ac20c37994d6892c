import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeLine } from './encoding.ts';
import { SieParser } from './parser.ts';
import { parseSieAll } from './read.ts';
import type { SieRecord } from './records.ts';
import { generateSie } from './testing/generate.ts';
import { applyMutation, mutationArb } from './testing/mutations.ts';

/**
 * The reader parses plain #TRANS and #VER lines straight from their bytes (SieParser.pushPlainTransaction,
 * pushPlainVoucher, pushBrace). The reference here decodes every line and gives it to pushLine, the general
 * path: both must give the same records and the same problems for any input.
 */
function textPath(file: Buffer): { records: SieRecord[]; problems: unknown[] } {
  const parser = new SieParser('f.se');
  const records: SieRecord[] = [];
  let start = 0;
  let line = 0;
  while (start < file.length) {
    let nl = file.indexOf(10, start);
    if (nl === -1) nl = file.length;
    let end = nl;
    if (end > start && file[end - 1] === 13) end--;
    const r = parser.pushLine(decodeLine(file, start, end), ++line);
    if (r) records.push(r);
    start = nl + 1;
  }
  parser.finish();
  return { records, problems: parser.problems };
}

async function bytePath(file: Buffer, chunkSize: number): Promise<{ records: SieRecord[]; problems: unknown[] }> {
  const chunks = Array.from({ length: Math.ceil(file.length / chunkSize) }, (_, i) => file.subarray(i * chunkSize, (i + 1) * chunkSize));
  const { records, parser } = await parseSieAll(Readable.from(chunks), 'f.se');
  return { records, problems: parser.problems };
}

const base = generateSie({ transactionRows: 60, checksum: false });

/** #TRANS and #VER lines built field by field from valid values and every kind of near miss. */
const sep = fc.constantFrom(' ', ' ', '\t', '', '  ', '\r');
const lead = fc.constantFrom('', '', ' ', '\t', '\r');
const transLine = fc
  .tuple(
    lead,
    fc.constantFrom('#TRANS', '#TRANS', '#RTRANS', '#TRANSX', '#trans'),
    sep,
    fc.constantFrom('1930', '0930', '7', '12345678901', '19a0', '', '"1930"'),
    sep,
    fc.constantFrom('{}', '{ }', '{1 "Nord"}', '{6 P01}', '{1 "a\\"b"}', '{1 "L\u00f6n"}', '{1 "x"y}', '{1 {2}', '{1', '', '{1\t"Nord" }', '{1 "N\u0084rd"}', '{1}', '{\\1 2}'),
    sep,
    fc.constantFrom('-12.50', '1,5', '3.', '.5', '1.234', '+1', '-0.00', '-0', '9999999999999999', '100', '1.0x', '', '-'),
    fc.constantFrom('', ' ', '\r', ' 20250131', ' 20250131 "text"', ' x', '}', '\t\r', '{'),
  )
  .map((parts) => parts.join(''));
const verLine = fc
  .tuple(
    lead,
    fc.constantFrom('#VER', '#VER', '#VERX'),
    sep,
    fc.constantFrom('A', '""', '"A B"', 'A"', '{', '', '\u00c4'),
    sep,
    fc.constantFrom('1', '"17"', '', '1{'),
    sep,
    fc.constantFrom('20250131', '20250230', '2025013', '"20250131"', '20250131x'),
    sep,
    fc.constantFrom('"L\u0094ner"', '"L\u00c3\u00b6ner"', '"L\u00f6ner"', '"a\\"b"', 'Text', '""', '"open', '"tab\there"', '', '"x"y'),
    fc.constantFrom('', ' 20250102', ' 2025010x', ' 20250102 sign', '\r', ' ""', ' 20250102\r', '\t20250102 \t'),
  )
  .map((parts) => parts.join(''));

describe('byte fast paths agree with the general text path', () => {
  it('on damaged generated files, for any chunking', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 0, maxLength: 3 }), fc.integer({ min: 1, max: 4096 }), async (mutations, chunkSize) => {
        const file = mutations.reduce(applyMutation, base);
        expect(await bytePath(file, chunkSize)).toEqual(textPath(file));
      }),
      { numRuns: 200 },
    );
  });

  it('on random #TRANS / #VER lines inside and outside vouchers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(transLine, transLine, verLine, fc.constantFrom('{', '}', '{', '}', ' }', '#VER A 1 20250101 "Text" 20250102', '#TRANS 1930 {} 1.00', '#KSUMMA')), { minLength: 1, maxLength: 14 }), async (lines) => {
        const file = Buffer.from(lines.join('\n'), 'latin1');
        expect(await bytePath(file, 64)).toEqual(textPath(file));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads PC-8, Latin-1 and UTF-8 voucher texts alike on both paths', async () => {
    const lines = ['#VER A 1 20250101 "L\u0094ner" 20250102', '{', '#TRANS 1930 {1 "Nord"} -1.00', '#TRANS 7010 {} 1.00', '}'];
    for (const encode of [(s: string) => Buffer.from(s, 'latin1'), (s: string) => Buffer.from(s.replace('\u0094', 'ö'), 'utf8'), (s: string) => Buffer.from(s.replace('\u0094', 'ö'), 'latin1')]) {
      const file = encode(lines.join('\r\n'));
      const fast = await bytePath(file, 1 << 16);
      expect(fast).toEqual(textPath(file));
      expect(fast.records[0]).toMatchObject({ type: 'voucher', text: 'Löner', transactions: [{ account: '1930', objects: { 1: 'Nord' }, amountOre: -100 }, { account: '7010', objects: null, amountOre: 100 }] });
    }
  });
});
