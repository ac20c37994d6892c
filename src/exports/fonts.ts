/**
 * The document fonts: Source Sans 3 (SIL Open Font License 1.1, which allows embedding), from the npm package
 * `source-sans`, so that no system font is needed. Parsed once per process with fontkit and shared: parsing the
 * fonts' layout tables costs more than laying out a whole report. The PDF renderer embeds them; the DOCX renderer
 * measures table text with them.
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

let parsed: Record<FontKey, fontkit.Font> | undefined;

export function documentFonts(): Record<FontKey, fontkit.Font> {
  if (!parsed) {
    const out = {} as Record<FontKey, fontkit.Font>;
    for (const [k, file] of Object.entries(FONT_FILES)) {
      const font = fontkit.create(readFileSync(require.resolve(`source-sans/TTF/${file}`)));
      if (!('layout' in font)) throw new Error(`${file} är en typsnittssamling, inte ett typsnitt.`);
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
