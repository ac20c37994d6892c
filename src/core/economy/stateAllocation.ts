/**
 * The state's allocation model (statens fördelningsmodell): the state's money for all förbund is spread by a
 * base amount per förbund (400 tkr), and the rest 75 % by the area's försörjningsmått and 25 % by its
 * population aged 16–64. Every förbund's amount is exact to the krona (to the öre when the total has öre) and
 * the parts add up EXACTLY to the total: the rest is split 75/25 by largest remainder, then each pool over the
 * förbund by largest remainder on its weights (src/core/rounding.ts).
 *
 * What-if: merge förbund (their inputs add up; one base per merged förbund is freed and the variable part
 * spreads it over all), split one, and an optional limit on how much one förbund's allocation may fall from
 * the year before, with the difference taken from the others in proportion to their variable part.
 */
import { InputError, type InputProblem } from '../errors.ts';
import { largestRemainderSplit } from '../rounding.ts';

/** 400 tkr in öre. */
export const stateBaseOre = 40_000_000;
/** Share of the variable part that follows försörjningsmåttet, in hundredths of a per cent (75 %). */
export const supportShareBp = 7500;

export interface StateAllocationInput {
  /** The förbund's name (the key across years and scenarios). */
  readonly federation: string;
  /** Population aged 16–64 in the förbund's area. */
  readonly population: number;
  /** Försörjningsmått in hundredths (it may have decimals: 1 234,56 → 123456). */
  readonly supportMeasureHundredths: number;
}

export interface StateAllocationPart {
  readonly federation: string;
  readonly baseOre: number;
  readonly supportShareOre: number;
  readonly populationShareOre: number;
  /** base + shares (+ adjustment for the fall limit). */
  readonly amountOre: number;
  /** What the year-on-year fall limit moved (positive: raised to the limit; negative: given to others). 0 without a limit. */
  readonly adjustmentOre: number;
}

export interface StateAllocation {
  readonly totalOre: number;
  readonly baseOre: number;
  readonly variableOre: number;
  readonly supportPoolOre: number;
  readonly populationPoolOre: number;
  readonly parts: readonly StateAllocationPart[];
}

export interface StateAllocationOptions {
  readonly baseOre?: number;
  /** Last year's amount per förbund name, for the fall limit. */
  readonly previousOre?: ReadonlyMap<string, number>;
  /** At most this fall from last year, in hundredths of a per cent (1000 = 10 %); null/undefined = no limit. */
  readonly maxFallBp?: number | null;
}

export function validateStateInputs(inputs: readonly StateAllocationInput[], totalOre: number, baseOre = stateBaseOre): InputProblem[] {
  const problems: InputProblem[] = [];
  if (inputs.length === 0) problems.push({ field: 'förbund', message: 'Ange minst ett förbund.' });
  const seen = new Set<string>();
  inputs.forEach((x, i) => {
    const field = (f: string) => `förbund ${i + 1} (${x.federation}): ${f}`;
    if (x.federation.trim() === '') problems.push({ field: `förbund ${i + 1}`, message: 'Förbundets namn saknas.' });
    if (seen.has(x.federation)) problems.push({ field: field('förbund'), message: 'Förbundet finns två gånger.' });
    seen.add(x.federation);
    if (!Number.isSafeInteger(x.population) || x.population < 0) problems.push({ field: field('befolkning_16_64'), message: 'Befolkningen ska vara ett heltal, 0 eller större.' });
    if (!Number.isSafeInteger(x.supportMeasureHundredths) || x.supportMeasureHundredths < 0) {
      problems.push({ field: field('försörjningsmått'), message: 'Försörjningsmåttet ska vara ett tal, 0 eller större.' });
    }
  });
  if (inputs.length && problems.length === 0) {
    if (inputs.every((x) => x.population === 0)) problems.push({ field: 'befolkning_16_64', message: 'Minst ett förbund måste ha befolkning.' });
    if (inputs.every((x) => x.supportMeasureHundredths === 0)) problems.push({ field: 'försörjningsmått', message: 'Minst ett förbund måste ha ett försörjningsmått.' });
  }
  if (!Number.isSafeInteger(totalOre) || totalOre < 0) problems.push({ field: 'total', message: 'Totalen ska vara ett belopp, 0 eller större.' });
  else if (inputs.length && totalOre < inputs.length * baseOre) {
    problems.push({ field: 'total', message: `Totalen räcker inte till grundbeloppet: ${inputs.length} förbund × ${baseOre / 100} kr = ${(inputs.length * baseOre) / 100} kr.` });
  }
  return problems;
}

