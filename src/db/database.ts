/**
 * The one database interface every layer above persistence uses. Two implementations:
 * embedded PostgreSQL (PGlite, in-process, data in a directory) and a PostgreSQL server (pg).
 * Both speak the same SQL; nothing above this file knows which one it has.
 */

/** Who is acting. Set on every write transaction so the audit trail can record it. */
export interface Actor {
  /** User id, or a fixed label for system actors such as "cli" or "demo-loader". */
  readonly id: string;
  readonly federationId?: number | null;
}

export interface Queryable {
  /** Runs one statement with $1, $2 … parameters and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations, schema set-up). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'server';
  /**
   * Runs fn inside one transaction: commits when it resolves, rolls back when it throws.
   * The actor is visible to triggers as current_setting('samordna.actor').
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, actor?: Actor): Promise<T>;
  /**
   * For a long job that works in many short statements outside a transaction (the SIE import stages its rows
   * so): call it before each statement. The embedded database has ONE session, so every statement waits for
   * the one before it; this resolves once no other statement or transaction is running or waiting and none has
   * for a moment, so other requests go first, or after at most `maxWaitMs` so the job still advances. It
   * cannot let anyone into a transaction: a transaction holds the session, and whoever else used it would read
   * and write inside that transaction (see docs/ARCHITECTURE.md, "Long imports"). Absent on a server, whose
   * sessions run side by side.
   */
  giveWay?(maxWaitMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** SQL run first in every transaction so that triggers (audit) know who acts. */
export function actorSettingsSql(actor: Actor | undefined): { sql: string; params: unknown[] } {
  return {
    sql: "select set_config('samordna.actor', $1, true), set_config('samordna.federation', $2, true)",
    params: [actor?.id ?? 'system', actor?.federationId == null ? '' : String(actor.federationId)],
  };
}

/** int8 columns hold öre and counts: parse them as numbers, refusing any that would lose precision. */
export function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Heltal utanför säkert intervall: ${value}`);
  return n;
}
