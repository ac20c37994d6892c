import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { pathId } from '../kit/params.ts';

export type C = Context<AppEnv>;

/** The :roundId path parameter (malformed: 400; unknown: the service's 404). */
export function roundIdParam(c: C): number {
  return pathId(c, 'roundId');
}

/** The address respondents open: SAMORDNA_PUBLIC_URL (behind a proxy) or this request's origin. */
export function publicUrl(c: C, path: string): string {
  const base = process.env.SAMORDNA_PUBLIC_URL?.replace(/\/+$/, '') || new URL(c.req.url).origin;
  return base + path;
}

