/**
 * The state's allocation model over the database: inputs per förbund and year (population 16–64 and
 * försörjningsmått), the state's total and the optional fall limit per year; the core computes.
 */
import { InputError, NotFoundError, type InputProblem } from '../../core/errors.ts';
import { compareScenario, computeStateAllocation, type ScenarioComparison, type StateAllocation, type StateAllocationInput, type StateScenario } from '../../core/economy/stateAllocation.ts';
import { equityCapOre, equityCapShareFor } from '../../core/economy/keyFigures.ts';
import { resolveSettings } from '../../core/settings.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { getFederation } from '../federations/federations.ts';

export interface StateInputRow extends StateAllocationInput {
  readonly federationId: number;
}

export interface StateYearSettings {
  readonly year: number;
  readonly totalOre: number;
  readonly maxFallBp: number | null;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1990 || year > 2200) throw new InputError({ field: 'year', message: `${year} är inte ett år.` });
}

export async function listStateInputs(db: Queryable, year: number): Promise<StateInputRow[]> {
  return db.query<StateInputRow>(
    `select f.id as "federationId", f.name as federation, i.population_16_64 as population, i.support_measure_hundredths as "supportMeasureHundredths"
     from state_allocation_input i join federation f on f.id = i.federation_id where i.year = $1 order by f.name`,
    [year],
  );
}

export async function getStateYear(db: Queryable, year: number): Promise<StateYearSettings | null> {
  const [r] = await db.query<StateYearSettings>('select year, total_ore as "totalOre", max_fall_bp as "maxFallBp" from state_allocation_year where year = $1', [year]);
  return r ?? null;
}

