import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { isAscii } from 'node:buffer';
import { decodeLine } from './encoding.ts';
import { SieParser } from './parser.ts';
import type { SieRecord } from './records.ts';

/** Longest line accepted; a longer one is reported and skipped, so memory stays bounded on any input. */
export const MAX_LINE_BYTES = 64 * 1024;
const HIGH = /[\x80-\xff]/;

export type SieSource = string | Readable;

/**
 * Splits a byte stream into lines (LF or CRLF; the three encodings are ASCII-compatible, so splitting bytes
 * is safe) and decodes each line (see encoding.ts). Yields the lines of each chunk together, with line numbers.
 */
export async function* readLines(source: Readable, onTooLong: (line: number) => void): AsyncGenerator<{ texts: string[]; firstLine: number }> {
  let carry: Buffer | null = null;
  let lineNo = 0;
  let skipping = false; // inside an over-long line: drop bytes until its end
  for await (const chunk of source as AsyncIterable<Buffer | string>) {
    let buf: Buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      carry = null;
    }
    const texts: string[] = [];
    const firstLine = lineNo + 1;
    let start = 0;
    const lastNl = buf.lastIndexOf(10);
    if (!skipping && lastNl !== -1) {
      // Fast path: the chunk's whole lines are split at once as Latin-1 text (one byte per character, so
      // offsets are byte offsets); only lines with bytes ≥ 0x80 are decoded again by their own encoding.
      const ascii = isAscii(buf.subarray(0, lastNl));
      const lines = buf.toString('latin1', 0, lastNl).split('\n');
      let offset = 0;
      for (let l of lines) {
        lineNo++;
        const len = l.length;
        if (len > MAX_LINE_BYTES) {
          onTooLong(lineNo);
          l = '';
        } else if (!ascii && HIGH.test(l)) {
          l = decodeLine(buf, offset, offset + (l.charCodeAt(len - 1) === 13 ? len - 1 : len));
        }
        // A trailing CR stays: the tokenizer treats it as a blank.
        texts.push(l);
        offset += len + 1;
      }
      start = lastNl + 1;
    }
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl === -1) break;
      lineNo++;
      if (skipping) {
        skipping = false;
        texts.push('');
      } else {
        let end = nl;
        if (end > start && buf[end - 1] === 13) end--;
        texts.push(end - start > MAX_LINE_BYTES ? (onTooLong(lineNo), '') : decodeLine(buf, start, end));
      }
      start = nl + 1;
    }
    if (start < buf.length) {
      if (skipping) {
        // keep dropping
      } else if (buf.length - start > MAX_LINE_BYTES) {
        onTooLong(lineNo + 1);
        skipping = true;
      } else carry = Buffer.from(buf.subarray(start));
    }
    if (texts.length) yield { texts, firstLine };
  }
  if (carry && carry.length) {
    lineNo++;
    let end = carry.length;
    if (carry[end - 1] === 13) end--;
    yield { texts: [decodeLine(carry, 0, end)], firstLine: lineNo };
  } else if (skipping) lineNo++;
}

export function sourceName(source: SieSource): string {
  return typeof source === 'string' ? basename(source) : 'SIE-fil';
}

function openSource(source: SieSource): Readable {
  return typeof source === 'string' ? createReadStream(source, { highWaterMark: 256 * 1024 }) : source;
}

/**
 * Streams an SIE file: yields its records in batches (one batch per chunk read), never holding the file in
 * memory. The parser's problems are on `parser.problems` once the iteration ends.
 */
export async function* readSie(source: SieSource, parser: SieParser): AsyncGenerator<SieRecord[]> {
  const stream = openSource(source);
  for await (const { texts, firstLine } of readLines(stream, (line) => parser.problem(line, `Raden är längre än ${MAX_LINE_BYTES} byte.`))) {
    const records: SieRecord[] = [];
    for (let i = 0; i < texts.length; i++) {
      const r = parser.pushLine(texts[i]!, firstLine + i);
      if (r) records.push(r);
    }
    if (records.length) yield records;
  }
  parser.finish();
}

/** Reads a whole (small) SIE file into records and problems; for tests and tools, not for imports. */
export async function parseSieAll(source: SieSource, fileName?: string): Promise<{ records: SieRecord[]; parser: SieParser }> {
  const parser = new SieParser(fileName ?? sourceName(source));
  const records: SieRecord[] = [];
  for await (const batch of readSie(source, parser)) records.push(...batch);
  return { records, parser };
}
