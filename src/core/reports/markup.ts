/**
 * The narrative texts' markup: a small, safe Markdown subset, parsed here into the document model's blocks.
 *
 *   # Rubrik / ## Underrubrik     headings (inside the chapter: one or two levels below it)
 *   tom rad                       new paragraph (lines of one paragraph are joined with a space)
 *   - punkt  eller  * punkt       bullet list
 *   1. punkt                      numbered list
 *   **fet**, *kursiv*             emphasis
 *   [text](https://…)             link (http, https or mailto only)
 *
 * Nothing else has a meaning: other characters are text. Raw HTML is refused (not escaped), and so is a
 * personnummer or samordningsnummer (src/core/privacy). Pure: no I/O.
 */
import { InputError, type InputProblem } from '../errors.ts';
import { identityProblems } from '../privacy/identityGuard.ts';
import type { Block, HeadingLevel, Inline } from '../documents/model.ts';

export const maxMarkupLength = 100_000;

export const markupHelp =
  'Tom rad ger nytt stycke. "# " och "## " ger rubriker, "- " punktlista, "1. " numrerad lista, ' +
  '**fet**, *kursiv* och [länktext](https://adress).';

const htmlTag = /<\s*\/?\s*[a-zA-Z!?][^>]*>|&#?[a-zA-Z0-9]+;/;

/** Problems with a text (empty when it may be saved): HTML, personnummer, length, bad links. */
export function markupProblems(source: string, field: string): InputProblem[] {
  const problems: InputProblem[] = [];
  if (source.length > maxMarkupLength) {
    problems.push({ field, message: `Texten är för lång (${source.length} tecken, högst ${maxMarkupLength}).` });
  }
  const lines = source.split(/\r\n|\r|\n/);
  lines.forEach((l, i) => {
    const m = htmlTag.exec(l);
    if (m) {
      problems.push({
        field,
        line: i + 1,
        message: `Texten innehåller HTML ("${m[0].slice(0, 40)}"), som inte får användas. Skriv med den enkla märkningen: ${markupHelp}`,
      });
    }
    for (const link of l.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)) {
      if (!safeHref(link[2]!)) {
        problems.push({ field, line: i + 1, message: `Länken "${link[2]}" är inte tillåten: bara adresser som börjar med https://, http:// eller mailto:.` });
      }
    }
  });
  for (const p of identityProblems(source, {}, field)) problems.push(p);
  return problems;
}

/** Throws InputError (Swedish, with line numbers) unless the text may be saved. */
export function assertValidMarkup(source: string, field: string): void {
  const problems = markupProblems(source, field);
  if (problems.length) throw new InputError(problems);
}

function safeHref(href: string): boolean {
  return /^(https?:\/\/[^\s<>"]+|mailto:[^\s<>"]+@[^\s<>"]+)$/i.test(href);
}

type Raw =
  | { kind: 'para'; lines: string[] }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'heading'; depth: 1 | 2; text: string };

/**
 * The blocks of a text. `headingLevel` is the level a "# " heading gets ("## " one deeper, at most 3).
 * Call assertValidMarkup first when the text comes from a user: this function never fails, it reads
 * anything as text.
 */
export function parseMarkup(source: string, opts: { headingLevel?: HeadingLevel } = {}): Block[] {
  const base = opts.headingLevel ?? 3;
  const raws: Raw[] = [];
  let current: Raw | null = null;
  const flush = () => {
    if (current) raws.push(current);
    current = null;
  };
  for (const rawLine of source.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/\s+$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    const h = /^\s{0,3}(#{1,2})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      raws.push({ kind: 'heading', depth: h[1]!.length as 1 | 2, text: h[2]!.replace(/\s*#+\s*$/, '') });
      continue;
    }
    const bullet = /^\s{0,3}[-*•]\s+(.*)$/.exec(line);
    const num = /^\s{0,3}\d{1,3}[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? num;
    if (item && !(bullet && /^\s{0,3}\*\*/.test(line) && !/^\s{0,3}\*\s/.test(line))) {
      const ordered = !bullet;
      const c = current as Raw | null;
      if (c && c.kind === 'list' && c.ordered === ordered) c.items.push(item[1]!);
      else {
        flush();
        current = { kind: 'list', ordered, items: [item[1]!] };
      }
      continue;
    }
    const c = current as Raw | null;
    if (c && c.kind === 'list' && /^\s+\S/.test(rawLine)) {
      // An indented continuation line belongs to the last item.
      c.items[c.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (c && c.kind === 'para') c.lines.push(line.trim());
    else {
      flush();
      current = { kind: 'para', lines: [line.trim()] };
    }
  }
  flush();
  return raws.map((r): Block => {
    if (r.kind === 'heading') return { kind: 'heading', level: Math.min(3, base + r.depth - 1) as HeadingLevel, text: plainText(parseInline(r.text)), excludeFromToc: true };
    if (r.kind === 'list') return { kind: 'list', ordered: r.ordered, items: r.items.map(parseInline) };
    return { kind: 'paragraph', runs: parseInline(r.lines.join(' ')) };
  });
}

function plainText(runs: readonly Inline[]): string {
  return runs.map((r) => ('text' in r && r.text !== undefined ? r.text : '')).join('');
}

/** Inline markup: **bold**, *italic*, [text](href). Unmatched markers are text. */
export function parseInline(s: string): Inline[] {
  const out: Inline[] = [];
  const push = (text: string, bold: boolean, italic: boolean) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.kind === 'text' && !!last.bold === bold && !!last.italic === italic) {
      out[out.length - 1] = { ...last, text: last.text + text };
      return;
    }
    out.push({ kind: 'text', text, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
  };
  const walk = (text: string, bold: boolean, italic: boolean) => {
    let i = 0;
    let plain = '';
    while (i < text.length) {
      const rest = text.slice(i);
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(rest);
      if (link) {
        if (safeHref(link[2]!)) {
          push(plain, bold, italic);
          plain = '';
          out.push({ kind: 'link', text: link[1]!, href: link[2]!, ...(bold ? { bold: true } : {}), ...(italic ? { italic: true } : {}) });
        } else plain += link[1];
        i += link[0].length;
        continue;
      }
      if (rest.startsWith('**')) {
        const end = rest.indexOf('**', 2);
        if (end > 2) {
          push(plain, bold, italic);
          plain = '';
          walk(rest.slice(2, end), true, italic);
          i += end + 2;
          continue;
        }
      } else if (rest.startsWith('*') && !rest.startsWith('* ')) {
        const end = findSingleStar(rest);
        if (end > 1) {
          push(plain, bold, italic);
          plain = '';
          walk(rest.slice(1, end), bold, true);
          i += end + 1;
          continue;
        }
      }
      plain += text[i];
      i++;
    }
    push(plain, bold, italic);
  };
  walk(s, false, false);
  return out;
}

function findSingleStar(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '*' && s[i + 1] !== '*' && s[i - 1] !== ' ') return i;
    if (s[i] === '*' && s[i + 1] === '*') i++;
  }
  return -1;
}
