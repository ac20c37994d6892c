/**
 * Reading rendered documents back in tests: the paragraphs of a DOCX (from word/document.xml, unzipped with fflate),
 * and a PDF through poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm). Tests that need poppler skip with a
 * message when it is missing (CI installs it and then requires it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect } from 'vitest';

export const popplerAvailable = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
if (!popplerAvailable) {
  const msg = 'poppler-utils saknas (apt-get install poppler-utils): PDF-kontrollerna med pdftotext/pdfinfo hoppas över.';
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
}

/** Whitespace (also no-break spaces) collapsed to one space, trimmed. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

/** The files of a DOCX (a zip) as text, by path. */
export function docxFiles(docx: Uint8Array): Record<string, string> {
  const files = unzipSync(docx);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d))).replace(/&amp;/g, '&');
}

/**
 * The text of each paragraph of word/document.xml in document order (tabs as "\t", field instructions left out).
 * `withToc: false` leaves out the table of contents' generated entries (the w:sdt it is in).
 */
export function docxParagraphs(documentXml: string, opts: { withToc?: boolean } = {}): string[] {
  let xml = documentXml;
  if (!opts.withToc) xml = xml.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, '');
  xml = xml.replace(/<w:instrText[^>]*>[\s\S]*?<\/w:instrText>/g, '');
  const out: string[] = [];
  for (const p of xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    let text = '';
    for (const m of p.matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)) text += m[1] !== undefined ? decodeXml(m[1]) : '\t';
    out.push(text);
  }
  return out;
}

/** Runs a poppler tool on the PDF (written to a temporary file); returns stdout. Fails on poppler's syntax warnings. */
export function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', pdf: Uint8Array, args: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'samordna-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const r = spawnSync(tool, tool === 'pdftotext' ? [...args, file, '-'] : [...args, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${tool} misslyckades: ${r.error?.message ?? r.stderr}`);
    // poppler reports a broken content stream (e.g. an EMC without its BDC) on stderr and goes on: fail on it.
    if (/Syntax (Error|Warning)/.test(r.stderr)) throw new Error(`${tool}: fel i PDF-filen: ${r.stderr.slice(0, 500)}`);
    return r.stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdfinfo's "Key: value" lines as a record. */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    poppler('pdfinfo', pdf)
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** Renders pages to PNG files with pdftoppm in a temporary folder; returns their paths (the caller removes `dir`). */
export function pdfPagesToPng(pdf: Uint8Array, opts: { first?: number; last?: number; dpi?: number } = {}): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'samordna-png-'));
  const file = join(dir, 'doc.pdf');
  writeFileSync(file, pdf);
  const args = ['-png', '-r', String(opts.dpi ?? 50), ...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : []), file, join(dir, 'page')];
  const r = spawnSync('pdftoppm', args, { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`pdftoppm misslyckades: ${r.error?.message ?? r.stderr}`);
  return { dir, files: readdirSync(dir).filter((f) => f.endsWith('.png')).sort().map((f) => join(dir, f)) };
}

/**
 * Asserts that every piece occurs in `text`, in this order, whitespace-insensitive; names the first piece missing.
 * `ignoreSpaces` compares without any whitespace: for PDF text, where a line may break after a hyphen or a
 * punctuation mark inside a word (UAX #14) and pdftotext then prints the line break.
 */
export function expectInOrder(text: string, pieces: readonly string[], opts: { ignoreSpaces?: boolean } = {}): void {
  const norm = opts.ignoreSpaces ? (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '') : normalizeSpace;
  const hay = norm(text);
  let at = 0;
  for (const [i, piece] of pieces.entries()) {
    const needle = norm(piece);
    if (needle === '') continue;
    const found = hay.indexOf(needle, at);
    expect(found, `bit ${i + 1} "${needle}" saknas (eller står i fel ordning) efter: …${hay.slice(Math.max(0, at - 60), at + 60)}…`).toBeGreaterThanOrEqual(0);
    at = found + needle.length;
  }
}

/**
 * Well-formed XML, checked without a parser: every start tag closed in order, attributes quoted, no stray "<" or
 * "&" in text. Returns the first problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  const re = /<(\?[\s\S]*?\?|!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|\/?[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?)>/g;
  let last = 0;
  for (const m of xml.matchAll(re)) {
    const between = xml.slice(last, m.index);
    if (/[<]/.test(between)) return `"<" i text vid ${last}`;
    if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(between)) return `"&" utan entitet vid ${last}`;
    last = m.index + m[0].length;
    const body = m[1]!;
    if (body.startsWith('?') || body.startsWith('!')) continue;
    const name = /^\/?([^\s/>]+)/.exec(body)![1]!;
    if (body.startsWith('/')) {
      const open = stack.pop();
      if (open !== name) return `</${name}> stänger <${open ?? ''}> vid ${m.index}`;
    } else if (!body.endsWith('/')) {
      stack.push(name);
    }
  }
  if (/</.test(xml.slice(last))) return `ofullständig tagg vid ${last}`;
  return stack.length === 0 ? null : `<${stack[stack.length - 1]}> stängs aldrig`;
}

/** LibreOffice (Debian libreoffice-writer-nogui) for rendering DOCX in tests; CI installs it and then requires it. */
export const libreOfficeAvailable = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 }).status === 0;
if (!libreOfficeAvailable) {
  const msg = 'LibreOffice saknas (apt-get install libreoffice-writer-nogui): DOCX-renderingen genom LibreOffice hoppas över.';
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
}

/** A DOCX laid out by LibreOffice headless and written as PDF (its own profile in a temporary folder). */
export function docxToPdf(docx: Uint8Array): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'samordna-lo-'));
  try {
    writeFileSync(join(dir, 'doc.docx'), docx);
    const r = spawnSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'doc.docx')], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (r.status !== 0) throw new Error(`soffice misslyckades: ${r.error?.message ?? r.stderr}`);
    return readFileSync(join(dir, 'doc.pdf'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each word pdftotext -bbox finds, per page (a word a line broke inside comes out as two). */
export function pdfWords(pdf: Uint8Array): string[][] {
  const html = poppler('pdftotext', pdf, ['-bbox']);
  return html.split(/<page /).slice(1).map((page) => [...page.matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((m) => decodeXml(m[1]!)));
}
