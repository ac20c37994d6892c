import { InputError } from '../../core/errors.ts';
import { SupportSource } from '../../core/interventions/vocabulary.ts';
import { defaultUnitCosts } from '../../core/value/defaultUnitCosts.ts';
import { payers, type Payer, type UnitCost } from '../../core/value/valueModel.ts';
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { getFederation } from '../federations/federations.ts';

/** The unit-cost table of a förbund-year: its own when imported, else the shipped default. */
export interface UnitCostTable {
  readonly origin: 'own' | 'default';
  readonly costs: readonly UnitCost[];
}

export async function unitCostTable(db: Queryable, federationId: number, year: number): Promise<UnitCostTable> {
  await getFederation(db, federationId);
  const rows = await db.query<{ supportSource: UnitCost['supportSource']; payer: Payer; annualOre: string; source: string }>(
    `select support_source as "supportSource", payer, annual_ore::text as "annualOre", source from value_unit_cost
     where federation_id = $1 and year = $2 order by support_source, payer`,
    [federationId, year],
  );
  if (!rows.length) return { origin: 'default', costs: defaultUnitCosts };
  return { origin: 'own', costs: rows.map((r) => ({ ...r, annualOre: Number(r.annualOre) })) };
}

/**
 * Replaces a year's unit-cost table as a whole (all or nothing: one transaction). Every figure must have a
 * known support source and payer and a source; duplicates are refused.
 */
export async function replaceUnitCosts(db: Database, federationId: number, year: number, costs: readonly UnitCost[], actor: Actor): Promise<number> {
  const problems = costs.flatMap((c, i) => [
    ...(SupportSource.codes.includes(c.supportSource) ? [] : [{ line: i + 1, field: 'stödform', message: `Okänd stödform "${c.supportSource}".` }]),
    ...(payers.includes(c.payer) ? [] : [{ line: i + 1, field: 'betalare', message: `Okänd betalare "${c.payer}".` }]),
    ...(c.source.trim() ? [] : [{ line: i + 1, field: 'källa', message: 'Källa saknas: varje belopp ska ha sin källa.' }]),
    ...(Number.isSafeInteger(c.annualOre) ? [] : [{ line: i + 1, field: 'kronor_per_år', message: 'Beloppet är inte ett belopp i hela ören.' }]),
  ]);
  const seen = new Set<string>();
  costs.forEach((c, i) => {
    const k = `${c.supportSource}|${c.payer}`;
    if (seen.has(k)) problems.push({ line: i + 1, field: 'stödform', message: `${c.supportSource} för ${c.payer} finns två gånger.` });
    seen.add(k);
  });
  if (problems.length) throw new InputError(problems);
  return db.transaction(async (tx) => {
    await getFederation(tx, federationId);
    await tx.query('delete from value_unit_cost where federation_id = $1 and year = $2', [federationId, year]);
    for (const c of costs) {
      await tx.query('insert into value_unit_cost (federation_id, year, support_source, payer, annual_ore, source) values ($1, $2, $3, $4, $5, $6)', [
        federationId,
        year,
        c.supportSource,
        c.payer,
        c.annualOre,
        c.source.trim(),
      ]);
    }
    return costs.length;
  }, actor);
}
