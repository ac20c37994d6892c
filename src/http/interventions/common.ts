import type { Principal } from '../../core/access/permissions.ts';
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { pathId, queryYear } from '../kit/params.ts';
import { currentYear } from '../../core/calendar.ts';

/** The :id of an intervention (or another row) in the path (malformed: 400; unknown: the service's 404). */
export function idParam(c: Context<AppEnv>, name: string): number {
  return pathId(c, name);
}

/** ?ar=2025 (pages) or ?year=2025 (API); default the current year. */
export function yearParam(c: Context<AppEnv>): number {
  return queryYear(c) ?? currentYear();
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
