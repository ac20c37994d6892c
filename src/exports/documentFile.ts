/**
 * A document (src/core/documents) as a file in the chosen format, through the DOCX and PDF renderers: what the
 * report downloads and `npx samordna report …` write.
 */
import type { Doc } from '../core/documents/model.ts';
import { InputError } from '../core/errors.ts';
import { renderDocx } from './docx/render.ts';
import { renderPdf } from './pdf/render.ts';

export const documentFormats = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export const documentContentTypes: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function parseDocumentFormat(raw: unknown, field = 'format'): DocumentFormat {
  const s = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if ((documentFormats as readonly string[]).includes(s)) return s as DocumentFormat;
  throw new InputError({ field, message: `Okänt format "${String(raw ?? '')}": välj docx eller pdf.` });
}

export async function renderDocument(d: Doc, format: DocumentFormat): Promise<Buffer> {
  return format === 'docx' ? renderDocx(d) : renderPdf(d);
}
