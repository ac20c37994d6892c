/**
 * The document fonts: Source Sans 3 (SIL Open Font License 1.1, which allows embedding), from the npm package
 * `source-sans`, so that no system font is needed. The PDF renderer embeds them; the DOCX renderer measures table
 * text with them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: 'SourceSans3-Regular.ttf',
  bold: 'SourceSans3-Bold.ttf',
  italic: 'SourceSans3-It.ttf',
  boldItalic: 'SourceSans3-BoldIt.ttf',
  semibold: 'SourceSans3-Semibold.ttf',
} as const;
export type FontKey = keyof typeof FONT_FILES;

let files: Record<FontKey, Buffer> | undefined;
let parsed: Record<FontKey, fontkit.Font> | undefined;

/** The font files' bytes, read once per process. */
export function fontFiles(): Record<FontKey, Buffer> {
  if (!files) {
    const out = {} as Record<FontKey, Buffer>;
    for (const [k, file] of Object.entries(FONT_FILES)) out[k as FontKey] = readFileSync(require.resolve(`source-sans/TTF/${file}`));
    files = out;
  }
  return files;
}

/**
 * The fonts parsed, once per process: for measuring only. A document that embeds a font needs a font object of its
 * own — fontkit keeps state per font object (glyphs and the code points it first saw them with) that would leak from
 * one PDF's text mapping into the next.
 */
export function documentFonts(): Record<FontKey, fontkit.Font> {
  if (!parsed) {
    const out = {} as Record<FontKey, fontkit.Font>;
    for (const [k, data] of Object.entries(fontFiles())) {
      const font = fontkit.create(data);
      if (!('layout' in font)) throw new Error(`${FONT_FILES[k as FontKey]} är en typsnittssamling, inte ett typsnitt.`);
      out[k as FontKey] = font;
    }
    parsed = out;
  }
  return parsed;
}

const advanceCache = new Map<string, number>();

/** Width of `text` in points at `size` (glyph advances, no kerning): for estimates such as DOCX column widths. */
export function textWidth(text: string, bold: boolean, size: number): number {
  const font = documentFonts()[bold ? 'bold' : 'regular'];
  let units = 0;
  for (const ch of text) {
    const key = (bold ? 'b' : 'r') + ch;
    let w = advanceCache.get(key);
    if (w === undefined) {
      w = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
      advanceCache.set(key, w);
    }
    units += w;
  }
  return (units / font.unitsPerEm) * size;
}
