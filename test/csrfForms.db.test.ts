import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from './support/db.ts';
import { addTestUser, loginAs, type TestSession } from './support/auth.ts';
import { createApp } from '../src/http/app.tsx';
import { federationRowIds, fillRoute, hasOtherIdParam, registeredRoutes } from './support/routes.ts';

/**
 * Every form that posts must carry the CSRF field, or it fails for logged-in users. Renders every GET page
 * the app registers (ids filled with the förbund's own rows) as its kansli and checks each
 * <form method="post">. Pages other areas add are covered without touching this file.
 */

process.env.SAMORDNA_LOG = 'off';
process.env.SAMORDNA_LOGIN_RATE_PER_MINUTE = '100000';

describe('CSRF field in every posting form', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: ReturnType<typeof createApp>;
  let session: TestSession;
  let fid: number;
  let ids: number[];

  beforeAll(async () => {
    db = await createTestDb();
    [{ id: fid }] = (await db.query<{ id: number }>("insert into federation (name) values ('Förbund A') returning id")) as [{ id: number }];
    await db.query("insert into member (federation_id, name, kind) values ($1, 'Region', 'region')", [fid]);
    await addTestUser(db, { email: 'kansli@a.se', federationId: fid, role: 'kansli' });
    await addTestUser(db, { email: 'admin@a.se', admin: true, federationId: fid, role: 'kansli' });
    app = createApp({ db });
    session = await loginAs(app, 'admin@a.se');
    ids = await federationRowIds(db, fid, true);
  });
  afterAll(() => db.drop());

  it('holds for every page', async () => {
    const pages = registeredRoutes(app).filter((r) => r.method === 'GET' && !r.path.startsWith('/api/'));
    const missing: string[] = [];
    let checkedForms = 0;
    for (const r of pages) {
      const candidates = hasOtherIdParam(r.path) ? ids : [fid];
      for (const id of candidates) {
        const url = fillRoute(r.path, fid, id);
        const res = await session.request(url);
        if (res.status !== 200 || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
        const html = await res.text();
        for (const form of html.match(/<form\b[^>]*>[\s\S]*?<\/form>/gi) ?? []) {
          if (!/method="post"/i.test(form)) continue;
          checkedForms += 1;
          if (!form.includes(`name="_csrf" value="${session.csrf}"`)) missing.push(`${url}: ${form.slice(0, 120)}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(checkedForms).toBeGreaterThan(4);
  });
});
