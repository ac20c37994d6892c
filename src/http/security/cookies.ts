import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const sessionCookie = 'samordna_session';
/** CSRF token of a visitor without a session (the login form, and the local single-user mode). */
export const anonCsrfCookie = 'samordna_csrf';

/**
 * Secure cookies when the request arrived over TLS: directly, or through a proxy that says so in
 * X-Forwarded-Proto; SAMORDNA_SECURE_COOKIES=1 forces them.
 */
export function isSecureRequest(c: Context): boolean {
  if (process.env.SAMORDNA_SECURE_COOKIES === '1') return true;
  if ((c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

export function setHttpOnlyCookie(c: Context, name: string, value: string, maxAgeSeconds?: number): void {
  setCookie(c, name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isSecureRequest(c),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function readCookie(c: Context, name: string): string | undefined {
  const v = getCookie(c, name);
  return v && /^[A-Za-z0-9_-]{20,100}$/.test(v) ? v : undefined;
}

export function clearCookie(c: Context, name: string): void {
  deleteCookie(c, name, { path: '/', secure: isSecureRequest(c) });
}
