import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/support/db.ts';
import { seedSmallFederation } from '../../../test/support/economy.ts';
import { addTestUser, loginAs, type TestSession } from '../../../test/support/auth.ts';
import { createApp } from '../app.tsx';

/**
 * A board member (styrelse: every economy page, no economy:write) logged in through the real login sees the
 * pages but no editing forms, and a post is refused.
 */
describe('economy pages for a board member', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  let session: TestSession;
  let fid: number;
  beforeAll(async () => {
    db = await createTestDb();
    fid = (await seedSmallFederation(db)).federationId;
    await addTestUser(db, { email: 'ledamot@example.se', federationId: fid, role: 'styrelse' });
    session = await loginAs(createApp({ db }), 'ledamot@example.se');
  });
  afterAll(() => db.drop());

  it('shows the pages without forms that post or edit links', async () => {
    for (const path of [`/f/${fid}`, `/f/${fid}/ar/2026/budget`, `/f/${fid}/medlemmar`, `/f/${fid}/ar/2026/medelstilldelning`, `/f/${fid}/ar/2026/utfall`, `/f/${fid}/ar/2026/driftredovisning`]) {
      const res = await session.request(path);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const main = html.slice(html.indexOf('<main'));
      expect(main, path).not.toContain('method="post"');
      expect(main, path).not.toMatch(/>Ändra</);
    }
    expect(await (await session.request(`/f/${fid}/ar/2026/medelstilldelning`)).text()).toContain('Medelstilldelning 2026: 1\u00a0200\u00a0000\u00a0kr.');
  });

  it('refuses edits', async () => {
    const post = (path: string) =>
      session.request(path, { method: 'POST', body: new URLSearchParams({ cost: '1' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect((await post(`/f/${fid}/ar/2026/budget/post/1`)).status).toBe(403);
    expect((await post(`/f/${fid}/medlemmar`)).status).toBe(403);
    expect((await post(`/f/${fid}/ar/2026/utfall`)).status).toBe(403);
    expect((await session.request(`/f/${fid}/ar/2026/budget/post/1`)).status).toBe(403);
  });
});
