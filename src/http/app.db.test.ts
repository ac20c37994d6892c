import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/support/db.ts';
import { createApp } from './app.tsx';

describe('web app shell', () => {
  let db: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    db = await createTestDb();
    await db.query("insert into federation (name) values ('Samordningsförbundet Test')");
  });
  afterAll(() => db.drop());

  it('lists the förbund on the start page, in Swedish, with security headers', async () => {
    const res = await createApp({ db }).request('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('lang="sv"');
    expect(html).toContain('Samordningsförbundet Test');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers an unknown förbund with 404 and no stack trace', async () => {
    const res = await createApp({ db }).request('/api/federations/999999/anything');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Förbundet finns inte.' });
  });
});
