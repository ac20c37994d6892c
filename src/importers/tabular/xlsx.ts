/**
 * The one XLSX reader of the importers: the first worksheet's rows with their Excel row numbers, read as a
 * stream (exceljs' WorkbookReader — no whole-workbook model in memory) after checkZipBounds has made sure
 * the file unpacks to no more than the limit. Rows and columns beyond the limits stop the read with a message.
 */
import { formatNumber } from '../../core/format.ts';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors.ts';
import { defaultTabularLimits, type TabularLimits } from './limits.ts';
import { checkZipBounds } from './zipBounds.ts';
import { guardCells, guardFileName } from './identity.ts';
import type { RawCell, RawRow } from './cells.ts';

export async function readXlsxRows(data: Uint8Array, file: string, limits: TabularLimits = defaultTabularLimits): Promise<RawRow[]> {
  guardFileName(file);
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b) throw new InputError({ file, message: 'Filen är inte en giltig XLSX-fil (Excel-arbetsbok).' });
  await checkZipBounds(data, file, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(data)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const rows: RawRow[] = [];
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      if (sheets > 1) break;
      for await (const row of sheet) {
        if (rows.length >= limits.maxRows) throw new InputError({ file, line: row.number, message: `Filen har fler än ${formatNumber(limits.maxRows)} rader. Dela upp den.` });
        const values = row.values as unknown[];
        if (values.length - 1 > limits.maxColumns) throw new InputError({ file, line: row.number, message: `Raden har fler än ${limits.maxColumns} kolumner.` });
        const cells = values.slice(1) as RawCell[];
        if (cells.some((c) => c !== null && c !== undefined && c !== '')) rows.push({ line: row.number, cells: Array.from(cells, (c) => (c === undefined ? null : c)) });
      }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError({ file, message: 'Filen är inte en giltig XLSX-fil (Excel-arbetsbok).' });
  }
  if (sheets === 0) throw new InputError({ file, message: 'Arbetsboken har inget blad.' });
  guardCells(rows, file);
  return rows;
}
