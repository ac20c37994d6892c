/**
 * A refused write shown beside its fields. Page forms usually come back through the app's common mechanism
 * (renderFormAgain in app.tsx with the <Form> helpers of kit/form.tsx); a route that renders its own page again
 * maps the InputError's problems to the form's fields here.
 */
import type { InputProblem } from '../../core/errors.ts';

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
