import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { componentIntervals, type ComponentSolver } from '../../core/privacy/intervals.ts';

/**
 * A ComponentSolver (src/core/privacy/intervals.ts) for the national family: thousands of unknowns in one
 * connected component (every förbund's cells are linked through the county and country totals and the flow
 * identity). The core's dense simplex holds the whole tableau and pivots over all of it; here each large
 * component is one sparse model in HiGHS (the University of Edinburgh's LP solver, compiled to WebAssembly:
 * npm `highs`), kept in memory and re-solved with a new objective from the last basis (warm start).
 *
 * The same steps as the core: feasible points from a few mixed objectives (two values a cell really takes)
 * settle most cells, then min and max for each remaining one. Small components go to the core's solver.
 * Bounds are rounded inwards.
 */
const SMALL = 150;
const TOL = 1e-6;

/** What the solver has done since the last reset (the auditor's results file). */
export interface SparseRun {
  components: number;
  largest: number;
  largestRows: number;
  lps: number;
}

let loaded: Promise<Highs> | null = null;
function loadHighs(): Promise<Highs> {
  // A CommonJS module whose export is the loader (its types describe it as an ES default export).
  const m = highsModule as unknown as { default?: (o?: object) => Promise<Highs> } & ((o?: object) => Promise<Highs>);
  return (loaded ??= (m.default ?? m)());
}

/** Loads HiGHS (once per process) and returns a component solver; `run` counts what it does. */
export async function sparseComponentSolver(run?: SparseRun): Promise<ComponentSolver> {
  const highs = await loadHighs();
  return (cells, rows, settled, out) => {
    if (run) {
      run.components++;
      if (cells.length > run.largest) Object.assign(run, { largest: cells.length, largestRows: rows.length });
    }
    if (!rows.length || cells.length <= SMALL) {
      componentIntervals(cells, rows, settled, out);
      return;
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
        if (run) run.lps++;
        const status = model.getModelStatus();
        const name = highs.constants.modelStatus;
        if (status === name.optimal) return { status: 'optimal', value: model.getObjectiveValue(), point: Float64Array.from(model.getSolution().colValue) };
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
  };
}
