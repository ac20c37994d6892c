/** The state allocation as a presentable Table (kronor, whole): page, CSV, XLSX and the CLI's text table. */
import { oreToKronor } from '../rounding.ts';
import type { Table } from '../table.ts';
import type { ScenarioComparison, StateAllocation } from './stateAllocation.ts';

export function stateAllocationTable(a: StateAllocation): Table {
  const kr = (ore: number) => oreToKronor(ore);
  const hasAdjustment = a.parts.some((p) => p.adjustmentOre !== 0);
  return {
    title: 'Statens medel per förbund',
    note: 'Belopp i kronor. Grundbelopp + andel efter försörjningsmått (75 % av resten) + andel efter befolkning 16–64 (25 %).',
    columns: [
      { key: 'federation', header: 'Förbund', kind: 'text' },
      { key: 'base', header: 'Grundbelopp', kind: 'integer' },
      { key: 'support', header: 'Försörjningsmått', kind: 'integer' },
      { key: 'population', header: 'Befolkning 16–64', kind: 'integer' },
      ...(hasAdjustment ? [{ key: 'adjustment', header: 'Justering för gränsen', kind: 'integer' as const }] : []),
      { key: 'amount', header: 'Belopp', kind: 'integer' },
    ],
    rows: [
      ...a.parts.map((p) => ({
        cells: { federation: p.federation, base: kr(p.baseOre), support: kr(p.supportShareOre), population: kr(p.populationShareOre), adjustment: kr(p.adjustmentOre), amount: kr(p.amountOre) },
      })),
      {
        emphasis: 'total' as const,
        cells: {
          federation: 'Summa',
          base: kr(a.parts.reduce((s, p) => s + p.baseOre, 0)),
          support: kr(a.supportPoolOre),
          population: kr(a.populationPoolOre),
          adjustment: 0,
          amount: kr(a.totalOre),
        },
      },
    ],
  };
}

export function scenarioTable(c: ScenarioComparison): Table {
  const kr = (ore: number) => oreToKronor(ore);
  return {
    title: 'Före och efter',
    note: 'Belopp i kronor.',
    columns: [
      { key: 'before', header: 'Före', kind: 'text' },
      { key: 'beforeAmount', header: 'Belopp före', kind: 'integer' },
      { key: 'after', header: 'Efter', kind: 'text' },
      { key: 'afterAmount', header: 'Belopp efter', kind: 'integer' },
      { key: 'change', header: 'Förändring', kind: 'integer' },
    ],
    rows: [
      ...c.rows.map((r) => ({ cells: { before: r.before.join(' + '), beforeAmount: kr(r.beforeOre), after: r.after.join(' + '), afterAmount: kr(r.afterOre), change: kr(r.changeOre) } })),
      { emphasis: 'total' as const, cells: { before: 'Summa', beforeAmount: kr(c.before.totalOre), after: 'Summa', afterAmount: kr(c.after.totalOre), change: kr(c.after.totalOre - c.before.totalOre) } },
    ],
  };
}
