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

/** A posted form: each field's first value, and all its values. */
export async function fields(c: C): Promise<{ one: Record<string, string>; many: Record<string, string[]> }> {
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
