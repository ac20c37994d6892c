/**
 * The one place request bodies are read: posted forms and JSON. Values are then read through the boundary
 * parsers (src/core/input) by the service or the route.
 */
import type { Context } from 'hono';
import { InputError } from '../../core/errors.ts';
import type { AppEnv } from '../context.ts';

/** A posted form: each text field's first value (`one`) and all its values (`many`); files are left out. */
export interface PostedForm {
  readonly one: Record<string, string>;
  readonly many: Record<string, string[]>;
}

export async function postedForm(c: Context<AppEnv>): Promise<PostedForm> {
  const body = await c.req.parseBody({ all: true });
  const one: Record<string, string> = {};
  const many: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    const list = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
    many[k] = list;
    if (list.length) one[k] = list[0]!;
  }
  return { one, many };
}

/** A posted form as text fields, one value each. */
export async function formTextFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  return (await postedForm(c)).one;
}

/** A posted form as plain fields: repeated fields and fields named `x[]` become arrays. */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const { many } = await postedForm(c);
  const out: Record<string, unknown> = {};
  for (const [k, list] of Object.entries(many)) {
    if (k.endsWith('[]')) out[k.slice(0, -2)] = list;
    else if (list.length > 1) out[k] = list;
    else if (list.length === 1) out[k] = list[0];
  }
  return out;
}

/** A JSON request body as an object, or 400. */
export async function jsonBody(c: Context<AppEnv>): Promise<Record<string, unknown>> {
  const body = await c.req.json().catch(() => null);
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new InputError({ message: 'Förfrågan ska ha en JSON-kropp (ett objekt).' });
  return body as Record<string, unknown>;
}
