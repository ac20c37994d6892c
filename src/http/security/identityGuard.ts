/**
 * The identity guard at the door: every write's form fields, JSON body (keys and values, nested), uploaded
 * file names and query values are read by the core's guard before any route sees them, so a field a route
 * adds tomorrow is guarded without anyone remembering to. Refused as InputError naming each field (the app's
 * onError renders the form again with those fields empty, or answers JSON 400) — never repeating the value.
 * Routes still parse their fields through src/core/input; this is the net under all of them.
 * Passwords are not read (they are never stored or shown, only hashed).
 */
import type { MiddlewareHandler } from 'hono';
import { InputError } from '../../core/errors.ts';
import { identityProblems } from '../../core/privacy/identityGuard.ts';
import type { AppEnv } from '../context.ts';
import { pageFieldName, secretFieldNames } from '../kit/form.tsx';
import { csrfFieldName } from './csrf.ts';

const skipped = new Set([...secretFieldNames, csrfFieldName, pageFieldName]);

/** What a request sends that is stored or shown: field values, a file by its name, keys of JSON objects. */
export function sentTexts(body: unknown): unknown {
  if (body instanceof File) return body.name;
  if (Array.isArray(body)) return body.map(sentTexts);
  if (body && typeof body === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(body)) {
      const name = k.endsWith('[]') ? k.slice(0, -2) : k;
      if (skipped.has(name)) continue;
      // A key is text someone sent as much as a value is: "811228-9874": true would otherwise slip by.
      out[name] = sentTexts(v);
      if (/\p{N}/u.test(k)) out[`${name} (namn)`] = k;
    }
    return out;
  }
  return body;
}

export function identityGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next();
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    let body: unknown = null;
    let form = false;
    // JSON from a clone: a route that streams its body (the SIE upload, any content type) still gets it whole.
    if (type.startsWith('application/json')) body = await c.req.raw.clone().json().catch(() => null);
    else if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      body = await c.req.parseBody({ all: true }).catch(() => null);
      form = true;
    }
    const problems = [...identityProblems(sentTexts(body)), ...identityProblems(c.req.queries())];
    if (!problems.length) return next();
    // A form's repeated field ("kommuner" checked twice) is one field on the page: its message sits beside it.
    const named = form ? problems.map((p) => ({ ...p, field: p.field?.replace(/\[\d+\]$/, '') })) : problems;
    throw new InputError(named.filter((p, i) => named.findIndex((q) => q.field === p.field) === i));
  };
}
