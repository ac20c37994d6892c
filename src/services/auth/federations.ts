import type { Actor, Database } from '../../db/database.ts';
import { InputError } from '../../core/errors.ts';

/** The system administrator adds a förbund (a tenant) to the installation. */
export async function createFederation(db: Database, input: { name: string; organisationNumber?: string }, actor: Actor): Promise<{ id: number; name: string }> {
  const name = input.name.trim();
  if (!name) throw new InputError({ field: 'name', message: 'Ange förbundets namn.' });
  if (name.length > 200) throw new InputError({ field: 'name', message: 'Namnet får ha högst 200 tecken.' });
  const org = input.organisationNumber?.trim() || null;
  if (org !== null && !/^\d{6}-\d{4}$/.test(org)) {
    throw new InputError({ field: 'organisationNumber', message: 'Organisationsnumret skrivs NNNNNN-NNNN.' });
  }
  return db.transaction(async (tx) => {
    if ((await tx.query('select 1 from federation where name = $1', [name])).length) {
      throw new InputError({ field: 'name', message: `Det finns redan ett förbund som heter ${name}.` });
    }
    const [f] = await tx.query<{ id: number; name: string }>('insert into federation (name, organisation_number) values ($1, $2) returning id, name', [name, org]);
    return f!;
  }, actor);
}
