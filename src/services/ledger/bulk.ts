import type { Queryable } from '../../db/database.ts';

/**
 * Batched multi-row inserts through unnest() of parameter arrays: one statement per batch, the same SQL on
 * embedded PostgreSQL (PGlite) and a PostgreSQL server. Columns are given with their array types.
 */
export class BulkInserter {
  private readonly columns: unknown[][];
  private count = 0;
  constructor(
    private readonly tx: Queryable,
    private readonly sql: string,
    arity: number,
    private readonly batchSize = 4000,
  ) {
    this.columns = Array.from({ length: arity }, () => []);
  }

  async add(...values: unknown[]): Promise<void> {
    for (let i = 0; i < values.length; i++) this.columns[i]!.push(values[i]);
    if (++this.count >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.count === 0) return;
    const params = this.columns.map((c) => c.splice(0));
    this.count = 0;
    await this.tx.query(this.sql, params);
  }
}
