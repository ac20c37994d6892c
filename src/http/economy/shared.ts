import type { Context } from 'hono';
import { NotFoundError } from '../../core/errors.ts';
import type { AppEnv } from '../context.ts';
import { pathYear, queryYear } from '../kit/params.ts';
import type { FieldErrors } from '../kit/form.tsx';
import type { InputProblem } from '../../core/errors.ts';

/** Helpers shared by the economy pages: the year in the path or query, form fields, messages after a save. */

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

/** A posted form as text fields (files are not text fields). */
export async function formFields(c: EconomyContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** Field errors from an InputError's problems, mapping the service's field names to the form's. */
export function problemsToFieldErrors(problems: readonly InputProblem[], fieldMap: Readonly<Record<string, string>> = {}): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const p of problems) {
    const name = p.field ? (fieldMap[p.field] ?? p.field) : undefined;
    if (name && !(name in fields)) fields[name] = p.message;
    else general.push(p.message);
  }
  return { fields, general };
}

export type { FieldErrors };
