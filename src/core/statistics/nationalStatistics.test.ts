import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nationalStatistics, type NationalUnitCounts } from './nationalStatistics.ts';
import { prepareLp } from '../privacy/linearProgram.ts';
import type { StatTable } from './statTable.ts';

const G = 4; // genders
const O = 8; // exit outcomes

/**
 * The attacker, written independently of the suppression code: the unknowns are the true base counts
 * x[m][i][g] (measure active/new/ended, förbund, gender) and y[i][o] (ended by outcome), all ≥ 0, with the
 * known identity Σg x[2][i][g] = Σo y[i][o]. Every published cell is a known sum of base counts. For each
 * hidden cell the attacker minimises and maximises its sum over everything consistent with what is published.
 */
function attack(units: number, countyOf: readonly number[], counties: number, s: ReturnType<typeof nationalStatistics>) {
  const nx = 3 * units * G;
  const n = nx + units * O;
  const x = (m: number, i: number, g: number) => m * units * G + i * G + g;
  const y = (i: number, o: number) => nx + i * O + o;
  const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
  type Expr = number[];
  const cells: { expr: Expr; value: number | null; table: string }[] = [];
  const add = (table: string, expr: Expr, value: number | null) => cells.push({ expr, value, table });
  const all = (m: number, pred: (i: number) => boolean) => range(0, units).filter(pred).flatMap((i) => range(0, G).map((g) => x(m, i, g)));
  const t = (st: StatTable) => st;
  // byFederation and byCounty
  for (let m = 0; m < 3; m++) {
    for (let i = 0; i < units; i++) add('byFederation', all(m, (u) => u === i), t(s.byFederation).cells[i]![m]!);
    add('byFederation total', all(m, () => true), s.byFederation.colTotals![m]!);
    for (let k = 0; k < counties; k++) add('byCounty', all(m, (u) => countyOf[u] === k), s.byCounty.cells[k]?.[m] ?? null);
    for (let g = 0; g < G; g++) add('flowByGender', range(0, units).map((i) => x(m, i, g)), s.flowByGender.cells[m]![g]!);
    add('flowByGender total', all(m, () => true), s.flowByGender.rowTotals![m]!);
    const byGender = [s.activeByFederationAndGender, s.newByFederationAndGender, s.endedByFederationAndGender][m]!;
    for (let i = 0; i < units; i++) {
      for (let g = 0; g < G; g++) add(`${byGender.key}`, [x(m, i, g)], byGender.cells[i]![g]!);
      add(`${byGender.key} row`, all(m, (u) => u === i), byGender.rowTotals![i]!);
    }
    for (let g = 0; g < G; g++) add(`${byGender.key} col`, range(0, units).map((i) => x(m, i, g)), byGender.colTotals![g]!);
    add(`${byGender.key} total`, all(m, () => true), byGender.total);
  }
  for (let o = 0; o < O; o++) add('exitOutcomes', range(0, units).map((i) => y(i, o)), s.exitOutcomes.cells[0]![o]!);
  add('exitOutcomes total', range(0, units).flatMap((i) => range(0, O).map((o) => y(i, o))), s.exitOutcomes.rowTotals![0]!);
  for (let i = 0; i < units; i++) {
    for (let o = 0; o < O; o++) add('exitOutcomesByFederation', [y(i, o)], s.exitOutcomesByFederation.cells[i]![o]!);
    add('exitOutcomesByFederation row', range(0, O).map((o) => y(i, o)), s.exitOutcomesByFederation.rowTotals![i]!);
  }
  for (let o = 0; o < O; o++) add('exitOutcomesByFederation col', range(0, units).map((i) => y(i, o)), s.exitOutcomesByFederation.colTotals![o]!);

  const a: number[][] = [];
  const b: number[] = [];
  for (const c of cells.filter((c) => c.value !== null)) {
    const row = new Array<number>(n).fill(0);
    for (const v of c.expr) row[v]! += 1;
    a.push(row);
    b.push(c.value!);
  }
  for (let i = 0; i < units; i++) {
    const row = new Array<number>(n).fill(0);
    for (let g = 0; g < G; g++) row[x(2, i, g)] = 1;
    for (let o = 0; o < O; o++) row[y(i, o)] = -1;
    a.push(row);
    b.push(0);
  }
  const solve = prepareLp(a, b, n);
  return cells
    .filter((c) => c.value === null)
    .map((c) => {
      const obj = new Array<number>(n).fill(0);
      for (const v of c.expr) obj[v]! += 1;
      const lo = solve(obj);
      const hi = solve(obj.map((v) => -v));
      return {
        table: c.table,
        expr: c.expr,
        min: lo.status === 'optimal' ? Math.round(lo.value) : 0,
        max: hi.status === 'optimal' ? Math.round(-hi.value) : Infinity,
      };
    });
}

