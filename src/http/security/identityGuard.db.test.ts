import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { fillRoute, registeredRoutes } from '../../../test/support/routes.ts';
import { createApp } from '../app.tsx';
import { normaliseForIdentityCheck } from '../../core/privacy/normalise.ts';

process.env.SAMORDNA_LOG = 'off';

/**
 * Every write of the API, sent a JSON body whose fields (and one key) hold a personnummer in the spellings the
 * earlier guard missed, is refused 400 before the route runs, and the answer never repeats the number — the
 * issue's example is ledger/mapping with the number in `accounts`.
 */
describe('the identity guard on every API body', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDb();
    await db.query("insert into federation (name) values ('Förbund A')");
    app = createApp({ db }); // the local administrator: every route is open to it
  });
  afterAll(() => db.drop());

  it('refuses every API write with a number in any field, naming the field, never the number', async () => {
    const writes = registeredRoutes(app).filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.path.startsWith('/api/'));
    expect(writes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const r of writes) {
      const body = { accounts: '4010, 811228:9874', name: 'Team \u0668\u0661\u0661\u0662\u0662\u0668-\u0669\u0668\u0667\u0664', goals: [{ text: '8112 2898 74' }], '811228_9874': true };
      const res = await app.request(fillRoute(r.path, 1, 1), { method: r.method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      const text = await res.text();
      if (res.status !== 400) failures.push(`${r.method} ${r.path} → ${res.status}`);
      if (normaliseForIdentityCheck(text).replace(/[^0-9]/g, '').includes('8112289874')) failures.push(`${r.method} ${r.path} repeats the number`);
      const fields = (JSON.parse(text) as { problems?: { field?: string }[] }).problems?.map((p) => p.field) ?? [];
      if (!['accounts', 'name', 'goals[0].text'].every((f) => fields.includes(f))) failures.push(`${r.method} ${r.path} names ${fields.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });
});
