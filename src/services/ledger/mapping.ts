import { validateRange } from '../../core/ledger/classification.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { syncAllLedgerOutcome } from './economy-link.ts';
import { listMappings } from './ledgerOutcome.ts';
import { findLedgerYear } from './statements.ts';

export { listMappings, loadLedgerOutcome, type MappingRow, type LedgerOutcome } from './ledgerOutcome.ts';

export interface NewMapping {
  readonly budgetLineId: number;
  /** "4000-4999", "4610" or empty. */
  readonly accounts?: string | null;
  /** "6:P01" (dimension:object) or empty. */
  readonly object?: string | null;
}

/** Parses "4000-4999" / "4000–4999" / "4610" into a range. */
export function parseAccountRange(text: string): { from: string; to: string } {
  const m = /^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$/.exec(text);
  if (!m) throw new InputError({ field: 'konton', message: `"${text}" är inte ett konto eller kontointervall (t.ex. 4610 eller 4000-4999).` });
  const from = m[1]!;
  const to = m[2] ?? m[1]!;
  validateRange(from, to, 'konton');
  return { from, to };
}

export function parseObjectRef(text: string): { dimension: string; code: string } {
  const m = /^\s*(\d+)\s*:\s*(\S.*?)\s*$/.exec(text);
  if (!m) throw new InputError({ field: 'objekt', message: `"${text}" ska anges som dimension:objekt, t.ex. 6:P01.` });
  return { dimension: m[1]!, code: m[2]! };
}

export async function addMapping(db: Database, federationId: number, input: NewMapping, actor: Actor): Promise<number> {
  const accounts = input.accounts?.trim() ? parseAccountRange(input.accounts) : null;
  const object = input.object?.trim() ? parseObjectRef(input.object) : null;
  if (!accounts && !object) throw new InputError({ field: 'konton', message: 'Ange konton, ett objekt eller båda.' });
  return db.transaction(async (tx) => {
    const line = await tx.query('select 1 from budget_line where federation_id = $1 and id = $2', [federationId, input.budgetLineId]);
    if (!line[0]) throw new InputError({ field: 'budgetpost', message: 'Budgetposten finns inte i förbundet.' });
    const [row] = await tx.query<{ id: number }>(
      `insert into ledger_mapping (federation_id, budget_line_id, account_from, account_to, dimension, object_code)
       values ($1, $2, $3, $4, $5, $6) returning id`,
      [federationId, input.budgetLineId, accounts?.from ?? null, accounts?.to ?? null, object?.dimension ?? null, object?.code ?? null],
    );
    await syncAllLedgerOutcome(tx, federationId);
    return row!.id;
  }, actor);
}

export async function deleteMapping(db: Database, federationId: number, id: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx.query('delete from ledger_mapping where federation_id = $1 and id = $2 returning id', [federationId, id]);
    if (!rows[0]) throw new NotFoundError('Kopplingen finns inte.');
    await syncAllLedgerOutcome(tx, federationId);
  }, actor);
}

/** Changes an account mapping (budget line, accounts, object); the ledger's outcome follows at once. */
export async function updateMapping(db: Database, federationId: number, mappingId: number, input: NewMapping, actor: Actor): Promise<void> {
  const accounts = input.accounts?.trim() ? parseAccountRange(input.accounts) : null;
  const object = input.object?.trim() ? parseObjectRef(input.object) : null;
  if (!accounts && !object) throw new InputError({ field: 'konton', message: 'Ange konton, ett objekt eller båda.' });
  await db.transaction(async (tx) => {
    const line = await tx.query('select 1 from budget_line where federation_id = $1 and id = $2', [federationId, input.budgetLineId]);
    if (!line[0]) throw new InputError({ field: 'budgetpost', message: 'Budgetposten finns inte i förbundet.' });
    const rows = await tx.query(
      `update ledger_mapping set budget_line_id = $3, account_from = $4, account_to = $5, dimension = $6, object_code = $7
       where federation_id = $1 and id = $2 returning id`,
      [federationId, mappingId, input.budgetLineId, accounts?.from ?? null, accounts?.to ?? null, object?.dimension ?? null, object?.code ?? null],
    );
    if (!rows[0]) throw new NotFoundError('Kopplingen finns inte.');
    await syncAllLedgerOutcome(tx, federationId);
  }, actor);
}

/**
 * Maps every object of a dimension in the förbund's ledger to the budget line with the same name (projects are
 * usually named after their insats), skipping objects already mapped or without exactly one such line.
 * Returns the number of mappings made.
 */
export async function mapObjectsByName(db: Database, federationId: number, dimension: string, actor: Actor): Promise<{ mapped: number; skipped: string[] }> {
  return db.transaction(async (tx) => {
    const objects = await tx.query<{ code: string; name: string }>(
      `select distinct o.code, o.name from ledger_object o join ledger_year y on y.id = o.year_id and y.federation_id = o.federation_id
       where o.federation_id = $1 and o.dimension = $2 and y.state = 'active' order by o.code`,
      [federationId, dimension],
    );
    const lines = await tx.query<{ id: number; label: string }>('select id, label from budget_line where federation_id = $1', [federationId]);
    const existing = new Set((await listMappings(tx, federationId)).filter((m) => m.dimension === dimension && m.accountFrom === null).map((m) => m.objectCode));
    let mapped = 0;
    const skipped: string[] = [];
    for (const o of objects) {
      if (existing.has(o.code)) continue;
      const matches = lines.filter((l) => l.label.trim().toLocaleLowerCase('sv') === o.name.trim().toLocaleLowerCase('sv'));
      if (matches.length !== 1) {
        skipped.push(`${dimension}:${o.code} ${o.name}`);
        continue;
      }
      await tx.query('insert into ledger_mapping (federation_id, budget_line_id, dimension, object_code) values ($1, $2, $3, $4)', [federationId, matches[0]!.id, dimension, o.code]);
      mapped++;
    }
    await syncAllLedgerOutcome(tx, federationId);
    return { mapped, skipped };
  }, actor);
}

export interface BudgetLineRow {
  id: number;
  section: string;
  label: string;
}

/** The förbund's budget lines for the mapping form, in the order the form lists them. */
export async function listMappableBudgetLines(db: Queryable, federationId: number): Promise<BudgetLineRow[]> {
  return db.query<BudgetLineRow>('select id, section, label from budget_line where federation_id = $1 order by sort_order, section, label', [federationId]);
}

/** Names of the accounts and objects in a year's ledger, for the page (and the form's suggestions). */
export async function ledgerNames(db: Queryable, federationId: number, year: number | null) {
  const ref = year === null ? null : await findLedgerYear(db, federationId, year);
  if (!ref) return { accounts: new Map<string, string>(), objects: [] as { dimension: string; code: string; name: string; dimensionName: string }[] };
  const accounts = await db.query<{ account: string; name: string }>('select account, name from ledger_account where federation_id = $1 and year_id = $2', [federationId, ref.yearId]);
  const objects = await db.query<{ dimension: string; code: string; name: string; dimension_name: string | null }>(
    `select o.dimension, o.code, o.name, d.name as dimension_name from ledger_object o
     left join ledger_dimension d on d.year_id = o.year_id and d.dimension = o.dimension
     where o.federation_id = $1 and o.year_id = $2 order by o.dimension, o.code`,
    [federationId, ref.yearId],
  );
  return {
    accounts: new Map(accounts.map((a) => [a.account, a.name])),
    objects: objects.map((o) => ({ dimension: o.dimension, code: o.code, name: o.name, dimensionName: o.dimension_name ?? `Dimension ${o.dimension}` })),
  };
}
