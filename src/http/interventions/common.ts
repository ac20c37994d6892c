import type { Principal } from '../../core/access/permissions.ts';
import type { Context } from 'hono';
import { InputError } from '../../core/errors.ts';
import type { AppEnv } from '../context.ts';
import { pathId, queryYear } from '../kit/params.ts';

/** The :id of an intervention (or another row) in the path (malformed: 400; unknown: the service's 404). */
export function idParam(c: Context<AppEnv>, name: string): number {
  return pathId(c, name);
}

/** ?ar=2025 (pages) or ?year=2025 (API); default the current year. */
export function yearParam(c: Context<AppEnv>): number {
  return queryYear(c) ?? new Date().getUTCFullYear();
}

/** A posted form as plain fields (repeated fields become arrays; files are left out). */
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

export const interventionsBase = (federationId: number) => `/f/${federationId}/insatser`;

/**
 * The CSRF token of this response, when the request context has one (the auth area adds it; every posting
 * form carries it as the hidden field "_csrf"). Read without depending on that area's types.
 */
export function csrfTokenOf(c: Context<AppEnv>): string | undefined {
  return (c.get('ctx') as { csrfToken?: string }).csrfToken;
}

/**
 * The intervention's own staff (insats role assigned to it), or the local single user: they see the
 * intervention's records, so they see its statistics live. Everyone else sees the frozen publication.
 */
export function isOwnStaff(ctx: { principal: Principal }, federationId: number, interventionId: number): boolean {
  if (ctx.principal.local) return true;
  const grant = ctx.principal.federations.get(federationId);
  return grant?.role === 'insats' && grant.interventionIds.includes(interventionId);
}

