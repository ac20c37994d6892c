import type { Actor, Database, Queryable } from '../../db/database.ts';
import { isBlank, parseOrganisationNumber, textProblems } from '../../core/input/index.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { equityCapStepProblems, resolveSettings, type FederationSettings } from '../../core/settings.ts';
import type { InputProblem } from '../../core/errors.ts';
import { countyRefusal, isCounty } from '../../core/counties.ts';

export interface FederationInfo {
  readonly id: number;
  readonly name: string;
  readonly organisationNumber: string | null;
  /** The county (län) the förbund is in; null when not given (the national view says "Län saknas"). */
  readonly county: string | null;
  readonly settings: FederationSettings;
}

type Row = { id: number; name: string; organisation_number: string | null; county: string | null; settings: unknown };
const toInfo = (r: Row): FederationInfo => ({ id: r.id, name: r.name, organisationNumber: r.organisation_number, county: r.county, settings: resolveSettings(r.settings) });

/** The förbund with this id; NotFoundError when there is none. */
export async function getFederation(q: Queryable, federationId: number): Promise<FederationInfo> {
  const [r] = await q.query<Row>('select id, name, organisation_number, county, settings from federation where id = $1', [federationId]);
  if (!r) throw new NotFoundError('Förbundet finns inte.');
  return toInfo(r);
}

/** The förbund's settings, defaults filled in; NotFoundError when there is no such förbund. */
export async function federationSettingsOf(q: Queryable, federationId: number): Promise<FederationSettings> {
  const [r] = await q.query<{ settings: unknown }>('select settings from federation where id = $1', [federationId]);
  if (!r) throw new NotFoundError('Förbundet finns inte.');
  return resolveSettings(r.settings);
}

/** The smallest count the förbund shows in its statistics (its setting); NotFoundError when there is no such förbund. */
export async function minCellSizeOf(q: Queryable, federationId: number): Promise<number> {
  return (await federationSettingsOf(q, federationId)).minCellSize;
}

/** The förbund's id and name (what every page under it shows), or null when there is none. */
export async function findFederationRef(q: Queryable, federationId: number): Promise<{ id: number; name: string } | null> {
  // federation.id is an integer: a larger number cannot be a förbund (and must not become a cast error).
  if (!Number.isSafeInteger(federationId) || federationId < 1 || federationId > 2147483647) return null;
  const [r] = await q.query<{ id: number; name: string }>('select id, name from federation where id = $1', [federationId]);
  return r ?? null;
}

/** The förbund with this exact name; NotFoundError (naming it) when there is none. */
export async function getFederationByName(q: Queryable, name: string): Promise<FederationInfo> {
  const [r] = await q.query<Row>('select id, name, organisation_number, county, settings from federation where name = $1', [name]);
  if (!r) throw new NotFoundError(`Förbundet "${name}" finns inte.`);
  return toInfo(r);
}

/** The förbund with this name, or else with this id (the CLI takes either); null when there is none. */
export async function findFederationByNameOrId(q: Queryable, nameOrId: string): Promise<FederationInfo | null> {
  const [r] = await q.query<Row>(
    'select id, name, organisation_number, county, settings from federation where name = $1 or id::text = $1 order by (name = $1) desc limit 1',
    [nameOrId],
  );
  return r ? toInfo(r) : null;
}

export async function listFederations(q: Queryable): Promise<FederationInfo[]> {
  return (await q.query<Row>('select id, name, organisation_number, county, settings from federation order by name')).map(toInfo);
}

/** Finds the förbund by name or creates it, inside an open transaction (importers). Returns its id. */
/** Sets the förbund's county (län) when it differs (a reference file names it; inside the caller's transaction). */
export async function setFederationCounty(tx: Queryable, federationId: number, county: string | null): Promise<void> {
  await tx.query('update federation set county = $2 where id = $1 and county is distinct from $2', [federationId, county]);
}

export async function ensureFederation(tx: Queryable, name: string): Promise<number> {
  const problems = textProblems('federation', name, { kind: 'name' });
  if (problems.length) throw new InputError(problems);
  const [r] = await tx.query<{ id: number }>(
    'insert into federation (name) values ($1) on conflict (name) do update set name = excluded.name returning id',
    [name],
  );
  return r!.id;
}

/** The förbund with this name, registered first when there is none (the CLI's survey command); its id, and whether it is new. */
export async function ensureFederationByName(db: Database, name: string, actor: Actor): Promise<{ id: number; created: boolean }> {
  const [found] = await db.query<{ id: number }>('select id from federation where name = $1', [name]);
  if (found) return { id: found.id, created: false };
  return { id: await db.transaction((tx) => ensureFederation(tx, name), actor), created: true };
}

/**
 * Registers a förbund (the system administrator, the demo, tests). The organisation number is optional; when
 * given it must be a legal person's number with a valid check digit, and no other förbund may have it.
 */
export async function createFederation(db: Database, input: { name: string; organisationNumber?: string | null; county?: string | null }, actor: Actor): Promise<FederationInfo> {
  const { name, organisationNumber, county } = federationInput(input);
  return db.transaction(async (tx) => {
    await assertUnique(tx, null, name, organisationNumber);
    const [r] = await tx.query<Row>(
      'insert into federation (name, organisation_number, county) values ($1, $2, $3) returning id, name, organisation_number, county, settings',
      [name, organisationNumber, county],
    );
    return toInfo(r!);
  }, actor);
}

