import { afterEach, describe, expect, it, vi } from 'vitest';
import { Hono } from 'hono';
import { requestLog } from './log.ts';

describe('structured request log', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.SAMORDNA_LOG;
  });

  it('writes one JSON line per request without query string or body', async () => {
    process.env.SAMORDNA_LOG = 'on';
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    const app = new Hono();
    app.use('*', requestLog());
    app.post('/f/:federationId/participants', (c) => c.text('ok', 201));
    await app.request('/f/3/participants?note=hemligt', { method: 'POST', body: 'pseudonym=ABC123&fritext=hemlig' });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'info', event: 'request', method: 'POST', route: '/f/:federationId/participants', path: '/f/3/participants', status: 201 });
    expect(lines[0]).not.toMatch(/hemlig|ABC123/);
  });

  it('never logs a survey code or open-link token (the answer path)', async () => {
    process.env.SAMORDNA_LOG = 'on';
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => (lines.push(String(s)), true));
    const app = new Hono();
    app.use('*', requestLog());
    app.post('/e/:token', (c) => c.text('Tack'));
    await app.request('/e/abcdefgh23456789', { method: 'POST', body: 'q1=2' });
    expect(JSON.parse(lines[0]!)).toMatchObject({ route: '/e/:token', path: '/e/…', status: 200 });
    expect(lines[0]).not.toContain('abcdefgh23456789');
  });
});
