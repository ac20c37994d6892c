import type { Database, Queryable } from '../../db/database.ts';

/**
 * Failed sign-ins per address — wrong passwords and wrong second-factor codes alike — and the lockout they
 * lead to. Only a finished login (both factors) counts as a success and clears the count.
 */
/** After this many failed logins (passwords or codes) for one address within the window, the address is locked for the window. */
export const maxFailedLogins = 5;
export const lockoutMinutes = 15;

/** Minutes left of a lockout of the address, or null when it is not locked. */
export async function lockedMinutes(db: Queryable, email: string): Promise<number | null> {
  const [recent] = await db.query<{ failures: number; minutesLeft: number | null }>(
    `select count(*)::int as failures,
            ceil(extract(epoch from (min(attempted_at) + make_interval(mins => $2) - now())) / 60)::int as "minutesLeft"
     from (select attempted_at from auth_login_attempt
           where email = $1 and not succeeded and attempted_at > now() - make_interval(mins => $2)
             and attempted_at > coalesce((select max(attempted_at) from auth_login_attempt where email = $1 and succeeded), '-infinity')
           order by attempted_at desc limit $3) f`,
    [email, lockoutMinutes, maxFailedLogins],
  );
  return (recent?.failures ?? 0) >= maxFailedLogins ? Math.max(1, recent?.minutesLeft ?? lockoutMinutes) : null;
}

export async function recordLoginAttempt(db: Database, email: string, succeeded: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('insert into auth_login_attempt (email, succeeded) values ($1, $2)', [email, succeeded]);
    await tx.query("delete from auth_login_attempt where attempted_at < now() - interval '1 day'");
  }, { id: email });
}

