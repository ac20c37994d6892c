/**
 * The year's figures as the API and the CLI give them (kronor), from the one model: the reference contract's key
 * figures and driftredovisning, plus the period they belong to and the full-year forecast.
 *   "period": { "year", "throughMonth", "complete" } and "periodLabel" (the period in words);
 *   key figures: "forecast": { "result", "equityClosing", "operatingIncome", "operatingCost" } and "forecastMethod";
 *   driftredovisning: "forecast": per line and in total, with the method.
 * For a complete year the forecast equals the outcome; for an open year the contract's fields are to date.
 */
import { oreAsKronor } from '../rounding.ts';
import { toKeyFiguresJson } from './keyFigures.ts';
import { periodJson } from './period.ts';
import { statementJson } from './statementTable.ts';
import type { YearFigures } from './yearFigures.ts';

const kr = oreAsKronor;

export function keyFiguresReportJson(f: YearFigures) {
  const k = f.forecastFigures;
  return {
    ...toKeyFiguresJson(f.keyFigures),
    period: periodJson(f.period),
    periodLabel: f.periodLabel,
    forecast: {
      result: kr(k.resultOre),
      equityClosing: k.equityClosingOre === null ? null : kr(k.equityClosingOre),
      operatingIncome: kr(k.operatingIncomeOre),
      operatingCost: kr(k.operatingCostOre),
    },
    forecastMethod: f.forecast.method,
  };
}

export function operatingStatementReportJson(f: YearFigures) {
  const byId = new Map(f.lines.map((l) => [l.id, l]));
  const amounts = (incomeOre: number, costOre: number) => ({ income: kr(incomeOre), cost: kr(costOre), net: kr(incomeOre - costOre) });
  const k = f.forecastFigures;
  return {
    ...statementJson(f.statement, f.federation),
    period: periodJson(f.period),
    periodLabel: f.periodLabel,
    forecast: {
      method: f.forecast.method,
      lines: f.forecast.lines
        .map((l) => ({ line: byId.get(l.lineId)!, l }))
        .sort((a, b) => a.line.sortOrder - b.line.sortOrder || a.line.id - b.line.id)
        .map(({ line, l }) => ({ section: line.section, label: line.label, ...amounts(l.incomeOre, l.costOre), basis: l.basis })),
      total: amounts(k.operatingIncomeOre, k.operatingCostOre),
      result: kr(k.resultOre),
    },
  };
}
