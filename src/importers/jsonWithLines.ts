/**
 * A strict JSON parser (RFC 8259) that also records the line of every value by its path
 * ("years[1].budget[3].cost"), so importers can name file, line and field in their messages.
 */
import { formatNumber } from '../core/format.ts';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface ParsedJson {
  readonly value: Json;
  /** Line (1-based) where the value at a path starts; the root is "". */
  readonly lines: ReadonlyMap<string, number>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (parent ? `${parent}.${key}` : key) : `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Most values (numbers, texts, arrays, objects …) one file may hold. A reference file has a few hundred (the
 * Västmanland file 512); every value costs a path in `lines`, so a file of millions of tiny values ("[0,0,0,…")
 * is refused at the first one over instead of filling memory.
 */
export const MAX_JSON_VALUES = 100_000;

export function parseJsonWithLines(text: string, opts: { maxValues?: number } = {}): ParsedJson {
  const maxValues = opts.maxValues ?? MAX_JSON_VALUES;
  let values = 0;
  let i = 0;
  let line = 1;
  const lines = new Map<string, number>();
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const fail = (msg: string): never => {
    throw new JsonSyntaxError(msg, line);
  };
  const ws = () => {
    for (;;) {
      const c = src[i];
      if (c === '\n') line++;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };
  const expect = (ch: string) => {
    if (src[i] !== ch) fail(src[i] === undefined ? `Filen tar slut, väntade "${ch}".` : `Väntade "${ch}" men fann "${src[i]}".`);
    i++;
  };
  const str = (): string => {
    expect('"');
    let out = '';
    for (;;) {
      const c = src[i];
      if (c === undefined) fail('Filen tar slut inne i en text.');
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || c!.charCodeAt(0) < 0x20) fail('Otillåtet tecken inne i en text.');
      if (c === '\\') {
        const e = src[i + 1];
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e === 'u') {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Felaktig \\u-escape.');
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && e in map) {
          out += map[e];
          i += 2;
        } else fail('Felaktig escape i en text.');
      } else {
        // A run of plain characters in one slice (a character at a time would build a rope of millions of
        // pieces for a long text).
        let j = i + 1;
        while (j < src.length) {
          const k = src.charCodeAt(j);
          if (k === 0x22 || k === 0x5c || k < 0x20) break;
          j++;
        }
        out += src.slice(i, j);
        i = j;
      }
    }
  };
  const num = (): number => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
    if (!m) fail(`Oväntat tecken "${src[i]}".`);
    i += m![0].length;
    return Number(m![0]);
  };
  const value = (path: string, depth: number): Json => {
    if (depth > 200) fail('För djupt nästlad JSON.');
    if (++values > maxValues) fail(`Filen har fler än ${formatNumber(maxValues)} värden.`);
    ws();
    lines.set(path, line);
    const c = src[i];
    if (c === '{') {
      i++;
      const obj: { [k: string]: Json } = {};
      ws();
      if (src[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        ws();
        const k = str();
        ws();
        expect(':');
        if (Object.prototype.hasOwnProperty.call(obj, k)) fail(`Nyckeln "${k}" förekommer två gånger.`);
        Object.defineProperty(obj, k, { value: value(joinPath(path, k), depth + 1), enumerable: true, writable: true, configurable: true });
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return obj;
      }
    }
    if (c === '[') {
      i++;
      const arr: Json[] = [];
      ws();
      if (src[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(joinPath(path, arr.length), depth + 1));
        ws();
        if (src[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return arr;
      }
    }
    if (c === '"') return str();
    if (src.startsWith('true', i)) return (i += 4), true;
    if (src.startsWith('false', i)) return (i += 5), false;
    if (src.startsWith('null', i)) return (i += 4), null;
    if (c === undefined) fail('Filen tar slut, väntade ett värde.');
    return num();
  };
  const v = value('', 0);
  ws();
  if (i < src.length) fail(`Oväntat innehåll efter slutet: "${src.slice(i, i + 10)}".`);
  return { value: v, lines };
}
