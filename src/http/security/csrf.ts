import type { Context } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError } from '../../core/errors.ts';

/** The form field and the request header that carry the CSRF token. */
export const csrfFieldName = '_csrf';
export const csrfHeaderName = 'x-csrf-token';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !safeMethods.has(method.toUpperCase());
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token the request presents: the X-CSRF-Token header (fetch) or the _csrf form field (forms). */
export async function presentedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(csrfHeaderName);
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    // Hono caches the parsed body, so the route can read it again.
    const body = await c.req.parseBody();
    const v = body[csrfFieldName];
    return typeof v === 'string' ? v : undefined;
  }
  return undefined;
}

/**
 * A request a browser sends on behalf of another site always carries Origin or Sec-Fetch-Site (or the
 * site's cookies). A request with none of them comes from a script, a test or curl, not from a browser
 * tricked by another site.
 */
export function fromBrowser(c: Context): boolean {
  return !!(c.req.header('origin') || c.req.header('sec-fetch-site') || c.req.header('cookie'));
}

/** The browser itself says the request comes from this site (Fetch Metadata, or Origin equal to the host). */
export function sameOriginByBrowser(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site) return site === 'same-origin';
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

/**
 * Synchronizer-token check of a state-changing request. With a session the token must equal the session's
 * token. Without one (login form, local single-user mode) it must equal the visitor's CSRF cookie; in the
 * local single-user mode, where no login exists to protect, a browser's own same-origin statement or a
 * request that no browser sent (scripts, tests) is accepted too.
 */
export async function checkCsrf(c: Context, expected: string | null, mode: 'session' | 'anonymous' | 'local', publicForm = false): Promise<void> {
  if (!isStateChanging(c.req.method)) return;
  const token = await presentedToken(c);
  if (token && expected && same(token, expected)) return;
  if (mode === 'local' && (!fromBrowser(c) || sameOriginByBrowser(c))) return;
  // A public form that needs no login (the survey answer page, /e/TOKEN): a request no browser sent cannot
  // be a forged one, so scripts may post it without first fetching the page; a browser still needs the token.
  if (publicForm && !fromBrowser(c)) return;
  throw new ForbiddenError('Formuläret har gått ut eller kom inte från Samordna (CSRF-skydd). Ladda om sidan och försök igen.');
}
