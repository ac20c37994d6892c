import { describe, expect, it } from 'vitest';
import type { Queryable } from './database.ts';
import { memoizeReads } from './memoizeReads.ts';

function counting(): Queryable & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async query<T>(sql: string, params: readonly unknown[] = []) {
      calls.push(`${sql} ${JSON.stringify(params)}`);
      return [{ sql, params }] as T[];
    },
    async exec() {},
  };
}

describe('memoizeReads', () => {
  it('sends an identical query with identical parameters once, and different ones each', async () => {
    const inner = counting();
    const q = memoizeReads(inner);
    const a = await q.query('select $1', [1]);
    const b = await q.query('select $1', [1]);
    await q.query('select $1', [2]);
    await q.query('select 2', [1]);
    expect(b).toBe(a);
    expect(inner.calls).toEqual(['select $1 [1]', 'select $1 [2]', 'select 2 [1]']);
  });

  it('hands out rows nobody can change, and refuses exec', async () => {
    const q = memoizeReads(counting());
    const rows = await q.query<{ sql: string }>('select 1');
    expect(() => {
      (rows[0] as { sql: string }).sql = 'x';
    }).toThrow(TypeError);
    await expect(q.exec('delete from x')).rejects.toThrow(/bara läsningar/);
  });
});
