import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { jsx } from 'hono/jsx';
import { contextStorage } from 'hono/context-storage';
import { FlashMessage, flashMessage, withFlash } from './flash.tsx';

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

/** A removal says what it removed, by name; only a name this server put in the redirect reaches the page. */
describe('the confirmation of a removal', () => {
  const app = new Hono();
  app.use('*', contextStorage());
  app.get('/sida', (c) => c.html(`<main>${String(jsx(FlashMessage as never, {}))}</main>`));

  it('names what was removed', async () => {
    const url = withFlash('/sida#lista', 'removed-named', 'ledamoten Anna Andersson');
    expect(url.endsWith('#lista')).toBe(true);
    const html = await (await app.request(url.replace(/#.*/, ''))).text();
    expect(html).toContain('Du har tagit bort <strong>ledamoten Anna Andersson</strong>.');
  });

  it('never shows a name a link made elsewhere put there', async () => {
    const forged = `/sida?sparat=removed-named&detalj=${encodeURIComponent('ditt konto. Ring 010-123 45 67~AAAAAAAAAAAAAAAAAAAAAA')}`;
    const html = await (await app.request(forged)).text();
    expect(html).not.toContain('Ring');
    expect(html).toContain('Uppgiften är borttagen.');
    expect(flashMessage('removed-named', 'budgetposten Lön')).toBe('Uppgiften är borttagen.');
    const signed = new URL(withFlash('/x', 'removed-named', 'budgetposten Lön'), 'http://h').searchParams.get('detalj')!;
    expect(flashMessage('removed-named', signed)).toBe('Du har tagit bort budgetposten Lön.');
    expect(flashMessage('removed-named', signed.replace('Lön', 'Hyra'))).toBe('Uppgiften är borttagen.');
  });
});
