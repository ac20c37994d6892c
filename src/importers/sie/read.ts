import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { isAscii } from 'node:buffer';
import { decodeLine } from './encoding.ts';
import { SieParser } from './parser.ts';
import type { SieRecord } from './records.ts';

/** Longest line accepted; a longer one is reported and skipped, so memory stays bounded on any input. */
export const MAX_LINE_BYTES = 64 * 1024;

/**
 * How many accounts, dimensions and objects one file may declare. A förbund's chart of accounts has a few
 * hundred accounts and objects; a file with millions of #KONTO lines is refused at the first one over the
 * limit instead of filling memory (and the mapping page) with them.
 */
export const sieLimits = { accounts: 20_000, dimensions: 100, objects: 100_000 } as const;

export type SieSource = string | Readable;

/** Lines per batch of records at most (a chunk of the stream holds several thousand). */
const LINES_PER_BATCH = 500;

/** One-character lines ("{", "}") as shared strings. */
const ONE_CHAR: readonly string[] = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i));

/**
 * The text of the line in bytes [start, end) (its LF and a trailing CR already cut off), decoded by its own
 * encoding (see encoding.ts); `ascii` says the whole chunk is ASCII, which spares the per-line detection.
 */
function lineText(buf: Buffer, start: number, end: number, ascii: boolean): string {
  if (end - start === 1 && buf[start]! < 0x80) return ONE_CHAR[buf[start]!]!;
  return ascii ? buf.toString('latin1', start, end) : decodeLine(buf, start, end);
}

/**
 * Feeds a byte stream to the parser line by line (LF or CRLF; the three encodings are ASCII-compatible, so
 * splitting bytes is safe) and collects the records of each chunk. Brace lines and plain #TRANS and #VER lines
 * are parsed straight from the bytes (SieParser.pushBrace, pushPlainTransaction, pushPlainVoucher; see
 * fast-path.test.ts for their equivalence); every other line is decoded and given to pushLine.
 */
async function* parseLines(source: Readable, parser: SieParser): AsyncGenerator<SieRecord[]> {
  const tooLong = (line: number) => parser.problem(line, `Raden är längre än ${MAX_LINE_BYTES} byte.`);
  let carry: Buffer | null = null;
  let lineNo = 0;
  let skipping = false; // inside an over-long line: drop bytes until its end
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    let buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      carry = null;
    }
    let records: SieRecord[] = [];
    const ascii = isAscii(buf);
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      lineNo++;
      // A batch every LINES_PER_BATCH lines, so that a consumer can let others at the event loop between them.
      if (lineNo % LINES_PER_BATCH === 0 && records.length) {
        yield records;
        records = [];
      }
      let end = nl;
      if (end > start && buf[end - 1] === 13) end--;
      if (skipping) {
        skipping = false;
        parser.pushLine('', lineNo);
      } else if (end - start > MAX_LINE_BYTES) {
        tooLong(lineNo);
        parser.pushLine('', lineNo);
      } else if (end - start === 1 && (buf[start] === 123 || buf[start] === 125)) {
        const r = parser.pushBrace(buf[start] === 125, lineNo);
        if (r) records.push(r);
      } else if (!parser.pushPlainTransaction(buf, start, end, lineNo) && !parser.pushPlainVoucher(buf, start, end, lineNo)) {
        const r = parser.pushLine(lineText(buf, start, end, ascii), lineNo);
        if (r) records.push(r);
      }
      start = nl + 1;
    }
    if (start < buf.length) {
      if (skipping) {
        // keep dropping
      } else if (buf.length - start > MAX_LINE_BYTES) {
        tooLong(lineNo + 1);
        skipping = true;
      } else carry = Buffer.from(buf.subarray(start));
    }
    if (records.length) yield records;
  }
  if (carry && carry.length) {
    lineNo++;
    let end = carry.length;
    if (carry[end - 1] === 13) end--;
    const r = parser.pushLine(decodeLine(carry, 0, end), lineNo);
    if (r) yield [r];
  }
}

export function sourceName(source: SieSource): string {
  return typeof source === 'string' ? basename(source) : 'SIE-fil';
}

function openSource(source: SieSource): Readable {
  return typeof source === 'string' ? createReadStream(source, { highWaterMark: 256 * 1024 }) : source;
}

/**
 * Streams an SIE file: yields its records in batches (of at most about 500 lines), never holding the file in
 * memory. The parser's problems are on `parser.problems` once the iteration ends.
 */
export async function* readSie(source: SieSource, parser: SieParser): AsyncGenerator<SieRecord[]> {
  yield* parseLines(openSource(source), parser);
  parser.finish();
}

/** Reads a whole (small) SIE file into records and problems; for tests and tools, not for imports. */
export async function parseSieAll(source: SieSource, fileName?: string): Promise<{ records: SieRecord[]; parser: SieParser }> {
  const parser = new SieParser(fileName ?? sourceName(source));
  const records: SieRecord[] = [];
  for await (const batch of readSie(source, parser)) records.push(...batch);
  return { records, parser };
}