/** Renames a förbund or changes its organisation number or county (the system administrator). */
export async function updateFederation(db: Database, federationId: number, input: { name: string; organisationNumber?: string | null; county?: string | null }, actor: Actor): Promise<FederationInfo> {
  const { name, organisationNumber, county } = federationInput(input);
  return db.transaction(async (tx) => {
    await getFederation(tx, federationId);
    await assertUnique(tx, federationId, name, organisationNumber);
    const [r] = await tx.query<Row>(
      // A caller that does not give the county leaves it as it is.
      'update federation set name = $2, organisation_number = $3, county = case when $5::boolean then $4 else county end where id = $1 returning id, name, organisation_number, county, settings',
      [federationId, name, organisationNumber, county, input.county !== undefined],
    );
    return toInfo(r!);
  }, actor);
}

/** Every förbund with its number of accounts, for the system administrator's list. */
export async function listFederationsWithUserCounts(q: Queryable): Promise<(FederationInfo & { users: number })[]> {
  const rows = await q.query<Row & { users: number }>(
    `select f.id, f.name, f.organisation_number, f.county, f.settings, count(r.user_id)::int as users
     from federation f left join federation_role r on r.federation_id = f.id group by f.id order by f.name`,
  );
  return rows.map((r) => ({ ...toInfo(r), users: r.users }));
}

function federationInput(input: { name: unknown; organisationNumber?: unknown; county?: unknown }): { name: string; organisationNumber: string | null; county: string | null } {
  const problems: InputProblem[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) problems.push({ field: 'name', message: 'Ange förbundets namn.' });
  else problems.push(...textProblems('name', name, { kind: 'name' }));
  let organisationNumber: string | null = null;
  if (!isBlank(input.organisationNumber)) {
    const parsed = parseOrganisationNumber(input.organisationNumber);
    if (parsed.ok) organisationNumber = parsed.value;
    else problems.push({ field: 'organisationNumber', message: parsed.message });
  }
  const county = typeof input.county === 'string' && input.county.trim() ? input.county.trim() : null;
  if (county !== null && !isCounty(county)) problems.push({ field: 'county', message: countyRefusal });
  if (problems.length) throw new InputError(problems);
  return { name, organisationNumber, county };
}

async function assertUnique(tx: Queryable, exceptId: number | null, name: string, organisationNumber: string | null): Promise<void> {
  const problems: InputProblem[] = [];
  if ((await tx.query('select 1 from federation where name = $1 and id is distinct from $2', [name, exceptId])).length) {
    problems.push({ field: 'name', message: `Det finns redan ett förbund som heter "${name}".` });
  }
  if (organisationNumber !== null && (await tx.query('select 1 from federation where organisation_number = $1 and id is distinct from $2', [organisationNumber, exceptId])).length) {
    problems.push({ field: 'organisationNumber', message: `Ett annat förbund har redan organisationsnummer ${organisationNumber}.` });
  }
  if (problems.length) throw new InputError(problems);
}

/** Validates a change of the förbund's limits (equity cap as a share 0–1, floor in öre or null, cell size ≥ 1). */
export function settingsProblems(change: Partial<FederationSettings>): InputProblem[] {
  const problems: InputProblem[] = [];
  if (change.equityCapShare !== undefined && (typeof change.equityCapShare !== 'number' || !(change.equityCapShare >= 0 && change.equityCapShare <= 1))) {
    problems.push({ field: 'equityCapShare', message: 'Taket anges som andel av tilldelningen, 0–1 (20 % = 0.2).' });
  }
  if (change.equityCapSteps !== undefined) {
    for (const message of equityCapStepProblems(change.equityCapSteps)) problems.push({ field: 'equityCapSteps', message });
  }
  if (change.equityFloorOre !== undefined && change.equityFloorOre !== null && (!Number.isSafeInteger(change.equityFloorOre) || change.equityFloorOre < 0)) {
    problems.push({ field: 'equityFloorOre', message: 'Golvet ska vara ett belopp, 0 eller större.' });
  }
  if (change.minCellSize !== undefined && (!Number.isInteger(change.minCellSize) || change.minCellSize < 1)) {
    problems.push({ field: 'minCellSize', message: 'Minsta cellstorlek ska vara ett heltal, 1 eller större.' });
  }
  if (change.protectionInterval !== undefined && (!Number.isInteger(change.protectionInterval) || change.protectionInterval < 1 || change.protectionInterval > 100)) {
    problems.push({ field: 'protectionInterval', message: 'Skyddsintervallet ska vara ett heltal 1–100.' });
  }
  if (change.statisticsClosingDays !== undefined && (!Number.isInteger(change.statisticsClosingDays) || change.statisticsClosingDays < 0 || change.statisticsClosingDays > 366)) {
    problems.push({ field: 'statisticsClosingDays', message: 'Dagar innan året stängs ska vara ett heltal 0–366.' });
  }
  if (change.statisticsPeriodMonths !== undefined && change.statisticsPeriodMonths !== 12) {
    problems.push({ field: 'statisticsPeriodMonths', message: 'Statistiken publiceras per kalenderår (12 månader); kortare perioder skulle peka ut enskilda registreringar.' });
  }
  return problems;
}

/** Changes some of the förbund's limits (the rest keep their stored or default values). */
export async function saveFederationSettings(db: Database, federationId: number, change: Partial<FederationSettings>, actor: Actor): Promise<FederationSettings> {
  const problems = settingsProblems(change);
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    const current = await getFederation(tx, federationId);
    const next: FederationSettings = { ...current.settings, ...change };
    const [r] = await tx.query<Row>(
      "update federation set settings = settings || $2::jsonb where id = $1 returning id, name, organisation_number, county, settings",
      [federationId, JSON.stringify(next)],
    );
    return toInfo(r!).settings;
  }, actor);
}
