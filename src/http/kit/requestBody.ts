/**
 * The one place request bodies are read: posted forms and JSON. Values are then read through the boundary
 * parsers (src/core/input) by the service or the route.
 */
import type { Context } from 'hono';
import { InputError } from '../../core/errors.ts';
import type { AppEnv } from '../context.ts';

/** A posted form as text fields, one value each (files are not text fields). */
export async function formTextFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A posted form as plain fields: repeated fields and fields named `x[]` become arrays; files are left out. */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const key = k.endsWith('[]') ? k.slice(0, -2) : k;
    if (Array.isArray(v)) out[key] = v.filter((x) => typeof x === 'string');
    else if (typeof v === 'string') out[key] = k.endsWith('[]') ? [v] : v;
  }
  return out;
}

/** A JSON request body as an object, or 400. */
export async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InputError({ message: 'Förväntade ett JSON-objekt.' });
  return body as Record<string, unknown>;
}
