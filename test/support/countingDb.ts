import type { Database, Queryable } from '../../src/db/database.ts';

/**
 * A database handle that counts every SQL statement sent through it (queries, exec, and those inside
 * transactions), for tests that hold a page to a number of queries.
 */
export function countingDb(db: Database): { db: Database; count(): number; reset(): void; statements: string[] } {
  const statements: string[] = [];
  const wrap = (q: Queryable): Queryable => ({
    query(sql, params) {
      statements.push(sql);
      return q.query(sql, params);
    },
    exec(sql) {
      statements.push(sql);
      return q.exec(sql);
    },
  });
  const counted: Database = {
    kind: db.kind,
    ...wrap(db),
    transaction: (fn, actor) => db.transaction((tx) => fn(wrap(tx)), actor),
    close: () => db.close(),
  };
  return {
    db: counted,
    statements,
    count: () => statements.length,
    reset: () => {
      statements.length = 0;
    },
  };
}
