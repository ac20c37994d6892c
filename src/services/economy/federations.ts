import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import { resolveSettings, type FederationSettings } from '../../core/settings.ts';

export interface FederationInfo {
  readonly id: number;
  readonly name: string;
  readonly organisationNumber: string | null;
  readonly settings: FederationSettings;
}

type Row = { id: number; name: string; organisation_number: string | null; settings: unknown };
const toInfo = (r: Row): FederationInfo => ({ id: r.id, name: r.name, organisationNumber: r.organisation_number, settings: resolveSettings(r.settings) });

/** The förbund with this id; NotFoundError when there is none. */
export async function getFederation(q: Queryable, federationId: number): Promise<FederationInfo> {
  const [r] = await q.query<Row>('select id, name, organisation_number, settings from federation where id = $1', [federationId]);
  if (!r) throw new NotFoundError('Förbundet finns inte.');
  return toInfo(r);
}

/** The förbund with this exact name; NotFoundError (naming it) when there is none. */
export async function getFederationByName(q: Queryable, name: string): Promise<FederationInfo> {
  const [r] = await q.query<Row>('select id, name, organisation_number, settings from federation where name = $1', [name]);
  if (!r) throw new NotFoundError(`Förbundet "${name}" finns inte.`);
  return toInfo(r);
}

export async function listFederations(q: Queryable): Promise<FederationInfo[]> {
  return (await q.query<Row>('select id, name, organisation_number, settings from federation order by name')).map(toInfo);
}

/** Finds the förbund by name or creates it, inside an open transaction (importers). Returns its id. */
export async function ensureFederation(tx: Queryable, name: string): Promise<number> {
  const [r] = await tx.query<{ id: number }>(
    'insert into federation (name) values ($1) on conflict (name) do update set name = excluded.name returning id',
    [name],
  );
  return r!.id;
}

/** Registers a förbund. */
export async function createFederation(db: Database, input: { name: string; organisationNumber?: string | null }, actor: Actor): Promise<FederationInfo> {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name) throw new InputError({ field: 'name', message: 'Ange förbundets namn.' });
  return db.transaction(async (tx) => {
    const exists = await tx.query('select 1 from federation where name = $1', [name]);
    if (exists.length) throw new InputError({ field: 'name', message: `Det finns redan ett förbund som heter "${name}".` });
    const [r] = await tx.query<Row>(
      'insert into federation (name, organisation_number) values ($1, $2) returning id, name, organisation_number, settings',
      [name, input.organisationNumber ?? null],
    );
    return toInfo(r!);
  }, actor);
}
