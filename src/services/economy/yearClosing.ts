/**
 * Closing a year (bokslut, "Stäng året"): only a closed year is complete — its figures are the year's outcome and
 * nothing is forecast (src/core/economy/period.ts). The kansli closes it with date and person and may reopen it
 * until the annual report of the year is adopted (locked). A year imported from a published report arrives closed.
 * Both are audited (year_closing has the audit trigger; migration 0230).
 */
import type { Actor, Database, Queryable } from '../../db/database.ts';
import { InputError, NotFoundError } from '../../core/errors.ts';
import type { YearClosing } from '../../core/economy/period.ts';

/** Who closed the year (the user's name when the actor is a user account) and when; null when the year is open. */
export async function getYearClosing(q: Queryable, federationId: number, year: number): Promise<YearClosing | null> {
  const [r] = await q.query<YearClosing>(
    `select to_char(c.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "closedAt",
            coalesce((select u.display_name from app_user u where u.id::text = c.closed_by), c.closed_by) as "closedBy"
     from year_closing c where c.federation_id = $1 and c.year = $2`,
    [federationId, year],
  );
  return r ?? null;
}

async function assertYearExists(tx: Queryable, federationId: number, year: number): Promise<void> {
  const [y] = await tx.query('select 1 from fiscal_year where federation_id = $1 and year = $2 for update', [federationId, year]);
  if (!y) throw new NotFoundError(`Året ${year} finns inte för förbundet.`);
}

/** Marks a year closed inside an open transaction (the acting person from the transaction); no-op when closed. */
export async function markYearClosed(tx: Queryable, federationId: number, year: number): Promise<void> {
  await tx.query(
    `insert into year_closing (federation_id, year, closed_by)
     values ($1, $2, coalesce(nullif(current_setting('samordna.actor', true), ''), 'system'))
     on conflict (federation_id, year) do nothing`,
    [federationId, year],
  );
}

/** The kansli closes the year (bokslut). Refused when it is already closed. */
export async function closeYear(db: Database, federationId: number, year: number, actor: Actor): Promise<YearClosing> {
  return db.transaction(async (tx) => {
    await assertYearExists(tx, federationId, year);
    const closed = await getYearClosing(tx, federationId, year);
    if (closed) throw new InputError({ field: 'year', message: `Året ${year} är redan stängt (${closed.closedAt.slice(0, 10)}).` });
    await markYearClosed(tx, federationId, year);
    return (await getYearClosing(tx, federationId, year))!;
  }, actor);
}

/** The kansli opens a closed year again; refused once the year's annual report is adopted (locked). */
export async function reopenYear(db: Database, federationId: number, year: number, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await assertYearExists(tx, federationId, year);
    if (!(await getYearClosing(tx, federationId, year))) throw new InputError({ field: 'year', message: `Året ${year} är inte stängt.` });
    const [report] = await tx.query<{ status: string }>('select status from annual_report where federation_id = $1 and year = $2', [federationId, year]);
    if (report?.status === 'adopted') {
      throw new InputError({ field: 'year', message: `Årsredovisningen ${year} är fastställd och låst; året kan inte öppnas igen förrän årsredovisningen har öppnats (med skäl).` });
    }
    await tx.query('delete from year_closing where federation_id = $1 and year = $2', [federationId, year]);
  }, actor);
}
