/**
 * What the answer itself promises about transport and caching:
 * - a path with a malformed percent-encoding (/f/%FF) is the client's mistake, answered 400, never a 500;
 * - Strict-Transport-Security only on an answer sent over HTTPS (RFC 6797 §7.2: a host must not send it over
 *   plain HTTP); behind a proxy that ends TLS, X-Forwarded-Proto counts when SAMORDNA_TRUST_PROXY=1;
 * - the pages that carry a token in their address or form (/login, /inbjudan, /aterstall) are never stored by
 *   a browser or proxy, logged in or not.
 */
import type { MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

export function malformedPath(): MiddlewareHandler {
  return async (c, next) => {
    const raw = new URL(c.req.url).pathname;
    try {
      decodeURIComponent(raw);
    } catch {
      throw new HTTPException(400, { message: 'Adressen är felaktigt kodad.' });
    }
    await next();
  };
}

export function isHttps(url: string, forwardedProto: string | undefined): boolean {
  if (new URL(url).protocol === 'https:') return true;
  return process.env.SAMORDNA_TRUST_PROXY === '1' && forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

export function strictTransport(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (isHttps(c.req.url, c.req.header('x-forwarded-proto'))) c.res.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    else c.res.headers.delete('strict-transport-security');
  };
}

const tokenPages = /^\/(login|inbjudan|aterstall)(\/|$)/;

export function noStoreOnTokenPages(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (tokenPages.test(c.req.path)) {
      try {
        c.res.headers.set('cache-control', 'no-store');
      } catch {
        c.header('cache-control', 'no-store');
      }
    }
  };
}
