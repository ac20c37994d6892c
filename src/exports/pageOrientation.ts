/**
 * Which blocks of a document go on landscape pages, shared by the DOCX and PDF renderers so that both turn the same
 * pages: a table that is marked landscape, or that cannot fit upright without breaking a word but can across, is set
 * on a landscape page, with the heading before it when the chapter starts with it (paragraphs in between allowed).
 * A landscape run ends at the next heading.
 */
import type { Table } from '../core/documents/model.ts';
import type { FlatBlock } from '../core/documents/walk.ts';

export type Orientation = 'portrait' | 'landscape';

/** The orientation of each block's page, in order. `landscapeTable` says whether a table needs a landscape page. */
export function pageOrientations(blocks: readonly FlatBlock[], landscapeTable: (t: Table) => boolean): Orientation[] {
  const out: Orientation[] = blocks.map(() => 'portrait');
  const ahead = (i: number): boolean => {
    for (const b of blocks.slice(i + 1)) {
      if (b.kind === 'heading' || b.kind === 'list' || b.kind === 'signatures' || b.kind === 'toc') return false;
      if (b.kind === 'table') return landscapeTable(b);
    }
    return false;
  };
  let current: Orientation = 'portrait';
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') current = (b.pageBreakBefore || current === 'landscape') && ahead(i) ? 'landscape' : 'portrait';
    else if (b.kind === 'table' && landscapeTable(b)) current = 'landscape';
    out[i] = current;
  });
  return out;
}
