import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { jsx } from 'hono/jsx';
import { contextStorage } from 'hono/context-storage';
import { FlashMessage } from './flash.tsx';

/**
 * A refused save never shows an earlier success (issue 28: "Rekvisitionen är sparad." stayed above the error).
 * A form on a confirmed page posts to an address that still carries ?sparat=; the answer to that post is a
 * refusal and must not repeat the confirmation.
 */
describe('the confirmation after a save', () => {
  const app = new Hono();
  app.use('*', contextStorage());
  const body = () => `<main>${String(jsx(FlashMessage as never, {}))}</main>`;
  app.get('/sida', (c) => c.html(body()));
  app.post('/sida', (c) => c.html(body(), 400));

  it('shows on the page the save redirected to', async () => {
    expect(await (await app.request('/sida?sparat=requisition')).text()).toContain('Rekvisitionen är sparad.');
  });

  it('does not show above a refused form posted from that page', async () => {
    const res = await app.request('/sida?sparat=requisition', { method: 'POST' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('Rekvisitionen är sparad.');
  });
});
