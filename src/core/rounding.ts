/**
 * Rounding rules, written once. Money is exact integer öre until presented; presentation rounds half away
 * from zero, each figure separately. Percentages that must add up to 100 use the largest-remainder method.
 */

function assertSafe(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} måste vara ett heltal: ${n}`);
}

/** Integer division num/den rounded half away from zero (den > 0). Exact for any safe integers. */
export function divideRounded(num: number, den: number): number {
  assertSafe(num, 'täljare');
  assertSafe(den, 'nämnare');
  if (den <= 0) throw new RangeError('nämnaren måste vara positiv');
  const n = BigInt(Math.abs(num));
  const d = BigInt(den);
  const q = Number((2n * n + d) / (2n * d));
  return num < 0 && q !== 0 ? -q : q;
}

/** öre → tkr (thousands of kronor), half away from zero: 257 850 200 öre → 2 579. */
export function oreToTkr(ore: number): number {
  return divideRounded(ore, 100_000);
}

/** öre → whole kronor, half away from zero. */
export function oreToKronor(ore: number): number {
  return divideRounded(ore, 100);
}

/** öre → kronor as an exact decimal number (two decimals at most), for JSON in kronor. */
export function oreAsKronor(ore: number): number {
  assertSafe(ore, 'belopp');
  return ore % 100 === 0 ? ore / 100 : Number((ore / 100).toFixed(2));
}

/** Kronor (integer or with at most two decimals) → öre. Throws RangeError when not representable. */
export function kronorToOre(kronor: number): number {
  if (!Number.isFinite(kronor)) throw new RangeError(`Inte ett belopp: ${kronor}`);
  const ore = Math.round(kronor * 100);
  if (!Number.isSafeInteger(ore) || Math.abs(ore - kronor * 100) > 1e-6 * Math.max(1, Math.abs(kronor))) {
    throw new RangeError(`Beloppet ${kronor} kan inte anges i hela öre`);
  }
  return ore;
}

/** A ratio num/den rounded half away from zero to `decimals` decimals (exact integer arithmetic). */
export function ratio(num: number, den: number, decimals: number): number {
  assertSafe(num, 'täljare');
  assertSafe(den, 'nämnare');
  if (den === 0) throw new RangeError('division med noll');
  const sign = Math.sign(num) * Math.sign(den);
  const scale = 10n ** BigInt(decimals);
  const n = BigInt(Math.abs(num)) * scale;
  const d = BigInt(Math.abs(den));
  const q = (2n * n + d) / (2n * d);
  return q === 0n ? 0 : (sign * Number(q)) / Number(scale);
}

/**
 * Splits `total` (an integer ≥ 0) into integer parts proportional to `weights` (integers ≥ 0, not all 0) that
 * add up EXACTLY to total: floor every exact share, then give the remaining units to the largest remainders
 * (ties: earlier first). Exact for any safe integers (BigInt inside).
 */
export function largestRemainderSplit(total: number, weights: readonly number[]): number[] {
  assertSafe(total, 'summa');
  if (total < 0) throw new RangeError('summan får inte vara negativ');
  if (weights.length === 0) {
    if (total === 0) return [];
    throw new RangeError('inget att fördela på');
  }
  weights.forEach((w) => {
    assertSafe(w, 'vikt');
    if (w < 0) throw new RangeError('vikter får inte vara negativa');
  });
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) {
    if (total === 0) return weights.map(() => 0);
    throw new RangeError('alla vikter är noll');
  }
  const T = BigInt(total);
  const floors = weights.map((w) => (T * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: T * BigInt(w) - floors[i]! * sum }));
  let left = T - floors.reduce((a, f) => a + f, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  const result = floors.map(Number);
  for (let k = 0; left > 0n; k++, left--) result[remainders[k]!.i]! += 1;
  return result;
}

/**
 * Whole percentages of `values` (≥ 0) that add up to 100 (largest remainder). All zero → all 0.
 * Reproduces the printed cost-distribution columns (66/12/9/13 …) where plain rounding does not.
 */
export function wholePercentages(values: readonly number[]): number[] {
  if (values.every((v) => v === 0)) return values.map(() => 0);
  return largestRemainderSplit(100, values);
}
