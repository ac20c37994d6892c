/**
 * One SIE line split into its label and fields (SIE 4B §5): fields are separated by spaces or tabs; a field
 * may be quoted ("…", a quote inside written \"); an object list is written in braces { dim obj dim obj }.
 * A backslash not followed by a quote is an ordinary character (Windows paths in #FNR).
 */
export type SieField = string | readonly string[];

export interface SieLine {
  /** "#TRANS", "{", "}" … ; "" for an empty line. */
  readonly label: string;
  readonly fields: readonly SieField[];
  /** A quoted field ran to the end of the line without its closing quote (a broken or cut-off line). */
  readonly unterminated?: boolean;
}

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === 13 || c === 10 || c === 0;
}

export function tokenizeLine(line: string): SieLine {
  const n = line.length;
  let i = 0;
  const fields: SieField[] = [];
  let list: string[] | null = null;
  let label: string | null = null;
  let unterminated = false;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    let token: string;
    if (c === OPEN && label !== null) {
      list = [];
      i++;
      continue;
    } else if (c === CLOSE && list) {
      fields.push(list);
      list = null;
      i++;
      continue;
    } else if (c === QUOTE) {
      i++;
      let out = '';
      let from = i;
      while (i < n) {
        const d = line.charCodeAt(i);
        if (d === BACKSLASH && line.charCodeAt(i + 1) === QUOTE) {
          out += line.slice(from, i) + '"';
          i += 2;
          from = i;
        } else if (d === QUOTE) break;
        else i++;
      }
      token = out + line.slice(from, i);
      if (i >= n) unterminated = true;
      i++; // closing quote
    } else {
      const from = i;
      while (i < n) {
        const d = line.charCodeAt(i);
        if (isBlank(d) || (list && (d === CLOSE || d === QUOTE))) break;
        if (label !== null && !list && d === OPEN) break;
        i++;
      }
      token = line.slice(from, i);
    }
    if (label === null) label = token;
    else if (list) list.push(token);
    else fields.push(token);
  }
  if (list) {
    fields.push(list); // an object list left open at the end of the line
    unterminated = true;
  }
  return unterminated ? { label: label ?? '', fields, unterminated } : { label: label ?? '', fields };
}
