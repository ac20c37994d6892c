/** The national view's economy table and the note on synthetic data, shared by its page, CSV, XLSX and CLI. */
import { economyColumns } from './nationalStatistics.ts';
import { hiddenMark, type StatTable } from './statTable.ts';
import type { Table, TableColumn } from '../table.ts';

export const syntheticNote = 'SYNTETISKA DATA – påhittade förbund och siffror för demonstration, inte verkliga uppgifter.';

/** An economy StatTable (kronor and per cent) as a Table: amounts whole, shares with one decimal, "Över taket" Ja/Nej. */
export function economyAsTable(t: StatTable): Table {
  const kind = (header: string): TableColumn['kind'] => (header.endsWith('(%)') ? 'decimal' : header === 'Över taket' ? 'text' : 'integer');
  const columns: TableColumn[] = [
    { key: 'label', header: t.rowHeader, kind: 'text' },
    ...t.colLabels.map((header, j) => ({ key: `c${j}`, header, kind: kind(header), ...(kind(header) === 'decimal' ? { decimals: 1 } : {}) })),
  ];
  const above = economyColumns.indexOf('Över taket');
  return {
    title: t.title,
    note: 'Belopp i kronor, andelar i procent. Kostnad per deltagare visas bara när antalet deltagare visas.',
    columns,
    rows: t.rowLabels.map((label, i) => ({
      cells: Object.fromEntries([
        ['label', label],
        ...t.cells[i]!.map((v, j) => [`c${j}`, j === above ? (v === null ? hiddenMark : v ? 'Ja' : 'Nej') : v === null ? hiddenMark : v]),
      ]),
    })),
  };
}