/** The state's total and the fall limit for a year. */
export async function saveStateYear(db: Database, year: number, input: { totalOre: number; maxFallBp: number | null }, actor: Actor): Promise<void> {
  checkYear(year);
  const problems: InputProblem[] = [];
  if (!Number.isSafeInteger(input.totalOre) || input.totalOre < 0) problems.push({ field: 'total', message: 'Ange statens totala belopp i kronor.' });
  if (input.maxFallBp !== null && (!Number.isInteger(input.maxFallBp) || input.maxFallBp < 0 || input.maxFallBp > 10000)) problems.push({ field: 'maxFall', message: 'Gränsen ska vara 0–100 %.' });
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into state_allocation_year (year, total_ore, max_fall_bp) values ($1, $2, $3)
       on conflict (year) do update set total_ore = excluded.total_ore, max_fall_bp = excluded.max_fall_bp`,
      [year, input.totalOre, input.maxFallBp],
    );
  }, actor);
}

/** One förbund's inputs for a year (entered in a page). */
export async function saveStateInput(db: Database, federationId: number, year: number, input: { population: number; supportMeasureHundredths: number }, actor: Actor): Promise<void> {
  checkYear(year);
  const problems: InputProblem[] = [];
  if (!Number.isSafeInteger(input.population) || input.population < 0) problems.push({ field: 'population', message: 'Befolkningen ska vara ett heltal, 0 eller större.' });
  if (!Number.isSafeInteger(input.supportMeasureHundredths) || input.supportMeasureHundredths < 0) problems.push({ field: 'supportMeasure', message: 'Försörjningsmåttet ska vara ett tal, 0 eller större.' });
  if (problems.length) throw new InputError(problems);
  await db.transaction(async (tx) => {
    await getFederation(tx, federationId);
    await upsertInput(tx, federationId, year, input);
  }, { ...actor, federationId });
}

async function upsertInput(tx: Queryable, federationId: number, year: number, input: { population: number; supportMeasureHundredths: number }): Promise<void> {
  await tx.query(
    `insert into state_allocation_input (federation_id, year, population_16_64, support_measure_hundredths) values ($1, $2, $3, $4)
     on conflict (federation_id, year) do update set population_16_64 = excluded.population_16_64, support_measure_hundredths = excluded.support_measure_hundredths`,
    [federationId, year, input.population, input.supportMeasureHundredths],
  );
}

/**
 * Stores a whole file's inputs for a year in ONE transaction: every förbund must exist (by exact name); a
 * problem anywhere (named by file, line and field) stores nothing. Returns how many rows were stored.
 */
export async function importStateInputs(
  db: Database,
  year: number,
  rows: readonly (StateAllocationInput & { readonly line: number })[],
  file: string,
  actor: Actor,
): Promise<number> {
  checkYear(year);
  return db.transaction(async (tx) => {
    const ids = new Map((await tx.query<{ id: number; name: string }>('select id, name from federation')).map((f) => [f.name, f.id]));
    const problems: InputProblem[] = rows
      .filter((r) => !ids.has(r.federation))
      .map((r) => ({ file, line: r.line, field: 'förbund', message: `Förbundet "${r.federation}" finns inte i Samordna.` }));
    if (problems.length) throw new InputError(problems);
    for (const r of rows) await upsertInput(tx, ids.get(r.federation)!, year, r);
    return rows.length;
  }, actor);
}

export interface StateAllocationRow {
  readonly federationId: number;
  readonly federation: string;
  readonly population: number;
  readonly supportMeasureHundredths: number;
  readonly baseOre: number;
  readonly supportShareOre: number;
  readonly populationShareOre: number;
  readonly adjustmentOre: number;
  readonly amountOre: number;
  readonly previousOre: number | null;
  /** The equity cap that follows (the förbund's staircase applied to its state amount × 2: the state pays half). */
  readonly equityCapShare: number;
  readonly equityCapOre: number;
}

export interface StateAllocationYear {
  readonly year: number;
  readonly settings: StateYearSettings | null;
  readonly allocation: StateAllocation | null;
  readonly rows: readonly StateAllocationRow[];
  /** Why nothing could be computed (no total, no inputs, or the total does not cover the bases). */
  readonly problem: string | null;
}

async function computeYear(db: Queryable, year: number, depth: number): Promise<StateAllocationYear> {
  const [settings, inputs] = [await getStateYear(db, year), await listStateInputs(db, year)];
  if (!settings) return { year, settings, allocation: null, rows: [], problem: `Statens totala belopp för ${year} är inte angivet.` };
  if (!inputs.length) return { year, settings, allocation: null, rows: [], problem: `Inga underlag (befolkning, försörjningsmått) för ${year}.` };
  let previous: Map<string, number> | undefined;
  if (depth > 0) {
    const prev = await computeYear(db, year - 1, depth - 1);
    if (prev.allocation) previous = new Map(prev.allocation.parts.map((p) => [p.federation, p.amountOre]));
  }
  let allocation: StateAllocation;
  try {
    allocation = computeStateAllocation(inputs, settings.totalOre, { previousOre: previous, maxFallBp: previous ? settings.maxFallBp : null });
  } catch (e) {
    if (e instanceof InputError) return { year, settings, allocation: null, rows: [], problem: e.message };
    throw e;
  }
  const settingsById = new Map(
    (await db.query<{ id: number; settings: unknown }>('select id, settings from federation')).map((f) => [f.id, resolveSettings(f.settings)]),
  );
  const rows = inputs.map((x, i) => {
    const p = allocation.parts[i]!;
    const s = settingsById.get(x.federationId)!;
    // The förbund's whole allocation is the state's half doubled (the region and municipalities pay the rest).
    const whole = p.amountOre * 2;
    return {
      ...x,
      baseOre: p.baseOre,
      supportShareOre: p.supportShareOre,
      populationShareOre: p.populationShareOre,
      adjustmentOre: p.adjustmentOre,
      amountOre: p.amountOre,
      previousOre: previous?.get(x.federation) ?? null,
      equityCapShare: equityCapShareFor(whole, s),
      equityCapOre: equityCapOre(whole, s),
    };
  });
  return { year, settings, allocation, rows, problem: null };
}

/** Every förbund's state allocation for a year (with the fall limit against the year before, when set). */
export async function stateAllocationForYear(db: Queryable, year: number): Promise<StateAllocationYear> {
  return computeYear(db, year, 5);
}

/** What-if on a year's stored inputs. */
export async function stateScenario(db: Queryable, year: number, scenario: StateScenario): Promise<ScenarioComparison> {
  const settings = await getStateYear(db, year);
  if (!settings) throw new InputError({ field: 'year', message: `Statens totala belopp för ${year} är inte angivet.` });
  const inputs = await listStateInputs(db, year);
  return compareScenario(inputs, settings.totalOre, scenario);
}
