/**
 * The year's tables for the exports (CSV, XLSX, the CLI's text table) and pages, each naming its period: the note
 * says it in words ("januari–november 2026, prognos för helåret") and, for an open year, the column headings say
 * which figures are to date and which are the full-year forecast — so a CSV, which has no title, names it too.
 * A complete year's tables are the annual report's.
 */
import { oreToTkr } from '../rounding.ts';
import type { Table, TableColumn, TableRow } from '../table.ts';
import type { StatementFigures } from './operatingStatement.ts';
import { periodMonths } from './period.ts';
import { statementTable } from './statementTable.ts';
import { costDistributionTable, fiveYearTable, keyFiguresTable } from './tables.ts';
import type { YearFigures } from './yearFigures.ts';

const withPeriod = (note: string | undefined, f: YearFigures) => `${note ? `${note}. ` : ''}Period: ${f.periodLabel}.`;

/** The driftredovisning: the year's (complete) or to date against budget to date, with the full-year forecast (open). */
export function yearStatementTable(f: YearFigures): Table {
  const base = statementTable(f.statement, f.federation);
  if (f.period.complete) return { ...base, note: withPeriod(base.note, f) };
  const months = periodMonths(f.period);
  const columns: TableColumn[] = base.columns.map((c) =>
    c.key.startsWith('outcome') || c.key.startsWith('budget') || c.key === 'deviation'
      ? { ...c, header: c.header.replace(`Utfall ${f.year}`, `Utfall ${months}`).replace(`Budget ${f.year}`, `Budget ${months}`).replace(`Avvikelse ${f.year}`, `Avvikelse ${months}`) }
      : c,
  );
  const extra: TableColumn[] = [
    { key: 'forecastNet', header: `Prognos helår ${f.year} netto`, kind: 'integer' },
    { key: 'budgetYearNet', header: `Budget helår ${f.year} netto`, kind: 'integer' },
    { key: 'forecastDeviation', header: `Avvikelse prognos−budget helår ${f.year}`, kind: 'integer' },
  ];
  const at = columns.findIndex((c) => c.key === 'deviation') + 1;
  const fs = f.forecastStatement;
  const byLine = new Map(fs.sections.flatMap((s) => s.lines.map((l) => [l.line.id, l.figures] as const)));
  const bySection = new Map(fs.sections.map((s) => [s.section as string, s.subtotal]));
  const figuresOf = (r: (typeof base.rows)[number] & { key?: string; lineId?: number }): StatementFigures | undefined =>
    r.key === 'line' ? byLine.get(r.lineId!) : r.key === 'direct' ? fs.directCosts : r.key === 'total' ? fs.total : r.key === 'result' ? fs.result : bySection.get(r.key ?? '');
  const rows: TableRow[] = base.rows.map((r) => {
    const x = figuresOf(r);
    const net = (a: { incomeOre: number; costOre: number }) => oreToTkr(a.incomeOre - a.costOre);
    return { ...r, cells: { ...r.cells, forecastNet: x ? net(x.outcome) : null, budgetYearNet: x ? net(x.budget) : null, forecastDeviation: x ? oreToTkr(x.deviationOre) : null } };
  });
  return {
    ...base,
    title: `Driftredovisning ${months}, ${f.federation}`,
    note: withPeriod(base.note, f),
    columns: [...columns.slice(0, at), ...extra, ...columns.slice(at)],
    rows,
  };
}

/** The key figures: the year's (complete), or to date with the full-year forecast beside them (open). */
export function yearKeyFiguresTable(f: YearFigures): Table {
  const base = keyFiguresTable(f.keyFigures);
  if (f.period.complete) return { ...base, note: withPeriod(base.note, f) };
  const forecast = keyFiguresTable(f.forecastFigures);
  const months = periodMonths(f.period);
  return {
    ...base,
    note: withPeriod(`${base.note}. Hittills: ${months}; helåret är en prognos tills året är stängt`, f),
    columns: [
      { key: 'label', header: 'Nyckeltal', kind: 'text' },
      { key: 'amount', header: `Hittills ${months} (kr)`, kind: 'integer' },
      { key: 'share', header: 'Andel hittills', kind: 'percent', decimals: 1 },
      { key: 'forecast', header: `Prognos helår ${f.year} (kr)`, kind: 'integer' },
      { key: 'forecastShare', header: 'Andel prognos', kind: 'percent', decimals: 1 },
    ],
    rows: base.rows.map((r, i) => ({ ...r, cells: { ...r.cells, forecast: forecast.rows[i]!.cells.amount ?? null, forecastShare: forecast.rows[i]!.cells.share ?? null } })),
  };
}

/** The cost distribution; for an open year the outcome column is to date and the forecast is added. */
export function yearCostDistributionTable(f: YearFigures): Table {
  const base = costDistributionTable(f.year, f.costDistribution);
  if (f.period.complete) return { ...base, note: withPeriod(base.note, f) };
  const months = periodMonths(f.period);
  const d = f.costDistribution.forecast;
  const keys = ['individual', 'structural', 'processSupport', 'administration'] as const;
  return {
    ...base,
    note: withPeriod(base.note, f),
    columns: [
      ...base.columns.map((c) => (c.key === 'outcome' ? { ...c, header: `Utfall ${months}` } : c)),
      { key: 'forecast', header: `Prognos helår ${f.year}`, kind: 'percent' as const },
    ],
    rows: base.rows.map((r, i) => ({ ...r, cells: { ...r.cells, forecast: d[keys[i]!] / 100 } })),
  };
}

/** The five-year overview: closed years, and the open year marked "prognos" (an earlier open year "ej stängt"). */
export function yearFiveYearTable(f: YearFigures): Table {
  const base = fiveYearTable(f.fiveYear);
  const mark = (status: string) => (status === 'forecast' ? 'prognos' : status === 'open' ? 'ej stängt, utfall hittills' : null);
  return {
    ...base,
    note: withPeriod(base.note, f),
    rows: base.rows.map((r, i) => {
      const m = mark(f.fiveYear[i]!.status);
      return m ? { ...r, cells: { ...r.cells, year: `${r.cells.year} (${m})`, note: r.cells.note ? `${m}; ${r.cells.note}` : m } } : r;
    }),
  };
}