/** Each förbund's state allocation. Throws InputError on bad inputs or when the total does not cover the bases. */
export function computeStateAllocation(inputs: readonly StateAllocationInput[], totalOre: number, options: StateAllocationOptions = {}): StateAllocation {
  const baseOre = options.baseOre ?? stateBaseOre;
  const problems = validateStateInputs(inputs, totalOre, baseOre);
  if (problems.length) throw new InputError(problems);
  // Whole kronor when the total and the base are whole kronor, else öre.
  const unit = totalOre % 100 === 0 && baseOre % 100 === 0 ? 100 : 1;
  const variableOre = totalOre - inputs.length * baseOre;
  const [supportUnits, populationUnits] = largestRemainderSplit(variableOre / unit, [supportShareBp, 10000 - supportShareBp]) as [number, number];
  const support = largestRemainderSplit(supportUnits, inputs.map((x) => x.supportMeasureHundredths));
  const population = largestRemainderSplit(populationUnits, inputs.map((x) => x.population));
  let parts: StateAllocationPart[] = inputs.map((x, i) => {
    const supportShareOre = support[i]! * unit;
    const populationShareOre = population[i]! * unit;
    return { federation: x.federation, baseOre, supportShareOre, populationShareOre, amountOre: baseOre + supportShareOre + populationShareOre, adjustmentOre: 0 };
  });
  if (options.maxFallBp != null && options.previousOre) parts = applyFallLimit(parts, options.previousOre, options.maxFallBp, unit);
  return { totalOre, baseOre, variableOre, supportPoolOre: supportUnits * unit, populationPoolOre: populationUnits * unit, parts };
}

/**
 * Raises every förbund that would fall more than maxFallBp below last year to that limit (rounded up to the
 * unit) and takes the difference from the others in proportion to their amount above the base, repeating
 * while taking makes another förbund fall too far. Nobody goes below the base. The total is unchanged.
 */
export function applyFallLimit(parts: readonly StateAllocationPart[], previousOre: ReadonlyMap<string, number>, maxFallBp: number, unit = 1): StateAllocationPart[] {
  if (!Number.isInteger(maxFallBp) || maxFallBp < 0 || maxFallBp > 10000) throw new InputError({ field: 'maxFall', message: 'Gränsen för minskning ska vara mellan 0 och 100 %.' });
  const floorOf = (name: string): number | null => {
    const prev = previousOre.get(name);
    if (prev === undefined) return null;
    const exact = BigInt(prev) * BigInt(10000 - maxFallBp);
    const units = (exact + BigInt(10000 * unit) - 1n) / BigInt(10000 * unit); // ceil
    return Number(units) * unit;
  };
  const model = parts.map((p) => p.baseOre + p.supportShareOre + p.populationShareOre);
  const raised = new Map<number, number>();
  for (let round = 0; round <= parts.length; round++) {
    const amounts = model.map((m, i) => raised.get(i) ?? m);
    const deficit = [...raised].reduce((s, [i, v]) => s + v - model[i]!, 0);
    const givers = parts.map((_, i) => i).filter((i) => !raised.has(i));
    if (deficit > 0) {
      const room = givers.map((i) => Math.max(0, model[i]! - parts[i]!.baseOre));
      const roomTotal = room.reduce((a, b) => a + b, 0);
      if (roomTotal < deficit) throw new InputError({ field: 'maxFall', message: 'Gränsen för minskning går inte att uppfylla: de andra förbundens rörliga del räcker inte.' });
      const take = largestRemainderSplit(deficit / unit, room.map((r) => r / unit));
      givers.forEach((i, k) => (amounts[i] = model[i]! - take[k]! * unit));
    }
    const violators = givers.filter((i) => {
      const f = floorOf(parts[i]!.federation);
      return f !== null && amounts[i]! < f;
    });
    if (violators.length === 0) return parts.map((p, i) => ({ ...p, amountOre: amounts[i]!, adjustmentOre: amounts[i]! - model[i]! }));
    // A förbund that falls too far keeps exactly its limit (raised, or giving less than its share).
    for (const i of violators) raised.set(i, floorOf(parts[i]!.federation)!);
  }
  throw new Error('fall limit did not settle');
}

