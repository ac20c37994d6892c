/**
 * Path and query values of a request, read through the boundary (src/core/input): a malformed value is a
 * 400 with a Swedish message everywhere; whether a well-formed year or id exists is the service's question
 * (404). Routes never call Number() on what a client sent.
 */
import type { Context } from 'hono';
import { parseId, parseInteger, parseMonth, parseYear, valueOrThrow } from '../../core/input/index.ts';
import type { AppEnv } from '../context.ts';

type Ctx = Context<AppEnv>;

/** A year in the path (`:year`). */
export function pathYear(c: Ctx, name = 'year'): number {
  return valueOrThrow(parseYear(c.req.param(name) ?? ''), { field: name });
}

/** A record id in the path (`:id`, `:interventionId` …). */
export function pathId(c: Ctx, name: string): number {
  return valueOrThrow(parseId(c.req.param(name) ?? ''), { field: name });
}

/** An optional query value read by a boundary parser: undefined when absent or empty. */
function optionalQuery<T>(c: Ctx, names: readonly string[], parse: (raw: string) => ReturnType<typeof parseYear> | { ok: true; value: T } | { ok: false; message: string }): T | undefined {
  for (const name of names) {
    const raw = c.req.query(name);
    if (raw !== undefined && raw !== '') return valueOrThrow(parse(raw) as { ok: true; value: T } | { ok: false; message: string }, { field: name });
  }
  return undefined;
}

/** ?ar=2025 / ?year=2025 — undefined when not given. */
export function queryYear(c: Ctx, names: readonly string[] = ['ar', 'year']): number | undefined {
  return optionalQuery<number>(c, names, parseYear);
}

/** A year the query must give (?ar=2025): missing or malformed is 400. */
export function requiredQueryYear(c: Ctx, name: string): number {
  return valueOrThrow(parseYear(c.req.query(name) ?? ''), { field: name });
}

/** ?throughMonth=3 / ?manad=3 — undefined when not given. */
export function queryMonth(c: Ctx, names: readonly string[]): number | undefined {
  return optionalQuery<number>(c, names, parseMonth);
}

/** An optional id in the query (?intervention=12). */
export function queryId(c: Ctx, name: string): number | undefined {
  return optionalQuery<number>(c, [name], parseId);
}

/** An optional whole number in the query within limits (?limit=1000). */
export function queryInteger(c: Ctx, name: string, limits: { min: number; max: number }): number | undefined {
  return optionalQuery<number>(c, [name], (raw) => parseInteger(raw, limits));
}
