/**
 * What an archival package of a förbund-year holds, as plain data: tables with a described schema (each field's
 * name, type and meaning) and documents as the document model. The service fills it; the package writer
 * (src/exports/archive/) turns it into files.
 */
import type { Doc } from '../documents/model.ts';

export type FieldType = 'integer' | 'string' | 'date' | 'boolean';

export interface ArchiveField {
  readonly name: string;
  readonly type: FieldType;
  readonly description: string;
}

export interface ArchiveTable {
  /** File name without extension, e.g. "huvudbok". */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly fields: readonly ArchiveField[];
  readonly rows: readonly (readonly (string | number | boolean | null)[])[];
}

export interface ArchiveDocument {
  readonly name: string;
  readonly title: string;
  readonly doc: Doc;
}

export interface ArchiveContents {
  readonly federation: { readonly id: number; readonly name: string; readonly organisationNumber: string | null };
  readonly year: number;
  readonly closedAt: string;
  readonly tables: readonly ArchiveTable[];
  readonly documents: readonly ArchiveDocument[];
}
