import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { createTestDb } from '../../../test/support/db.ts';
import { seedSmallFederation } from '../../../test/support/economy.ts';
import { ForbiddenError } from '../../core/errors.ts';
import type { AppEnv } from '../context.ts';
import { economyPageRoutes } from './economyPages.ts';

/**
 * A reader (e.g. a board member, once logins exist) sees every economy page but no editing forms, and a post
 * is refused. The context is set by hand here as the auth middleware will: every permission but economy:write.
 */
describe('economy pages for a reader without economy:write', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let app: Hono<AppEnv>;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await seedSmallFederation(db)).federationId;
    app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('db', db);
      c.set('ctx', {
        user: { id: 'reader', displayName: 'Läsare' },
        federation: { id: fid, name: 'Samordningsförbundet Test' },
        actor: { id: 'reader', federationId: fid },
        can: (p) => p !== 'economy:write',
      });
      await next();
    });
    economyPageRoutes(app, { db });
    app.onError((err, c) => c.text(err.message, err instanceof ForbiddenError ? 403 : 500));
  });
  afterAll(() => db.drop());

  it('shows the pages without forms that post or edit links', async () => {
    for (const path of [`/f/${fid}`, `/f/${fid}/ar/2026/budget`, `/f/${fid}/medlemmar`, `/f/${fid}/ar/2026/medelstilldelning`, `/f/${fid}/ar/2026/utfall`, `/f/${fid}/ar/2026/driftredovisning`]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toContain('method="post"');
      expect(html, path).not.toMatch(/>Ändra</);
    }
    expect(await (await app.request(`/f/${fid}/ar/2026/medelstilldelning`)).text()).toContain('Medelstilldelning 2026: 1\u00a0200\u00a0000\u00a0kr.');
  });

  it('refuses edits', async () => {
    const post = (path: string) => app.request(path, { method: 'POST', body: new URLSearchParams({ cost: '1' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await post(`/f/${fid}/ar/2026/budget/post/1`)).status).toBe(403);
    expect((await post(`/f/${fid}/medlemmar`)).status).toBe(403);
    expect((await post(`/f/${fid}/ar/2026/utfall`)).status).toBe(403);
    expect((await app.request(`/f/${fid}/ar/2026/budget/post/1`)).status).toBe(403);
  });
});
