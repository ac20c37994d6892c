import iconv from 'iconv-lite';

/**
 * SIE files are specified in IBM PC-8 (code page 437), but real programs also write UTF-8 and Latin-1 (often
 * still declaring `#FORMAT PC8`). The encoding is decided per line, because files mixing them exist (the SIE
 * group's own example file has a Latin-1 "ö" inside a PC-8 file):
 *   - only ASCII bytes: plain ASCII;
 *   - a valid UTF-8 sequence of multi-byte characters: UTF-8;
 *   - any byte 0x80–0x9F (PC-8's å ä ö Å Ä Ö é ü …; control characters in Latin-1): PC-8;
 *   - otherwise Latin-1 (å ä ö are 0xE5 0xE4 0xF6 there; in PC-8 those bytes are Greek letters and ÷).
 */
/** Code page 437's characters for bytes 0x80–0xFF (from iconv-lite's table, built once). */
const CP437_HIGH: readonly string[] = Array.from(iconv.decode(Buffer.from(Array.from({ length: 128 }, (_, i) => 128 + i)), 'cp437'));

export type LineEncoding = 'ascii' | 'utf8' | 'cp437' | 'latin1';

export function detectLineEncoding(buf: Uint8Array, start = 0, end = buf.length): LineEncoding {
  let i = start;
  while (i < end && buf[i]! < 0x80) i++;
  if (i === end) return 'ascii';
  if (isValidUtf8(buf, i, end)) return 'utf8';
  for (let j = i; j < end; j++) {
    const b = buf[j]!;
    if (b >= 0x80 && b <= 0x9f) return 'cp437';
  }
  return 'latin1';
}

/** True when bytes [start, end) are well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF). */
export function isValidUtf8(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else return false;
    if (i + need >= end) return false;
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return false;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += need + 1;
  }
  return true;
}

export function decodeLine(buf: Buffer, start = 0, end = buf.length): string {
  switch (detectLineEncoding(buf, start, end)) {
    case 'ascii':
    case 'latin1':
      return buf.toString('latin1', start, end);
    case 'utf8':
      return buf.toString('utf8', start, end);
    case 'cp437':
      return decodeCp437(buf, start, end);
  }
}

/** Code page 437 text: runs of ASCII bytes sliced as they are, each byte ≥ 0x80 mapped through the table. */
function decodeCp437(buf: Buffer, start: number, end: number): string {
  let out = '';
  let from = start;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    if (b >= 0x80) {
      if (from < i) out += buf.toString('latin1', from, i);
      out += CP437_HIGH[b - 0x80]!;
      from = i + 1;
    }
  }
  return from < end ? out + buf.toString('latin1', from, end) : out;
}

/** Encodes text as PC-8 (code page 437), the encoding the SIE specification prescribes. */
export function encodeCp437(text: string): Buffer {
  return iconv.encode(text, 'cp437');
}