const unitCounts = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 14 }), { minLength: G, maxLength: G }), // active by gender
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: G, maxLength: G }), // new as % of active
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: G, maxLength: G }), // ended as % of active
    fc.array(fc.nat({ max: 1000 }), { minLength: 30, maxLength: 30 }), // outcome picks
  )
  .map(([active, newPct, endPct, picks]): NationalUnitCounts => {
    const nw = active.map((a, g) => Math.floor((a * newPct[g]!) / 100));
    const ended = active.map((a, g) => Math.floor((a * endPct[g]!) / 100));
    const endedByOutcome = new Array<number>(O).fill(0);
    let k = 0;
    for (let e = ended.reduce((p, q) => p + q, 0); e > 0; e--) endedByOutcome[picks[k++ % picks.length]! % O]! += 1;
    return { flowByGender: [active, nw, ended], endedByOutcome };
  });

describe('national statistics', () => {
  it('sums: the country is the sum of the förbund and of the counties (when shown)', () => {
    const s = nationalStatistics({
      year: 2025,
      minCellSize: 5,
      units: [
        { id: 1, name: 'A', county: 'Uppsala län' },
        { id: 2, name: 'B', county: 'Uppsala län' },
        { id: 3, name: 'C', county: 'Västmanlands län' },
      ],
      counts: new Map([
        [1, { flowByGender: [[40, 30, 0, 0], [10, 10, 0, 0], [20, 10, 0, 0]], endedByOutcome: [10, 5, 5, 5, 5, 0, 0, 0] }],
        [2, { flowByGender: [[50, 50, 0, 0], [20, 20, 0, 0], [10, 10, 0, 0]], endedByOutcome: [5, 5, 5, 5, 0, 0, 0, 0] }],
        [3, { flowByGender: [[25, 25, 0, 0], [10, 10, 0, 0], [6, 6, 0, 0]], endedByOutcome: [6, 6, 0, 0, 0, 0, 0, 0] }],
      ]),
      economy: new Map(),
    });
    expect(s.byFederation.cells).toEqual([[70, 20, 30], [100, 40, 20], [50, 20, 12]]);
    expect(s.byFederation.colTotals).toEqual([220, 80, 62]);
    expect(s.byCounty.rowLabels).toEqual(['Uppsala län', 'Västmanlands län']);
    expect(s.byCounty.cells).toEqual([[170, 60, 50], [50, 20, 12]]);
  });

  it('no hidden cell can be worked out from the national and county totals and the others’ published figures', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(unitCounts, fc.integer({ min: 0, max: 1 })), { minLength: 2, maxLength: 4 }), (rows) => {
        const units = rows.map(([, county], i) => ({ id: i + 1, name: `F${i}`, county: county === 0 ? 'Län A' : 'Län B' }));
        const s = nationalStatistics({ year: 2025, minCellSize: 5, units, counts: new Map(rows.map(([c], i) => [i + 1, c])), economy: new Map() });
        const countyIndex = units.map((u) => s.counties.indexOf(u.county));
        // Every cell that is shown is the true count (nothing is perturbed).
        rows.forEach(([c], i) => {
          const shown = s.byFederation.cells[i]![0];
          if (shown !== null) expect(shown).toBe(c.flowByGender[0].reduce((a, b) => a + b, 0));
        });
        // The true base counts, in the attacker's variable order, to know which hidden cells are small.
        const truth = [
          ...[0, 1, 2].flatMap((m) => rows.flatMap(([c]) => c.flowByGender[m as 0 | 1 | 2])),
          ...rows.flatMap(([c]) => c.endedByOutcome),
        ];
        for (const r of attack(units.length, countyIndex, s.counties.length, s)) {
          expect(r.max, `${r.table} pinned at ${r.min}`).toBeGreaterThan(r.min);
          const value = r.expr.reduce((a, v) => a + truth[v]!, 0);
          if (value >= 1 && value < 5) expect(r.min === 0 || r.max >= 5, `${r.table}: small ${value} pinned in ${r.min}..${r.max}`).toBe(true);
        }
        // A small count (1–4) is never pinned inside 1..4.
        const small = (table: StatTable) => table.cells.flat().filter((v) => v !== null && v >= 1 && v < 5);
        for (const table of [s.byFederation, s.byCounty, s.activeByFederationAndGender, s.newByFederationAndGender, s.endedByFederationAndGender, s.exitOutcomesByFederation]) {
          expect(small(table), table.key).toEqual([]);
        }
      }),
      { numRuns: 40 },
    );
  });
});
