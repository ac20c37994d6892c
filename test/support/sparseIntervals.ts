import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { componentIntervals, reduceSystem, type CellInterval, type Settled } from '../../src/core/privacy/intervals.ts';
import type { Relation } from '../../src/core/privacy/suppression.ts';

/**
 * The same question as `unknownIntervals` (src/core/privacy/intervals.ts) — the smallest and largest integer
 * value every unpublished cell can take — for the auditor's ONE combined system (every table of the förbund,
 * of each intervention and of each year, with the flow identity): some 10 000 unknowns, of which one connected
 * component holds more than 5 000 (the förbund's cells are sums of the interventions', and the years are tied
 * by the flow identity). The core's dense simplex cannot solve that in reasonable time; here each large
 * component is one sparse model in HiGHS (the University of Edinburgh's LP solver, compiled to WebAssembly: npm
 * `highs`), kept in memory and re-solved with a new objective from the last basis (warm start).
 *
 * The same steps as the core: forced cells first, independent components, feasible points from a few mixed
 * objectives (two values a cell really takes) that settle most cells, then min and max for each remaining one.
 * Small components go to the core's solver. Bounds are rounded inwards.
 */
const SMALL = 150;
const TOL = 1e-6;

/** What the last call did (for the results file). */
export const lastSparseRun = { components: 0, largest: 0, largestRows: 0, lps: 0 };

let loaded: Highs | null = null;
export async function loadSparseSolver(): Promise<void> {
  // A CommonJS module whose export is the loader (its types describe it as an ES default export).
  const m = highsModule as unknown as { default?: (o?: object) => Promise<Highs> } & ((o?: object) => Promise<Highs>);
  loaded ??= await (m.default ?? m)();
}

export function sparseUnknownIntervals(cellCount: number, relations: readonly Relation[], published: readonly (number | null)[], settled: Settled = () => false): Map<number, CellInterval> {
  if (!loaded) throw new Error('loadSparseSolver() first');
  const highs = loaded;
  const { out, components } = reduceSystem(cellCount, relations, published);
  Object.assign(lastSparseRun, { components: components.length, largest: 0, largestRows: 0, lps: 0 });
  for (const c of components) {
    if (c.cells.length > lastSparseRun.largest) Object.assign(lastSparseRun, { largest: c.cells.length, largestRows: c.rows.length });
  }
  for (const { cells, rows } of components) {
    if (!rows.length) {
      for (const c of cells) out.set(c, { min: 0, max: Infinity, exact: true });
      continue;
    }
    if (cells.length <= SMALL) {
      componentIntervals(cells, rows, settled, out);
      continue;
    }
    const n = cells.length;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const r of rows) {
      indices.push(...r.cols);
      values.push(...r.coefs);
      starts.push(indices.length);
    }
    const model = highs.createModel({
      numCols: n,
      numRows: rows.length,
      colCost: new Float64Array(n),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(highs.infinity),
      rowLower: rows.map((r) => r.rhs),
      rowUpper: rows.map((r) => r.rhs),
      matrix: { format: 'csr', numRows: rows.length, numCols: n, starts, indices, values },
    });
    try {
      model.options.set({ output_flag: false });
      const solve = (cost: Float64Array): { status: 'optimal'; value: number; point: Float64Array } | { status: 'unbounded' } => {
        model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, cost);
        model.run();
        lastSparseRun.lps++;
        const status = model.getModelStatus();
        const name = highs.constants.modelStatus;
        if (status === name.optimal) {
          const point = Float64Array.from(model.getSolution().colValue);
          return { status: 'optimal', value: model.getObjectiveValue(), point };
        }
        if (status === name.unbounded || status === name.unboundedOrInfeasible) return { status: 'unbounded' };
        throw new Error(`HiGHS: ${status} (det publicerade går inte ihop med sambanden?)`);
      };
      const low = new Float64Array(n).fill(Infinity);
      const high = new Float64Array(n).fill(-Infinity);
      const seen = (point: Float64Array) =>
        point.forEach((x, k) => {
          low[k] = Math.min(low[k]!, x);
          high[k] = Math.max(high[k]!, x);
        });
      // Feasible points: all up, all down, and mixed signs (a fixed pseudo-random pattern, reproducible).
      let seed = 1;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
      const costs = [Float64Array.from({ length: n }, () => 1), Float64Array.from({ length: n }, () => -1), ...Array.from({ length: 6 }, () => Float64Array.from({ length: n }, random))];
      for (const c of costs) {
        const r = solve(c);
        if (r.status === 'optimal') seen(r.point);
      }
      const rounded = (x: number, up: boolean) => (up ? Math.ceil(x - TOL) : Math.floor(x + TOL)) + 0;
      cells.forEach((cell, k) => {
        if (low[k]! <= high[k]! && settled(cell, rounded(low[k]!, true), rounded(high[k]!, false))) {
          out.set(cell, { min: rounded(low[k]!, true), max: rounded(high[k]!, false), exact: false });
          return;
        }
        const c = new Float64Array(n);
        c[k] = 1;
        const lo = solve(c);
        if (lo.status === 'optimal') seen(lo.point);
        c[k] = -1;
        const hi = solve(c);
        if (hi.status === 'optimal') seen(hi.point);
        out.set(cell, {
          min: lo.status === 'optimal' ? rounded(lo.value, true) : 0,
          max: hi.status === 'optimal' ? rounded(-hi.value, false) : Infinity,
          exact: true,
        });
      });
    } finally {
      model.dispose();
    }
  }
  return out;
}

