/**
 * A small exact-enough linear program solver (two-phase simplex, Bland's rule, dense tableau) for the
 * disclosure audit: how small and how large can a hidden cell be, given everything that is published?
 * Tables in Samordna are small (tens of cells), so a dense tableau is plenty.
 *
 *   minimise c·y  subject to  A y = b,  y ≥ 0
 */
export type LpResult = { status: 'optimal'; value: number } | { status: 'infeasible' } | { status: 'unbounded' };

/** An optimal result with the optimal point (see prepareLpWithPoint). */
export type LpPointResult = { status: 'optimal'; value: number; point: number[] } | { status: 'infeasible' } | { status: 'unbounded' };

const EPS = 1e-9;

interface Tableau {
  rows: number[][]; // each row: coefficients for columns 0..cols-1, then the right-hand side
  basis: number[];
  cols: number;
}

function pivot(t: Tableau, obj: number[], r: number, c: number): void {
  const row = t.rows[r]!;
  const p = row[c]!;
  for (let j = 0; j <= t.cols; j++) row[j]! /= p;
  const eliminate = (target: number[]) => {
    const f = target[c]!;
    if (Math.abs(f) < EPS) return;
    for (let j = 0; j <= t.cols; j++) target[j]! -= f * row[j]!;
  };
  t.rows.forEach((other, i) => i !== r && eliminate(other));
  eliminate(obj);
  t.basis[r] = c;
}

/** Runs simplex iterations on the reduced-cost row obj (last entry = −objective). Columns ≥ allowed never enter. */
function iterate(t: Tableau, obj: number[], allowed: number): 'optimal' | 'unbounded' {
  for (;;) {
    let enter = -1;
    for (let j = 0; j < allowed; j++) {
      if (obj[j]! < -EPS) {
        enter = j;
        break;
      }
    }
    if (enter < 0) return 'optimal';
    let leave = -1;
    let best = Infinity;
    t.rows.forEach((row, i) => {
      const a = row[enter]!;
      if (a > EPS) {
        const ratio = row[t.cols]! / a;
        if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && t.basis[i]! < t.basis[leave]!)) {
          best = ratio;
          leave = i;
        }
      }
    });
    if (leave < 0) return 'unbounded';
    pivot(t, obj, leave, enter);
  }
}

/** Phase 1 once for A y = b; the returned function solves phase 2 for any cost vector. */
export function prepareLp(a: readonly (readonly number[])[], b: readonly number[], n: number): ((c: readonly number[]) => LpResult) {
  const solve = prepareLpWithPoint(a, b, n);
  return (c) => {
    const r = solve(c);
    return r.status === 'optimal' ? { status: 'optimal', value: r.value } : r;
  };
}

/**
 * As prepareLp, and an optimal result also carries the optimal point y. After phase 1 the artificial
 * columns are dropped (they never re-enter), which halves the work of every phase-2 pivot.
 */
export function prepareLpWithPoint(a: readonly (readonly number[])[], b: readonly number[], n: number): ((c: readonly number[]) => LpPointResult) {
  const m = a.length;
  const cols = n + m;
  const rows = a.map((r, i) => {
    const sign = b[i]! < 0 ? -1 : 1;
    const row = new Array<number>(cols + 1).fill(0);
    for (let j = 0; j < n; j++) row[j] = sign * (r[j] ?? 0);
    row[n + i] = 1;
    row[cols] = sign * b[i]!;
    return row;
  });
  const t: Tableau = { rows, basis: rows.map((_, i) => n + i), cols };
  const obj = new Array<number>(cols + 1).fill(0);
  for (let j = 0; j <= cols; j++) {
    if (j >= n && j < cols) continue;
    obj[j] = -rows.reduce((s, r) => s + r[j]!, 0);
  }
  iterate(t, obj, cols);
  const infeasible = -obj[cols]! > 1e-7;
  if (!infeasible) {
    // Drive artificial variables out of the basis; rows where that is impossible are redundant.
    for (let i = t.rows.length - 1; i >= 0; i--) {
      if (t.basis[i]! < n) continue;
      const j = t.rows[i]!.findIndex((v, k) => k < n && Math.abs(v) > EPS);
      if (j >= 0) pivot(t, obj, i, j);
      else {
        t.rows.splice(i, 1);
        t.basis.splice(i, 1);
      }
    }
  }
  // Phase 2 never lets an artificial column enter: drop them (keep the right-hand side as column n).
  // Every solve starts from the basis the previous one ended in (still feasible: only the costs change), so
  // a run of related objectives (min and max of one cell after another) needs few pivots and no copies.
  const tt: Tableau = { rows: t.rows.map((r) => [...r.slice(0, n), r[cols]!]), basis: t.basis.slice(), cols: n };
  return (c) => {
    if (infeasible) return { status: 'infeasible' };
    const o = new Array<number>(n + 1).fill(0);
    for (let j = 0; j < n; j++) o[j] = c[j] ?? 0;
    tt.rows.forEach((row, i) => {
      const cb = c[tt.basis[i]!] ?? 0;
      if (cb !== 0) for (let j = 0; j <= n; j++) o[j]! -= cb * row[j]!;
    });
    const status = iterate(tt, o, n);
    if (status === 'unbounded') return { status };
    const point = new Array<number>(n).fill(0);
    tt.rows.forEach((row, i) => (point[tt.basis[i]!] = row[n]!));
    return { status: 'optimal', value: -o[n]! + 0, point };
  };
}
