import { accountClasses, validateRange, type AccountClass } from '../../core/ledger/classification.ts';
import { InputError } from '../../core/errors.ts';
import type { Actor, Database } from '../../db/database.ts';
import { syncAllLedgerOutcome } from './economy-link.ts';

/**
 * Sets the class of an account range for the förbund (on top of the BAS / Kommun-BAS defaults; the most
 * specific range wins), e.g. 8400–8499 as financial income. The ledger outcome is recomputed.
 */
export async function setClassRange(db: Database, federationId: number, range: { from: string; to: string; class: string }, actor: Actor): Promise<void> {
  validateRange(range.from, range.to, 'konton');
  if (!(accountClasses as readonly string[]).includes(range.class)) {
    throw new InputError({ field: 'klass', message: `Okänd klass "${range.class}". Välj en av: ${accountClasses.join(', ')}.` });
  }
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into ledger_class_range (federation_id, account_from, account_to, class) values ($1, $2, $3, $4)
       on conflict (federation_id, account_from, account_to) do update set class = excluded.class`,
      [federationId, range.from, range.to, range.class as AccountClass],
    );
    await syncAllLedgerOutcome(tx, federationId);
  }, actor);
}
