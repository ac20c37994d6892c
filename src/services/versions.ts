import type { Queryable } from '../db/database.ts';

/**
 * The data versions the in-memory caches are checked against, and the database's clock, read fresh for a request.
 *
 * - `figures`: samordna_internal.figures_version (migration 0101), bumped by every write to the data the year's
 *   figures rest on (src/services/economy/yearFacts.ts);
 * - `auth`: samordna_internal.auth_version (migration 0180), bumped by every write that ends or changes a session
 *   or changes an account, a role or an assignment (src/services/auth/sessions.ts);
 * - `nowMs`: the database's now(), for a cached session's expiry and idle time (the clock the session was
 *   written with).
 *
 * FRESH means: read by a statement sent after the caller asked. Concurrent requests share one statement — a
 * caller joins the statement that has not been sent yet, never one already on its way — so under load one round
 * trip serves every request that arrived meanwhile, and a write committed before a request arrived is always
 * seen by it (whichever process wrote it). At most two such statements per database handle are in flight.
 */
export interface Versions {
  readonly figures: string;
  readonly auth: string;
  readonly nowMs: number;
}

/** The figures version as SQL text, to read it inside another statement (the year's facts, a session's lookup). */
export const figuresVersionSql = '(select version::text from samordna_internal.figures_version)';
/** The auth version as SQL text, likewise. */
export const authVersionSql = '(select version::text from samordna_internal.auth_version)';

const versionsSql = `select ${figuresVersionSql} as figures, ${authVersionSql} as auth, (extract(epoch from now()) * 1000)::float8 as "nowMs"`;

interface Batch {
  readonly promise: Promise<Versions>;
  resolve(v: Versions): void;
  reject(e: unknown): void;
}
interface State {
  /** The statement not sent yet: callers join it. */
  waiting: Batch | null;
  inFlight: number;
}
/**
 * Statements in flight at once per database handle. Two overlap the round trips (a caller waits about one, not
 * up to two) and still let every caller under load share a statement with the others who asked meanwhile.
 */
const maxInFlight = 2;
const states = new WeakMap<Queryable, State>();

/** Counters for tests and the bench: callers served and statements sent. */
export const versionStats = { reads: 0, statements: 0 };

function newBatch(): Batch {
  let resolve!: (v: Versions) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<Versions>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function send(q: Queryable, s: State): void {
  const batch = s.waiting!;
  s.waiting = null;
  s.inFlight++;
  versionStats.statements++;
  // The next statement (for those who asked meanwhile) is sent before this one's callers go on.
  const done = () => {
    s.inFlight--;
    if (s.waiting) send(q, s);
  };
  q.query<{ figures: string; auth: string; nowMs: number | string }>(versionsSql).then(
    ([r]) => {
      done();
      batch.resolve({ figures: r!.figures, auth: r!.auth, nowMs: Number(r!.nowMs) });
    },
    (e: unknown) => {
      done();
      batch.reject(e);
    },
  );
}

/** The versions and the database clock, read after this call (see above). */
export function freshVersions(q: Queryable): Promise<Versions> {
  versionStats.reads++;
  let s = states.get(q);
  if (!s) states.set(q, (s = { waiting: null, inFlight: 0 }));
  if (s.waiting) return s.waiting.promise;
  s.waiting = newBatch();
  const p = s.waiting.promise;
  if (s.inFlight < maxInFlight) send(q, s);
  return p;
}
