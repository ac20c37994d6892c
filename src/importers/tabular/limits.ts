/**
 * What one uploaded spreadsheet may hold. A file over a limit is refused with a message before its content
 * is unpacked or parsed further, so that a small file that expands to gigabytes (a "zip bomb") or has a
 * million rows never reaches the parser.
 */
export interface TabularLimits {
  /** Bytes all parts of an XLSX may unpack to, counted while inflating (declared sizes can lie). */
  readonly maxUnpackedBytes: number;
  /** Parts in the XLSX zip. */
  readonly maxZipEntries: number;
  readonly maxRows: number;
  readonly maxColumns: number;
  /** Characters in one cell (CSV) — a spreadsheet cell holds at most 32 767. */
  readonly maxCellLength: number;
}

export const defaultTabularLimits: TabularLimits = {
  maxUnpackedBytes: 64 * 1024 * 1024,
  maxZipEntries: 1000,
  maxRows: 50_000,
  maxColumns: 100,
  maxCellLength: 32_767,
};
