import type { Queryable } from './database.ts';

/**
 * For one read-only operation that asks the same questions several times (the dashboard computes a year's
 * key figures, its statement and the five-year overview from the same rows): identical queries with identical
 * parameters are sent once. Only for reads — `exec` is refused. Rows are frozen so no caller can change
 * another caller's copy.
 */
export function memoizeReads(q: Queryable): Queryable {
  const cache = new Map<string, Promise<readonly unknown[]>>();
  return {
    query<T>(sql: string, params: readonly unknown[] = []) {
      const key = JSON.stringify([sql, params]);
      let hit = cache.get(key);
      if (!hit) {
        hit = q.query(sql, params).then((rows) => Object.freeze(rows.map((r) => Object.freeze(r))));
        cache.set(key, hit);
      }
      return hit as Promise<T[]>;
    },
    exec() {
      return Promise.reject(new Error('memoizeReads: bara läsningar'));
    },
  };
}
