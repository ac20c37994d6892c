import type { Context } from 'hono';
import { NotFoundError } from '../../core/errors.ts';
import type { AppEnv } from '../context.ts';
import { pathYear, queryYear } from '../kit/params.ts';
import type { FieldErrors } from '../kit/form.tsx';

/** Helpers shared by the economy pages: the year in the path or query. */

export type EconomyContext = Context<AppEnv>;

/** The :year path parameter (malformed: 400; a year the förbund lacks is the service's 404). */
export function yearParam(c: EconomyContext): number {
  return pathYear(c);
}

/** The year chosen with ?ar=…, else the latest of the förbund's years; null when it has none. */
export function chosenYear(c: EconomyContext, years: readonly number[]): number | null {
  const y = queryYear(c, ['ar']);
  if (y !== undefined) {
    if (!years.includes(y)) throw new NotFoundError(`Året ${y} finns inte för förbundet.`);
    return y;
  }
  return years.length ? Math.max(...years) : null;
}

/** The year asked for with ?ar=… (null: none, i.e. the latest); malformed → 400, unknown → 404 by the loader. */
export function chosenYearParam(c: EconomyContext): number | null {
  return queryYear(c, ['ar']) ?? null;
}

export type { FieldErrors };
