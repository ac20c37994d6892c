import * as highsModule from 'highs';
import type { Highs } from 'highs';
import { componentIntervals, intervalsFromSolver, type ComponentLp, type ComponentSolver } from '../../core/privacy/intervals.ts';

/**
 * A ComponentSolver (src/core/privacy/intervals.ts) for the national family: thousands of unknowns in one
 * connected component (every förbund's cells are linked through the county and country totals and the flow
 * identity). The core's dense simplex holds the whole tableau and pivots over all of it; here each large
 * component is one sparse model in HiGHS (the University of Edinburgh's LP solver, compiled to WebAssembly:
 * npm `highs`), kept in memory and re-solved with a new objective from the last basis (warm start).
 *
 * The same steps as the core (intervalsFromSolver), with more mixed objectives for the feasible points. Small
 * components go to the core's solver.
 */
const SMALL = 150;

/** What the solver has done since the last reset (the auditor's results file). */
export interface SparseRun {
  components: number;
  largest: number;
  largestRows: number;
  lps: number;
  /** Components HiGHS gave no answer for, solved by the core's dense simplex instead. */
  fallbacks?: number;
}

/** HiGHS ended a solve without an answer (neither optimal, unbounded nor infeasible), even from scratch. */
class SolverTrouble extends Error {
  constructor(status: number) {
    super(`HiGHS: status ${status}`);
  }
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
      const name = highs.constants.modelStatus;
      const answered = (status: number) => status === name.optimal || status === name.unbounded || status === name.unboundedOrInfeasible || status === name.infeasible;
      const solve: ComponentLp = (cost) => {
        model.changeColsCost({ kind: 'range', from: 0, to: n - 1 }, Float64Array.from(cost));
        model.run();
        if (run) run.lps++;
        let status = model.getModelStatus();
        if (!answered(status)) {
          // HiGHS at times ends a warm-started solve with "unknown"; the same programme from scratch does not.
          model.clearSolver();
          model.run();
          status = model.getModelStatus();
        }
        if (status === name.optimal) return { status: 'optimal', value: model.getObjectiveValue(), point: Float64Array.from(model.getSolution().colValue) };
        if (status === name.unbounded || status === name.unboundedOrInfeasible) return { status: 'unbounded' };
        if (status === name.infeasible) return { status: 'infeasible' };
        throw new SolverTrouble(status);
      };
      // Feasible points: all up, all down, and mixed signs (a fixed pseudo-random pattern, reproducible).
      let seed = 1;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
      const costs = [Array.from({ length: n }, () => 1), Array.from({ length: n }, () => -1), ...Array.from({ length: 6 }, () => Array.from({ length: n }, random))];
      try {
        intervalsFromSolver(cells, solve, costs, settled, out);
      } catch (e) {
        if (!(e instanceof SolverTrouble)) throw e;
        // Still no answer: the core's dense simplex solves this component (slower, but it answers).
        if (run) run.fallbacks = (run.fallbacks ?? 0) + 1;
        componentIntervals(cells, rows, settled, out);
      }
    } finally {
      model.dispose();
    }
  };
}