/** A change to the map of förbund. */
export type StateScenario =
  | { readonly kind: 'merge'; readonly federations: readonly string[]; readonly name: string }
  | { readonly kind: 'split'; readonly federation: string; readonly into: readonly StateAllocationInput[] };

/** The inputs after a scenario: merged förbund add their population and försörjningsmått; a split replaces one by its parts. */
export function applyScenario(inputs: readonly StateAllocationInput[], scenario: StateScenario): StateAllocationInput[] {
  const names = new Set(inputs.map((x) => x.federation));
  if (scenario.kind === 'merge') {
    const set = new Set(scenario.federations);
    const missing = [...set].filter((n) => !names.has(n));
    if (set.size < 2) throw new InputError({ field: 'federations', message: 'Välj minst två förbund att slå samman.' });
    if (missing.length) throw new InputError({ field: 'federations', message: `Okänt förbund: ${missing.join(', ')}.` });
    if (scenario.name.trim() === '') throw new InputError({ field: 'name', message: 'Ange det sammanslagna förbundets namn.' });
    if (names.has(scenario.name) && !set.has(scenario.name)) throw new InputError({ field: 'name', message: 'Det finns redan ett annat förbund med det namnet.' });
    const merged = inputs.filter((x) => set.has(x.federation));
    const at = inputs.findIndex((x) => set.has(x.federation));
    const out = inputs.filter((x) => !set.has(x.federation));
    out.splice(at, 0, {
      federation: scenario.name,
      population: merged.reduce((s, x) => s + x.population, 0),
      supportMeasureHundredths: merged.reduce((s, x) => s + x.supportMeasureHundredths, 0),
    });
    return out;
  }
  if (!names.has(scenario.federation)) throw new InputError({ field: 'federation', message: `Okänt förbund: ${scenario.federation}.` });
  if (scenario.into.length < 2) throw new InputError({ field: 'into', message: 'Ett förbund delas i minst två.' });
  const at = inputs.findIndex((x) => x.federation === scenario.federation);
  const out = inputs.filter((x) => x.federation !== scenario.federation);
  out.splice(at, 0, ...scenario.into);
  return out;
}

export interface ScenarioRow {
  readonly before: readonly string[];
  readonly after: readonly string[];
  readonly beforeOre: number;
  readonly afterOre: number;
  readonly changeOre: number;
}

export interface ScenarioComparison {
  readonly before: StateAllocation;
  readonly after: StateAllocation;
  /** One row per unchanged förbund and one for the merged (or split) group; totals equal. */
  readonly rows: readonly ScenarioRow[];
}

/** The allocation before and after a scenario, side by side. */
export function compareScenario(inputs: readonly StateAllocationInput[], totalOre: number, scenario: StateScenario, options: StateAllocationOptions = {}): ScenarioComparison {
  const before = computeStateAllocation(inputs, totalOre, options);
  const after = computeStateAllocation(applyScenario(inputs, scenario), totalOre, options);
  const amountOf = (a: StateAllocation) => new Map(a.parts.map((p) => [p.federation, p.amountOre]));
  const b = amountOf(before);
  const a = amountOf(after);
  const changedBefore = scenario.kind === 'merge' ? scenario.federations : [scenario.federation];
  const changedAfter = scenario.kind === 'merge' ? [scenario.name] : scenario.into.map((x) => x.federation);
  const sum = (m: Map<string, number>, names: readonly string[]) => names.reduce((s, n) => s + (m.get(n) ?? 0), 0);
  const rows: ScenarioRow[] = [];
  let groupDone = false;
  for (const p of before.parts) {
    if (changedBefore.includes(p.federation)) {
      if (groupDone) continue;
      groupDone = true;
      const bo = sum(b, [...new Set(changedBefore)]);
      const ao = sum(a, changedAfter);
      rows.push({ before: [...new Set(changedBefore)], after: changedAfter, beforeOre: bo, afterOre: ao, changeOre: ao - bo });
    } else {
      const ao = a.get(p.federation) ?? 0;
      rows.push({ before: [p.federation], after: [p.federation], beforeOre: p.amountOre, afterOre: ao, changeOre: ao - p.amountOre });
    }
  }
  return { before, after, rows };
}

/** Sum of a list of parts (for checks and totals rows). */
export function sumParts(parts: readonly StateAllocationPart[]): number {
  return parts.reduce((s, p) => s + p.amountOre, 0);
}
